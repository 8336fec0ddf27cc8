// 诉求分析: the hot words as bars (a click opens the texts behind a word) and the trends by month as lines.
(function () {
  const words = window.zhidaPageData('words');
  const trend = window.zhidaPageData('trend');
  const blue = '#1d4f91';
  const wordsEl = document.getElementById('words-chart');
  if (words && wordsEl) {
    const top = words.slice(0, 15);
    const chart = echarts.init(wordsEl);
    chart.setOption({animation: false, tooltip: {}, grid: {left: 8, right: 24, top: 8, bottom: 8, containLabel: true},
      xAxis: {type: 'value', minInterval: 1}, yAxis: {type: 'category', inverse: true, data: top.map(w => w.word), axisLabel: {interval: 0}},
      series: [{type: 'bar', color: blue, data: top.map(w => w.count)}]});
    const links = [...document.querySelectorAll('#hot-words a')];
    chart.on('click', p => { const a = links[p.dataIndex]; if (a) location.href = a.href; });
  }
  const trendEl = document.getElementById('trend-chart');
  if (trend && trendEl && trend.series.length) {
    echarts.init(trendEl).setOption({animation: false, tooltip: {trigger: 'axis'}, legend: {top: 0, type: 'scroll', formatter: n => n.length > 14 ? n.slice(0, 14) + '…' : n},
      grid: {left: 8, right: 16, top: 36, bottom: 8, containLabel: true},
      xAxis: {type: 'category', data: trend.months}, yAxis: {type: 'value', minInterval: 1},
      series: trend.series.map(s => ({name: s.name, type: 'line', data: s.counts}))});
  }
})();
