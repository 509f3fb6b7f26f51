// Alerts page: filter (model, status, severity, kind), acknowledge, resolve with a note; each alert links to
// the batch that raised it and to its own page with the audit trail.

import { api, settings } from '../api.js';
import { BatchLabels } from '../batches.js';
import { badge, date, errorBox, h, link, num, routes, ruleSubject, statusTag, table } from '../dom.js';
import { navigate } from '../router.js';

const PAGE = 100;
const STATUSES = [['active', 'open or acknowledged'], ['open', 'open'], ['acknowledged', 'acknowledged'], ['resolved', 'resolved'], ['any', 'any status']];
const SEVERITIES = ['critical', 'warning', 'info'];
const KINDS = ['drift', 'performance', 'fairness', 'data_quality', 'retraining'];

function select(id, label, options, value) {
  return [h('label', { for: id }, label), h('select', { id, name: id },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)))];
}

export function actorField() {
  const input = h('input', { id: 'actor', type: 'text', value: settings.user, autocomplete: 'username', size: '14' });
  input.addEventListener('change', () => { settings.user = input.value.trim(); });
  return h('span', { class: 'actor' }, h('label', { for: 'actor' }, 'Acting as '), input);
}

export async function alertsPage(main, params, query, { signal }) {
  const filter = { modelId: query.modelId || '', status: query.status || 'active', severity: query.severity || '', kind: query.kind || '' };
  main.append(h('header', { class: 'page-head' }, h('h1', { text: 'Alerts' }), h('p', { class: 'toolbar' }, actorField())));
  const models = await api.models(signal).catch(() => []);
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter alerts' },
    select('f-model', 'Model', [['', 'any model'], ...models.map((m) => [m.modelId, m.modelId])], filter.modelId),
    select('f-status', 'Status', STATUSES, filter.status),
    select('f-severity', 'Severity', [['', 'any severity'], ...SEVERITIES.map((s) => [s, s])], filter.severity),
    select('f-kind', 'Kind', [['', 'any kind'], ...KINDS.map((k) => [k, k])], filter.kind),
    h('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = (id) => form.querySelector(`#${id}`).value;
    navigate(routes.alerts({ modelId: v('f-model'), status: v('f-status'), severity: v('f-severity'), kind: v('f-kind') }));
  });
  const live = h('div', { class: 'live', role: 'status', 'aria-live': 'polite' });
  main.append(form, live);

  const base = { modelId: filter.modelId, severity: filter.severity, kind: filter.kind };
  let alerts;
  if (filter.status === 'active') {
    const [open, acked] = await Promise.all([api.alerts({ ...base, status: 'open', limit: 1000 }, signal), api.alerts({ ...base, status: 'acknowledged', limit: 1000 }, signal)]);
    alerts = [...open, ...acked].sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1));
  } else {
    alerts = await api.alerts({ ...base, status: filter.status === 'any' ? '' : filter.status, limit: PAGE }, signal);
  }
  const body = h('tbody');
  const caption = h('caption');
  const count = () => { caption.textContent = `${body.querySelectorAll('tr.alert-row').length} alerts, newest first`; };
  const add = async (list) => {
    const labels = new BatchLabels(signal);
    list.forEach((a) => labels.want(a.modelId, a.batchId, a.batchAt));
    await labels.resolve();
    list.forEach((a) => body.append(...rows(a, live, labels)));
    count();
  };
  await add(alerts);
  main.append(h('div', { class: 'table-wrap' }, h('table', { class: 'alerts' }, caption,
    h('thead', null, h('tr', null, ['Severity', 'Status', 'Model', 'Rule · subject', 'Value vs threshold', 'Batch', 'Opened', 'Actions']
      .map((c) => h('th', { scope: 'col', text: c })))), body)));
  if (alerts.length === 0) main.append(h('p', { class: 'muted' }, 'No alerts match these filters.'));
  if (filter.status !== 'active' && alerts.length === PAGE) {
    let offset = PAGE;
    const more = h('button', { type: 'button' }, 'Load more');
    more.addEventListener('click', async () => {
      const next = await api.alerts({ ...base, status: filter.status === 'any' ? '' : filter.status, limit: PAGE, offset });
      offset += next.length;
      await add(next);
      if (next.length < PAGE) more.remove();
    });
    main.append(more);
  }
}

