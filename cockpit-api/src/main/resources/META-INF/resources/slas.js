// The SLA view (#/slas): availability against target, downtime, unmeasured minutes, the error budget left (bar with
// text) and the incidents that spent it.

import { el, put, number, minutes, time, notice, progress } from './format.js';
import { getJson, enc } from './api.js';

function sla(s) {
  // The contract names the budget budget/left; cockpit-api today answers allowed/remaining: read either.
  const e = s.errorBudget || {};
  const b = { budgetMinutes: e.budgetMinutes ?? e.allowedMinutes, leftMinutes: e.leftMinutes ?? e.remainingMinutes,
    leftPercent: e.leftPercent ?? e.remainingPercent, month: e.month };
  const met = s.availabilityPercent !== null && s.targetPercent !== null && s.availabilityPercent >= s.targetPercent;
  const incidents = (s.incidents || []).map((i) => el('li', null,
    el('a', { href: '#/metric/' + enc(i.metricId), text: i.metricId }),
    ` ${time(i.start)} – ${i.end ? time(i.end) : 'ongoing'} (${minutes(i.minutes)})`));
  return el('article', { class: 'sla ' + (met ? 'sla-met' : 'sla-missed'), dataset: { sla: s.sla } },
    el('h2', { text: s.sla }),
    el('p', { class: 'sla-availability' },
      el('span', { class: 'big', text: number(s.availabilityPercent) + ' %' }),
      el('span', { text: ' available, target ' + number(s.targetPercent) + ' % ' }),
      el('span', { class: 'sla-verdict', text: met ? '✔ within target' : '✖ below target' })),
    el('dl', { class: 'facts' },
      el('div', null, el('dt', { text: 'Downtime' }), el('dd', { text: minutes(s.downtimeMinutes) })),
      el('div', null, el('dt', { text: 'Unmeasured' }), el('dd', { text: minutes(s.unmeasuredMinutes) })),
      el('div', null, el('dt', { text: 'Metrics' }), el('dd', null, ...(s.metrics || []).map((m) => el('a', { class: 'tag', href: '#/metric/' + enc(m), text: m }))))),
    b.leftPercent !== undefined && b.leftPercent !== null
      ? progress('error budget left' + (b.month ? ' (' + b.month + ')' : ''), b.leftPercent, number(b.leftPercent) + ' % · ' + minutes(b.leftMinutes) + ' of ' + minutes(b.budgetMinutes))
      : notice('No error budget figures.'),
    el('h3', { text: 'Incidents' }),
    incidents.length ? el('ul', null, ...incidents) : el('p', { class: 'hint', text: 'None in this period.' }));
}

export function mountSlas(container) {
  const title = el('h1', { class: 'view-title', tabindex: '-1', text: 'SLAs' });
  const list = el('div', { class: 'slas' }, notice('Loading SLAs…'));
  put(container, title, list);
  title.focus({ preventScroll: true });
  let alive = true;
  getJson('api/slas').then((items) => {
    if (!alive) return;
    items = Array.isArray(items) ? items : (items && items.items) || [];
    put(list, ...(items.length ? items.map(sla) : [notice('No SLAs defined.')]));
  }).catch((e) => { if (alive) put(list, notice('SLAs unavailable (' + e.message + ').', 'error')); });
  return () => { alive = false; };
}
