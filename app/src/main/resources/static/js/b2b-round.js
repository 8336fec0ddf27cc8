// 背靠背评价: the counties' total scores of one round.
(function () {
  const chart = window.zhidaPageData('chart');
  const el = document.getElementById('county-chart');
  if (!chart || !el) return;
  echarts.init(el).setOption({animation: false, tooltip: {}, grid: {left: 8, right: 16, top: 10, bottom: 8, containLabel: true},
    xAxis: {type: 'value', min: 0, max: 100}, yAxis: {type: 'category', data: chart.names, inverse: true},
    series: [{type: 'bar', data: chart.totals, itemStyle: {color: '#1d4f91'}, label: {show: true, position: 'right'}}]});
})();
