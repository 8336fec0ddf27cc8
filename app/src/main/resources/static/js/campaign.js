// 评价活动: each county's and department's score, stacked by first-level indicator.
(function () {
  const lists = {county: window.zhidaPageData('counties') || [], department: window.zhidaPageData('departments') || []};
  for (const kind of ['county', 'department']) {
    const el = document.getElementById('chart-' + kind);
    const rows = lists[kind];
    if (!el || !rows.length) continue;
    const roots = Object.keys(rows[0].subtotals);
    echarts.init(el).setOption({animation: false, tooltip: {trigger: 'axis'}, legend: {top: 0},
      color: ['#1d4f91', '#2e8b57', '#c8161d'], grid: {left: 8, right: 16, top: 28, bottom: 8, containLabel: true},
      xAxis: {type: 'value', max: 100}, yAxis: {type: 'category', inverse: true, data: rows.map(r => r.name), axisLabel: {interval: 0, fontSize: 11}},
      series: roots.map(k => ({name: k, type: 'bar', stack: 'total', data: rows.map(r => r.subtotals[k])}))});
  }
})();
