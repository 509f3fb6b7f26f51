// Batches are labelled "#n · date" instead of by their id (often a UUID): n is the batch's position in the model's
// batch list (the API's `n`, 1 = the oldest stored batch), date its batch time; the id is on hover. A page says
// which batches it will name (want), resolves their positions with one request per model where it can (resolve),
// then labels them. A batch whose position cannot be learned is labelled by its time alone, never by a guessed n.

import { api } from './api.js';
import { date, h, routes } from './dom.js';

const MAX_LOOKUPS = 20;
const key = (m, id) => `${m}\u0000${id}`;

export function batchText(n, at) {
  if (Number.isInteger(n) && n > 0) return at ? `#${n} · ${date(at)}` : `#${n}`;
  return at ? date(at) : null;
}

/** Labels of an axis built from the batch list (newest first there, oldest first on the axis). */
export function axisOf(batches) {
  const oldestFirst = [...batches].reverse();
  return {
    ids: oldestFirst.map((b) => b.batchId),
    at: oldestFirst.map((b) => b.at),
    labels: oldestFirst.map((b) => batchText(b.n, b.at) || b.batchId),
  };
}

export class BatchLabels {
  constructor(signal) {
    this.signal = signal;
    this.known = new Map();
    this.wanted = new Map();
  }

  /** Entries of the batch list ({batchId, n, at}) are known without asking. */
  add(m, entries) {
    for (const b of entries || []) if (b && b.batchId) this.known.set(key(m, b.batchId), { n: b.n, at: b.at });
    return this;
  }

  want(m, id, at) {
    if (!m || !id) return this;
    if (!this.wanted.has(m)) this.wanted.set(m, new Map());
    const ids = this.wanted.get(m);
    if (at || !ids.has(id)) ids.set(id, at || ids.get(id) || null);
    return this;
  }

  async resolve() {
    const wanted = [...this.wanted];
    this.wanted.clear();
    await Promise.all(wanted.map(([m, ids]) => this.resolveModel(m, [...ids])));
  }

  async resolveModel(m, ids) {
    const missing = () => ids.filter(([id]) => !this.known.has(key(m, id)));
    if (missing().length === 0) return;
    // One page over the span of their batch times, or the newest page when no time is known.
    const times = missing().map(([, at]) => Date.parse(at)).filter(Number.isFinite);
    const span = times.length ? { from: new Date(Math.min(...times)).toISOString(), to: new Date(Math.max(...times) + 1).toISOString() } : {};
    await this.fetch(m, { ...span, limit: 1000 });
    // More than a page of batches in that span: the rest by their own time, a few at most.
    const rest = missing().filter(([, at]) => Number.isFinite(Date.parse(at))).slice(0, MAX_LOOKUPS);
    await Promise.all(rest.map(([, at]) => this.fetch(m, { from: at, to: new Date(Date.parse(at) + 1).toISOString(), limit: 50 })));
  }

  async fetch(m, params) {
    try {
      this.add(m, await api.batches(m, params, this.signal));
    } catch (err) {
      if (this.signal && this.signal.aborted) throw err;
      // A model without history here (deleted, or pruned): its batches keep the time-only label.
    }
  }

  info(m, id, at) {
    const k = this.known.get(key(m, id));
    return { n: k ? k.n : null, at: (k && k.at) || at || null };
  }

  text(m, id, at) {
    const { n, at: time } = this.info(m, id, at);
    return batchText(n, time) || `batch ${id.length > 12 ? `${id.slice(0, 8)}…` : id}`;
  }

  link(m, id, at) {
    return h('a', { href: routes.batch(m, id), title: `batch ${id}`, class: 'batch-link', dataset: { batchId: id } }, this.text(m, id, at));
  }
}
