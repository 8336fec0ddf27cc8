// 三率: the trend of the three rates over the period.
(function () {
  const trend = window.zhidaPageData('trend');
  const el = document.getElementById('trend');
  if (!trend || !el) return;
  echarts.init(el).setOption({
    animation: false, tooltip: {trigger: 'axis'}, legend: {top: 0},
    color: ['#1d4f91', '#2e8b57', '#c8161d'],
    grid: {left: 8, right: 16, top: 30, bottom: 8, containLabel: true},
    xAxis: {type: 'category', data: trend.labels}, yAxis: {type: 'value', min: 0, max: 100},
    series: [
      {name: '知晓覆盖率', type: 'line', data: trend.awareness, connectNulls: true},
      {name: '办理满意率', type: 'line', data: trend.satisfaction, connectNulls: true},
      {name: '兑现到位率', type: 'line', data: trend.fulfillment, connectNulls: true}]
  });
})();
