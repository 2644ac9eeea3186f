// The alerts view (#/alerts?state=firing): open and recent episodes with their steps, deliveries, rollback outcome
// and suggested first actions, each linked to its metric page. Reloads when the live feed reports an alert event.

import { el, put, statusChip, time, notice, knownStatus } from './format.js';
import { getJson, enc } from './api.js';

const STATES = ['firing', 'resolved', 'all'];

function episode(a) {
  const metricHref = '#/metric/' + enc(a.metricId) + (a.series && a.series !== '*' ? '?dimension=' + enc(a.series) : '');
  const steps = (a.steps || []).map((s) => el('li', null,
    el('time', { datetime: s.at, text: time(s.at) }), ' ', el('strong', { text: s.type }), ' ', statusChip(s.status),
    s.reason ? ' ' + s.reason : ''));
  const deliveries = (a.deliveries || []).map((d) => el('li', { class: 'delivery delivery-' + d.outcome },
    `${d.receiver}: ${d.step} ${d.outcome}` + (d.attempts ? ` after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}` : '') +
    (d.at ? ' at ' + time(d.at) : '')));
  const actions = (a.suggestedActions || []).map((s) => el('li', null,
    el('strong', { text: s.action }), s.why ? el('span', { class: 'why', text: ' — ' + s.why }) : null,
    s.rule ? el('span', { class: 'rule-name', text: ' (' + s.rule + ')' }) : null));
  const rb = a.rollback;
  return el('article', { class: 'episode status-' + knownStatus(a.worstStatus || a.status), dataset: { dedupKey: a.dedupKey } },
    el('header', { class: 'episode-head' },
      el('span', { class: 'code', text: a.code || '' }),
      el('h2', null, el('a', { href: metricHref, text: (a.name || a.metricId) + (a.series && a.series !== '*' ? ' · ' + a.series : '') })),
      statusChip(a.status),
      el('span', { class: 'episode-state', text: a.state === 'firing' ? '⚑ firing' : '✓ resolved' })),
    el('p', { class: 'episode-times', text: 'started ' + time(a.episodeStart || a.firedAt) +
      (a.resolvedAt ? ' · resolved ' + time(a.resolvedAt) : ' · still open') +
      (a.worstStatus ? ' · worst ' + a.worstStatus : '') }),
    a.reason ? el('p', { class: 'episode-reason', text: a.reason }) : null,
    rb ? el('p', { class: 'rollback rollback-' + rb.state }, el('strong', { text: 'Rollback ' + rb.state }),
      (rb.service ? ' of ' + rb.service + (rb.version ? ' ' + rb.version : '') : '') + (rb.reason ? ': ' + rb.reason : '')) : null,
    actions.length ? el('div', null, el('h3', { text: 'Suggested first actions' }), el('ol', null, ...actions)) : null,
    steps.length ? el('details', null, el('summary', { text: 'Steps (' + steps.length + ')' }), el('ol', null, ...steps)) : null,
    deliveries.length ? el('details', null, el('summary', { text: 'Deliveries (' + deliveries.length + ')' }), el('ul', null, ...deliveries)) : null);
}

export function mountAlerts(container, { params, feed }) {
  const state = STATES.includes(params.get('state')) ? params.get('state') : 'all';
  const title = el('h1', { class: 'view-title', tabindex: '-1', text: 'Alerts' });
  const filter = el('nav', { class: 'filter', 'aria-label': 'Alert state' }, ...STATES.map((s) =>
    el('a', { href: '#/alerts?state=' + s, 'aria-current': s === state ? 'page' : null, text: s === 'all' ? 'open and recent' : s })));
  const list = el('div', { class: 'episodes', 'aria-live': 'polite', 'aria-busy': 'true' });
  put(container, title, filter, list);
  title.focus({ preventScroll: true });
  let alive = true;

  async function load() {
    try {
      const answer = await getJson('api/alerts?state=' + state + '&limit=50');
      if (!alive) return;
      const items = Array.isArray(answer) ? answer : (answer && answer.items) || [];
      put(list, ...(items.length ? items.map(episode) : [notice(state === 'firing' ? 'Nothing is firing.' : 'No alert episodes yet.')]),
        answer && answer.nextCursor ? notice('Showing the 50 most recent.') : null);
    } catch (e) {
      if (alive) put(list, notice('Alerts unavailable (' + e.message + ').', 'error'));
    }
    list.setAttribute('aria-busy', 'false');
  }

  load();
  let pending = null;
  // A burst of alert events (one per step) reloads once.
  const off = feed.on('alert', () => { clearTimeout(pending); pending = setTimeout(load, 500); });
  return () => { alive = false; off(); clearTimeout(pending); };
}
