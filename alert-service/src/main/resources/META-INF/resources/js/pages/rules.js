// Rule editor: a model's alert rules as a form (or as JSON), saved with PUT; the API validates, and its
// problems ({row, column, message}) are listed in a summary and shown at the field they concern.

import { ApiError, api } from '../api.js';
import { date, errorBox, h, link, routes } from '../dom.js';
import { actorField } from './alerts.js';

const COMPARATORS = ['lt', 'lte', 'gt', 'gte', 'eq', 'neq', 'absGt', 'absGte'];
const SEVERITIES = ['info', 'warning', 'critical'];
const KINDS = ['', 'drift', 'performance', 'fairness', 'data_quality', 'retraining'];
const EXAMPLES = ['drift.driftShare', 'drift.features.<feature|*>.psi', 'drift.dataQuality.<column|*>.missingShareChange',
  'performance.accuracy.changeFromBaseline', 'performance.estimated.accuracy', 'performance.labelCoverage',
  'fairness.<attribute|*>.demographicParityRatio', 'fairness.<attribute|*>.groups.<group|*>.statisticalParityDifference'];

export async function rulesPage(main, [m], query, { signal }) {
  const set = await api.rules(m, signal);
  const status = h('div', { class: 'live', role: 'status', 'aria-live': 'polite' });
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
  const list = h('div', { class: 'rules' });
  const meta = h('p', { class: 'muted' });
  const showMeta = (s) => {
    meta.textContent = s.source === 'default' ? 'Default rules: nothing stored yet; saving stores them.'
      : `Version ${s.version}, saved ${date(s.updatedAt)} by ${s.updatedBy || '–'}.`;
  };
  showMeta(set);
  set.rules.forEach((r) => list.append(ruleFieldset(r, list)));
  renumber(list);

  const json = h('textarea', { id: 'rules-json', rows: '16', cols: '90', spellcheck: 'false' });
  const save = async (rules) => {
    clearErrors(list, summary);
    status.textContent = 'Saving…';
    try {
      const saved = await api.putRules(m, rules);
      list.replaceChildren(...saved.rules.map((r) => ruleFieldset(r, list)));
      renumber(list);
      showMeta(saved);
      json.value = JSON.stringify(saved.rules, null, 2);
      status.textContent = `Saved ${saved.rules.length} rules as version ${saved.version}.`;
    } catch (err) {
      status.textContent = '';
      showErrors(err, list, summary);
    }
  };
  json.value = JSON.stringify(set.rules, null, 2);
  const addButton = h('button', { type: 'button' }, 'Add rule');
  addButton.addEventListener('click', () => {
    const fs = ruleFieldset({ id: '', path: '', comparator: 'gt', threshold: null, severity: 'warning', enabled: true }, list);
    list.append(fs);
    renumber(list);
    fs.querySelector('input').focus();
  });
  const form = h('form', { class: 'rules-form', 'aria-label': `Alert rules of ${m}` }, list,
    h('div', { class: 'buttons' }, addButton, ' ', h('button', { type: 'submit', class: 'primary', id: 'save-rules' }, 'Save rules')));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); save(collect(list)); });
  const jsonSave = h('button', { type: 'button', id: 'save-json' }, 'Save JSON');
  jsonSave.addEventListener('click', () => {
    let parsed;
    try { parsed = JSON.parse(json.value); } catch (e) {
      showErrors(new Error(`The JSON does not parse: ${e.message}`), list, summary);
      return;
    }
    save(parsed);
  });
  main.append(
    h('header', { class: 'page-head' },
      h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, link('#/', 'Models'), ' › ', link(routes.model(m), m), ' › rules'),
      h('h1', { text: `Alert rules of ${m}` }), meta, h('p', { class: 'toolbar' }, actorField())),
    h('details', { class: 'help' }, h('summary', null, 'Paths and fields'),
      h('p', null, 'A path names a number in a result event; * stands for every feature, column, attribute or group. Examples:'),
      h('ul', null, EXAMPLES.map((e) => h('li', null, h('code', { text: e })))),
      h('p', null, 'Persistence: the breach must hold for N consecutive batches, or for a duration (ISO-8601, e.g. PT6H) in batch time. Cooldown: a breach within it of a resolved alert reopens that alert without paging. Kind left empty is derived from the path.')),
    summary, status, form,
    h('details', { class: 'json' }, h('summary', null, 'Edit as JSON'), h('label', { for: 'rules-json' }, 'The rule list as JSON'), json, h('p', null, jsonSave)));
}

function field(rule, name, label, control, hint) {
  control.dataset.field = name;
  return h('div', { class: `field f-${name.replace('.', '-')}` }, h('label', null, label, control), hint ? h('small', { class: 'muted' }, hint) : null);
}

function input(value, attrs = {}) {
  return h('input', { type: 'text', value: value === null || value === undefined ? '' : String(value), ...attrs });
}

function choice(options, value, labels = {}) {
  return h('select', null, options.map((o) => h('option', { value: o, selected: o === (value || '') }, labels[o] || o)));
}

