// A tile's sparkline as a tiny inline SVG: the last windows in blue, the expected band in gray behind them, the
// windows outside the band on the bad side as red dots. uPlot is kept for the metric page; forty canvases on a wall
// screen would cost more than forty small SVGs.

const NS = 'http://www.w3.org/2000/svg';
const W = 240, H = 48, PAD = 3;

function svgEl(tag, attrs) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function isNum(v) {
  return v !== null && v !== undefined && Number.isFinite(Number(v));
}

/** True when a window lies outside its band on the side the direction calls bad. */
export function outside(p, direction) {
  if (!isNum(p.v) || !isNum(p.lo) || !isNum(p.hi)) return false;
  return direction === 'lower_is_better' ? p.v > p.hi : p.v < p.lo;
}

export function sparkline(points, direction) {
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', class: 'sparkline', 'aria-hidden': 'true', focusable: 'false' });
  const pts = (points || []).filter((p) => p && p.t);
  if (pts.length < 2) return svg;
  const ys = [];
  for (const p of pts) for (const k of ['v', 'lo', 'hi']) if (isNum(p[k])) ys.push(Number(p[k]));
  if (!ys.length) return svg;
  let min = Math.min(...ys), max = Math.max(...ys);
  if (max === min) { max += 1; min -= 1; }
  const x = (i) => PAD + (W - 2 * PAD) * i / (pts.length - 1);
  const y = (v) => H - PAD - (H - 2 * PAD) * (Number(v) - min) / (max - min);

  // The band as one polygon per run of windows that have one (it is null while the metric learns).
  let run = [];
  const flush = () => {
    if (run.length > 1) {
      const upper = run.map((i) => `${x(i)},${y(pts[i].hi)}`);
      const lower = run.slice().reverse().map((i) => `${x(i)},${y(pts[i].lo)}`);
      svg.append(svgEl('polygon', { points: upper.concat(lower).join(' '), class: 'spark-band' }));
    }
    run = [];
  };
  pts.forEach((p, i) => { if (isNum(p.lo) && isNum(p.hi)) run.push(i); else flush(); });
  flush();

  // The value line, broken where a window has no value (an error or an empty window is not a zero).
  let d = '', pen = false;
  pts.forEach((p, i) => {
    if (!isNum(p.v)) { pen = false; return; }
    d += (pen ? 'L' : 'M') + x(i).toFixed(1) + ',' + y(p.v).toFixed(1);
    pen = true;
  });
  svg.append(svgEl('path', { d, class: 'spark-line' }));
  pts.forEach((p, i) => {
    if (outside(p, direction)) svg.append(svgEl('circle', { cx: x(i), cy: y(p.v), r: 2.6, class: 'spark-out' }));
  });
  return svg;
}
