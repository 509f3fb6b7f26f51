// The sections of the model page, each built from data the page already fetched.

import { align, lineChart } from '../charts.js';
import { api } from '../api.js';
import { badge, clip, date, errorBox, h, isNum, link, note, num, pct, routes, ruleSubject, section, statusTag, table } from '../dom.js';
import { heatmap, mostDrifted } from '../heatmap.js';
import { metricName } from '../metrics.js';
import { alertTimeline } from '../timeline.js';

/** Contiguous axis ranges where label coverage is below 1 (labels still missing). */
function lateRanges(axis, coverage) {
  const out = [];
  let start = -1;
  axis.ids.forEach((id, i) => {
    const c = coverage.get(id);
    const late = isNum(c) && c < 1;
    if (late && start < 0) start = i;
    if (!late && start >= 0) { out.push([start, i - 1]); start = -1; }
  });
  if (start >= 0) out.push([start, axis.ids.length - 1]);
  return out;
}

export function performanceSection({ axis, metric, metrics, data, open, onMetric }) {
  if (!data) return section('Performance', 'perf-title', note('No performance results in the batches shown.'));
  const select = h('select', { id: 'metric-select' }, metrics.map((k) => h('option', { value: k, selected: k === metric }, metricName(k))));
  const name = metricName(metric);
  select.addEventListener('change', () => onMetric(select.value));
  const late = lateRanges(axis, data.coverage);
  const lateCount = axis.ids.filter((id) => isNum(data.coverage.get(id)) && data.coverage.get(id) < 1).length;
  const chart = lineChart({
    axis, open, onOpen: open, title: `${name}: realised and estimated, with baseline and 95% interval`,
    label: `${name} over ${axis.ids.length} batches`,
    series: [
      { name: `${name} realised`, values: align(axis, data.real), cls: 's1' },
      { name: `${name} estimated (no labels needed)`, values: align(axis, data.est), cls: 's2', dashed: true },
      { name: 'baseline (reference)', values: align(axis, data.baseline), cls: 'baseline', dashed: true },
    ],
    bands: [{ name: '95% interval (realised)', low: align(axis, data.low), high: align(axis, data.high), cls: 's1' }],
    shade: late, shadeLabel: 'labels incomplete',
  });
  chart.dataset.chart = 'performance';
  const parts = [h('p', { class: 'toolbar' }, h('label', { for: 'metric-select' }, 'Metric '), select), chart];
  if (lateCount > 0) {
    const cov = lineChart({
      axis, onOpen: open, height: 130, yDomain: [0, 1.05], title: 'Label coverage (share of rows with a label)',
      series: [{ name: 'label coverage', values: align(axis, data.coverage), cls: 's5', fmt: (v) => pct(v) }],
      refLines: [{ y: 1, cls: 'ok' }],
    });
    cov.dataset.chart = 'label-coverage';
    parts.push(h('p', { class: 'warn-text', dataset: { labelsLate: String(lateCount) } },
      `Labels are late: ${lateCount} of ${axis.ids.length} batches are not fully labelled (shaded above); their realised figures may still change.`), cov);
  } else {
    parts.push(note('Every batch shown is fully labelled.'));
  }
  return section('Performance', 'perf-title', ...parts);
}

/** The PCA reconstruction error over the batches, inside or outside its reference band; null without any. */
function multivariateChart(axis, mv, open) {
  if (!mv || mv.value.size === 0) return null;
  const chart = lineChart({
    axis, onOpen: open, height: 170, title: 'Multivariate drift: PCA reconstruction error and its reference band',
    series: [{ name: 'reconstruction error', values: align(axis, mv.value), cls: 's1' }],
    bands: [{ name: 'reference band (mean ± 3 std of reference chunks)', low: align(axis, mv.lower), high: align(axis, mv.upper) }],
  });
  chart.dataset.chart = 'multivariate';
  return chart;
}

function domainChart(axis, dc, open) {
  if (!dc || dc.value.size === 0) return null;
  const chart = lineChart({
    axis, onOpen: open, height: 170, title: 'Domain classifier: cross-validated AUC of batch against reference, and its band',
    series: [{ name: 'AUC', values: align(axis, dc.value), cls: 's2' }],
    bands: [{ name: 'reference-against-reference band', low: align(axis, dc.lower), high: align(axis, dc.upper) }],
  });
  chart.dataset.chart = 'domain-classifier';
  return chart;
}

// The heat map's switch between the whole batch and each segment of the model spec's segments.
function segmentPicker(matrix, onSegment) {
  if (!matrix || !matrix.segments || matrix.segments.length === 0) return null;
  const select = h('select', { id: 'segment-select' },
    h('option', { value: '', selected: !matrix.segment }, 'whole batch'),
    matrix.segments.map((s) => h('option', { value: s, selected: s === matrix.segment }, s)));
  select.addEventListener('change', () => onSegment(select.value));
  return h('p', { class: 'toolbar' }, h('label', { for: 'segment-select' }, 'Heat map of '), select);
}

