// Hand-written inline SVG: line charts over a shared batch axis, and sparklines. Colours come from CSS
// classes (so light/dark apply without redrawing). Charts are keyboard-usable: focus one, move the
// cursor with ←/→ (Shift: 10 batches, Home/End), Enter opens the batch under the cursor.

import { date, esc, fromMarkup, h, isNum, num, tickFormat } from './dom.js';

const W = 900;
const PAD = { l: 52, r: 14, t: 12, b: 26 };

export function niceTicks(lo, hi, count = 4) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) || raw;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(10)));
  return out;
}

function domain(values, extra, fixed) {
  if (fixed) return fixed;
  let lo = Infinity;
  let hi = -Infinity;
  for (const arr of values) for (const v of arr) if (isNum(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
  for (const v of extra) if (isNum(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (lo === Infinity) return [0, 1];
  if (lo === hi) return [lo - 0.05 * Math.abs(lo || 1), hi + 0.05 * Math.abs(hi || 1)];
  const pad = (hi - lo) * 0.06;
  return [lo - pad, hi + pad];
}

/** Path data for values (null/NaN = gap); isolated points come back separately so they can be drawn as dots. */
function pathOf(values, x, y) {
  let d = '';
  const dots = [];
  let open = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!isNum(v)) { open = false; continue; }
    const px = x(i).toFixed(1);
    const py = y(v).toFixed(1);
    if (!open && !isNum(values[i + 1])) dots.push([px, py]);
    d += `${open ? 'L' : 'M'}${px} ${py}`;
    open = true;
  }
  return { d, dots };
}

function bandOf(low, high, x, y) {
  let d = '';
  let seg = [];
  const flush = () => {
    if (seg.length > 1) {
      d += `M${seg.map((i) => `${x(i).toFixed(1)} ${y(high[i]).toFixed(1)}`).join('L')}`;
      d += `L${seg.slice().reverse().map((i) => `${x(i).toFixed(1)} ${y(low[i]).toFixed(1)}`).join('L')}Z`;
    }
    seg = [];
  };
  for (let i = 0; i < low.length; i++) {
    if (isNum(low[i]) && isNum(high[i])) seg.push(i);
    else flush();
  }
  flush();
  return d;
}

/**
 * opts: axis {ids[], at[]} oldest first; series [{name, values[], cls, dashed, fmt}]; bands [{name, low[], high[], cls}];
 * refLines [{y, label, cls}]; shade [[i0, i1]] (with shadeLabel); yDomain [lo, hi]; height; title; label (aria);
 * onOpen(index) for Enter/click.
 */
export function lineChart(opts) {
  const { axis, series = [], bands = [], refLines = [], shade = [], height = 220, title, onOpen } = opts;
  const n = axis.ids.length;
  const H = height;
  const span = W - PAD.l - PAD.r;
  const x = (i) => PAD.l + (n <= 1 ? span / 2 : (i * span) / (n - 1));
  const [lo, hi] = domain([...series.map((s) => s.values), ...bands.flatMap((b) => [b.low, b.high])],
    refLines.map((r) => r.y), opts.yDomain);
  const y = (v) => PAD.t + (H - PAD.t - PAD.b) * (1 - (v - lo) / (hi - lo));
  const parts = [];
  for (const [a, b] of shade) {
    const x0 = x(a) - (n > 1 ? span / (n - 1) / 2 : 4);
    const x1 = x(b) + (n > 1 ? span / (n - 1) / 2 : 4);
    parts.push(`<rect class="shade" x="${Math.max(PAD.l, x0).toFixed(1)}" y="${PAD.t}" width="${Math.max(1, Math.min(W - PAD.r, x1) - Math.max(PAD.l, x0)).toFixed(1)}" height="${H - PAD.t - PAD.b}"/>`);
  }
  for (const t of niceTicks(lo, hi)) {
    parts.push(`<line class="grid" x1="${PAD.l}" x2="${W - PAD.r}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/>`);
    parts.push(`<text class="tick" x="${PAD.l - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${esc(num(t, 3))}</text>`);
  }
  const every = Math.max(1, Math.ceil(n / 6));
  const tick = tickFormat(axis.at);
  for (let i = 0; i < n; i += every) {
    parts.push(`<text class="tick" x="${x(i).toFixed(1)}" y="${H - 8}" text-anchor="middle">${esc(tick(axis.at[i]))}</text>`);
  }
  for (const b of bands) parts.push(`<path class="band ${b.cls || ''}" d="${bandOf(b.low, b.high, x, y)}"/>`);
  for (const r of refLines) {
    parts.push(`<line class="ref ${r.cls || ''}" x1="${PAD.l}" x2="${W - PAD.r}" y1="${y(r.y).toFixed(1)}" y2="${y(r.y).toFixed(1)}"/>`);
  }
  series.forEach((s, k) => {
    const { d, dots } = pathOf(s.values, x, y);
    const cls = `line ${s.cls || `s${k + 1}`}${s.dashed ? ' dashed' : ''}`;
    parts.push(`<path class="${cls}" d="${d}" data-series="${esc(s.name)}"/>`);
    for (const [px, py] of dots) parts.push(`<circle class="dot ${s.cls || `s${k + 1}`}" cx="${px}" cy="${py}" r="2.5"/>`);
  });
  for (const r of refLines.filter((l) => l.label)) {
    parts.push(`<text class="ref-label" x="${W - PAD.r - 4}" y="${(y(r.y) - 4).toFixed(1)}" text-anchor="end">${esc(r.label)}</text>`);
  }
  parts.push(`<line class="cursor" x1="0" x2="0" y1="${PAD.t}" y2="${H - PAD.b}" visibility="hidden"/>`);
  const label = opts.label || title || 'chart';
  const svg = fromMarkup(`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" tabindex="0" aria-label="${esc(label)}. Use the arrow keys to read values, Enter to open the batch.">${parts.join('')}</svg>`);
  const readout = h('div', { class: 'readout', 'aria-live': 'polite' }, '\u00a0');
  const legend = h('ul', { class: 'legend' },
    series.map((s, k) => h('li', { title: s.name }, h('span', { class: `swatch ${s.cls || `s${k + 1}`}${s.dashed ? ' dashed' : ''}`, 'aria-hidden': 'true' }), s.name)),
    bands.map((b) => h('li', null, h('span', { class: `swatch band ${b.cls || ''}`, 'aria-hidden': 'true' }), b.name)),
    refLines.filter((r) => r.legend).map((r) => h('li', null, h('span', { class: `swatch ref ${r.cls || ''}`, 'aria-hidden': 'true' }), r.legend)),
    shade.length && opts.shadeLabel ? h('li', null, h('span', { class: 'swatch shade', 'aria-hidden': 'true' }), opts.shadeLabel) : null);
  attachCursor(svg, readout, n, x, (i) => {
    const vals = series.map((s) => `${s.name} ${(s.fmt || num)(s.values[i])}`);
    bands.forEach((b) => { if (isNum(b.low[i])) vals.push(`${b.name} ${num(b.low[i])}–${num(b.high[i])}`); });
    return `${axisLabel(axis, i)}: ${vals.join(', ')}`;
  }, onOpen);
  return h('figure', { class: 'chart-figure' }, title ? h('figcaption', { text: title }) : null, svg, legend, readout);
}

function attachCursor(svg, readout, n, x, describe, onOpen) {
  const cursor = svg.querySelector('.cursor');
  let at = -1;
  const show = (i) => {
    if (n === 0) return;
    at = Math.max(0, Math.min(n - 1, i));
    cursor.setAttribute('x1', x(at));
    cursor.setAttribute('x2', x(at));
    cursor.setAttribute('visibility', 'visible');
    readout.textContent = describe(at);
  };
  const indexAt = (ev) => {
    const r = svg.getBoundingClientRect();
    const px = ((ev.clientX - r.left) / r.width) * W;
    return n <= 1 ? 0 : Math.round(((px - PAD.l) / (W - PAD.l - PAD.r)) * (n - 1));
  };
  svg.addEventListener('pointermove', (ev) => show(indexAt(ev)));
  svg.addEventListener('click', (ev) => { if (onOpen && n) onOpen(Math.max(0, Math.min(n - 1, indexAt(ev)))); });
  svg.addEventListener('focus', () => show(at < 0 ? n - 1 : at));
  svg.addEventListener('keydown', (ev) => {
    const step = ev.shiftKey ? 10 : 1;
    if (ev.key === 'ArrowLeft') show(at - step);
    else if (ev.key === 'ArrowRight') show(at + step);
    else if (ev.key === 'Home') show(0);
    else if (ev.key === 'End') show(n - 1);
    else if (ev.key === 'Enter' && onOpen && at >= 0) onOpen(at);
    else return;
    ev.preventDefault();
  });
}

/** A small trend line (aria-hidden: the figure next to it carries the value). ref draws a dashed threshold. */
export function sparkline(values, { ref = null, cls = 's1', width = 120, height = 28 } = {}) {
  const vals = values.filter(isNum);
  if (vals.length === 0) return h('span', { class: 'spark-empty muted' }, 'no data');
  const [lo, hi] = domain([values], ref === null ? [] : [ref]);
  const x = (i) => 2 + (values.length <= 1 ? (width - 4) / 2 : (i * (width - 4)) / (values.length - 1));
  const y = (v) => 2 + (height - 4) * (1 - (v - lo) / (hi - lo));
  const { d } = pathOf(values, x, y);
  let last = values.length - 1;
  while (last >= 0 && !isNum(values[last])) last--;
  const refLine = ref === null ? '' : `<line class="ref" x1="0" x2="${width}" y1="${y(ref).toFixed(1)}" y2="${y(ref).toFixed(1)}"/>`;
  return fromMarkup(`<svg class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false">${refLine}<path class="line ${cls}" d="${d}"/><circle class="dot ${cls}" cx="${x(last).toFixed(1)}" cy="${y(values[last]).toFixed(1)}" r="2.2"/></svg>`);
}

/** How a chart names the batch at axis position i: "#n · date" where the axis has labels (batches.js). */
export function axisLabel(axis, i) {
  return axis.labels ? axis.labels[i] : `${axis.ids[i]} (${date(axis.at[i])})`;
}

/** Values of a series aligned to the axis: Map batchId → value becomes an array by axis position. */
export function align(axis, map) {
  return axis.ids.map((id) => (map.has(id) ? map.get(id) : null));
}
