// Performance and fairness parts of the batch page.

import { confusionHeatmap, perClassTable } from '../confusion.js';
import { clip, fromMarkup, h, isNum, note, num, pValue, pct, section, signed, table } from '../dom.js';
import { metricChoices, metricName, taskOf } from '../metrics.js';

function stat(label, value, cls) {
  return h('div', { class: `stat ${cls || ''}` }, h('dt', { text: label }), h('dd', { text: value }));
}

export function performanceBlock(p) {
  const keys = metricChoices(p).filter((k) => [p.metrics, p.estimated, p.baseline].some((o) => o && k in o));
  const rows = keys.map((k) => {
    const iv = (p.intervals || {})[k];
    const ch = (p.change || {})[k];
    return h('tr', { dataset: { metric: k } }, h('th', { scope: 'row', title: k, text: metricName(k) }),
      h('td', { class: 'num', text: num((p.metrics || {})[k], 4) }),
      h('td', { class: 'num', text: iv ? `${num(iv.low, 4)} – ${num(iv.high, 4)}` : '–' }),
      h('td', { class: 'num', text: num((p.baseline || {})[k], 4) }),
      h('td', { class: `num ${ch && ch.absolute < 0 ? 'neg' : ''}`, text: ch ? signed(ch.absolute, 4) : '–' }),
      h('td', { class: 'num', text: num((p.estimated || {})[k], 4) }));
  });
  const late = isNum(p.labelCoverage) && p.labelCoverage < 1;
  return section('Performance', 'perf-title',
    p.explanation ? h('p', { class: 'lead' }, p.explanation) : null,
    h('dl', { class: 'stats' },
      stat('rows', String(p.rows ?? '–')), stat('labelled rows', String(p.labeledRows ?? '–')),
      stat('label coverage', pct(p.labelCoverage, 1), late ? 'warn' : ''),
      isNum(p.labelDelaySeconds) ? stat('mean label delay', `${num(p.labelDelaySeconds / 3600, 1)} h`) : null,
      stat('revision', String(p.revision ?? '–'))),
    late ? h('p', { class: 'warn-text' }, `Labels are late: ${p.labeledRows ?? 0} of ${p.rows ?? '?'} rows have a label, so realised figures cover only those; estimated figures need no labels.`) : null,
    keys.length ? table('Metrics: realised with its 95% interval, the reference baseline, the change, and the label-free estimate',
      ['Metric', 'Realised', '95% interval', 'Baseline', 'Change', 'Estimated'], rows) : note('No metrics in this result.'),
    taskOf(p) === 'multiclass_classification' ? multiclassBlock(p) : binaryMatrix(p.confusionMatrix),
    slicesBlock(p));
}

function binaryMatrix(cm) {
  if (!cm || !isNum(cm.tp)) return null;
  return table('Confusion matrix', ['', 'Predicted positive', 'Predicted negative'], [
    h('tr', null, h('th', { scope: 'row', text: 'Actual positive' }), h('td', { class: 'num', text: String(cm.tp) }), h('td', { class: 'num', text: String(cm.fn) })),
    h('tr', null, h('th', { scope: 'row', text: 'Actual negative' }), h('td', { class: 'num', text: String(cm.fp) }), h('td', { class: 'num', text: String(cm.tn) }))], { class: 'compact cm' });
}

function multiclassBlock(p) {
  const cm = p.confusionMatrix;
  const parts = [];
  if (cm && Array.isArray(cm.labels)) parts.push(h('h3', { text: 'Confusion matrix' }), confusionHeatmap(cm));
  if (p.perClass && Object.keys(p.perClass).length) parts.push(h('h3', { text: 'Per class' }), perClassTable(p.perClass, cm && cm.labels));
  return parts.length ? h('div', { class: 'multiclass' }, parts) : note('No confusion matrix or per-class figures yet: they need labels.');
}

function slicesBlock(p) {
  const slices = [...(p.slices || [])].sort((a, b) => Math.abs(b.change) - Math.abs(a.change)).slice(0, 10);
  if (slices.length === 0) return h('p', { class: 'muted' }, p.sliceSummary || 'No slice is worse than in the reference.');
  const metric = p.task === 'regression' ? 'MAE' : 'accuracy';
  return h('div', null, h('h3', { text: 'Worst slices' }), p.sliceSummary ? h('p', null, p.sliceSummary) : null,
    table(`Slices whose ${metric} worsened most against the same slice of the reference`,
      ['Feature', 'Slice', 'Rows', metric, `Reference ${metric}`, 'Change'],
      slices.map((s) => h('tr', null, h('th', { scope: 'row' }, clip(s.feature)), h('td', null, clip(s.slice)),
        h('td', { class: 'num', text: String(s.rows) }), h('td', { class: 'num', text: num(s.value, 4) }),
        h('td', { class: 'num', text: `${num(s.referenceValue, 4)} (${s.referenceRows} rows)` }),
        h('td', { class: 'num neg', text: signed(s.change, 4) }))), { class: 'compact' }));
}

