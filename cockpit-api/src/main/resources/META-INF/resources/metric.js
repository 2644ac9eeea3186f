// The metric page (#/metric/{id}?range=6h&dimension=customer%3Dacme): chart, range picker, dimension drill-down,
// the definition (how to read, methodology, sources, runbook, owner, SLAs, linked services), the audit history and
// the operator edit form. Each part loads on its own, so one missing endpoint leaves a message, not a blank page.

import { el, put, statusChip, number, withUnit, time, signed, notice, knownStatus } from './format.js';
import { getJson, enc } from './api.js';
import { drawChart } from './chart.js';
import { mountEditForm } from './edit.js';
import { outside } from './sparkline.js';

const RANGES = { '1h': 1, '6h': 6, '24h': 24, '48h': 48 };

function dl(pairs) {
  const list = el('dl', { class: 'facts' });
  for (const [k, v] of pairs) {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) continue;
    list.append(el('div', null, el('dt', { text: k }), el('dd', null, v)));
  }
  return list;
}

function link(text) {
  return /^https?:\/\//.test(String(text)) ? el('a', { href: text, rel: 'noopener', target: '_blank', text }) : String(text);
}

/** The older /api/tiles/{id} series ({windowStart,value,status,band}) in the shape of /series, for older backends. */
function fromTileSeries(old, from, to, direction) {
  const points = (old.series || []).map((p) => {
    const q = { t: p.windowStart, v: p.value, min: p.value, max: p.value, s: p.status,
      exp: p.band ? p.band.expected : null, lo: p.band ? p.band.lower : null, hi: p.band ? p.band.upper : null };
    q.out = outside(q, direction);
    return q;
  }).filter((p) => Date.parse(p.t) >= from && Date.parse(p.t) <= to);
  const t = old.tile || {};
  return { fromTileHistory: true, metricId: t.metricId, dimension: null, points, episodes: [], deploys: [], normValue: t.normValue,
    alertValue: t.alertValue, direction, unit: t.unit };
}