export function driftSection({ axis, matrix, shareMap, multivariate, domain, open, onSegment }) {
  const share = lineChart({
    axis, onOpen: open, height: 170, title: 'Drift share (drifted features / features)', yDomain: [0, 1.02],
    series: [{ name: 'drift share', values: align(axis, shareMap), cls: 's3', fmt: (v) => pct(v) }],
    refLines: [{ y: 0.5, label: 'dataset drift 0.5', cls: 'warn' }],
  });
  share.dataset.chart = 'drift-share';
  const parts = [share, multivariateChart(axis, multivariate, open), domainChart(axis, domain, open),
    segmentPicker(matrix, onSegment)].filter(Boolean);
  if (matrix && matrix.features.length > 0) {
    parts.push(heatmap({ axis, matrix, onOpen: open }));
    const top = mostDrifted(matrix);
    parts.push(top.length === 0 ? note('No feature drifted in the batches shown.')
      : table('Features that drifted most often in the batches shown', ['Feature', 'Drifted in', 'Latest PSI', 'Highest PSI'],
        top.map((r) => h('tr', null, h('th', { scope: 'row' }, clip(r.name)), h('td', { text: `${r.count} of ${matrix.batches.length} batches` }),
          h('td', { class: 'num', text: num(r.latest, 4) }), h('td', { class: 'num', text: num(r.max, 4) }))), { class: 'compact' }));
  } else {
    parts.push(note(matrix && matrix.segment ? `No drift results of segment ${matrix.segment} in the batches shown.`
      : 'No drift results in the batches shown.'));
  }
  return section('Drift', 'drift-title', ...parts);
}

export function fairnessSection({ axis, attributes, ratios, open, more }) {
  if (attributes.length === 0) return section('Fairness', 'fair-title', note('No fairness results in the batches shown.'));
  const chart = lineChart({
    axis, onOpen: open, height: 200, title: 'Demographic parity ratio per attribute (min / max selection rate)',
    series: attributes.map((a, k) => ({ name: a, values: align(axis, ratios[k]), cls: `s${(k % 6) + 1}` })),
    refLines: [{ y: 0.8, label: '0.8 (80% rule)', cls: 'bad', legend: '0.8 threshold' }],
  });
  chart.dataset.chart = 'fairness';
  return section('Fairness', 'fair-title', chart, more ? note(`Only the first ${attributes.length} attributes are drawn.`) : null);
}

export function alertsSection({ m, axis, alerts, labels }) {
  const recent = alerts.slice(0, 10);
  const rows = recent.map((a) => h('tr', null,
    h('td', null, badge(a.severity)), h('td', null, statusTag(a.status)),
    h('td', { class: 'subject-cell' }, link(routes.alert(a.alertId), ruleSubject(a))),
    h('td', null, labels.link(m, a.batchId, a.batchAt)), h('td', { text: date(a.openedAt) })));
  return section('Alerts', 'alerts-title', alertTimeline({ axis, alerts }),
    recent.length ? table('Most recent alerts', ['Severity', 'Status', 'Rule · subject', 'Latest batch', 'Opened'], rows, { class: 'compact' }) : null,
    h('p', null, link(routes.alerts({ modelId: m }), `All alerts of ${m}`)));
}

/** Incidents: alerts that overlap in batch time across signals, each with the one explanation that links them. */
export function incidentsSection({ incidents }) {
  if (!incidents || incidents.length === 0) {
    return section('Incidents', 'incidents-title', note('No incidents: no alerts of this model overlap in time.'));
  }
  const items = incidents.slice(0, 5).map((i) => h('li', { class: 'incident', dataset: { incident: i.incidentId } },
    h('p', null, badge(i.severity), ' ', statusTag(i.status), ' ',
      h('span', { class: 'muted', text: `${date(i.from)} – ${date(i.to)} · ${i.kinds.join(', ')} · ${i.alerts.length} alert${i.alerts.length === 1 ? '' : 's'}` })),
    i.explanation ? h('p', { class: 'explanation', text: i.explanation }) : null,
    h('p', null, ...i.alerts.slice(0, 8).flatMap((a, k) => [k ? ' · ' : '', link(routes.alert(a.alertId), ruleSubject(a))]))));
  return section('Incidents', 'incidents-title', h('ol', { class: 'incidents' }, items),
    incidents.length > 5 ? note(`The ${incidents.length - 5} older incidents are not shown.`) : null);
}

/**
 * Deleting the model everywhere, after the user typed its id: the button stays disabled until the text
 * matches exactly. alert-service forwards the DELETE to ingest; the other services follow the control event.
 */
export function deleteSection({ m, done }) {
  const input = h('input', { id: 'delete-confirm', type: 'text', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'delete-help' });
  const status = h('div', { class: 'delete-status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'danger', id: 'delete-model', disabled: true }, 'Delete this model');
  input.addEventListener('input', () => { button.disabled = input.value !== m; });
  button.addEventListener('click', async () => {
    if (input.value !== m) return;
    button.disabled = true;
    status.replaceChildren(note('Deleting…'));
    try {
      const deletion = await api.deleteModel(m);
      status.replaceChildren(note(`Deleted by ${deletion.actor} at ${date(deletion.at)}. Every service removes its data `
        + 'within seconds; the audit log of ingest (GET /api/v1/audit) keeps the record.', 'ok'));
      setTimeout(done, 1500);
    } catch (err) {
      status.replaceChildren(errorBox(err));
      button.disabled = input.value !== m;
    }
  });
  return section('Delete this model', 'delete-title',
    h('p', { id: 'delete-help' }, 'Removes the model everywhere: registry, references, batches, predictions awaiting '
      + 'labels, results, history, alerts and rules. This cannot be undone. Type ', h('code', { text: m }), ' to confirm.'),
    h('p', null, h('label', { for: 'delete-confirm' }, 'Model id '), input, ' ', button),
    status);
}
