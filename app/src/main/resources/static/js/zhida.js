// Behaviour the pages declare with data-* attributes. The Content-Security-Policy allows no inline script
// (no <script> blocks, no onclick=), so every page's script lives in /js and reads its data from attributes.
(function () {
  // data-confirm on a form or its submit button; data-prompt (+ data-prompt-field) asks for a value first.
  document.addEventListener('submit', function (e) {
    const form = e.target;
    const button = e.submitter;
    const question = (button && button.dataset.confirm) || form.dataset.confirm;
    if (question && !window.confirm(question)) {
      e.preventDefault();
      return;
    }
    if (form.dataset.prompt) {
      const answer = window.prompt(form.dataset.prompt);
      if (!answer) {
        e.preventDefault();
        return;
      }
      form.elements[form.dataset.promptField].value = answer;
    }
  });

  document.addEventListener('change', function (e) {
    const el = e.target;
    if (el.matches('[data-autosubmit]')) {
      el.form.submit();
    }
    if (el.matches('[data-period-switch]')) { // reports: the period field follows the kind of report
      el.form.elements.period.value = el.value === 'MONTHLY' ? el.dataset.m : el.dataset.q;
    }
  });

  document.addEventListener('click', function (e) {
    const el = e.target.closest('[data-print], [data-back], [data-clone-from]');
    if (!el) {
      return;
    }
    if (el.matches('[data-print]')) {
      window.print();
    } else if (el.matches('[data-back]')) {
      e.preventDefault();
      window.history.back();
    } else { // add one more of a repeated block (a survey question), emptied
      const copy = document.querySelector(el.dataset.cloneFrom).cloneNode(true);
      copy.querySelectorAll('input').forEach(function (i) { i.value = ''; });
      copy.querySelectorAll('[data-clone-clear]').forEach(function (s) { s.value = ''; });
      document.querySelector(el.dataset.cloneInto).appendChild(copy);
    }
  });
})();

/** The JSON a page hands its script in a data attribute of #page-data (HTML-escaped by the template engine). */
window.zhidaPageData = function (name) {
  const holder = document.getElementById('page-data');
  const text = holder && holder.dataset[name];
  return text ? JSON.parse(text) : null;
};

// Before a signed-in session expires: a warning five minutes ahead with 保持登录; at expiry, the login page,
// which brings the person back to this page afterwards.
(function () {
  const session = document.getElementById('zd-session');
  if (!session) {
    return;
  }
  const timeout = Number(session.dataset.timeout) * 1000;
  const warnAhead = Math.min(5 * 60 * 1000, timeout / 2);
  let warnTimer;
  let expireTimer;
  let banner;
  const here = window.location.pathname + window.location.search;
  function schedule() {
    clearTimeout(warnTimer);
    clearTimeout(expireTimer);
    warnTimer = setTimeout(warn, timeout - warnAhead);
    expireTimer = setTimeout(function () {
      window.location.href = '/login?expired&continue=' + encodeURIComponent(here);
    }, timeout);
  }
  function warn() {
    if (banner) {
      return;
    }
    banner = document.createElement('div');
    banner.className = 'alert alert-warning shadow position-fixed bottom-0 end-0 m-3 d-flex align-items-center gap-2';
    banner.id = 'session-warning';
    banner.style.zIndex = 2000;
    const text = document.createElement('span');
    text.textContent = '长时间未操作，登录将在 ' + Math.round(warnAhead / 60000) + ' 分钟后超时，未提交的内容请及时提交。';
    const keep = document.createElement('button');
    keep.className = 'btn btn-sm btn-warning';
    keep.type = 'button';
    keep.textContent = '保持登录';
    keep.addEventListener('click', function () {
      const token = document.querySelector('input[name="_csrf"]');
      fetch('/session/keep', {method: 'POST', credentials: 'same-origin',
        headers: token ? {'X-CSRF-TOKEN': token.value} : {}}).then(function (r) {
        if (r.ok) {
          banner.remove();
          banner = null;
          schedule();
        }
      });
    });
    banner.append(text, keep);
    document.body.append(banner);
  }
  schedule();
})();

// Lists as cards on a phone: every staff list (table.table-zd) that does not say how itself gets the column names
// as labels (data-label) from its header and its first column as the card's title; the CSS does the rest below 576 px.
(function () {
  document.querySelectorAll('table.table-zd:not(.zd-cards):not([data-no-cards])').forEach(function (table) {
    const heads = Array.from(table.querySelectorAll(':scope > thead > tr:first-child > th')).map(function (th) {
      return (th.dataset.short || th.textContent).trim(); // a short label where the column head is long
    });
    if (heads.length < 2) {
      return;
    }
    table.classList.add('zd-cards');
    const wrap = table.closest('.table-responsive');
    if (wrap) {
      wrap.classList.add('zd-cards-wrap');
    }
    table.querySelectorAll(':scope > tbody > tr').forEach(function (tr) {
      let column = 0;
      Array.from(tr.children).forEach(function (td) {
        if (column === 0 && !td.hasAttribute('colspan')) {
          td.classList.add('zd-card-title');
        } else if (!td.hasAttribute('data-label') && heads[column]) {
          td.setAttribute('data-label', heads[column]);
        }
        column += td.colSpan || 1;
      });
    });
  });
})();
