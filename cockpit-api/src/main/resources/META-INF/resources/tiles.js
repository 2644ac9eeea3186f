// The tile grid (#/): one link per metric, worst status first, updated in place by the live feed. Each tile keeps
// data-metric-id, data-status and class status-<status>: the e2e suite reads them from the rendered DOM.

import { el, put, statusChip, number, withUnit, signed, ago, progress, byWorst, knownStatus, statusWord } from './format.js';
import { sparkline } from './sparkline.js';

function changeText(change, unit) {
  if (!change || change.delta === null || change.delta === undefined) return null;
  const pct = change.percent === null || change.percent === undefined ? '' : ' (' + signed(change.percent) + ' %)';
  const arrow = change.delta > 0 ? '↑' : change.delta < 0 ? '↓' : '→';
  return { arrow, text: signed(change.delta, 2) + (unit && unit !== '%' ? ' ' + unit : '') + pct + ' vs previous window' };
}

function learningPercent(learning) {
  if (!learning) return null;
  if (learning.windows) return Math.floor(100 * (learning.window || 0) / learning.windows);
  if (learning.percent !== undefined) return Math.floor(learning.percent);
  return null;
}

function tileBody(t) {
  const status = knownStatus(t.status);
  const parts = [];
  parts.push(el('div', { class: 'tile-head' },
    el('span', { class: 'code', text: t.code || '····' }),
    statusChip(status),
    t.alert && t.alert.state === 'firing'
      ? el('span', { class: 'alert-badge', text: '⚑ alert firing' }) : null));
  parts.push(el('h2', { class: 'name', text: t.name || t.metricId }));

  const value = el('p', { class: 'value' }, el('span', { class: 'number', text: number(t.value) }));
  if (t.value !== null && t.value !== undefined && t.unit) value.append(el('span', { class: 'unit', text: t.unit }));
  parts.push(value);

  const change = changeText(t.change, t.unit);
  if (change) parts.push(el('p', { class: 'change' }, el('span', { 'aria-hidden': 'true', text: change.arrow + ' ' }), change.text));

  if (Array.isArray(t.sparkline) && t.sparkline.length > 1) {
    parts.push(el('div', { class: 'spark' }, sparkline(t.sparkline, t.direction)));
  } else {
    parts.push(el('p', { class: 'spark-none', text: 'trend not available yet' }));
  }

  if (t.band) {
    parts.push(el('p', { class: 'band', text: 'expected ' + withUnit(t.band.expected, t.unit) + ' (' +
      number(t.band.lower) + '–' + number(t.band.upper) + ')' }));
  }
  if (t.staleReason) parts.push(el('p', { class: 'stale-reason', text: t.staleReason }));

  const learning = learningPercent(t.learning);
  if (learning !== null) parts.push(progress('learning history', learning, learning + ' %'));
  if (t.targetProgress && t.targetProgress.percent !== null && t.targetProgress.percent !== undefined) {
    const tp = t.targetProgress;
    parts.push(progress('target ' + withUnit(tp.target, t.unit) + (tp.dueDate ? ' by ' + tp.dueDate : ''),
      tp.percent, Math.round(tp.percent) + ' %'));
  }
  parts.push(el('p', { class: 'foot' },
    el('span', { text: 'per ' + (t.period || '?') + ' · ' + (t.stage || 'no stage') }),
    el('span', { class: 'ago', dataset: { evaluatedAt: t.evaluatedAt || '' }, text: ago(t.evaluatedAt) })));
  return parts;
}

function fill(node, t) {
  const status = knownStatus(t.status);
  node.className = 'tile status-' + status;
  node.dataset.metricId = t.metricId;
  node.dataset.status = status;
  node.href = '#/metric/' + encodeURIComponent(t.metricId);
  node.setAttribute('aria-label', [t.code, t.name + ':', statusWord(status) + ',', withUnit(t.value, t.unit),
    t.staleReason ? ', ' + t.staleReason : '', t.alert ? ', alert firing' : ''].join(' '));
  put(node, ...tileBody(t));
}

/** Mounts the grid into container; returns a cleanup function. */
export function mountTiles(container, { store, focusId }) {
  const title = el('h1', { class: 'view-title visually-hidden', tabindex: '-1', text: 'Heartbeat metrics' });
  const message = el('div', { class: 'grid-message' });
  const grid = el('section', { class: 'grid', 'aria-labelledby': 'grid-title' });
  const heading = el('h2', { id: 'grid-title', class: 'visually-hidden', text: 'Heartbeat metrics, worst status first' });
  put(container, title, heading, message, grid);
  const nodes = new Map();

  function render() {
    const tiles = [...store.tiles.values()].sort(byWorst);
    if (!store.loaded) {
      put(message, el('p', { class: 'notice', text: 'Loading tiles…' }));
    } else if (!tiles.length) {
      put(message, el('p', { class: 'notice', text: 'No metrics in the registry yet. Tiles appear as soon as registry-service publishes definitions.' }));
    } else {
      put(message);
    }
    const ordered = tiles.map((t) => {
      let node = nodes.get(t.metricId);
      if (!node) {
        node = el('a', { class: 'tile' });
        nodes.set(t.metricId, node);
      }
      if (node._tile !== t) { fill(node, t); node._tile = t; }
      return node;
    });
    for (const [id, node] of nodes) if (!store.tiles.has(id)) { node.remove(); nodes.delete(id); }
    // Re-append only when the order changed: moving the focused node would drop keyboard focus.
    const same = ordered.length === grid.children.length && ordered.every((n, i) => grid.children[i] === n);
    if (!same) {
      const focused = document.activeElement;
      put(grid, ...ordered);
      if (focused && grid.contains(focused)) focused.focus({ preventScroll: true });
    }
  }

  render();
  if (focusId && nodes.get(focusId)) nodes.get(focusId).focus();
  else title.focus({ preventScroll: true });
  const off = store.onChange(render);
  const ticker = setInterval(() => {
    grid.querySelectorAll('.ago').forEach((n) => { if (n.dataset.evaluatedAt) n.textContent = ago(n.dataset.evaluatedAt); });
  }, 15000);
  return () => { off(); clearInterval(ticker); };
}
