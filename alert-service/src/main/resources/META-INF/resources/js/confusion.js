// A multiclass model's confusion matrix as a k × k heat map, and its per-class figures. The heat map is a table
// (rows the true class, columns the predicted one, as the result orders them), so screen readers read each count
// with its two class headers; a cell's shade is its share of the true class's rows (row-normalised, as
// scikit-learn's confusion_matrix(normalize="true")), its text the count and that share, its tooltip both spelled out.

import { clip, h, isNum, num, pct, table } from './dom.js';

const STRONG = 0.65; // from this share on, the text takes the contrasting colour (app.css --cm-strong-fg)

export function confusionHeatmap(cm) {
  const labels = cm.labels || [];
  const matrix = cm.matrix || [];
  const k = labels.length;
  if (k === 0 || matrix.length !== k || matrix.some((row) => !Array.isArray(row) || row.length !== k)) {
    return h('p', { class: 'muted' }, 'The confusion matrix in this result is not square over its classes, so it is not drawn.');
  }
  const total = matrix.reduce((s, row) => s + row.reduce((a, v) => a + v, 0), 0);
  const correct = labels.reduce((s, _, i) => s + matrix[i][i], 0);
  const rows = labels.map((truth, i) => {
    const support = matrix[i].reduce((a, v) => a + v, 0);
    const cells = labels.map((predicted, j) => {
      const count = matrix[i][j];
      const share = support > 0 ? count / support : null;
      const td = h('td', {
        class: `cm-cell${i === j ? ' diag' : ''}${share !== null && share >= STRONG ? ' strong' : ''}`,
        title: `true ${truth}, predicted ${predicted}: ${count} of ${support} rows${share === null ? '' : ` (${pct(share, 1)})`}`,
        dataset: { true: truth, predicted, count: String(count) },
      }, h('span', { class: 'count' }, String(count)), h('span', { class: 'share' }, share === null ? '–' : pct(share)));
      // The shade goes through a custom property (CSSOM): the Content-Security-Policy refuses style attributes.
      td.style.setProperty('--share', String(share === null ? 0 : share));
      return td;
    });
    return h('tr', { dataset: { true: truth } }, h('th', { scope: 'row' }, clip(truth)), cells,
      h('td', { class: 'num support', text: String(support) }));
  });
  const heat = h('table', { class: 'cm-heat', dataset: { classes: String(k) }, 'aria-describedby': 'cm-help' },
    h('caption', null, `Confusion matrix over ${k} classes: ${correct} of ${total} labelled rows on the diagonal (predicted correctly)`),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col', class: 'corner' }, h('span', { class: 'axis-true' }, 'true ↓'), ' ', h('span', { class: 'axis-pred' }, 'predicted →')),
      labels.map((c) => h('th', { scope: 'col' }, clip(c))),
      h('th', { scope: 'col', class: 'num' }, 'Rows'))),
    h('tbody', null, rows));
  return h('figure', { class: 'cm-figure' },
    h('div', { class: 'table-wrap' }, heat),
    h('p', { id: 'cm-help', class: 'muted small' },
      'Rows are the true class, columns the predicted class. Each cell shows its count and its share of the true class’s rows; the darker the cell, the larger that share. The diagonal holds the correct predictions.'),
    h('ul', { class: 'legend' },
      h('li', null, h('span', { class: 'swatch cm-scale', 'aria-hidden': 'true' }), 'share of the true class: 0% → 100%'),
      h('li', null, h('span', { class: 'swatch cm-diag', 'aria-hidden': 'true' }), 'correct (diagonal)')));
}

/** precision, recall, F1 and support per class, in the order of the confusion matrix's labels. */
export function perClassTable(perClass, order) {
  const names = [...(order || []).filter((c) => perClass[c]), ...Object.keys(perClass).filter((c) => !(order || []).includes(c))];
  const cell = (v) => h('td', { class: 'num', text: isNum(v) ? num(v, 4) : '–' });
  return table('Per class: precision, recall and F1 of each class against the rest, and its support (labelled rows of the class)',
    ['Class', 'Precision', 'Recall', 'F1', 'Support'],
    names.map((c) => {
      const f = perClass[c];
      return h('tr', { dataset: { class: c } }, h('th', { scope: 'row' }, clip(c)), cell(f.precision), cell(f.recall), cell(f.f1),
        h('td', { class: 'num', text: isNum(f.support) ? String(f.support) : '–' }));
    }), { class: 'compact per-class' });
}
