// DOM building and number/date formatting shared by every page. Text always goes in as text, never as HTML.

import { promptApiKey, settings } from './api.js';

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'value' || k === 'checked' || k === 'selected') el[k] = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/** An element from trusted markup built by this app (SVG strings whose text parts went through esc). */
export function fromMarkup(markup) {
  const t = document.createElement('template');
  t.innerHTML = markup.trim();
  return t.content.firstElementChild;
}

export function esc(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export const enc = encodeURIComponent;

export function isNum(v) {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A figure with up to `digits` decimals, or an en dash when absent. */
export function num(v, digits = 3) {
  if (!isNum(v)) return '–';
  if (v !== 0 && Math.abs(v) < 0.001) return v.toExponential(1);
  return Number(v.toFixed(digits)).toString();
}

export function pct(v, digits = 0) {
  return isNum(v) ? `${(v * 100).toFixed(digits)}%` : '–';
}

export function signed(v, digits = 3) {
  return isNum(v) ? (v > 0 ? '+' : '') + num(v, digits) : '–';
}

export function pValue(v) {
  if (!isNum(v)) return '–';
  return v < 0.0001 ? v.toExponential(1) : num(v, 4);
}

export function date(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** Axis tick text for these batch times: dates, or month-day and time when they span under three days. */
export function tickFormat(at) {
  const span = at.length > 1 ? Date.parse(at[at.length - 1]) - Date.parse(at[0]) : 0;
  if (span < 3 * 86_400_000) return (iso) => (iso ? new Date(iso).toISOString().slice(5, 16).replace('T', ' ') : '');
  return (iso) => (iso ? new Date(iso).toISOString().slice(0, 10) : '');
}

export function shortDate(iso) {
  if (!iso) return '';
  return new Date(iso).toISOString().slice(5, 10);
}

export function badge(severity, count) {
  return h('span', { class: `badge sev-${severity}${count === 0 ? ' zero' : ''}`, title: `${severity}` },
    count === undefined ? severity : `${count} ${severity}`);
}

export function statusTag(status) {
  return h('span', { class: `status st-${status}` }, status);
}

export function section(title, id, ...children) {
  return h('section', { class: 'card', 'aria-labelledby': id }, h('h2', { id, text: title }), ...children);
}

export function note(text, cls = 'muted') {
  return h('p', { class: cls }, text);
}

export function errorBox(err) {
  if (err && (err.status === 401 || err.status === 403)) return keyBox(err);
  const lines = [err.message || String(err)];
  if (err.errors) err.errors.forEach((e) => lines.push(`${e.row ? `row ${e.row}, ` : ''}${e.column || ''}: ${e.message}`));
  return h('div', { class: 'error', role: 'alert' }, lines.map((l) => h('div', { text: l })));
}

/** 401/403 from the API: say what key is needed and offer to enter one (the page re-renders with it). */
function keyBox(err) {
  const detail = (err.problem && err.problem.detail) || '';
  const [title, text, button] = err.status === 401
    ? ['An API key is needed', settings.apiKey
      ? 'The service does not know the API key this dashboard sends. Enter a valid key.'
      : 'This service requires an API key (X-API-Key). Enter a key with the read role to view, or the write role to change alerts and rules.',
    'Enter API key']
    : ['This API key may not do that', detail || 'Your API key has the read role; this action needs a key with the write role.',
      'Use another API key'];
  const box = h('div', { class: 'error', role: 'alert', dataset: { auth: String(err.status) } },
    h('div', null, h('strong', { text: title })),
    h('div', { text: text }),
    h('div', null, h('button', { type: 'button', class: 'key-prompt', onclick: () => {
      // A page that failed to render re-renders with the new key (app.js); an action's box asks for a retry.
      if (promptApiKey(title) && box.isConnected) box.replaceChildren(h('div', { text: 'API key saved. Try again.' }));
    } }, button)));
  return box;
}

export function table(caption, headers, rows, attrs = {}) {
  return h('table', attrs,
    h('caption', { text: caption }),
    h('thead', null, h('tr', null, headers.map((c) => h('th', { scope: 'col', text: c })))),
    h('tbody', null, rows));
}

export function link(href, text, attrs = {}) {
  return h('a', { href, ...attrs }, text);
}

/**
 * Text that may be long (a category value, a feature or group name, an alert subject): one line, cut with an
 * ellipsis at the width app.css gives .clip, the whole text in the tooltip. tag 'span' for cells and links.
 */
export function clip(text, tag = 'span', attrs = {}) {
  const s = text === null || text === undefined ? '' : String(text);
  return h(tag, { ...attrs, class: `clip${attrs.class ? ` ${attrs.class}` : ''}`, title: s, text: s });
}

/** "rule · subject" of an alert, the subject clipped. */
export function ruleSubject(a) {
  return [a.rule, a.subject ? [' · ', clip(a.subject, 'span', { class: 'subject' })] : null];
}

export const routes = {
  model: (m) => `#/models/${enc(m)}`,
  batch: (m, b) => `#/models/${enc(m)}/batches/${enc(b)}`,
  rules: (m) => `#/models/${enc(m)}/rules`,
  alert: (id) => `#/alerts/${enc(id)}`,
  alerts: (q = {}) => {
    const s = new URLSearchParams(Object.entries(q).filter(([, v]) => v)).toString();
    return `#/alerts${s ? `?${s}` : ''}`;
  },
};
