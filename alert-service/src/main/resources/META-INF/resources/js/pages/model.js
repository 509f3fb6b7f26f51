// Model page: performance (realised, estimated, baseline, 95% interval; label coverage where labels are late),
// drift share, the multivariate reconstruction error with its reference band, the feature × batch drift heat map (of the
// whole batch or, with ?segment=column=value, of one segment), fairness ratios per attribute with the 0.8 line, and the
// alert timeline, all over one batch axis (the newest `window` batches, oldest first).
// Requests: summary, batch list, drift matrix and alerts at once; then the newest performance and fairness
// reports (to learn the metrics and attributes); then their series. No request per batch.

import { api, byBatch, seriesOrEmpty } from '../api.js';
import { axisOf, BatchLabels } from '../batches.js';
import { badge, date, h, link, num, pct, routes } from '../dom.js';
import { headlineMetric, metricChoices, metricName } from '../metrics.js';
import { navigate } from '../router.js';
import { alertsSection, deleteSection, driftSection, fairnessSection, incidentsSection, performanceSection } from './model-sections.js';
import { reportsSection } from './model-reports.js';

const WINDOWS = [100, 250, 500, 1000];
const MAX_ATTRIBUTES = 8;
const MULTIVARIATE = ['drift.multivariate.value', 'drift.multivariate.lower', 'drift.multivariate.upper'];
const DOMAIN = ['drift.domainClassifier.value', 'drift.domainClassifier.lower', 'drift.domainClassifier.upper'];

export async function modelPage(main, [m], query, { signal }) {
  const windowSize = WINDOWS.includes(Number(query.window)) ? Number(query.window) : 1000;
  const [summary, batches, matrix, alerts, incidents, reports] = await Promise.all([
    api.model(m, signal),
    api.batches(m, { limit: windowSize }, signal),
    api.driftMatrix(m, query.segment ? { limit: windowSize, segment: query.segment } : { limit: windowSize }, signal).catch((err) => (signal.aborted ? Promise.reject(err) : null)),
    api.alerts({ modelId: m, limit: 1000 }, signal),
    api.incidents(m, { limit: 20 }, signal).catch((err) => (signal.aborted ? Promise.reject(err) : [])),
    api.reports(m, { limit: 20 }, signal).catch((err) => (signal.aborted ? Promise.reject(err) : [])),
  ]);
  const axis = axisOf(batches);
  const from = axis.at[0];
  const perfBatch = batches.find((b) => b.results.performance);
  const fairBatch = batches.find((b) => b.results.fairness);
  const labels = new BatchLabels(signal).add(m, batches).want(m, summary.latestBatchId, summary.latestBatchAt);
  alerts.slice(0, 10).forEach((a) => labels.want(m, a.batchId, a.batchAt));
  const [perfReport, fairReport] = await Promise.all([
    perfBatch ? api.report(m, perfBatch.batchId, signal) : null,
    fairBatch && fairBatch !== perfBatch ? api.report(m, fairBatch.batchId, signal) : null,
    labels.resolve(),
  ]);
  const perf = perfReport ? perfReport.performance : null;
  const fair = (fairBatch === perfBatch ? perfReport : fairReport)?.fairness || null;

  const metrics = metricChoices(perf);
  const fallback = headlineMetric(perf);
  const metric = metrics.includes(query.metric) ? query.metric : (metrics.includes(fallback) ? fallback : metrics[0] || fallback);
  const attributes = fair ? (fair.attributes || []).map((a) => a.attribute).slice(0, MAX_ATTRIBUTES) : [];

  const p = `performance.${metric}`;
  const want = perf ? [p, `${p}.baseline`, `${p}.intervalLow`, `${p}.intervalHigh`, `performance.estimated.${metric}`, 'performance.labelCoverage'] : [];
  const [perfSeries, ratioSeries, shareSeries, mvSeries, dcSeries] = await Promise.all([
    Promise.all(want.map((path) => seriesOrEmpty(m, path, { from }, signal))),
    Promise.all(attributes.map((a) => seriesOrEmpty(m, 'demographicParityRatio', { feature: a, from }, signal))),
    matrix ? null : seriesOrEmpty(m, 'drift.driftShare', { from }, signal),
    Promise.all(MULTIVARIATE.map((path) => seriesOrEmpty(m, path, { from }, signal))),
    Promise.all(DOMAIN.map((path) => seriesOrEmpty(m, path, { from }, signal))),
  ]);
  if (signal.aborted) return;

  const open = (i) => navigate(routes.batch(m, axis.ids[i]));
  const perfData = perf ? Object.fromEntries(['real', 'baseline', 'low', 'high', 'est', 'coverage'].map((k, i) => [k, byBatch(perfSeries[i])])) : null;
  const multivariate = Object.fromEntries(['value', 'lower', 'upper'].map((k, i) => [k, byBatch(mvSeries[i])]));
  const domain = Object.fromEntries(['value', 'lower', 'upper'].map((k, i) => [k, byBatch(dcSeries[i])]));
  const shareMap = matrix ? new Map(matrix.batches.map((b, i) => [b.batchId, matrix.driftShare[i]])) : byBatch(shareSeries);

  main.append(
    header(m, summary, axis, windowSize, metric, metrics),
    summaryTiles(m, summary, axis, perfData, metric, shareMap, labels),
    performanceSection({ axis, metric, metrics, data: perfData, open, onMetric: (v) => navigate(hashWith(m, query, { metric: v })) }),
    driftSection({ axis, matrix, shareMap, multivariate, domain, open, onSegment: (v) => navigate(hashWith(m, query, { segment: v })) }),
    fairnessSection({ axis, attributes, ratios: ratioSeries.map(byBatch), open, more: fair && fair.attributes.length > MAX_ATTRIBUTES }),
    incidentsSection({ incidents }),
    alertsSection({ m, axis, alerts, labels }),
    reportsSection({ m, latestAt: summary.latestBatchAt, reports }),
    deleteSection({ m, done: () => navigate('#/') }),
  );
  // Rendered once the browser has laid out and painted the charts and the heat map.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

function hashWith(m, query, change) {
  const q = new URLSearchParams({ ...query, ...change }).toString();
  return `${routes.model(m)}?${q}`;
}

function header(m, summary, axis, windowSize, metric, metrics) {
  const select = h('select', { id: 'window-select' },
    WINDOWS.map((w) => h('option', { value: String(w), selected: w === windowSize }, `last ${w} batches`)));
  select.addEventListener('change', () => navigate(`${routes.model(m)}?window=${select.value}&metric=${encodeURIComponent(metric)}`));
  return h('header', { class: 'page-head' },
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, link('#/', 'Models'), ' › ', m),
    h('h1', { text: m }),
    h('p', { class: 'toolbar' },
      link(routes.rules(m), 'Alert rules'), ' · ', link(routes.alerts({ modelId: m }), 'All alerts'), ' · ',
      h('label', { for: 'window-select' }, 'Show '), select,
      h('span', { class: 'muted' }, ` ${axis.ids.length} batch${axis.ids.length === 1 ? '' : 'es'} shown${metrics.length ? '' : ', no performance results'}`)));
}

