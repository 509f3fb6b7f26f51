// Overview: every model at a glance — open alerts by severity, last batch, drift share, the key performance
// figure and the lowest fairness ratio, each with a sparkline of the last 30 batches.

import { api, byBatch, seriesOrEmpty } from '../api.js';
import { BatchLabels, axisOf } from '../batches.js';
import { align, sparkline } from '../charts.js';
import { badge, date, h, isNum, link, note, num, pct, routes } from '../dom.js';
import { headlineMetric } from '../metrics.js';

const TREND = 30;
const SEVERITIES = ['critical', 'warning', 'info'];

export async function overview(main, params, query, { signal }) {
  main.append(h('h1', { text: 'Models' }));
  const rank = (m) => SEVERITIES.map((s) => m.openAlerts[s] || 0);
  const models = (await api.models(signal)).sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    return rb[0] - ra[0] || rb[1] - ra[1] || rb[2] - ra[2] || a.modelId.localeCompare(b.modelId);
  });
  if (models.length === 0) {
    main.append(note('No results have arrived yet. Models appear here with their first drift, performance or fairness result.'));
    return;
  }
  const totals = Object.fromEntries(SEVERITIES.map((s) => [s, models.reduce((n, m) => n + (m.openAlerts[s] || 0), 0)]));
  main.append(h('p', { class: 'lead' }, `${models.length} model${models.length === 1 ? '' : 's'} · open alerts: `,
    SEVERITIES.map((s) => [badge(s, totals[s]), ' ']), link(routes.alerts({ status: 'active' }), 'see open alerts')));
  const body = h('tbody');
  main.append(h('div', { class: 'table-wrap' }, h('table', { class: 'overview' },
    h('caption', null, `Latest state of each model, most critical first; trends over its last ${TREND} batches`),
    h('thead', null, h('tr', null, ['Model', 'Open alerts', 'Last batch', 'Drift share', 'Performance', 'Fairness (lowest parity ratio)']
      .map((c) => h('th', { scope: 'col', text: c })))),
    body)));
  const loads = models.map((m) => {
    const cells = {
      last: h('td', { dataset: { col: 'last-batch' } }, m.latestBatchId ? [lastBatch(m.modelId, m.latestBatchId, m.latestBatchAt, null)] : '–'),
      drift: h('td', { class: 'fig', dataset: { col: 'drift' } }, loading()),
      perf: h('td', { class: 'fig', dataset: { col: 'performance' } }, loading()),
      fair: h('td', { class: 'fig', dataset: { col: 'fairness' } }, loading()),
    };
    const open = h('td', { dataset: { col: 'alerts' } },
      SEVERITIES.map((s) => [h('a', { href: routes.alerts({ modelId: m.modelId, status: 'active', severity: s }), class: 'badge-link', 'aria-label': `${m.openAlerts[s] || 0} open ${s} alerts of ${m.modelId}` },
        badge(s, m.openAlerts[s] || 0)), ' ']));
    body.append(h('tr', { dataset: { model: m.modelId } },
      h('th', { scope: 'row' }, link(routes.model(m.modelId), m.modelId)),
      open,
      cells.last, cells.drift, cells.perf, cells.fair));
    return fill(m, cells, signal).catch((err) => {
      if (signal.aborted) return;
      [cells.drift, cells.perf, cells.fair].forEach((c) => c.replaceChildren(h('span', { class: 'muted', title: err.message }, 'unavailable')));
    });
  });
  await Promise.all(loads);
}

/** The latest batch as "#n" (its position, once the batch list told it) over its time; the id on hover. */
function lastBatch(m, id, at, n) {
  return h('a', { href: routes.batch(m, id), title: `batch ${id}`, class: 'batch-link' },
    Number.isInteger(n) ? `#${n} · ${date(at)}` : date(at));
}

function loading() {
  return h('span', { class: 'muted' }, '…');
}

