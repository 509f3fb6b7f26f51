// The model page's reports card: "Download report" for a period picked by date (PDF, HTML or JSON, A4 or Letter),
// and the reports that schedules made, each downloadable. Documents are fetched with the API key and handed to
// the browser as a file (a plain link could not send the key).

import { download } from '../api.js';
import { clip, date, errorBox, h, section, table } from '../dom.js';

const DAY = 86_400_000;

function isoDay(t) {
  return new Date(t).toISOString().slice(0, 10);
}

async function save(path, out) {
  out.replaceChildren(h('span', { class: 'muted', text: 'Preparing the report…' }));
  try {
    const { blob, name } = await download(path);
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: name, text: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    out.replaceChildren(h('span', { class: 'muted', text: `Downloaded ${name}` }));
  } catch (err) {
    out.replaceChildren(errorBox(err));
  }
}

/** The card; {@code latestAt} (the newest batch's time) sets the default period: the 30 days up to it. */
export function reportsSection({ m, latestAt, reports }) {
  const end = latestAt ? Date.parse(latestAt) + DAY : Date.now();
  const from = h('input', { type: 'date', id: 'report-from', value: isoDay(end - 30 * DAY), required: true });
  const to = h('input', { type: 'date', id: 'report-to', value: isoDay(end), required: true });
  const format = h('select', { id: 'report-format' }, ['pdf', 'html', 'json'].map((f) => h('option', { value: f }, f.toUpperCase())));
  const paper = h('select', { id: 'report-paper' }, [['a4', 'A4'], ['letter', 'Letter']].map(([v, t]) => h('option', { value: v }, t)));
  const out = h('div', { class: 'report-status', role: 'status' });
  const form = h('form', { class: 'toolbar report-form' },
    h('label', { for: 'report-from' }, 'From '), from, ' ',
    h('label', { for: 'report-to' }, 'to '), to, ' ',
    h('label', { for: 'report-format' }, 'as '), format, ' ',
    h('label', { for: 'report-paper' }, 'on '), paper, ' ',
    h('button', { type: 'submit', id: 'report-download' }, 'Download report'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams({ from: `${from.value}T00:00:00Z`, to: `${to.value}T00:00:00Z`, format: format.value,
      paper: paper.value });
    save(`/models/${encodeURIComponent(m)}/report?${q}`, out);
  });
  const rows = (reports || []).map((r) => h('tr', null,
    h('td', { text: date(r.generatedAt) }),
    h('td', { text: `${isoDay(r.from)} – ${isoDay(r.to)}` }),
    h('td', { text: r.format.toUpperCase() }),
    h('td', { text: r.trigger }),
    h('td', { class: 'num', text: String(r.alerts) }),
    h('td', null, clip(r.summary)),
    h('td', null, h('button', { type: 'button', class: 'link-button', onclick: () => save(r.href, out) }, 'Download'))));
  return section('Reports', 'reports-title',
    h('p', { class: 'muted', text: 'A period report of the stored history: summary, performance, drift, fairness, '
      + 'alerts with their audit trail, and the rules in force. The end day is excluded; at most 366 days.' }),
    form, out,
    rows.length
      ? table('Reports made by schedules and runs on demand, newest first',
        ['Generated', 'Period', 'Format', 'Made by', 'Alerts', 'Summary', ''], rows, { class: 'reports-list' })
      : h('p', { class: 'muted', text: 'No report has been made by a schedule yet (POST /api/v1/report-schedules).' }));
}