function intervalBar(g) {
  if (!isNum(g.selectionRateLow) || !isNum(g.selectionRateHigh)) return null;
  const x = (v) => (2 + Math.max(0, Math.min(1, v)) * 96).toFixed(1);
  return fromMarkup(`<svg class="interval" width="100" height="12" viewBox="0 0 100 12" aria-hidden="true" focusable="false">`
    + `<line class="axis" x1="2" x2="98" y1="6" y2="6"/><line class="iv" x1="${x(g.selectionRateLow)}" x2="${x(g.selectionRateHigh)}" y1="6" y2="6"/>`
    + `<circle class="dot s1" cx="${x(g.selectionRate)}" cy="6" r="2.5"/></svg>`);
}

export function fairnessBlock(f) {
  const attrs = f.attributes || [];
  const blocks = attrs.map((a) => {
    const low = isNum(a.demographicParityRatio) && a.demographicParityRatio < 0.8;
    const groups = (a.groups || []).map((g) => h('tr', { class: g.group === a.referenceGroup ? 'reference' : '', dataset: { group: g.group } },
      h('th', { scope: 'row' }, clip(g.group), g.group === a.referenceGroup ? h('small', { class: 'muted' }, ' (reference)') : null,
        g.eligible === false ? h('small', { class: 'muted' }, ' (too small to compare)') : null),
      h('td', { class: 'num', text: String(g.count) }),
      h('td', { class: 'num', text: num(g.selectionRate, 3) }),
      h('td', { class: 'num' }, isNum(g.selectionRateLow) ? `${num(g.selectionRateLow, 3)} – ${num(g.selectionRateHigh, 3)} ` : '–', intervalBar(g)),
      h('td', { class: 'num', text: signed(g.statisticalParityDifference, 3) }),
      h('td', { class: `num ${isNum(g.disparateImpactRatio) && g.disparateImpactRatio < 0.8 ? 'neg' : ''}`, text: num(g.disparateImpactRatio, 3) }),
      h('td', { class: 'num', text: pValue(g.pValue) }),
      h('td', { class: 'num', text: num(g.tpr, 3) }), h('td', { class: 'num', text: num(g.fpr, 3) }),
      h('td', { class: 'num', text: num(g.accuracy, 3) })));
    return h('article', { class: 'attribute', dataset: { attribute: a.attribute } },
      clip(a.attribute, 'h3'),
      a.explanation ? h('p', null, a.explanation) : null,
      h('dl', { class: 'stats' },
        stat('parity ratio', num(a.demographicParityRatio, 3), low ? 'bad' : ''),
        stat('parity difference', num(a.demographicParityDifference, 3)),
        stat('equal opportunity diff.', num(a.equalOpportunityDifference, 3)),
        stat('equalized odds diff.', num(a.equalizedOddsDifference, 3)),
        a.baseline && isNum(a.baseline.demographicParityRatio) ? stat('ratio at reference', num(a.baseline.demographicParityRatio, 3)) : null,
        stat('reference group', `${a.referenceGroup || '–'}${a.referenceSource ? ` (${a.referenceSource})` : ''}`)),
      table(`Groups of ${a.attribute}: selection rate with its 95% Wilson interval, against the reference group`,
        ['Group', 'Rows', 'Selection rate', '95% interval', 'Parity difference', 'Impact ratio', 'p-value', 'TPR', 'FPR', 'Accuracy'], groups));
  });
  return section('Fairness', 'fair-title',
    f.worst && f.worst.text ? h('p', { class: 'lead' }, f.worst.text) : (f.explanation ? h('p', { class: 'lead' }, f.explanation) : null),
    h('dl', { class: 'stats' }, stat('rows', String(f.rows ?? '–')), stat('labelled rows', String(f.labeledRows ?? '–')),
      stat('minimum group size', String(f.minGroupSize ?? '–'))),
    blocks.length ? blocks : note('No attributes in this result.'));
}
