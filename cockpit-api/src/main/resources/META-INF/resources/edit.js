// The operator edit form of the metric page. The token lives in sessionStorage only (gone when the tab closes, never
// in the URL or localStorage). The form reads the editable definition and its ETag from /api/metrics/{id}/edit and
// sends only the fields that changed, with If-Match, so two operators cannot overwrite each other blindly.

import { el, put, notice } from './format.js';
import { request, enc, ApiError } from './api.js';

const TOKEN_KEY = 'heartbeat.operatorToken';
const FIELDS = [
  ['normValue', 'Norm (amber)', 'number'],
  ['alertValue', 'Alert (red)', 'number'],
  ['targetValue', 'Target', 'number'],
  ['targetDueDate', 'Target due date (YYYY-MM-DD)', 'date'],
  ['benchmarkMean', 'Benchmark mean', 'number'],
  ['benchmarkStddev', 'Benchmark stddev', 'number'],
  ['owner', 'Owner', 'text'],
];

// Field names on the wire: registry-service reads the PATCH body in snake_case (norm_value) and names field problems
// the same way, and cockpit-api passes the body through unchanged. The form keeps camelCase ids (edit-normValue);
// errors are matched loosely so either spelling, or a path prefix, lands next to the right field.
const snake = (name) => name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
const norm = (field) => String(field || '').replace(/^.*[./]/, '').replace(/_/g, '').toLowerCase();

function wireValue(kind, text) {
  const t = text.trim();
  if (t === '') return null;
  // A number when it parses as one; otherwise the text as typed, so the registry says what is wrong with it.
  if (kind === 'number') return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : t;
  return t;
}

export function mountEditForm(host, metricId, { onSaved }) {
  const form = el('form', { class: 'edit-form', novalidate: true, 'aria-labelledby': 'edit-title' });
  const formMessage = el('div', { class: 'form-message', id: 'edit-message', role: 'status', 'aria-live': 'polite' });
  const inputs = {};
  const errors = {};
  let etag = null;
  let loaded = {};

  const token = el('input', { id: 'edit-token', name: 'token', type: 'password', autocomplete: 'off',
    value: sessionStorage.getItem(TOKEN_KEY) || '' });
  token.addEventListener('change', () => sessionStorage.setItem(TOKEN_KEY, token.value.trim()));

  const rows = FIELDS.map(([name, label, kind]) => {
    const id = 'edit-' + name;
    errors[name] = el('span', { class: 'field-error', id: id + '-error' });
    inputs[name] = el('input', { id, name, type: 'text', inputmode: kind === 'number' ? 'decimal' : null,
      'aria-describedby': id + '-error' });
    return el('div', { class: 'field' }, el('label', { for: id, text: label }), inputs[name], errors[name]);
  });
  errors.reason = el('span', { class: 'field-error', id: 'edit-reason-error' });
  inputs.reason = el('textarea', { id: 'edit-reason', name: 'reason', rows: '2', required: true,
    'aria-describedby': 'edit-reason-error' });

  form.append(
    el('h2', { id: 'edit-title', text: 'Operator edit' }),
    el('p', { class: 'hint', text: 'Changes are audited and apply without a redeploy. Your token stays in this tab only.' }),
    el('div', { class: 'field' }, el('label', { for: 'edit-token', text: 'Operator token (Bearer)' }), token),
    el('div', { class: 'field-grid' }, ...rows),
    el('div', { class: 'field field-wide' }, el('label', { for: 'edit-reason', text: 'Reason (required, goes to the audit)' }),
      inputs.reason, errors.reason),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', text: 'Save changes' }),
      el('button', { type: 'button', class: 'secondary', text: 'Reload values', onclick: () => load() })),
    formMessage);
  put(host, form);

  function clearErrors() {
    for (const [name, node] of Object.entries(errors)) {
      node.textContent = '';
      inputs[name].removeAttribute('aria-invalid');
    }
    put(formMessage);
  }

  function say(text, kind) {
    put(formMessage, notice(text, kind));
  }

  async function load() {
    clearErrors();
    try {
      const response = await request('api/metrics/' + enc(metricId) + '/edit', { raw: true });
      etag = response.headers.get('ETag');
      const body = await response.json();
      // registry-service answers its definition event: the editable fields sit under "definition".
      loaded = (body && body.definition) || body || {};
      for (const [name] of FIELDS) {
        const v = loaded[name] !== undefined ? loaded[name] : loaded[snake(name)];
        inputs[name].value = v === null || v === undefined ? '' : String(v);
      }
      if (!etag) say('The server sent no ETag: saving will be refused (If-Match is required).', 'warn');
      form.dataset.loaded = 'true';
    } catch (e) {
      say('Cannot load the editable definition (' + e.message + '). Editing is unavailable for now.', 'error');
      form.dataset.loaded = 'failed';
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    sessionStorage.setItem(TOKEN_KEY, token.value.trim());
    const body = {};
    for (const [name, , kind] of FIELDS) {
      const was = loaded[name] !== undefined ? loaded[name] : loaded[snake(name)];
      const before = was === null || was === undefined ? '' : String(was);
      if (inputs[name].value.trim() !== before) body[snake(name)] = wireValue(kind, inputs[name].value);
    }
    if (!Object.keys(body).length) { say('Nothing changed.', 'info'); return; }
    body.reason = inputs.reason.value.trim();
    const headers = {};
    if (token.value.trim()) headers.Authorization = 'Bearer ' + token.value.trim();
    if (etag) headers['If-Match'] = etag;
    say('Saving…', 'info');
    try {
      await request('api/metrics/' + enc(metricId), { method: 'PATCH', headers, body });
      inputs.reason.value = '';
      await load();
      say('Saved: ' + Object.keys(body).filter((k) => k !== 'reason').join(', ') + '.', 'ok');
      form.dataset.saved = String(Date.now());
      onSaved();
    } catch (e) {
      showProblem(e);
    }
  });

  function showProblem(e) {
    const unmatched = [];
    let first = null;
    for (const fe of (e instanceof ApiError ? e.fieldErrors : [])) {
      const name = Object.keys(inputs).find((n) => norm(n) === norm(fe.field));
      if (!name) { unmatched.push((fe.field ? fe.field + ': ' : '') + fe.message); continue; }
      errors[name].textContent = (errors[name].textContent ? errors[name].textContent + ' ' : '') + fe.message;
      inputs[name].setAttribute('aria-invalid', 'true');
      first = first || inputs[name];
    }
    const why = {
      401: 'Not signed in: paste an operator token.',
      403: 'This token may not edit metrics (role operator or admin needed).',
      412: 'Someone changed this metric since you loaded it. Reload values, check them and save again.',
      428: 'The save lacked If-Match: reload values and save again.',
    }[e.status];
    if (why || unmatched.length || !first) {
      say([why || e.message, ...unmatched].join(' '), 'error');
    } else {
      say('Please fix the marked fields.', 'error');
    }
    if (first) first.focus();
  }

  load();
}
