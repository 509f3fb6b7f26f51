// Batch page: the batch's report rendered for people — its alerts (each links to the alert, which links back),
// drifted features with their explanation and reference vs production distribution, all features, data
// quality, performance with intervals and the worst slices, fairness groups with their intervals.

import { api } from '../api.js';
import { BatchLabels } from '../batches.js';
import { badge, clip, date, h, isNum, link, note, num, pValue, pct, routes, ruleSubject, section, statusTag, table } from '../dom.js';
import { featureDistribution } from '../histogram.js';
import { fairnessBlock, performanceBlock } from './batch-sections.js';

export async function batchPage(main, [m, b], query, { signal }) {
  const report = await api.report(m, b, signal);
  const labels = new BatchLabels(signal).want(m, b, report.at);
  await labels.resolve();
  const { n } = labels.info(m, b, report.at);
  const revisions = Object.entries(report.revisions || {}).map(([k, v]) => `${k} revision ${v[v.length - 1]}`).join(', ');
  main.append(
    h('header', { class: 'page-head' },
      h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, link('#/', 'Models'), ' › ', link(routes.model(m), m), ' › batch'),
      h('h1', { title: `batch ${b}`, dataset: { batchId: b } }, n ? `Batch #${n}` : 'Batch', h('span', { class: 'muted' }, ` · ${date(report.at)}`)),
      h('p', { class: 'muted' }, `${m} · batch time ${date(report.at)} · ${revisions || 'no results'} · id `, clip(b, 'code'))),
    alertsBlock(m, report.alerts || []),
    report.drift ? driftBlock(report.drift) : section('Drift', 'drift-title', note('No drift result for this batch.')),
    report.performance ? performanceBlock(report.performance) : section('Performance', 'perf-title', note('No performance result for this batch.')),
    report.fairness ? fairnessBlock(report.fairness) : section('Fairness', 'fair-title', note('No fairness result for this batch.')),
  );
}

function alertsBlock(m, alerts) {
  if (alerts.length === 0) return section('Alerts raised by this batch', 'alerts-title', note('This batch breached no alert rule.'));
  const rows = alerts.map((a) => h('tr', { dataset: { alertId: a.alertId } },
    h('td', null, badge(a.severity)), h('td', null, statusTag(a.status)),
    h('td', { class: 'subject-cell' }, link(routes.alert(a.alertId), ruleSubject(a))),
    h('td', { class: 'num', text: `${num(a.value, 4)} ${a.comparator || ''} ${num(a.threshold, 4)}` }),
    h('td', null, h('div', { class: 'explanation clamp', title: a.explanation || null, text: a.explanation || '' }))));
  return section('Alerts raised by this batch', 'alerts-title',
    table(`${alerts.length} alert${alerts.length === 1 ? '' : 's'} breached in this batch`, ['Severity', 'Status', 'Rule · subject', 'Value vs threshold', 'Explanation'], rows));
}

function stat(label, value) {
  return h('div', { class: 'stat' }, h('dt', { text: label }), h('dd', { text: value }));
}

function driftBlock(d) {
  const features = d.features || [];
  const drifted = features.filter((f) => f.drifted);
  const cards = drifted.map((f) => h('article', { class: 'feature-card', dataset: { feature: f.feature } },
    clip(f.feature, 'h3'),
    h('p', { class: 'explanation clamp', title: f.explanation || null }, f.explanation || 'No explanation was given for this feature.'),
    h('dl', { class: 'stats' },
      stat('test', `${f.test || '–'} ${num(f.statistic, 4)}`), stat('p (adjusted)', `${pValue(f.pValue)} (${pValue(f.adjustedPValue)})`),
      stat('PSI', num(f.psi, 4)), stat('Jensen–Shannon', num(f.jensenShannon, 4)),
      isNum(f.wasserstein) ? stat('Wasserstein / std', num(f.wasserstein, 4)) : null),
    featureDistribution(f)));
  const sorted = [...features].sort((x, y) => (y.psi || 0) - (x.psi || 0));
  const extra = [d.prediction && { ...d.prediction, feature: `${d.prediction.feature || 'prediction'} (prediction)` },
    d.label && { ...d.label, feature: `${d.label.feature || 'label'} (label)` }].filter(Boolean);
  const row = (f) => h('tr', { class: f.drifted ? 'drifted' : '' },
    h('th', { scope: 'row' }, clip(f.feature)), h('td', { text: f.type || '' }), h('td', { text: f.drifted ? 'drifted' : 'no' }),
    h('td', { class: 'num', text: num(f.psi, 4) }), h('td', { class: 'num', text: `${f.test || ''} ${num(f.statistic, 4)}` }),
    h('td', { class: 'num', text: pValue(f.adjustedPValue) }), h('td', { class: 'num', text: num(f.jensenShannon, 4) }));
  const all = table(`All ${features.length} features, by PSI${extra.length ? ', then prediction and label drift' : ''}`,
    ['Feature', 'Type', 'Drifted', 'PSI', 'Test statistic', 'Adjusted p', 'Jensen–Shannon'], [...sorted, ...extra].map(row), { class: 'compact' });
  return section('Drift', 'drift-title',
    h('p', { class: 'lead' }, d.explanation || `${drifted.length} of ${features.length} features drifted.`),
    h('dl', { class: 'stats' }, stat('drift share', pct(d.driftShare)), stat('dataset drift', d.datasetDrift ? 'yes' : 'no'),
      stat('rows', isNum(d.rows) ? String(d.rows) : '–'), stat('reference version', String(d.referenceVersion ?? '–'))),
    multivariateBlock(d.multivariate),
    domainBlock(d.domainClassifier),
    previousBlock(d),
    segmentsBlock(d.segments, d.segmentsSkipped),
    drifted.length ? h('div', { class: 'feature-grid' }, cards) : note('No feature drifted in this batch.'),
    h('details', null, h('summary', null, 'All features'), all),
    qualityBlock(d.dataQuality || []));
}

