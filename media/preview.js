// The table preview's page (client/src/preview.ts): draws the model the language server makes
// (server/src/core/authoring/preview.ts), tells the extension which cell was clicked and keeps the
// document's URI as its state (client/src/previewState.ts). It builds the page with DOM calls and
// textContent only: a cell's text comes from the document and is never read as HTML.
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('preview');
  /** The source range of each clickable cell, by its data-at. */
  let ranges = [];

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null && v !== false) e.setAttribute(k, String(v));
    for (const c of children) if (c !== undefined && c !== null) e.append(c);
    return e;
  }

  function cell(c) {
    if (c.kind !== 'value') {
      const tag = c.kind === 'head' ? 'th' : 'td';
      return el(tag, { class: c.kind, colspan: c.colspan > 1 && c.colspan, rowspan: c.rowspan > 1 && c.rowspan, scope: c.kind === 'head' ? 'col' : undefined }, c.text);
    }
    const at = c.range ? ranges.push(c.range) - 1 : undefined;
    return el('td', {
      class: `value ${c.state}`, colspan: c.colspan > 1 && c.colspan, title: c.title,
      'data-row': c.row, 'data-col': c.col, 'data-state': c.state, 'data-at': at, tabindex: at === undefined ? undefined : 0,
    }, el('span', { class: 'v' }, c.text), c.note ? el('span', { class: 'n' }, c.note) : undefined);
  }

  function table(t) {
    const section = el('section', { class: `table ${t.state}`, 'data-table': t.key }, el('h2', {}, t.title));
    for (const note of t.notes) section.append(el('p', { class: 'note' }, note));
    if (t.rows.length) section.append(el('table', {}, el('tbody', {}, ...t.rows.map((r) => el('tr', {}, ...r.map(cell))))));
    return section;
  }

  function draw(p) {
    document.documentElement.lang = p.locale === 'en' ? 'en' : 'zh-CN';
    ranges = [];
    const legend = el('ul', { class: 'legend' }, ...p.legend.map((l) => el('li', { class: l.state, title: l.meaning }, el('span', { class: 'swatch' }), l.label)));
    root.replaceChildren(el('h1', {}, p.text.heading), el('p', { class: 'hint' }, p.text.click), legend, ...p.tables.map(table));
    root.dataset.version = String(p.version);
  }

  /** Asks the extension to select the clicked cell in the draft; whether it was a cell. */
  function reveal(target) {
    const td = target instanceof Element ? target.closest('td[data-at]') : null;
    if (td) vscode.postMessage({ type: 'reveal', range: ranges[Number(td.dataset.at)] });
    return td !== null;
  }

  window.addEventListener('message', (e) => {
    const m = e.data;
    // VS Code keeps this across a reload: the extension then shows this document's tables again.
    if (typeof m.uri === 'string') vscode.setState({ uri: m.uri });
    if (m.type === 'preview') draw(m.preview);
    else if (m.type === 'none') { ranges = []; root.replaceChildren(el('p', { class: 'hint' }, m.text)); }
  });
  root.addEventListener('click', (e) => reveal(e.target));
  root.addEventListener('keydown', (e) => { if ((e.key === 'Enter' || e.key === ' ') && reveal(e.target)) e.preventDefault(); });
  vscode.postMessage({ type: 'ready' });
})();
