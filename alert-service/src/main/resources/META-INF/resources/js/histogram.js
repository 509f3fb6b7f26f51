// Reference vs production for one drifted feature, from what the drift result carries: details.topBins (the
// three bins or categories whose share moved most, as a pair of bars each) and, for numeric features, the
// reference and production p10/p50/p90 and mean (a range strip each). The full histogram is not in the result,
// so it is not drawn.

import { esc, fromMarkup, h, isNum, num, pct } from './dom.js';

const W = 440;

export function binBars(topBins) {
  if (!topBins || topBins.length === 0) return null;
  const max = Math.max(...topBins.flatMap((b) => [b.referenceShare, b.productionShare]), 0.01);
  const labelW = 130;
  const barMax = W - labelW - 60;
  const rowH = 34;
  const parts = [];
  topBins.forEach((b, k) => {
    const y = k * rowH + 4;
    parts.push(`<text class="bin-label" x="${labelW - 8}" y="${y + 15}" text-anchor="end"><title>${esc(b.bin)}</title>${esc(b.bin.length > 20 ? `${b.bin.slice(0, 19)}…` : b.bin)}</text>`);
    const rw = (b.referenceShare / max) * barMax;
    const pw = (b.productionShare / max) * barMax;
    parts.push(`<rect class="bar-ref" x="${labelW}" y="${y}" width="${Math.max(1, rw).toFixed(1)}" height="12"><title>reference ${esc(pct(b.referenceShare, 1))}</title></rect>`);
    parts.push(`<text class="bar-value" x="${(labelW + rw + 4).toFixed(1)}" y="${y + 10}">${esc(pct(b.referenceShare, 1))}</text>`);
    parts.push(`<rect class="bar-prod" x="${labelW}" y="${y + 14}" width="${Math.max(1, pw).toFixed(1)}" height="12"><title>production ${esc(pct(b.productionShare, 1))}</title></rect>`);
    parts.push(`<text class="bar-value" x="${(labelW + pw + 4).toFixed(1)}" y="${y + 24}">${esc(pct(b.productionShare, 1))}</text>`);
  });
  const label = topBins.map((b) => `${b.bin}: reference ${pct(b.referenceShare, 1)}, production ${pct(b.productionShare, 1)}`).join('; ');
  return fromMarkup(`<svg class="chart bins" viewBox="0 0 ${W} ${topBins.length * rowH + 6}" role="img" aria-label="${esc(`Bins that moved most. ${label}`)}">${parts.join('')}</svg>`);
}

export function rangeStrip(reference, production) {
  if (!reference || !production) return null;
  const all = [reference, production].flatMap((s) => [s.p10, s.p50, s.p90, s.mean]).filter(isNum);
  if (all.length === 0) return null;
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) { lo -= 1; hi += 1; }
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const left = 90;
  const right = W - 20;
  const x = (v) => left + ((v - lo) / (hi - lo)) * (right - left);
  const parts = [];
  [['reference', reference, 'ref'], ['production', production, 'prod']].forEach(([name, s, cls], k) => {
    const y = 14 + k * 30;
    parts.push(`<text class="bin-label" x="${left - 8}" y="${y + 4}" text-anchor="end">${name}</text>`);
    if (isNum(s.p10) && isNum(s.p90)) {
      parts.push(`<rect class="range-${cls}" x="${x(s.p10).toFixed(1)}" y="${y - 5}" width="${Math.max(1, x(s.p90) - x(s.p10)).toFixed(1)}" height="10" rx="2"/>`);
      parts.push(`<text class="bar-value" x="${x(s.p10).toFixed(1)}" y="${y + 18}" text-anchor="middle">${esc(num(s.p10))}</text>`);
      parts.push(`<text class="bar-value" x="${x(s.p90).toFixed(1)}" y="${y + 18}" text-anchor="middle">${esc(num(s.p90))}</text>`);
    }
    if (isNum(s.p50)) parts.push(`<line class="median" x1="${x(s.p50).toFixed(1)}" x2="${x(s.p50).toFixed(1)}" y1="${y - 8}" y2="${y + 8}"/>`);
    if (isNum(s.mean)) parts.push(`<circle class="mean" cx="${x(s.mean).toFixed(1)}" cy="${y}" r="3.5"/>`);
  });
  const text = (n, s) => `${n}: p10 ${num(s.p10)}, median ${num(s.p50)}, p90 ${num(s.p90)}, mean ${num(s.mean)}`;
  return fromMarkup(`<svg class="chart strip" viewBox="0 0 ${W} 76" role="img" aria-label="${esc(`${text('reference', reference)}; ${text('production', production)}`)}">${parts.join('')}</svg>`);
}

/** Bars and strip with a legend, or a note when the result carries no details for the feature. */
export function featureDistribution(feature) {
  const d = feature.details || {};
  const bars = binBars(d.topBins);
  const strip = rangeStrip(d.reference, d.production);
  if (!bars && !strip) return h('p', { class: 'muted' }, 'The result carries no bin or percentile details for this feature.');
  return h('figure', { class: 'distribution' },
    h('figcaption', null, 'Reference vs production: the bins whose share moved most', strip ? ', and the 10th–90th percentile range (bar), median (tick) and mean (dot)' : ''),
    bars, strip,
    h('ul', { class: 'legend' },
      h('li', null, h('span', { class: 'swatch bar-ref', 'aria-hidden': 'true' }), 'reference'),
      h('li', null, h('span', { class: 'swatch bar-prod', 'aria-hidden': 'true' }), 'production')));
}
