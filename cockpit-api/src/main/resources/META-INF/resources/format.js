// Formatting and the status vocabulary shared by every view. Status is never told by colour alone: each one has a
// word and a shape, so it reads on a monochrome wall screen and for colour-blind operators.

export const ORDER = ['error', 'stale', 'red', 'amber', 'anomalous', 'unknown', 'green'];

// Shapes differ in outline, not only in colour: a cross, a pause, a stop sign, a warning triangle, a diamond, a
// question mark, a tick.
const SHAPES = {
  error: '✖', stale: '‖', red: '⬣', amber: '▲', anomalous: '◆', unknown: '?', green: '✔',
};

const WORDS = {
  error: 'error', stale: 'stale', red: 'red', amber: 'amber', anomalous: 'anomalous', unknown: 'unknown', green: 'green',
};

export function rank(status) {
  const i = ORDER.indexOf(status);
  return i < 0 ? ORDER.indexOf('unknown') : i;
}

export function knownStatus(status) {
  return ORDER.includes(status) ? status : 'unknown';
}

/** Worst first, then by name, as /api/tiles orders them: a live update must keep the same order. */
export function byWorst(a, b) {
  return rank(a.status) - rank(b.status) || String(a.name || '').localeCompare(String(b.name || ''));
}

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = String(v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Replaces node's children, skipping null/false (native replaceChildren would print them as text). */
export function put(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

/** A status chip: shape (hidden from screen readers, the word says it) plus the word. */
export function statusChip(status) {
  const s = knownStatus(status);
  return el('span', { class: 'status-chip status-' + s },
    el('span', { class: 'status-shape', 'aria-hidden': 'true', text: SHAPES[s] }),
    el('span', { class: 'status-text', text: WORDS[s] }));
}

export function statusWord(status) {
  return WORDS[knownStatus(status)];
}

export function number(v) {
  if (v === null || v === undefined || Number.isNaN(Number(v))) return '—';
  const n = Number(v);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 1 ? 2 : 3;
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(n);
}

export function withUnit(v, unit) {
  if (v === null || v === undefined) return '—';
  return unit === '%' ? number(v) + ' %' : number(v) + (unit ? ' ' + unit : '');
}

export function signed(v, digits = 1) {
  if (v === null || v === undefined) return '—';
  const n = Number(v);
  const s = new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(Math.abs(n));
  return (n > 0 ? '+' : n < 0 ? '−' : '±') + s;
}

export function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString(undefined,
    { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function ago(iso) {
  if (!iso) return 'no evaluation yet';
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 90) return s + ' s ago';
  if (s < 5400) return Math.round(s / 60) + ' min ago';
  if (s < 172800) return Math.round(s / 3600) + ' h ago';
  return Math.round(s / 86400) + ' d ago';
}

export function minutes(m) {
  if (m === null || m === undefined) return '—';
  const n = Number(m);
  if (n < 120) return number(n) + ' min';
  return number(n / 60) + ' h';
}

/** A labelled progress bar: the text carries the number, the bar is decoration. */
export function progress(label, percent, text) {
  const p = Math.max(0, Math.min(100, Number(percent) || 0));
  return el('div', { class: 'progress' },
    el('div', { class: 'progress-label' }, el('span', { text: label }), el('span', { text })),
    el('div', { class: 'progress-track', 'aria-hidden': 'true' },
      el('div', { class: 'progress-fill', style: 'width:' + p + '%' })));
}

/** A message in place of a part that could not load: the rest of the page stays usable. */
export function notice(text, kind = 'info') {
  return el('p', { class: 'notice notice-' + kind, role: kind === 'error' ? 'alert' : null, text });
}