function ruleFieldset(rule, list) {
  const persistence = rule.persistence || {};
  const pType = choice(['batches', 'duration'], persistence.duration ? 'duration' : 'batches', { batches: 'consecutive batches', duration: 'duration' });
  const pValue = input(persistence.duration || persistence.batches || 1, { size: '6' });
  const check = (v) => h('input', { type: 'checkbox', checked: !!v });
  const legend = h('legend');
  const remove = h('button', { type: 'button', class: 'remove' }, 'Remove');
  const up = h('button', { type: 'button', class: 'up' }, 'Move up');
  const fs = h('fieldset', { class: 'rule' }, legend,
    h('div', { class: 'grid' },
      field(rule, 'id', 'Id', input(rule.id, { size: '26', required: true })),
      field(rule, 'path', 'Path', input(rule.path, { size: '44', class: 'path', spellcheck: 'false' })),
      field(rule, 'comparator', 'Comparator', choice(COMPARATORS, rule.comparator)),
      field(rule, 'threshold', 'Threshold', input(rule.threshold, { size: '8', inputmode: 'decimal' })),
      field(rule, 'severity', 'Severity', choice(SEVERITIES, rule.severity || 'warning')),
      field(rule, 'kind', 'Kind', choice(KINDS, rule.kind, { '': 'from the path' })),
      h('div', { class: 'field f-persistence' }, h('span', { class: 'label' }, 'Persistence'),
        h('label', null, h('span', { class: 'visually-hidden' }, 'Persistence type'), pType),
        h('label', null, h('span', { class: 'visually-hidden' }, 'Persistence value'), pValue)),
      field(rule, 'group', 'Alerts', choice(['subject', 'batch'], rule.group || 'subject', { subject: 'one per subject', batch: 'one per batch' })),
      field(rule, 'cooldown', 'Cooldown', input(rule.cooldown, { size: '8', placeholder: 'PT6H' })),
      field(rule, 'requireSignificance', 'Require significance', check(rule.requireSignificance)),
      field(rule, 'enabled', 'Enabled', check(rule.enabled !== false)),
      field(rule, 'description', 'Description', input(rule.description, { size: '60' }))),
    h('div', { class: 'buttons' }, up, ' ', remove));
  pType.dataset.field = 'persistence';
  pValue.dataset.field = 'persistence.value';
  remove.addEventListener('click', () => {
    const next = fs.nextElementSibling || fs.previousElementSibling;
    fs.remove();
    renumber(list);
    (next ? next.querySelector('input') : document.getElementById('save-rules'))?.focus();
  });
  up.addEventListener('click', () => {
    if (fs.previousElementSibling) list.insertBefore(fs, fs.previousElementSibling);
    renumber(list);
    up.focus();
  });
  return fs;
}

function renumber(list) {
  [...list.children].forEach((fs, i) => {
    const id = fs.querySelector('[data-field="id"]').value;
    fs.querySelector('legend').textContent = `Rule ${i + 1}${id ? `: ${id}` : ''}`;
    fs.dataset.row = String(i + 1);
    fs.querySelectorAll('[data-field]').forEach((el) => { el.id = `rule-${i + 1}-${el.dataset.field.replace('.', '-')}`; });
  });
}

function collect(list) {
  return [...list.children].map((fs) => {
    const get = (name) => fs.querySelector(`[data-field="${name}"]`);
    const text = (name) => get(name).value.trim();
    const threshold = text('threshold') === '' ? null : Number(text('threshold'));
    const pv = text('persistence.value');
    const persistence = get('persistence').value === 'duration' ? { duration: pv } : { batches: /^\d+$/.test(pv) ? Number(pv) : null };
    const rule = {
      id: text('id'), path: text('path'), comparator: get('comparator').value,
      threshold: Number.isFinite(threshold) ? threshold : null, severity: get('severity').value,
      persistence, requireSignificance: get('requireSignificance').checked, group: get('group').value,
      enabled: get('enabled').checked,
    };
    if (get('kind').value) rule.kind = get('kind').value;
    if (text('cooldown')) rule.cooldown = text('cooldown');
    if (text('description')) rule.description = text('description');
    return rule;
  });
}

function clearErrors(list, summary) {
  summary.hidden = true;
  summary.replaceChildren();
  list.querySelectorAll('.field-error').forEach((e) => e.remove());
  list.querySelectorAll('[aria-invalid]').forEach((e) => { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
}

function showErrors(err, list, summary) {
  const problems = err instanceof ApiError && err.errors ? err.errors : [];
  const items = problems.map((p, k) => {
    const fs = p.row ? list.children[p.row - 1] : null;
    const column = p.column === 'persistence.batches' || p.column === 'persistence.duration' ? 'persistence.value' : p.column;
    const target = fs ? fs.querySelector(`[data-field="${column}"]`) || fs.querySelector('legend') : null;
    const id = `err-${k}`;
    if (target) {
      target.setAttribute('aria-invalid', 'true');
      target.setAttribute('aria-describedby', id);
      target.closest('.field, fieldset').append(h('p', { class: 'field-error', id, text: p.message }));
    }
    const where = `${p.row ? `Rule ${p.row}` : 'Rules'}${p.column ? `, ${p.column}` : ''}`;
    return h('li', null, target ? h('a', { href: '#', onclick: (ev) => { ev.preventDefault(); target.focus(); } }, where) : where, `: ${p.message}`);
  });
  const auth = err instanceof ApiError && (err.status === 401 || err.status === 403);
  summary.replaceChildren(h('h2', { text: err instanceof ApiError ? `The rules were not saved (${err.status})` : 'The rules were not saved' }),
    auth ? errorBox(err) : h('p', { text: err instanceof ApiError ? err.problem.detail || err.message : err.message }),
    items.length ? h('ul', null, items) : null);
  summary.hidden = false;
  summary.focus();
}
