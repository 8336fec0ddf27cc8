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
