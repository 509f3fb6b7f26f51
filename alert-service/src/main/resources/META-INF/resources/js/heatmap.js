// The feature × batch drift heat map: one canvas, one pixel per cell drawn into an offscreen image and
// scaled up (50,000 cells cost one putImageData). Colour: PSI; drifted cells in the warm scale.
// Keyboard: ←/→ batch, ↑/↓ feature (Shift: 10), Home/End, Enter opens the batch.

import { axisLabel } from './charts.js';
import { h, isNum, num, tickFormat } from './dom.js';

const LABEL_W = 150;
const AXIS_H = 20;
const PSI_FULL = 0.5; // PSI at which the colour saturates

function rgb(hex) {
  const v = hex.trim().replace('#', '');
  const full = v.length === 3 ? v.split('').map((c) => c + c).join('') : v;
  const n = parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function palette() {
  const css = getComputedStyle(document.documentElement);
  const get = (name, fallback) => rgb(css.getPropertyValue(name) || fallback);
  return {
    cold0: get('--heat-cold-0', '#eef2f7'), cold1: get('--heat-cold-1', '#2f6db5'),
    warm0: get('--heat-warm-0', '#f6b26b'), warm1: get('--heat-warm-1', '#b3261e'),
    missing: get('--heat-missing', '#d0d0d0'), text: css.getPropertyValue('--fg').trim() || '#222',
    muted: css.getPropertyValue('--muted').trim() || '#666', focus: css.getPropertyValue('--focus').trim() || '#000',
  };
}

const mix = (a, b, t) => [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * t));

/** Matrix columns placed on the shared axis: cols[axisIndex] = matrix row or -1. */
function columns(axis, matrix) {
  const at = new Map(matrix.batches.map((b, k) => [b.batchId, k]));
  return axis.ids.map((id) => (at.has(id) ? at.get(id) : -1));
}

