// The metric chart (uPlot, vendored in vendor/uplot): the value in blue inside its expected band in gray, the
// windows that left the band on the bad side in red, norm (amber) and alert (red) lines, alert episodes shaded and
// deploys marked. The container gets data-points / data-band-points / data-series so a test can check what was drawn,
// and a visually hidden table carries the same data for screen readers.

import { el, put, number, time, statusWord } from './format.js';

const BLUE = '#1f6fd1';
const RED = '#d32f2f';
const AMBER = '#e08a00';
const BAND = 'rgba(100, 110, 120, 0.28)';

const isNum = (v) => v !== null && v !== undefined && Number.isFinite(Number(v));

/** Where a bucket's worst window lies: the min for higher_is_better (a drop), the max otherwise (a spike). */
function outValue(p, direction) {
  if (!p.out) return null;
  const edge = direction === 'lower_is_better' ? p.max : p.min;
  return isNum(edge) ? Number(edge) : isNum(p.v) ? Number(p.v) : null;
}

function yRange(series, thresholds) {
  const ys = [];
  for (const p of series.points) for (const k of ['v', 'lo', 'hi', 'min', 'max']) if (isNum(p[k])) ys.push(Number(p[k]));
  for (const t of thresholds) if (isNum(t)) ys.push(Number(t));
  if (!ys.length) return [0, 1];
  let lo = Math.min(...ys), hi = Math.max(...ys);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1;
  // Counts and rates are never negative: keep zero as the floor so a drop to zero sits on the axis.
  return [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad];
}

function drawEpisodes(u, episodes, now) {
  const { ctx } = u;
  const { top, height } = u.bbox;
  ctx.save();
  ctx.fillStyle = 'rgba(211, 47, 47, 0.12)';
  for (const e of episodes) {
    const start = Date.parse(e.start) / 1000;
    const end = e.end ? Date.parse(e.end) / 1000 : now;
    if (!Number.isFinite(start)) continue;
    const x0 = Math.max(u.bbox.left, u.valToPos(start, 'x', true));
    const x1 = Math.min(u.bbox.left + u.bbox.width, u.valToPos(end, 'x', true));
    if (x1 > x0) ctx.fillRect(x0, top, Math.max(2, x1 - x0), height);
  }
  ctx.restore();
}

function drawLines(u, series, deploys) {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const px = devicePixelRatio || 1;
  ctx.save();
  ctx.lineWidth = 2 * px;
  // uPlot leaves the axes' text alignment on the context: set ours, or labels land right-aligned off the plot.
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.font = `${12 * px}px system-ui, sans-serif`;
  for (const [value, colour, label] of [[series.normValue, AMBER, 'norm'], [series.alertValue, RED, 'alert']]) {
    if (!isNum(value)) continue;
    const y = u.valToPos(Number(value), 'y', true);
    if (y < top || y > top + height) continue;
    ctx.strokeStyle = colour;
    ctx.setLineDash([8 * px, 5 * px]);
    ctx.beginPath(); ctx.moveTo(left, y); ctx.lineTo(left + width, y); ctx.stroke();
    ctx.fillStyle = colour;
    ctx.fillText(label + ' ' + number(value), left + 4 * px, y - 4 * px);
  }
  ctx.strokeStyle = '#37474f';
  ctx.fillStyle = '#37474f';
  ctx.lineWidth = 1.5 * px;
  ctx.setLineDash([4 * px, 4 * px]);
  for (const d of deploys) {
    const t = Date.parse(d.finishedAt) / 1000;
    const x = u.valToPos(t, 'x', true);
    if (!Number.isFinite(x) || x < left || x > left + width) continue;
    ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + height); ctx.stroke();
    ctx.fillText('▾ ' + d.service + ' ' + (d.version || ''), x + 3 * px, top + 12 * px);
  }
  ctx.restore();
}

