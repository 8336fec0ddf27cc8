// 条件生成器: attribute / operator / value rows in AND/OR groups, written out as a CEL condition.
// The expression stays editable; the builder only writes it.
(function () {
  const root = document.getElementById('builder');
  if (!root) return;
  const attributes = JSON.parse(root.dataset.attributes);
  const groupsBox = document.getElementById('builder-groups');
  const OPS = {
    INT: [['>=', '≥'], ['>', '>'], ['<=', '≤'], ['<', '<'], ['==', '='], ['!=', '≠']],
    DOUBLE: [['>=', '≥'], ['>', '>'], ['<=', '≤'], ['<', '<']],
    DATE: [['>=', '不早于'], ['<=', '不晚于'], ['==', '等于']],
    STRING: [['==', '等于'], ['!=', '不等于'], ['startsWith', '以…开头'], ['in', '属于（逗号分隔）']],
    BOOL: [['true', '是'], ['false', '否']],
    STRING_LIST: [['contains', '包含'], ['excludes', '不包含']]
  };
  const quote = (s) => '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
  // Attribute names and labels are data an administrator declares: escaped before they go into markup.
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));

  function clause(row) {
    const attr = attributes.find((a) => a.name === row.querySelector('.b-attr').value);
    const op = row.querySelector('.b-op').value;
    const raw = row.querySelector('.b-value').value.trim();
    const e = 'e.' + attr.name;
    switch (attr.type) {
      case 'BOOL': return op === 'true' ? e : '!' + e;
      case 'STRING_LIST': return (op === 'excludes' ? '!(' : '') + quote(raw) + ' in ' + e + (op === 'excludes' ? ')' : '');
      case 'STRING':
        if (op === 'startsWith') return e + '.startsWith(' + quote(raw) + ')';
        if (op === 'in') return e + ' in [' + raw.split(/[,，、]/).map((s) => quote(s.trim())).join(', ') + ']';
        return e + ' ' + op + ' ' + quote(raw);
      case 'DATE': return e + ' ' + op + ' ' + quote(raw);
      case 'DOUBLE': return e + ' ' + op + ' ' + (raw.includes('.') ? raw : raw + '.0');
      default: return e + ' ' + op + ' ' + String(parseInt(raw, 10));
    }
  }

  function fillOps(row) {
    const attr = attributes.find((a) => a.name === row.querySelector('.b-attr').value);
    const ops = row.querySelector('.b-op');
    ops.innerHTML = OPS[attr.type].map(([v, l]) => '<option value="' + v + '">' + l + '</option>').join('');
    const value = row.querySelector('.b-value');
    value.style.display = attr.type === 'BOOL' ? 'none' : '';
    value.type = attr.type === 'DATE' ? 'date' : (attr.type === 'INT' || attr.type === 'DOUBLE' ? 'number' : 'text');
    value.placeholder = attr.unit ? '单位：' + attr.unit : '';
  }

  function addRow(group) {
    const row = document.createElement('div');
    row.className = 'd-flex gap-2 mb-2 b-row';
    row.innerHTML = '<select class="form-select form-select-sm b-attr" aria-label="企业属性">' +
      attributes.map((a) => '<option value="' + esc(a.name) + '">' + esc(a.label) + '（' + esc(a.name) + '）</option>').join('') + '</select>' +
      '<select class="form-select form-select-sm b-op w-auto" aria-label="比较方式"></select>' +
      '<input class="form-control form-control-sm b-value" aria-label="取值">' +
      '<button type="button" class="btn btn-sm btn-outline-danger b-remove" aria-label="删除">×</button>';
    row.querySelector('.b-attr').addEventListener('change', () => fillOps(row));
    row.querySelector('.b-remove').addEventListener('click', () => row.remove());
    group.querySelector('.b-rows').appendChild(row);
    fillOps(row);
  }

  function addGroup() {
    const group = document.createElement('div');
    group.className = 'border rounded p-2 mb-2 bg-white b-group';
    group.innerHTML = '<div class="d-flex gap-2 align-items-center mb-2"><span class="small text-muted">组内</span>' +
      '<select class="form-select form-select-sm w-auto b-join" aria-label="组内关系"><option value="&&">全部满足</option><option value="||">满足其一</option></select>' +
      '<button type="button" class="btn btn-sm btn-outline-secondary b-add-row">添加条件</button>' +
      '<button type="button" class="btn btn-sm btn-link text-danger b-remove-group">删除该组</button></div><div class="b-rows"></div>';
    group.querySelector('.b-add-row').addEventListener('click', () => addRow(group));
    group.querySelector('.b-remove-group').addEventListener('click', () => group.remove());
    groupsBox.appendChild(group);
    addRow(group);
  }

  function write() {
    const outer = document.getElementById('builder-join').value;
    const parts = [...groupsBox.querySelectorAll('.b-group')].map((g) => {
      const rows = [...g.querySelectorAll('.b-row')].map(clause);
      const join = g.querySelector('.b-join').value;
      return rows.length > 1 ? '(' + rows.join(' ' + join + ' ') + ')' : rows[0];
    }).filter(Boolean);
    const text = parts.length === 1 && parts[0].startsWith('(') ? parts[0].slice(1, -1).split(' && ').join('\n&& ') : parts.join('\n' + outer + ' ');
    const area = document.getElementById('condition');
    // the builder starts empty, not from the rule: never replace a written rule without asking
    if (area.value.trim() && area.value.trim() !== text.trim()
        && !window.confirm('条件生成器的内容将替换现有规则（共 ' + area.value.trim().split('\n').length + ' 行）。确定替换吗？')) {
      return;
    }
    area.value = text;
    area.dispatchEvent(new KeyboardEvent('keyup'));
  }

  document.getElementById('builder-add-group').addEventListener('click', addGroup);
  document.getElementById('builder-write').addEventListener('click', write);
  addGroup();
})();
