// The alert timeline of a model: one lane per rule and subject, a bar from the first to the latest breaching
// batch on the shared batch axis, coloured by severity, faded once resolved. Each bar is a link (Tab reaches it)
// to the alert, whose page links back to the batches.

import { esc, fromMarkup, h, tickFormat } from './dom.js';

const W = 900;
const LABEL = 210;
const LANE = 18;
const MAX_LANES = 40;
const SEVERITY = { critical: 0, warning: 1, info: 2 };

export function alertTimeline({ axis, alerts }) {
  const index = new Map(axis.ids.map((id, i) => [id, i]));
  const n = axis.ids.length;
  const name = (id) => (index.has(id) && axis.labels ? axis.labels[index.get(id)] : id);
  const lanes = new Map();
  for (const a of alerts) {
    const end = index.get(a.batchId);
    if (end === undefined) continue; // breached only before the window
    const start = index.has(a.firstBatchId) ? index.get(a.firstBatchId) : 0;
    const key = `${a.rule}${a.subject ? ` · ${a.subject}` : ''}`;
    if (!lanes.has(key)) lanes.set(key, { key, severity: a.severity, bars: [] });
    const lane = lanes.get(key);
    if (SEVERITY[a.severity] < SEVERITY[lane.severity]) lane.severity = a.severity;
    lane.bars.push({ a, start: Math.min(start, end), end });
  }
  const sorted = [...lanes.values()].sort((p, q) => SEVERITY[p.severity] - SEVERITY[q.severity] || p.key.localeCompare(q.key));
  if (sorted.length === 0) {
    return h('p', { class: 'muted' }, 'No alerts breached in the batches shown.');
  }
  const shown = sorted.slice(0, MAX_LANES);
  const span = W - LABEL - 10;
  const step = span / Math.max(1, n);
  const x = (i) => LABEL + i * step;
  const H = shown.length * LANE + 24;
  const parts = [];
  shown.forEach((lane, k) => {
    const y = k * LANE;
    parts.push(`<text class="lane-label" x="${LABEL - 8}" y="${y + LANE / 2 + 4}" text-anchor="end"><title>${esc(lane.key)}</title>${esc(lane.key.length > 34 ? `${lane.key.slice(0, 33)}…` : lane.key)}</text>`);
    parts.push(`<line class="grid" x1="${LABEL}" x2="${W - 10}" y1="${y + LANE / 2}" y2="${y + LANE / 2}"/>`);
    for (const { a, start, end } of lane.bars) {
      const w = Math.max(5, (end - start + 1) * step);
      const subject = a.subject && a.subject.length > 120 ? `${a.subject.slice(0, 119)}…` : a.subject;
      const label = `${a.severity} ${a.status} alert ${a.rule}${subject ? ` (${subject})` : ''}: from batch ${index.has(a.firstBatchId) ? name(a.firstBatchId) : 'before the batches shown'} to batch ${name(a.batchId)}, ${a.occurrences} breaches`;
      parts.push(`<a href="#/alerts/${esc(encodeURIComponent(a.alertId))}" aria-label="${esc(label)}"><title>${esc(label)}</title>`
        + `<rect class="bar sev-${esc(a.severity)} st-${esc(a.status)}" x="${x(start).toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${LANE - 6}" rx="2"/></a>`);
    }
  });
  const every = Math.max(1, Math.ceil(n / 6));
  const tick = tickFormat(axis.at);
  for (let i = 0; i < n; i += every) {
    parts.push(`<text class="tick" x="${x(i + 0.5).toFixed(1)}" y="${H - 6}" text-anchor="middle">${esc(tick(axis.at[i]))}</text>`);
  }
  const svg = fromMarkup(`<svg class="chart timeline" viewBox="0 0 ${W} ${H}" role="group" aria-label="Alert timeline, ${shown.length} rules and subjects">${parts.join('')}</svg>`);
  return h('figure', { class: 'chart-figure' }, h('figcaption', { text: 'Alert timeline (bars span first to latest breaching batch)' }), svg,
    h('ul', { class: 'legend' },
      ['critical', 'warning', 'info'].map((s) => h('li', null, h('span', { class: `swatch bar sev-${s}`, 'aria-hidden': 'true' }), s)),
      h('li', null, h('span', { class: 'swatch bar st-resolved', 'aria-hidden': 'true' }), 'resolved (faded)')),
    sorted.length > MAX_LANES ? h('p', { class: 'muted' }, `${sorted.length - MAX_LANES} more lanes are listed on the alerts page.`) : null);
}