export function mountMetric(container, { id, params, navigate, store }) {
  const state = { id, range: RANGES[params.get('range')] ? params.get('range') : '6h', dimension: params.get('dimension') || null };
  let destroyChart = () => {};
  let metric = null;
  let alive = true;

  const title = el('h1', { class: 'view-title', tabindex: '-1', text: id });
  const headerExtra = el('div', { class: 'metric-head' });
  const back = el('a', { href: '#/', class: 'back', text: '← All tiles (Esc)' });
  const rangeGroup = el('div', { class: 'range', role: 'group', 'aria-label': 'Time range' });
  const seriesLine = el('div', { class: 'series-line', 'aria-live': 'polite' });
  const chartMsg = el('div', { class: 'chart-message' });
  const chart = el('div', { id: 'chart', class: 'chart' });
  const movers = el('section', { class: 'panel', 'aria-labelledby': 'movers-title' });
  const about = el('section', { class: 'panel', 'aria-labelledby': 'about-title' });
  const audit = el('section', { class: 'panel', 'aria-labelledby': 'audit-title' });
  const edit = el('section', { class: 'panel' });
  put(container, back, title, headerExtra,
    el('section', { class: 'panel chart-panel', 'aria-label': 'Chart' }, el('div', { class: 'chart-tools' }, rangeGroup, seriesLine), chartMsg, chart),
    el('div', { class: 'metric-grid' }, movers, about), audit, edit);
  title.focus({ preventScroll: true });

  for (const r of Object.keys(RANGES)) {
    rangeGroup.append(el('button', { type: 'button', class: 'range-button', dataset: { range: r }, text: 'last ' + r,
      onclick: () => navigate(id, { range: r, dimension: state.dimension }) }));
  }

  function renderHead() {
    const t = (metric && metric.tile) || {};
    title.textContent = (metric && metric.name) || t.name || id;
    put(headerExtra,
      el('span', { class: 'code', text: (metric && metric.code) || t.code || '' }),
      t.status ? statusChip(t.status) : null,
      t.value !== undefined ? el('span', { class: 'head-value', text: withUnit(t.value, t.unit || (metric && metric.unit)) }) : null,
      t.band ? el('span', { class: 'head-band', text: 'expected ' + number(t.band.expected) + ' (' + number(t.band.lower) + '–' + number(t.band.upper) + ')' }) : null,
      t.staleReason ? el('span', { class: 'stale-reason', text: t.staleReason }) : null);
  }

  async function loadMetric() {
    try {
      metric = await getJson('api/metrics/' + enc(id));
    } catch (e) {
      if (e.status === 404 && e.problem && e.problem.status === 404 && e.problem.detail && /unknown|not found/i.test(e.problem.detail)) {
        put(about, el('h2', { id: 'about-title', text: 'About this metric' }), notice('No metric "' + id + '" (' + e.message + ').', 'error'));
      } else {
        put(about, el('h2', { id: 'about-title', text: 'About this metric' }), notice('Metric details unavailable (' + e.message + ').', 'warn'));
      }
      // An older backend still has the tile: enough for the header.
      try { metric = { tile: (await getJson('api/tiles/' + enc(id))).tile }; } catch (e2) { metric = null; }
      if (alive) renderHead();
      return;
    }
    if (!alive) return;
    renderHead();
    const m = metric;
    put(about,
      el('h2', { id: 'about-title', text: 'About this metric' }),
      m.howToRead ? el('p', { class: 'how-to-read' }, el('strong', { text: 'How to read: ' }), m.howToRead) : null,
      dl([
        ['Methodology', m.methodology],
        ['Sources', Array.isArray(m.sources) && m.sources.length ? el('ul', null, ...m.sources.map((s) => el('li', null, link(s)))) : null],
        ['Runbook', m.runbook ? link(m.runbook) : null],
        ['Stage', m.stage ? m.stage + (m.verificationState ? ' (' + m.verificationState + ')' : '') : null],
        ['Owner', m.owner || 'none yet'],
        ['Period', m.period],
        ['Direction', m.direction ? m.direction.replace(/_/g, ' ') : null],
        ['Norm (amber)', m.normValue !== null && m.normValue !== undefined ? withUnit(m.normValue, m.unit) : 'not set'],
        ['Alert (red)', m.alertValue !== null && m.alertValue !== undefined ? withUnit(m.alertValue, m.unit) : 'not set'],
        ['Target', m.targetValue !== null && m.targetValue !== undefined ? withUnit(m.targetValue, m.unit) + (m.targetDueDate ? ' by ' + m.targetDueDate : '') : null],
        ['Benchmark', m.benchmarkMean !== null && m.benchmarkMean !== undefined ? number(m.benchmarkMean) + ' ± ' + number(m.benchmarkStddev) : null],
        ['SLAs', Array.isArray(m.slas) && m.slas.length ? el('span', null, ...m.slas.map((s) => el('a', { href: '#/slas', class: 'tag', text: s }))) : null],
        ['Linked services', Array.isArray(m.linkedServices) && m.linkedServices.length ? m.linkedServices.join(', ') : null],
        ['Drill-down by', m.dimension],
        ['Version', m.version ? String(m.version).slice(0, 12) : null],
      ]));
  }

  async function loadSeries() {
    for (const b of rangeGroup.children) b.setAttribute('aria-pressed', String(b.dataset.range === state.range));
    put(seriesLine,
      el('span', { text: 'Showing: ' }), el('strong', { text: state.dimension || 'total' }), ' ',
      state.dimension ? el('button', { type: 'button', class: 'secondary small', text: 'Back to total',
        onclick: () => navigate(id, { range: state.range }) }) : null);
    delete chart.dataset.drawn;
    put(chartMsg, notice('Loading chart…'));
    const to = new Date();
    const from = new Date(to.getTime() - RANGES[state.range] * 3600e3);
    const q = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), points: '600' });
    if (state.dimension) q.set('dimension', state.dimension);
    let series;
    try {
      series = await getJson('api/metrics/' + enc(id) + '/series?' + q);
      put(chartMsg);
    } catch (e) {
      if (state.dimension) {
        put(chartMsg, notice('No chart for ' + state.dimension + ' (' + e.message + ').', 'error'));
        return;
      }
      // An older backend has only the tile's series (last 48 h, no episodes or deploys): better than no chart.
      try {
        const old = await getJson('api/tiles/' + enc(id));
        series = fromTileSeries(old, from.getTime(), to.getTime(), (metric && metric.direction) || (old.tile && old.tile.direction));
        put(chartMsg, notice('Series endpoint unavailable (' + e.message + '): showing the tile history, without episodes and deploys.', 'warn'));
      } catch (e2) {
        put(chartMsg, notice('Chart unavailable (' + e.message + ').', 'error'));
        return;
      }
    }
    if (!alive) return;
    if (!series.direction && metric) series.direction = metric.direction;
    if (!series.points || !series.points.length) put(chartMsg, notice('No data in this time range yet.'));
    destroyChart();
    const label = ((metric && metric.name) || id) + (state.dimension ? ' — ' + state.dimension : '') + ', last ' + state.range;
    // Which endpoint fed the chart: a test can tell the real series from the older tile history fallback.
    chart.dataset.source = series.fromTileHistory ? 'tile-history' : 'series';
    destroyChart = drawChart(chart, series, label);
  }

  async function loadMovers() {
    const head = el('h2', { id: 'movers-title', text: 'Top movers' });
    try {
      const answer = await getJson('api/metrics/' + enc(id) + '/dimensions');
      const list = (answer && answer.movers) || [];
      if (!alive) return;
      if (!list.length) { put(movers, head, notice('No dimension series for this metric.')); return; }
      put(movers, head,
        el('p', { class: 'hint', text: 'Biggest loss against expected first' + (answer.at ? ', window ' + time(answer.at) : '') + '. Open one to chart it.' }),
        el('ol', { class: 'movers' }, ...list.map((m) => el('li', null,
          el('button', { type: 'button', class: 'mover status-' + knownStatus(m.status),
            dataset: { series: m.series, value: m.value },
            'aria-pressed': String(state.dimension === m.series),
            onclick: () => navigate(id, { range: state.range, dimension: m.series }) },
          el('span', { class: 'mover-name', text: (m.kind ? m.kind + ' ' : '') + m.value }),
          statusChip(m.status),
          el('span', { class: 'mover-figures', text: number(m.actual) + ' vs ' + number(m.expected) + ' expected' +
            (m.deltaPercent !== null && m.deltaPercent !== undefined ? ' (' + signed(m.deltaPercent) + ' %)' : '') }))))));
    } catch (e) {
      put(movers, head, notice('Drill-down unavailable (' + e.message + ').', 'warn'));
    }
  }

  async function loadAudit() {
    const head = el('h2', { id: 'audit-title', text: 'Audit history' });
    try {
      const entries = await getJson('api/metrics/' + enc(id) + '/audit');
      if (!alive) return;
      const list = Array.isArray(entries) ? entries : (entries && entries.items) || [];
      if (!list.length) { put(audit, head, notice('No operator changes yet.')); return; }
      put(audit, head, el('ol', { class: 'audit', id: 'audit-list' }, ...list.map((a) => {
        const before = a.before !== undefined ? a.before : a.oldValue;
        const after = a.after !== undefined ? a.after : a.newValue;
        const what = a.field ? `${a.field}: ${before === null || before === undefined ? '—' : before} → ${after === null || after === undefined ? '—' : after}` : (a.action || 'change');
        return el('li', { class: 'audit-entry' },
          el('time', { datetime: a.at, text: time(a.at) }), ' ',
          el('strong', { text: a.actor || 'unknown' }), ' ', what,
          a.reason ? el('span', { class: 'reason', text: ' — ' + a.reason }) : null);
      })));
    } catch (e) {
      put(audit, head, notice('Audit history unavailable (' + e.message + ').', 'warn'));
    }
  }

  // The header follows the live feed (status, value, band), so the page open on a wall screen never goes stale.
  const off = store ? store.onChange(() => {
    const t = store.tiles.get(id);
    if (t && metric && metric.tile !== t) { metric.tile = t; renderHead(); }
  }) : () => {};

  loadMetric().then(loadSeries);
  loadMovers();
  loadAudit();
  mountEditForm(edit, id, { onSaved: () => { loadAudit(); loadMetric(); } });

  return {
    /** A new range or dimension on the same metric: redraw the chart only. */
    update(next) {
      state.range = RANGES[next.get('range')] ? next.get('range') : '6h';
      state.dimension = next.get('dimension') || null;
      for (const b of movers.querySelectorAll('.mover')) b.setAttribute('aria-pressed', String(b.dataset.series === state.dimension));
      loadSeries();
    },
    destroy() { alive = false; off(); destroyChart(); },
  };
}
