// 企业数据导入: polls the import's status while it runs, then reloads the page with the result.
(function () {
  const holder = document.getElementById('page-data');
  if (!holder || !holder.dataset.statusUrl) return;
  const url = holder.dataset.statusUrl;
  (function poll() {
    fetch(url, {headers: {Accept: 'application/json'}}).then(r => r.json()).then(s => {
      const pct = Math.floor(s.progress * 100) + '%';
      const bar = document.getElementById('import-bar');
      bar.style.width = pct;
      bar.textContent = pct;
      for (const k of ['rowsRead', 'created', 'updated', 'unchanged', 'rejected']) {
        document.getElementById('n-' + k.replace('rowsRead', 'read')).textContent = s[k].toLocaleString('zh-CN');
      }
      if (s.state === 'RUNNING') { setTimeout(poll, 1000); } else { location.reload(); }
    }).catch(() => setTimeout(poll, 3000));
  })();
})();