function tile(label, value, extra, cls) {
  return h('div', { class: `tile ${cls || ''}` }, h('div', { class: 'tile-label', text: label }), h('div', { class: 'tile-value', text: value }),
    extra ? h('div', { class: 'tile-extra muted' }, extra) : null);
}

function lastOf(axis, map) {
  for (let i = axis.ids.length - 1; i >= 0; i--) if (map && map.has(axis.ids[i]) && map.get(axis.ids[i]) !== null) return { id: axis.ids[i], value: map.get(axis.ids[i]) };
  return null;
}

function summaryTiles(m, summary, axis, perf, metric, shareMap, labels) {
  const share = lastOf(axis, shareMap);
  const real = perf ? lastOf(axis, perf.real) : null;
  const est = perf ? lastOf(axis, perf.est) : null;
  const cov = perf ? lastOf(axis, perf.coverage) : null;
  const of = (point) => (point ? `batch ${labels.text(m, point.id)}` : null);
  const last = summary.latestBatchId ? labels.info(m, summary.latestBatchId, summary.latestBatchAt) : null;
  const lastTile = tile('Last batch', last ? (last.n ? `#${last.n}` : date(last.at)) : '–', last && last.n ? date(last.at) : null);
  if (last) lastTile.title = `batch ${summary.latestBatchId}`;
  return h('div', { class: 'tiles', role: 'list' },
    h('div', { role: 'listitem', class: 'tile', dataset: { tile: 'alerts' } },
      h('div', { class: 'tile-label', text: 'Open alerts' }),
      h('div', { class: 'tile-value' }, ['critical', 'warning', 'info'].map((s) => [badge(s, summary.openAlerts[s] || 0), ' ']))),
    wrapItem(lastTile, 'last-batch'),
    wrapItem(tile('Drift share', share ? pct(share.value) : '–', of(share), share && share.value >= 0.5 ? 'bad' : ''), 'drift'),
    wrapItem(tile(`${metricName(metric)} (realised)`, real ? num(real.value) : '–', real ? of(real) : 'no labels yet'), 'performance'),
    wrapItem(tile(`${metricName(metric)} (estimated)`, est ? num(est.value) : '–', of(est)), 'estimated'),
    wrapItem(tile('Label coverage', cov ? pct(cov.value) : '–', of(cov), cov && cov.value < 1 ? 'warn' : ''), 'coverage'));
}

function wrapItem(el, key) {
  el.setAttribute('role', 'listitem');
  el.dataset.tile = key;
  return el;
}
