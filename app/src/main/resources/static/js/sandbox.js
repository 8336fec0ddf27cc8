// 沙盘推演: eligible enterprises by county, industry and size, one bar series per variant.
(function () {
  const charts = window.zhidaPageData('chart');
  if (!charts) return;
  const colors = ['#1d4f91', '#c8161d'];
  const narrow = window.matchMedia('(max-width: 575.98px)').matches;
  // a phone shows every category on its own line: the chart grows with them and long names are shortened
  function label(name) {
    return narrow && name.length > 6 ? name.slice(0, 6) + '…' : name;
  }
  function bars(id, dim, horizontal) {
    const element = document.getElementById(id);
    if (horizontal) {
      element.style.height = Math.max(240, 60 + dim.categories.length * dim.series.length * (narrow ? 18 : 14)) + 'px';
    }
    const chart = echarts.init(element);
    const cat = {type: 'category', data: dim.categories, axisLabel: {interval: 0, fontSize: 11, formatter: label}};
    const val = {type: 'value', name: '户', axisLabel: {hideOverlap: true}};
    chart.setOption({
      color: colors, animation: false, tooltip: {trigger: 'axis', confine: true}, legend: {top: 0},
      grid: {left: 8, right: 24, top: 30, bottom: 8, containLabel: true},
      xAxis: horizontal ? val : cat, yAxis: horizontal ? Object.assign(cat, {inverse: true}) : val,
      series: dim.series.map((data, i) => ({name: charts.variants[i], type: 'bar', data: data}))
    });
    window.addEventListener('resize', () => chart.resize());
  }
  bars('chart-region', charts.region, true);
  bars('chart-industry', charts.industry, true);
  bars('chart-size', charts.size, false);
})();