/** A visually hidden summary and table of the drawn data, for screen readers. */
function accessibleTable(series, label) {
  const pts = series.points;
  const outs = pts.filter((p) => p.out).length;
  const last = [...pts].reverse().find((p) => isNum(p.v));
  const summary = `${label}: ${pts.length} points from ${time(series.from || (pts[0] && pts[0].t))} to ` +
    `${time(series.to || (last && last.t))}; latest ${last ? number(last.v) : 'none'}; ${outs} outside the expected band; ` +
    `${(series.episodes || []).length} alert episodes; ${(series.deploys || []).length} deploys.`;
  const rows = pts.map((p) => el('tr', null,
    el('td', { text: time(p.t) }), el('td', { text: number(p.v) }),
    el('td', { text: isNum(p.lo) ? number(p.lo) + '–' + number(p.hi) : 'no band' }),
    el('td', { text: statusWord(p.s) + (p.out ? ', outside band' : '') })));
  return el('div', { class: 'visually-hidden' },
    el('p', { text: summary }),
    el('table', null, el('caption', { text: label + ' data' }),
      el('thead', null, el('tr', null, ...['time', 'value', 'expected band', 'status'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', null, ...rows)));
}

/**
 * Draws series (the /series answer) into host; returns a destroy function. host must be attached and laid out:
 * uPlot sizes the canvas from its width.
 */
export function drawChart(host, series, label) {
  const direction = series.direction;
  const pts = (series.points || []).filter((p) => p && p.t && Number.isFinite(Date.parse(p.t)));
  series = { ...series, points: pts };
  const chart = el('div', { class: 'chart-canvas', role: 'img',
    'aria-label': label + ': value in blue, expected band in gray, points outside the band in red' });
  put(host, chart, accessibleTable(series, label));
  host.dataset.points = String(pts.filter((p) => isNum(p.v)).length);
  host.dataset.bandPoints = String(pts.filter((p) => isNum(p.lo) && isNum(p.hi)).length);
  host.dataset.series = series.dimension || 'total';
  host.dataset.outPoints = String(pts.filter((p) => p.out).length);

  if (typeof window.uPlot !== 'function') {
    chart.replaceWith(el('p', { class: 'notice notice-error', text: 'The chart library did not load (vendor/uplot); the data table below still lists every point.' }));
    host.querySelector('.visually-hidden').classList.remove('visually-hidden');
    return () => {};
  }

  const xs = pts.map((p) => Date.parse(p.t) / 1000);
  const val = (k) => pts.map((p) => (isNum(p[k]) ? Number(p[k]) : null));
  const data = [xs, val('lo'), val('hi'), val('exp'), val('v'), pts.map((p) => outValue(p, direction))];
  const now = Date.now() / 1000;
  const range = yRange(series, [series.normValue, series.alertValue]);
  const episodes = series.episodes || [];
  const deploys = series.deploys || [];
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;

  const opts = {
    width: Math.max(300, host.clientWidth || 800),
    height: 340,
    cursor: { drag: { x: !reduced, y: false } },
    scales: { x: { time: true }, y: { range: () => range } },
    axes: [{}, { label: series.unit || '', size: 60 }],
    series: [
      {},
      { label: 'expected low', stroke: 'rgba(100,110,120,0.55)', width: 1, points: { show: false } },
      { label: 'expected high', stroke: 'rgba(100,110,120,0.55)', width: 1, points: { show: false } },
      { label: 'expected', stroke: 'rgba(90,100,110,0.8)', width: 1, dash: [4, 4], points: { show: false } },
      { label: series.dimension || 'value', stroke: BLUE, width: 2, points: { show: false } },
      // Outside the band on the bad side: red, a line where consecutive windows are out, a dot where one is.
      { label: 'outside band', stroke: RED, width: 2.5, spanGaps: false,
        points: { show: true, size: 7, fill: RED, stroke: RED } },
    ],
    bands: [{ series: [2, 1], fill: BAND }],
    hooks: {
      drawAxes: [(u) => drawEpisodes(u, episodes, now)],
      draw: [(u) => drawLines(u, series, deploys)],
    },
  };
  const plot = new window.uPlot(opts, data, chart);
  const resize = new ResizeObserver(() => {
    const w = Math.max(300, host.clientWidth);
    if (Math.abs(w - plot.width) > 4) plot.setSize({ width: w, height: 340 });
  });
  resize.observe(host);
  host.dataset.drawn = 'true';
  return () => { resize.disconnect(); plot.destroy(); };
}