function figure(value, spark, extra) {
  return [h('span', { class: 'value' }, value), extra ? h('small', { class: 'muted' }, ` ${extra}`) : null, h('br'), spark].filter(Boolean);
}

function latest(values) {
  for (let i = values.length - 1; i >= 0; i--) if (isNum(values[i])) return { value: values[i], index: i };
  return null;
}

async function fill(model, cells, signal) {
  const m = model.modelId;
  const batches = await api.batches(m, { limit: TREND }, signal);
  if (batches.length === 0) return;
  const labels = new BatchLabels(signal).add(m, batches);
  if (model.latestBatchId) {
    await labels.want(m, model.latestBatchId, model.latestBatchAt).resolve();
    const last = labels.info(m, model.latestBatchId, model.latestBatchAt);
    cells.last.replaceChildren(lastBatch(m, model.latestBatchId, last.at, last.n));
  }
  const axis = axisOf(batches);
  const from = axis.at[0];
  const perfBatch = batches.find((b) => b.results.performance);
  const fairBatch = batches.find((b) => b.results.fairness);
  const reports = new Map();
  for (const b of [perfBatch, fairBatch]) {
    if (b && !reports.has(b.batchId)) reports.set(b.batchId, api.report(m, b.batchId, signal));
  }
  const perf = perfBatch ? (await reports.get(perfBatch.batchId)).performance : null;
  const fair = fairBatch ? (await reports.get(fairBatch.batchId)).fairness : null;
  const metric = headlineMetric(perf);
  const attributes = fair ? (fair.attributes || []).map((a) => a.attribute) : [];
  const [share, real, est, ...ratios] = await Promise.all([
    seriesOrEmpty(m, 'drift.driftShare', { from }, signal),
    seriesOrEmpty(m, `performance.${metric}`, { from }, signal),
    seriesOrEmpty(m, `performance.estimated.${metric}`, { from }, signal),
    ...attributes.map((a) => seriesOrEmpty(m, 'demographicParityRatio', { feature: a, from }, signal)),
  ]);

  const shareVals = align(axis, byBatch(share));
  const s = latest(shareVals);
  cells.drift.replaceChildren(...(s ? figure(pct(s.value), sparkline(shareVals, { cls: 's3' })) : [note('no drift results')]));
  cells.drift.classList.toggle('bad', !!s && s.value >= 0.5);

  const realVals = align(axis, byBatch(real));
  const estVals = align(axis, byBatch(est));
  const r = latest(realVals);
  const e = latest(estVals);
  if (r) {
    const notes = [];
    if (r.index < realVals.length - 1) notes.push(`labelled up to ${axis.labels[r.index]}`);
    if (e && e.index > r.index) notes.push(`≈ ${num(e.value)} estimated for ${axis.labels[e.index]}`);
    cells.perf.replaceChildren(...figure(`${metric} ${num(r.value)}`, sparkline(realVals, { cls: 's1' }), notes.length ? `(${notes.join('; ')})` : null));
  } else if (e) {
    cells.perf.replaceChildren(...figure(`${metric} ≈ ${num(e.value)}`, sparkline(estVals, { cls: 's1' }), 'estimated, no labels yet'));
  } else {
    cells.perf.replaceChildren(note('no performance results'));
  }

  if (attributes.length === 0) {
    cells.fair.replaceChildren(note('no fairness results'));
    return;
  }
  const perAttr = ratios.map((series) => align(axis, byBatch(series)));
  const minVals = axis.ids.map((_, i) => {
    const vs = perAttr.map((a) => a[i]).filter(isNum);
    return vs.length ? Math.min(...vs) : null;
  });
  const f = latest(minVals);
  if (!f) {
    cells.fair.replaceChildren(note('groups too small to compare'));
    return;
  }
  const worst = attributes[perAttr.findIndex((a) => a[f.index] === f.value)];
  cells.fair.replaceChildren(...figure(num(f.value), sparkline(minVals, { cls: 's4', ref: 0.8 }), `(${worst})`));
  cells.fair.classList.toggle('bad', f.value < 0.8);
}
