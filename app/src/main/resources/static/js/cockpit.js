// 领导驾驶舱: funnel, trend and distributions; a click on a bar drills down by adding a filter to the address.
(function () {
  const s = window.zhidaPageData('summary');
  const b = window.zhidaPageData('breakdown');
  if (!s || !b) return;
  const base = new URLSearchParams(location.search);
  function drill(key, value) { const p = new URLSearchParams(base); p.set(key, value); location.search = p.toString(); }
  const blue = '#1d4f91', red = '#c8161d', green = '#2e8b57';
  echarts.init(document.getElementById('funnel')).setOption({animation: false, tooltip: {}, color: [blue, '#3f6fb5', '#6c93cc', green],
    series: [{type: 'funnel', sort: 'none', left: 10, right: 90, minSize: '18%', label: {formatter: '{b}\n{c}'}, data: [
      {name: '匹配推送', value: s.matched}, {name: '已阅读', value: s.read}, {name: '申报', value: s.submitted}, {name: '核准', value: s.approved}]}]});
  const pct = (n, d) => d ? Math.round(n * 1000 / d) / 10 : null;
  const phone = window.matchMedia('(max-width: 575.98px)').matches; // the legend below the chart, clear of the axis names
  echarts.init(document.getElementById('trend')).setOption({animation: false, tooltip: {trigger: 'axis'},
    legend: phone ? {bottom: 0} : {top: 0},
    grid: {left: 8, right: 8, top: phone ? 30 : 56, bottom: phone ? 56 : 8, containLabel: true}, xAxis: {type: 'category', data: b.months.map(m => m.month)},
    yAxis: [{type: 'value', min: 0, max: 100, name: '比率（%）'}, {type: 'value', name: '拨付（万元）'}],
    series: [{name: '知晓（推送阅读）', type: 'line', color: blue, data: b.months.map(m => pct(m.read, m.matched))},
      {name: '满意', type: 'line', color: green, data: b.months.map(m => pct(m.satisfied, m.ratings))},
      {name: '到位', type: 'line', color: red, data: b.months.map(m => pct(m.paidOnTime, m.paid))},
      {name: '拨付金额', type: 'bar', yAxisIndex: 1, color: '#c9d6ea', data: b.months.map(m => Math.round(m.paidAmount / 10000))}]});
  function bars(id, list, key, horizontal) {
    const chart = echarts.init(document.getElementById(id));
    const cat = {type: 'category', data: list.map(x => x.name), inverse: horizontal, axisLabel: {interval: 0, fontSize: 11}};
    // the unit stays on screen: at the axis's end, inside the space kept for it
    const val = {type: 'value', name: '金额（万元）', nameLocation: 'end', nameGap: 6, nameTextStyle: {align: 'right', verticalAlign: 'bottom'},
      axisLabel: {hideOverlap: true}};
    chart.setOption({animation: false, tooltip: {valueFormatter: v => v + ' 万元'}, grid: {left: 8, right: 24, top: 36, bottom: 8, containLabel: true},
      xAxis: horizontal ? val : cat, yAxis: horizontal ? cat : val,
      series: [{type: 'bar', color: blue, data: list.map(x => Math.round(x.amount / 10000))}]});
    if (key) chart.on('click', p => drill(key, list[p.dataIndex].key));
  }
  bars('regions', b.regions, base.get('region') ? null : 'region', true);
  bars('industries', b.industries, 'industry', true);
  bars('departments', b.departments, 'department', true);
  // on a phone the sizes are named in a legend below the ring instead of labels cut off at its sides
  const narrow = window.matchMedia('(max-width: 575.98px)').matches;
  echarts.init(document.getElementById('sizes')).setOption({animation: false, tooltip: {formatter: '{b}: {c} 户（{d}%）'},
    legend: narrow ? {bottom: 0} : undefined,
    series: [{type: 'pie', radius: narrow ? ['30%', '58%'] : ['35%', '70%'], center: narrow ? ['50%', '42%'] : ['50%', '50%'],
      label: narrow ? {show: false} : {formatter: '{b}\n{d}%'}, data: b.sizes.map(x => ({name: x.name, value: x.count}))}]});
})();
