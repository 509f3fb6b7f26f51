// The alert service's own API (docs/api.md "History and alerts"), same origin. Problems (RFC 9457) become ApiError.

const BASE = '/api/v1';
const MAX_IN_FLIGHT = 6;
let inFlight = 0;
const waiting = [];

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) ? `${problem.title || 'Error'}: ${problem.detail || ''}` : `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.errors = (problem && problem.errors) || null;
  }
}

export const settings = {
  get user() { return localStorage.getItem('dash.user') || 'dashboard'; },
  set user(v) { localStorage.setItem('dash.user', v || 'dashboard'); },
  get apiKey() { return localStorage.getItem('dash.apiKey') || ''; },
  set apiKey(v) { if (v) localStorage.setItem('dash.apiKey', v); else localStorage.removeItem('dash.apiKey'); },
};

/**
 * Asks for the key sent as X-API-Key and remembers it; app.js re-renders the page on 'apikeychange'.
 * Returns whether the user answered (an empty answer removes the key).
 */
export function promptApiKey(why) {
  const key = window.prompt(`${why ? `${why}\n\n` : ''}API key sent as X-API-Key (empty for none)`, settings.apiKey);
  if (key === null) return false;
  settings.apiKey = key.trim();
  window.dispatchEvent(new Event('apikeychange'));
  return true;
}

async function slot() {
  if (inFlight < MAX_IN_FLIGHT) { inFlight++; return; }
  await new Promise((resolve) => waiting.push(resolve));
  inFlight++;
}

function release() {
  inFlight--;
  const next = waiting.shift();
  if (next) next();
}

async function request(method, path, body, signal) {
  const headers = { Accept: 'application/json' };
  if (settings.apiKey) headers['X-API-Key'] = settings.apiKey;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-User'] = settings.user;
  await slot();
  let res;
  try {
    res = await fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } finally {
    release();
  }
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new ApiError(res.status, typeof data === 'object' ? data : null);
  return data;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

const e = encodeURIComponent;

export const api = {
  models: (signal) => request('GET', '/models?limit=1000', undefined, signal),
  model: (m, signal) => request('GET', `/models/${e(m)}`, undefined, signal),
  batches: (m, params, signal) => request('GET', `/models/${e(m)}/batches${query(params)}`, undefined, signal),
  report: (m, b, signal) => request('GET', `/models/${e(m)}/batches/${e(b)}/report`, undefined, signal),
  series: (m, metric, params, signal) => request('GET', `/models/${e(m)}/metrics/${e(metric)}${query(params)}`, undefined, signal),
  driftMatrix: (m, params, signal) => request('GET', `/models/${e(m)}/drift-matrix${query(params)}`, undefined, signal),
  alerts: (params, signal) => request('GET', `/alerts${query(params)}`, undefined, signal),
  alert: (id, signal) => request('GET', `/alerts/${e(id)}`, undefined, signal),
  acknowledge: (id, reason) => request('POST', `/alerts/${e(id)}/acknowledge`, { by: settings.user, reason: reason || null }),
  resolve: (id, reason) => request('POST', `/alerts/${e(id)}/resolve`, { by: settings.user, reason: reason || null }),
  incidents: (m, params, signal) => request('GET', `/models/${e(m)}/incidents${query(params)}`, undefined, signal),
  rules: (m, signal) => request('GET', `/models/${e(m)}/alert-rules`, undefined, signal),
  putRules: (m, rules) => request('PUT', `/models/${e(m)}/alert-rules`, rules),
  // Forwarded by alert-service to ingest, which deletes the model in every service (docs/api.md "Deleting").
  deleteModel: (m) => request('DELETE', `/models/${e(m)}`),
  reports: (m, params, signal) => request('GET', `/models/${e(m)}/reports${query(params)}`, undefined, signal),
};

/**
 * A document of the API (a period report, a stored report) as a Blob: fetched with the API key, which a plain
 * link could not send. path is under /api/v1 (as api.* paths) or a full /api/v1/... href.
 */
export async function download(path) {
  const headers = {};
  if (settings.apiKey) headers['X-API-Key'] = settings.apiKey;
  await slot();
  let res;
  try {
    res = await fetch(path.startsWith(BASE) ? path : BASE + path, { headers });
  } finally {
    release();
  }
  if (!res.ok) {
    const type = res.headers.get('Content-Type') || '';
    throw new ApiError(res.status, type.includes('json') ? await res.json() : null);
  }
  const disposition = res.headers.get('Content-Disposition') || '';
  const name = (/filename="([^"]+)"/.exec(disposition) || [])[1] || 'report';
  return { blob: await res.blob(), name };
}

/** A series as a Map batchId → value (the time-series API answers [{batchId, at, value}], oldest first). */
export function byBatch(points) {
  const map = new Map();
  for (const p of points || []) map.set(p.batchId, p.value);
  return map;
}

/** The series or [] when the model never reported it (a 404/400 for an absent path is not an error here). */
export async function seriesOrEmpty(m, metric, params, signal) {
  try {
    return await api.series(m, metric, params, signal);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 400)) return [];
    throw err;
  }
}
