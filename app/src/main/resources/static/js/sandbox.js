// 沙盘推演: eligible enterprises by county, industry and size, one bar series per variant.
(function () {
  const charts = window.zhidaPageData('chart');
  if (!charts) return;
  const colors = ['#1d4f91', '#c8161d'];
  function bars(id, dim, horizontal) {
    const chart = echarts.init(document.getElementById(id));
    const cat = {type: 'category', data: dim.categories, axisLabel: {interval: 0, fontSize: 11}};
    const val = {type: 'value', name: '户'};
    chart.setOption({
      color: colors, animation: false, tooltip: {trigger: 'axis'}, legend: {top: 0},
      grid: {left: 8, right: 16, top: 30, bottom: 8, containLabel: true},
      xAxis: horizontal ? val : cat, yAxis: horizontal ? cat : val,
      series: dim.series.map((data, i) => ({name: charts.variants[i], type: 'bar', data: data}))
    });
  }
  bars('chart-region', charts.region, true);
  bars('chart-industry', charts.industry, true);
  bars('chart-size', charts.size, false);
})();