function rows(a, live, labels) {
  const status = h('td', { class: 'status-cell' }, statusTag(a.status));
  const actions = h('td', { class: 'actions' });
  const tr = h('tr', { class: 'alert-row', dataset: { alertId: a.alertId, status: a.status } },
    h('td', null, badge(a.severity)), status, h('td', null, link(routes.model(a.modelId), a.modelId)),
    h('td', { class: 'subject-cell' }, link(routes.alert(a.alertId), ruleSubject(a)),
      a.explanation ? h('div', { class: 'explanation small clamp', title: a.explanation }, a.explanation) : null),
    h('td', { class: 'num', text: `${num(a.value, 4)} ${a.comparator || ''} ${num(a.threshold, 4)}` }),
    h('td', { class: 'batch-cell' }, labels.link(a.modelId, a.batchId, a.batchAt), a.occurrences > 1 ? h('small', { class: 'muted' }, ` (${a.occurrences} batches)`) : null),
    h('td', { text: date(a.openedAt) }), actions);
  const noteRow = h('tr', { class: 'note-row', hidden: true });
  const auditCell = h('td', { colspan: '8' });
  const auditRow = h('tr', { class: 'audit-row', hidden: true }, auditCell);
  const history = h('button', { type: 'button', class: 'history quiet', 'aria-expanded': 'false' }, 'Audit trail');
  const showAudit = async (force) => {
    if (!force && !auditRow.hidden) {
      auditRow.hidden = true;
      history.setAttribute('aria-expanded', 'false');
      return;
    }
    try {
      const detail = await api.alert(a.alertId);
      auditCell.replaceChildren(auditTable(detail.audit, a.modelId, await detailLabels(detail)));
    } catch (err) {
      auditCell.replaceChildren(errorBox(err));
    }
    auditRow.hidden = false;
    history.setAttribute('aria-expanded', 'true');
  };
  history.addEventListener('click', () => showAudit(false));
  const subject = a.subject && a.subject.length > 60 ? `${a.subject.slice(0, 59)}…` : a.subject;
  const label = `${a.rule}${subject ? ` ${subject}` : ''} of ${a.modelId}`;
  const setStatus = (view) => {
    tr.dataset.status = view.status;
    status.replaceChildren(statusTag(view.status));
    render(view);
    if (!auditRow.hidden) showAudit(true);
  };
  const render = (view) => {
    actions.replaceChildren();
    if (view.status === 'open') {
      const ack = h('button', { type: 'button', class: 'ack', 'aria-label': `Acknowledge ${label}` }, 'Acknowledge');
      ack.addEventListener('click', async () => {
        ack.disabled = true;
        try {
          const updated = await api.acknowledge(a.alertId, null);
          setStatus(updated);
          live.textContent = `Acknowledged ${label} as ${updated.acknowledgedBy}.`;
          const next = actions.querySelector('button');
          if (next) next.focus();
        } catch (err) {
          ack.disabled = false;
          live.replaceChildren(errorBox(err));
        }
      });
      actions.append(ack, ' ');
    }
    if (view.status !== 'resolved') {
      const resolve = h('button', { type: 'button', class: 'resolve', 'aria-expanded': 'false', 'aria-label': `Resolve ${label} with a note` }, 'Resolve…');
      resolve.addEventListener('click', () => {
        noteRow.hidden = !noteRow.hidden;
        resolve.setAttribute('aria-expanded', String(!noteRow.hidden));
        if (!noteRow.hidden) noteRow.querySelector('textarea').focus();
      });
      actions.append(resolve);
    } else {
      noteRow.hidden = true;
      actions.append(h('span', { class: 'muted' }, view.resolvedBy ? `by ${view.resolvedBy} ` : ''));
    }
    actions.append(' ', history);
  };
  const textarea = h('textarea', { id: `note-${a.alertId}`, rows: '2', cols: '50' });
  const form = h('form', { class: 'note-form' }, h('label', { for: `note-${a.alertId}` }, `Note for resolving ${label}`), textarea,
    h('button', { type: 'submit' }, 'Resolve'), ' ',
    h('button', { type: 'button', onclick: () => { noteRow.hidden = true; actions.querySelector('.resolve')?.focus(); } }, 'Cancel'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const updated = await api.resolve(a.alertId, textarea.value.trim());
      setStatus(updated);
      live.textContent = `Resolved ${label}${textarea.value.trim() ? ` with note “${textarea.value.trim()}”` : ''}.`;
      tr.querySelector('a').focus();
    } catch (err) {
      form.append(errorBox(err));
    }
  });
  noteRow.append(h('td', { colspan: '8' }, form));
  render(a);
  return [tr, noteRow, auditRow];
}

/** Labels for the batches an alert's detail names: its own, its occurrences' and its audit trail's. */
export async function detailLabels({ alert: a, audit, occurrences }, signal) {
  const labels = new BatchLabels(signal);
  const times = new Map((occurrences || []).map((o) => [o.batchId, o.batchAt]));
  times.set(a.batchId, a.batchAt);
  [a.batchId, a.firstBatchId, ...(occurrences || []).map((o) => o.batchId), ...(audit || []).map((e) => e.batchId)]
    .forEach((id) => labels.want(a.modelId, id, times.get(id)));
  await labels.resolve();
  return labels;
}

export function auditTable(audit, modelId, labels) {
  return table('Audit trail: every status change, who made it and why', ['When', 'Change', 'From', 'To', 'By', 'Note', 'Batch'],
    audit.map((e) => h('tr', { dataset: { transition: e.transition } }, h('td', { text: date(e.at) }), h('td', { text: e.transition }),
      h('td', { text: e.fromStatus || '–' }), h('td', null, statusTag(e.toStatus)), h('td', { text: e.actor }),
      h('td', { text: e.reason || '' }), h('td', null, e.batchId ? labels.link(modelId, e.batchId) : ''))),
    { class: 'audit compact' });
}
