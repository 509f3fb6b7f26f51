// One alert: what breached, the batches it breached in (links back to each batch), the audit trail of every
// status change with who and why, and acknowledge / resolve with a note.

import { api } from '../api.js';
import { badge, clip, date, errorBox, h, link, num, routes, section, statusTag, table } from '../dom.js';
import { refresh } from '../router.js';
import { actorField, auditTable, detailLabels } from './alerts.js';

function fact(label, ...value) {
  return [h('dt', { text: label }), h('dd', null, ...value)];
}

export async function alertPage(main, [id], query, { signal }) {
  const detail = await api.alert(id, signal);
  const { alert: a, audit, occurrences } = detail;
  const labels = await detailLabels(detail, signal);
  const title = `${a.rule}${a.subject ? ` · ${a.subject}` : ''}`;
  main.append(h('header', { class: 'page-head' },
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, link('#/alerts', 'Alerts'), ' › ', link(routes.model(a.modelId), a.modelId)),
    clip(title, 'h1'),
    h('p', null, badge(a.severity), ' ', statusTag(a.status), ' ', h('span', { class: 'muted' }, `${a.kind} alert of ${a.modelId}`))));
  if (a.explanation) main.append(h('p', { class: 'lead explanation' }, a.explanation));
  main.append(section('Details', 'details-title', h('dl', { class: 'facts' },
    fact('Model', link(routes.model(a.modelId), a.modelId)),
    fact('Metric', clip(a.path || a.metric || '–', 'code')),
    fact('Value vs threshold', `${num(a.value, 4)} ${a.comparator || ''} ${num(a.threshold, 4)}`),
    a.subjects ? fact('Subjects', h('ul', { class: 'subjects' }, a.subjects.map((s) => h('li', null, clip(s))))) : null,
    fact('Raised by batch', labels.link(a.modelId, a.firstBatchId)),
    fact('Latest breaching batch', labels.link(a.modelId, a.batchId, a.batchAt)),
    fact('Breaches', String(a.occurrences)),
    fact('Opened', date(a.openedAt)), fact('Last seen', date(a.lastSeenAt)),
    a.acknowledgedAt ? fact('Acknowledged', `${date(a.acknowledgedAt)} by ${a.acknowledgedBy}`) : null,
    a.resolvedAt ? fact('Resolved', `${date(a.resolvedAt)} by ${a.resolvedBy}${a.resolveReason ? `: ${a.resolveReason}` : ''}`) : null)));
  main.append(actions(a));
  main.append(section('Audit trail', 'audit-title', auditTable(audit, a.modelId, labels)));
  main.append(section('Breaching batches', 'occ-title', table(`${occurrences.length} batches in which the condition held`,
    ['Batch', 'Value'], occurrences.map((o) => h('tr', null,
      h('td', null, labels.link(a.modelId, o.batchId, o.batchAt)),
      h('td', { class: 'num', text: num(o.value, 4) }))), { class: 'compact' })));
}

function actions(a) {
  if (a.status === 'resolved') return section('Actions', 'actions-title', h('p', { class: 'muted' }, 'This alert is resolved.'));
  const textarea = h('textarea', { id: 'alert-note', rows: '3', cols: '60' });
  const out = h('div', { role: 'status', 'aria-live': 'polite' });
  const act = async (kind) => {
    try {
      if (kind === 'ack') await api.acknowledge(a.alertId, textarea.value.trim());
      else await api.resolve(a.alertId, textarea.value.trim());
      await refresh();
    } catch (err) {
      out.replaceChildren(errorBox(err));
    }
  };
  const form = h('form', { class: 'note-form' },
    h('p', null, actorField()),
    h('label', { for: 'alert-note' }, 'Note (saved in the audit trail)'), textarea,
    h('div', { class: 'buttons' },
      a.status === 'open' ? h('button', { type: 'button', id: 'ack-button', onclick: () => act('ack') }, 'Acknowledge') : null, ' ',
      h('button', { type: 'submit', id: 'resolve-button' }, 'Resolve')), out);
  form.addEventListener('submit', (ev) => { ev.preventDefault(); act('resolve'); });
  return section('Actions', 'actions-title', form);
}