export function heatmap({ axis, matrix, onOpen }) {
  const F = matrix.features.length;
  const n = axis.ids.length;
  const cols = columns(axis, matrix);
  let driftedCells = 0;
  for (const row of matrix.drifted) for (const d of row) if (d === 1) driftedCells++;
  const rowH = Math.max(8, Math.min(18, Math.floor(600 / Math.max(1, F))));
  const canvas = h('canvas', {
    class: 'heatmap', tabindex: '0', role: 'img',
    'aria-label': `Drift heat map, ${F} features by ${n} batches, ${driftedCells} drifted cells. Arrow keys move between cells, Enter opens the batch.`,
    dataset: { features: String(F), batches: String(matrix.batches.length), driftedCells: String(driftedCells) },
  });
  // Through the CSSOM: the Content-Security-Policy refuses style attributes (style-src 'self').
  canvas.style.height = `${F * rowH + AXIS_H}px`;
  const tip = h('div', { class: 'heat-tip', hidden: true });
  const readout = h('div', { class: 'readout', 'aria-live': 'polite' }, '\u00a0');
  const wrap = h('div', { class: 'heat-wrap' }, canvas, tip);
  let cursor = null;
  let geometry = null;

  const image = () => {
    const p = palette();
    const off = document.createElement('canvas');
    off.width = Math.max(1, n);
    off.height = Math.max(1, F);
    const ctx = off.getContext('2d');
    const img = ctx.createImageData(off.width, off.height);
    for (let i = 0; i < n; i++) {
      const r = cols[i];
      for (let f = 0; f < F; f++) {
        const v = r < 0 ? null : matrix.values[r][f];
        const d = r < 0 ? null : matrix.drifted[r][f];
        let c;
        if (!isNum(v)) c = p.missing;
        else {
          const t = Math.min(1, Math.max(0, v / PSI_FULL));
          c = d === 1 ? mix(p.warm0, p.warm1, t) : mix(p.cold0, p.cold1, t);
        }
        const o = (f * off.width + i) * 4;
        img.data[o] = c[0]; img.data[o + 1] = c[1]; img.data[o + 2] = c[2]; img.data[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    return { off, p };
  };
  let cached = null;

  const draw = () => {
    const width = wrap.clientWidth || 900;
    const height = F * rowH + AXIS_H;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.height = `${height}px`;
    const ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (!cached) cached = image();
    const { off, p } = cached;
    const plotW = width - LABEL_W - 4;
    geometry = { plotW, cellW: plotW / Math.max(1, n) };
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(off, LABEL_W, 0, plotW, F * rowH);
    ctx.font = `${Math.min(12, rowH - 1)}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    ctx.fillStyle = p.text;
    matrix.features.forEach((name, f) => {
      ctx.fillText(name.length > 22 ? `${name.slice(0, 21)}…` : name, LABEL_W - 6, f * rowH + rowH / 2, LABEL_W - 8);
    });
    ctx.textAlign = 'center';
    ctx.fillStyle = p.muted;
    const every = Math.max(1, Math.ceil(n / 6));
    const tick = tickFormat(axis.at);
    for (let i = 0; i < n; i += every) ctx.fillText(tick(axis.at[i]), LABEL_W + (i + 0.5) * geometry.cellW, F * rowH + AXIS_H / 2);
    if (cursor) {
      ctx.strokeStyle = p.focus;
      ctx.lineWidth = 2;
      const cw = Math.max(3, geometry.cellW);
      ctx.strokeRect(LABEL_W + cursor.i * geometry.cellW - (cw - geometry.cellW) / 2, cursor.f * rowH, cw, rowH);
    }
  };

  const describe = (i, f) => {
    const r = cols[i];
    const v = r < 0 ? null : matrix.values[r][f];
    const d = r < 0 ? null : matrix.drifted[r][f];
    const state = d === 1 ? 'drifted' : d === 0 ? 'not drifted' : 'no result';
    const name = matrix.features[f];
    return `${name.length > 80 ? `${name.slice(0, 79)}…` : name} · batch ${axisLabel(axis, i)}: ${matrix.value} ${num(v, 4)}, ${state}`;
  };
  const move = (i, f) => {
    cursor = { i: Math.max(0, Math.min(n - 1, i)), f: Math.max(0, Math.min(F - 1, f)) };
    readout.textContent = describe(cursor.i, cursor.f);
    draw();
  };
  const cellAt = (ev) => {
    const r = canvas.getBoundingClientRect();
    const px = ev.clientX - r.left - LABEL_W;
    const py = ev.clientY - r.top;
    if (!geometry || px < 0 || py < 0 || py >= F * rowH) return null;
    const i = Math.floor(px / geometry.cellW);
    return i < n ? { i, f: Math.floor(py / rowH) } : null;
  };
  canvas.addEventListener('pointermove', (ev) => {
    const c = cellAt(ev);
    if (!c) { tip.hidden = true; return; }
    tip.hidden = false;
    tip.textContent = describe(c.i, c.f);
    tip.style.left = `${Math.min(ev.clientX - wrap.getBoundingClientRect().left + 12, wrap.clientWidth - 260)}px`;
    tip.style.top = `${ev.clientY - wrap.getBoundingClientRect().top + 14}px`;
  });
  canvas.addEventListener('pointerleave', () => { tip.hidden = true; });
  canvas.addEventListener('click', (ev) => { const c = cellAt(ev); if (c && onOpen) onOpen(c.i); });
  canvas.addEventListener('focus', () => { if (!cursor && n && F) move(n - 1, 0); });
  canvas.addEventListener('keydown', (ev) => {
    if (!cursor) return;
    const s = ev.shiftKey ? 10 : 1;
    const k = ev.key;
    if (k === 'ArrowLeft') move(cursor.i - s, cursor.f);
    else if (k === 'ArrowRight') move(cursor.i + s, cursor.f);
    else if (k === 'ArrowUp') move(cursor.i, cursor.f - s);
    else if (k === 'ArrowDown') move(cursor.i, cursor.f + s);
    else if (k === 'Home') move(0, cursor.f);
    else if (k === 'End') move(n - 1, cursor.f);
    else if (k === 'Enter' && onOpen) onOpen(cursor.i);
    else return;
    ev.preventDefault();
  });
  let drawnWidth = -1;
  const resize = new ResizeObserver(() => {
    if (!canvas.isConnected) { resize.disconnect(); return; }
    if (wrap.clientWidth !== drawnWidth) { drawnWidth = wrap.clientWidth; draw(); }
  });
  resize.observe(wrap);
  const onTheme = () => {
    if (!canvas.isConnected) { window.removeEventListener('themechange', onTheme); return; }
    cached = null;
    draw();
  };
  window.addEventListener('themechange', onTheme);
  const legend = h('ul', { class: 'legend' },
    h('li', null, h('span', { class: 'swatch heat-cold', 'aria-hidden': 'true' }), `not drifted (PSI 0 → ${PSI_FULL}+)`),
    h('li', null, h('span', { class: 'swatch heat-warm', 'aria-hidden': 'true' }), 'drifted (PSI 0 → 0.5+)'),
    h('li', null, h('span', { class: 'swatch heat-missing', 'aria-hidden': 'true' }), 'no drift result'));
  return h('figure', { class: 'chart-figure' },
    h('figcaption', { text: `Feature drift (${matrix.value}) by batch` }), wrap, legend, readout);
}

/** Features by how often they drifted in the window, for people and for screen readers. */
export function mostDrifted(matrix, top = 10) {
  const rows = matrix.features.map((name, f) => {
    let count = 0;
    let max = null;
    for (let b = 0; b < matrix.batches.length; b++) {
      if (matrix.drifted[b][f] === 1) count++;
      const v = matrix.values[b][f];
      if (isNum(v) && (max === null || v > max)) max = v;
    }
    const lastRow = matrix.values[matrix.values.length - 1];
    return { name, count, max, latest: lastRow ? lastRow[f] : null };
  });
  return rows.filter((r) => r.count > 0).sort((a, b) => b.count - a.count || b.max - a.max).slice(0, top);
}