/** The joint view: the reconstruction error against its band and the features whose error grew most. */
function multivariateBlock(mv) {
  if (!mv) return null;
  const contributors = mv.contributors || [];
  return h('article', { class: `multivariate${mv.drifted ? ' drifted' : ''}`, dataset: { multivariate: mv.drifted ? 'drifted' : 'stable' } },
    h('h3', { text: `Multivariate drift: ${mv.drifted ? 'drifted' : 'inside the reference band'}` }),
    h('dl', { class: 'stats' }, stat('reconstruction error', num(mv.value, 4)),
      stat('reference band', `${num(mv.lower, 4)} – ${num(mv.upper, 4)}`), stat('method', mv.method || 'pca_reconstruction')),
    contributors.length
      ? h('div', null, 'Reconstruction error grew most in: ',
        h('ol', { class: 'contributors' }, contributors.map((c) => h('li', null, clip(c)))))
      : h('p', { class: 'muted' }, 'No feature\'s reconstruction error grew over the reference.'));
}

/** The domain classifier: how well a classifier tells this batch from the reference, against its band. */
function domainBlock(dc) {
  if (!dc) return null;
  const contributors = dc.contributors || [];
  return h('article', { class: `multivariate${dc.drifted ? ' drifted' : ''}`, dataset: { domainClassifier: dc.drifted ? 'drifted' : 'stable' } },
    h('h3', { text: `Domain classifier: ${dc.drifted ? 'tells the batch from the reference' : 'cannot tell the batch from the reference'}` }),
    h('dl', { class: 'stats' }, stat('cross-validated AUC', num(dc.value, 3)),
      stat('reference band', `${num(dc.lower, 3)} – ${num(dc.upper, 3)}`), stat('method', dc.method || 'domain_classifier')),
    contributors.length
      ? h('div', null, 'The classifier leant most on: ', h('ol', { class: 'contributors' }, contributors.map((c) => h('li', null, clip(c)))))
      : null);
}

/** The comparison with the previous production batches (drift.reference mode previous or both). */
function previousBlock(d) {
  const p = d.previous;
  if (!p) return null;
  const pool = `${p.batches} previous batch${p.batches === 1 ? '' : 'es'}, ${p.rows} rows`;
  if (d.referenceMode !== 'both') {
    return h('p', { class: 'muted', dataset: { referenceMode: d.referenceMode || '' } }, `Compared with the ${pool}, not the reference.`);
  }
  const drifted = (p.features || []).filter((f) => f.drifted).map((f) => f.feature);
  return h('article', { class: 'previous', dataset: { referenceMode: 'both' } },
    h('h3', { text: `Against the ${pool}` }),
    h('p', { class: 'explanation' }, p.explanation || ''),
    h('dl', { class: 'stats' }, stat('drift share', pct(p.driftShare)), stat('dataset drift', p.datasetDrift ? 'yes' : 'no'),
      stat('drifted', drifted.length ? drifted.join(', ') : 'none')));
}

/** Drift per segment (model spec segments): each segment with its rows and the features that drifted in it. */
function segmentsBlock(segments, skipped) {
  if (!segments) return null;
  const rows = segments.map((s) => {
    const drifted = (s.features || []).filter((f) => f.drifted).map((f) => f.feature);
    return h('tr', { class: drifted.length ? 'drifted' : '', dataset: { segment: s.segment } },
      h('th', { scope: 'row' }, clip(s.segment)), h('td', { class: 'num', text: String(s.rows) }),
      h('td', { class: 'num', text: pct(s.driftShare) }), h('td', { class: 'subject-cell' }, drifted.length ? clip(drifted.join(', ')) : '–'));
  });
  return h('details', { open: segments.some((s) => s.driftedFeatures > 0) },
    h('summary', null, `Segments (${segments.length} compared${skipped ? `, ${skipped} skipped for too few rows` : ''})`),
    rows.length ? table('Drift per segment', ['Segment', 'Rows', 'Drift share', 'Drifted features'], rows, { class: 'compact' })
      : note('No segment of the reference could be compared with this batch.'));
}

function qualityBlock(rows) {
  if (rows.length === 0) return null;
  const notable = rows.filter((q) => q.missingShareChange > 0 || q.outOfRangeShare > 0 || q.unseenCategoryShare > 0);
  const tr = (q) => h('tr', null, h('th', { scope: 'row' }, clip(q.column)), h('td', { text: q.role || '' }),
    h('td', { class: 'num', text: pct(q.referenceMissingShare, 1) }), h('td', { class: 'num', text: pct(q.missingShare, 1) }),
    h('td', { class: 'num', text: isNum(q.missingShareChange) ? `${q.missingShareChange > 0 ? '+' : ''}${pct(q.missingShareChange, 1)}` : '–' }),
    h('td', { class: 'num', text: pct(q.outOfRangeShare, 1) }), h('td', { class: 'num', text: pct(q.unseenCategoryShare, 1) }));
  return h('details', { open: notable.length > 0 }, h('summary', null, `Data quality (${notable.length} column${notable.length === 1 ? '' : 's'} with changes)`),
    table('Missing, out-of-range and unseen values, production against reference',
      ['Column', 'Role', 'Missing (ref)', 'Missing', 'Change', 'Out of range', 'Unseen categories'], (notable.length ? notable : rows).map(tr), { class: 'compact' }));
}
