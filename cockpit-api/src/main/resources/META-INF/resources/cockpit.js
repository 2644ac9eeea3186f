// Heartbeat cockpit: a small single-page app without a build step. This entry module holds the tile store fed by
// the live stream, the hash router (#/, #/metric/{id}, #/alerts, #/slas) and the page chrome (navigation,
// connection indicator, live announcements).

import { Feed } from './stream.js';
import { getJson } from './api.js';
import { statusWord } from './format.js';
import { mountTiles } from './tiles.js';
import { mountMetric } from './metric.js';
import { mountAlerts } from './alerts.js';
import { mountSlas } from './slas.js';

// A marker a browser test reads to prove the page was never reloaded while it waited for a live change.
window.__cockpitLoadedAt = Date.now();

const SPARK_WINDOWS = 60;
const view = document.getElementById('view');
const live = document.getElementById('live');
const connection = document.getElementById('connection');
const alertCount = document.getElementById('alert-count');

/** Every tile by metric id; views subscribe to changes. Lives as long as the page, whatever view is shown. */
const store = {
  tiles: new Map(),
  loaded: false,
  listeners: new Set(),
  onChange(fn) { this.listeners.add(fn); return () => this.listeners.delete(fn); },
  changed() { for (const fn of this.listeners) fn(); },

  replaceAll(list) {
    const next = new Map();
    for (const t of list) if (t && t.metricId) next.set(t.metricId, this.merge(this.tiles.get(t.metricId), t, true));
    this.tiles = next;
    this.loaded = true;
    this.changed();
  },

  upsert(t) {
    if (!t || !t.metricId) return;
    this.tiles.set(t.metricId, this.merge(this.tiles.get(t.metricId), t, false));
    this.changed();
  },

  /** A stream tile has no sparkline: keep the one we have and append the new window to it. */
  merge(prev, t, full) {
    if (prev && prev.status && t.status && prev.status !== t.status) {
      announce(`${t.code || t.metricId} ${t.name || ''} is now ${statusWord(t.status)} (was ${statusWord(prev.status)}).`);
    }
    if (!prev) return t;
    const next = { ...prev, ...t };
    if (!full && !Array.isArray(t.sparkline) && Array.isArray(prev.sparkline) && t.windowStart) {
      const spark = prev.sparkline.slice();
      const point = { t: t.windowStart, v: t.value, s: t.status, lo: t.band ? t.band.lower : null,
        hi: t.band ? t.band.upper : null, exp: t.band ? t.band.expected : null };
      const last = spark[spark.length - 1];
      if (last && last.t === point.t) spark[spark.length - 1] = point;
      else if (!last || Date.parse(point.t) > Date.parse(last.t)) spark.push(point);
      next.sparkline = spark.slice(-SPARK_WINDOWS);
    }
    return next;
  },
};

function announce(text) {
  // Replacing the text makes screen readers read it once; the region is polite so it never interrupts.
  live.textContent = text;
}

const feed = new Feed();
feed.on('tiles', (list) => store.replaceAll(list));
feed.on('tile', (t) => store.upsert(t));
feed.on('alert', (a) => {
  // The metric total's episode drives the tile's alert badge; a customer's episode only the alert count.
  if (a.metricId && (!a.series || a.series === '*') && store.tiles.has(a.metricId)) {
    const tile = store.tiles.get(a.metricId);
    store.upsert({ ...tile, alert: a.state === 'firing' ? { dedupKey: a.dedupKey, state: 'firing', status: a.status } : null });
  }
  if (a.state === 'firing' && a.type === 'firing') announce(`Alert firing: ${a.metricId}${a.series && a.series !== '*' ? ' ' + a.series : ''}, ${statusWord(a.status)}.`);
  refreshAlertCount();
});
feed.on('state', ({ state, detail }) => {
  const words = { live: 'live', polling: 'polling every 10 s', offline: 'API unreachable', connecting: 'connecting…' };
  connection.className = 'connection connection-' + state;
  connection.querySelector('.connection-text').textContent = words[state] || state;
  connection.title = detail || '';
  document.body.classList.toggle('offline', state === 'offline');
  const banner = document.getElementById('banner');
  banner.hidden = state !== 'offline';
  banner.textContent = state === 'offline' ? `Cannot reach the Heartbeat API (${detail}). Showing the last known tiles; retrying every 10 s.` : '';
});

let countTimer = null;
function refreshAlertCount() {
  clearTimeout(countTimer);
  countTimer = setTimeout(async () => {
    try {
      const answer = await getJson('api/alerts?state=firing&limit=50');
      const n = ((answer && answer.items) || []).length;
      alertCount.textContent = n ? String(n) + (answer.nextCursor ? '+' : '') : '';
      alertCount.hidden = !n;
      alertCount.setAttribute('aria-label', n + ' firing');
    } catch (e) {
      alertCount.hidden = true; // no alerts endpoint yet: no badge rather than a wrong one
    }
  }, 300);
}

// ---- routing ----

let current = null; // { key, handle }
let lastMetric = null;

function parse() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'metric' && parts[1]) return { name: 'metric', key: 'metric/' + parts[1], id: decodeURIComponent(parts[1]), params };
  if (parts[0] === 'alerts') return { name: 'alerts', key: 'alerts?' + params, params };
  if (parts[0] === 'slas') return { name: 'slas', key: 'slas', params };
  return { name: 'tiles', key: 'tiles', params };
}

function navigateMetric(id, { range, dimension } = {}) {
  const q = new URLSearchParams();
  if (range) q.set('range', range);
  if (dimension) q.set('dimension', dimension);
  location.hash = '#/metric/' + encodeURIComponent(id) + (q.toString() ? '?' + q : '');
}

function route() {
  const r = parse();
  for (const a of document.querySelectorAll('.nav a')) {
    if (a.dataset.view === r.name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  // Same metric, other range or dimension: let the page redraw its chart instead of rebuilding everything.
  if (current && current.key === r.key && current.handle && current.handle.update) {
    current.handle.update(r.params);
    return;
  }
  if (current && current.handle) (current.handle.destroy || current.handle)();
  let handle;
  if (r.name === 'metric') {
    lastMetric = r.id;
    const navMetric = document.getElementById('nav-metric');
    navMetric.hidden = false;
    navMetric.href = '#/metric/' + encodeURIComponent(r.id);
    navMetric.textContent = 'Metric: ' + r.id;
    handle = mountMetric(view, { id: r.id, params: r.params, navigate: navigateMetric, store });
    document.title = r.id + ' · Heartbeat cockpit';
  } else if (r.name === 'alerts') {
    handle = mountAlerts(view, { params: r.params, feed });
    document.title = 'Alerts · Heartbeat cockpit';
  } else if (r.name === 'slas') {
    handle = mountSlas(view);
    document.title = 'SLAs · Heartbeat cockpit';
  } else {
    handle = mountTiles(view, { store, focusId: lastMetric });
    document.title = 'Heartbeat cockpit';
  }
  current = { key: r.key, handle };
}

document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || e.defaultPrevented) return;
  const t = e.target;
  // Escape inside a field belongs to the field (clearing, closing a picker); elsewhere it goes back to the grid.
  if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
  if (parse().name !== 'tiles') location.hash = '#/';
});

// The skip link must not change the hash: the router would read "#view" as a route and leave the current page.
document.querySelector('.skip-link').addEventListener('click', (e) => {
  e.preventDefault();
  const target = view.querySelector('.view-title') || view;
  target.focus();
});

window.addEventListener('hashchange', route);
route();
feed.start();
refreshAlertCount();
