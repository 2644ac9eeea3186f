// Heartbeat cockpit: polls /api/tiles every 5 s and keeps one tile element per metric.
(function () {
  'use strict';

  var REFRESH_MS = 5000;
  var ORDER = ['error', 'stale', 'red', 'amber', 'anomalous', 'unknown', 'green'];
  var grid = document.getElementById('tiles');
  var banner = document.getElementById('banner');
  var summary = document.getElementById('summary');
  var refreshed = document.getElementById('refreshed');
  var empty = document.getElementById('empty');
  var elements = new Map(); // metricId -> tile element, reused so keyboard focus survives a refresh
  var lastOk = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function number(v) {
    if (v === null || v === undefined) return '—';
    var abs = Math.abs(v);
    var digits = abs >= 100 ? 0 : abs >= 1 ? 2 : 3;
    return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(v);
  }

  function withUnit(v, unit) {
    if (v === null || v === undefined) return '—';
    return unit === '%' ? number(v) + '%' : number(v) + (unit ? ' ' + unit : '');
  }

  function ago(iso) {
    if (!iso) return 'no evaluation yet';
    var s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (s < 90) return 'updated ' + s + 's ago';
    if (s < 5400) return 'updated ' + Math.round(s / 60) + 'm ago';
    if (s < 172800) return 'updated ' + Math.round(s / 3600) + 'h ago';
    return 'updated ' + Math.round(s / 86400) + 'd ago';
  }

  // "expected 35 (17–53)": the anomaly band the latest window was judged against; null while it warms up.
  function bandText(band, unit) {
    if (!band) return null;
    return 'expected ' + withUnit(band.expected, unit) + ' (' + number(band.lower) + '–' + number(band.upper) + ')';
  }

  // "learning history 62 %" while alert-service replays the metric's history; null once the tile is live.
  function learningText(learning) {
    if (!learning || !learning.windows) return null;
    return 'learning history ' + Math.floor(100 * learning.window / learning.windows) + ' %';
  }

  function threshold(cls, label, text) {
    var row = el('div', cls);
    row.appendChild(el('dt', null, label));
    row.appendChild(el('dd', null, text));
    return row;
  }

  function fill(node, t) {
    node.className = 'tile status-' + t.status;
    node.dataset.metricId = t.metricId;
    node.dataset.status = t.status;
    node.title = t.howToRead || '';
    var band = bandText(t.band, t.unit);
    var learning = learningText(t.learning);
    node.setAttribute('aria-label', t.code + ' ' + t.name + ': ' + t.status + ', ' + withUnit(t.value, t.unit) +
      (band ? ', ' + band : '') + (learning ? ', ' + learning : ''));

    var head = el('div', 'tile-head');
    head.appendChild(el('span', 'code', t.code));
    head.appendChild(el('span', 'status-word', t.status));

    var value = el('div', 'value');
    value.appendChild(el('span', 'number', t.value === null ? '—' : number(t.value)));
    if (t.value !== null && t.unit) value.appendChild(el('span', 'unit', t.unit));

    var thresholds = el('dl', 'thresholds');
    if (t.normValue !== null) thresholds.appendChild(threshold('t-norm', 'norm', withUnit(t.normValue, t.unit)));
    if (t.alertValue !== null) thresholds.appendChild(threshold('t-alert', 'alert', withUnit(t.alertValue, t.unit)));
    if (t.targetValue !== null) {
      var due = t.targetDueDate ? ' by ' + t.targetDueDate : '';
      thresholds.appendChild(threshold('t-target', 'target', withUnit(t.targetValue, t.unit) + due));
    }
    if (!thresholds.childElementCount) thresholds.appendChild(threshold('t-none', 'thresholds', 'not set'));

    var foot = el('div', 'foot');
    var meta = el('span', 'meta');
    meta.appendChild(el('span', 'period', 'per ' + t.period));
    meta.appendChild(el('span', 'stage', t.stage));
    foot.appendChild(meta);
    var updated = el('span', 'ago', ago(t.evaluatedAt));
    updated.dataset.evaluatedAt = t.evaluatedAt || '';
    foot.appendChild(updated);

    var parts = [head, el('h2', 'name', t.name), value];
    if (band) parts.push(el('p', 'band', band));
    if (learning) parts.push(el('p', 'learning', learning));
    if (t.rule) parts.push(el('p', 'rule', t.rule));
    parts.push(thresholds, foot);
    node.replaceChildren.apply(node, parts);
  }

  function render(tiles) {
    var seen = new Set();
    var ordered = tiles.map(function (t) {
      seen.add(t.metricId);
      var node = elements.get(t.metricId);
      if (!node) {
        node = el('article');
        node.tabIndex = 0;
        node.addEventListener('click', function () { openDetail(node.dataset.metricId); });
        node.addEventListener('keydown', function (e) { if (e.key === 'Enter') openDetail(node.dataset.metricId); });
        elements.set(t.metricId, node);
      }
      fill(node, t);
      return node;
    });
    elements.forEach(function (node, id) {
      if (!seen.has(id)) { node.remove(); elements.delete(id); }
    });
    // Re-append only when the order changed: moving a node drops keyboard focus.
    var same = ordered.length === grid.children.length && ordered.every(function (n, i) { return grid.children[i] === n; });
    if (!same) grid.replaceChildren.apply(grid, ordered);
    empty.hidden = tiles.length > 0;
    renderSummary(tiles);
  }

  function renderSummary(tiles) {
    var counts = {};
    tiles.forEach(function (t) { counts[t.status] = (counts[t.status] || 0) + 1; });
    summary.replaceChildren.apply(summary, ORDER.filter(function (s) { return counts[s]; }).map(function (s) {
      var chip = el('span', 'count status-' + s);
      chip.appendChild(el('b', null, counts[s]));
      chip.appendChild(document.createTextNode(s));
      return chip;
    }));
  }

  function offline(reason) {
    banner.textContent = 'Cannot reach the Heartbeat API (' + reason + '). ' +
      (lastOk ? 'Showing the tiles as of ' + lastOk.toLocaleTimeString() + '. ' : '') + 'Retrying every 5 s.';
    banner.hidden = false;
    grid.classList.add('offline');
  }

  function refresh() {
    return fetch('api/tiles', { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(function (tiles) {
        render(tiles);
        lastOk = new Date();
        banner.hidden = true;
        grid.classList.remove('offline');
        refreshed.textContent = 'refreshed ' + lastOk.toLocaleTimeString();
      })
      .catch(function (e) { offline(e.message || 'network error'); });
  }

  function tick() {
    grid.querySelectorAll('.ago').forEach(function (node) {
      if (node.dataset.evaluatedAt) node.textContent = ago(node.dataset.evaluatedAt);
    });
  }

  function sparkline(points, tile) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 600 140');
    svg.setAttribute('role', 'img');
    var values = points.filter(function (p) { return p.value !== null; });
    svg.setAttribute('aria-label', values.length + ' points in the last 48 hours');
    if (values.length === 0) return svg;
    var ys = values.map(function (p) { return p.value; });
    var banded = values.filter(function (p) { return p.band; });
    banded.forEach(function (p) { ys.push(p.band.lower, p.band.upper); });
    [tile.normValue, tile.alertValue].forEach(function (v) { if (v !== null) ys.push(v); });
    var min = Math.min.apply(null, ys), max = Math.max.apply(null, ys);
    var span = max - min || 1;
    var t0 = Date.parse(values[0].windowStart), t1 = Date.parse(values[values.length - 1].windowStart);
    var x = function (iso) { return t1 === t0 ? 300 : 10 + 580 * (Date.parse(iso) - t0) / (t1 - t0); };
    var y = function (v) { return 130 - 120 * (v - min) / span; };
    [['alertValue', '#c62828'], ['normValue', '#e08a00']].forEach(function (pair) {
      if (tile[pair[0]] === null) return;
      var line = document.createElementNS(ns, 'line');
      line.setAttribute('x1', 0); line.setAttribute('x2', 600);
      line.setAttribute('y1', y(tile[pair[0]])); line.setAttribute('y2', y(tile[pair[0]]));
      line.setAttribute('stroke', pair[1]); line.setAttribute('stroke-dasharray', '6 4');
      svg.appendChild(line);
    });
    if (banded.length > 1) {
      // The band as a shaded area: upper edge left to right, lower edge back.
      var area = document.createElementNS(ns, 'polygon');
      area.setAttribute('points', banded.map(function (p) { return x(p.windowStart) + ',' + y(p.band.upper); })
        .concat(banded.slice().reverse().map(function (p) { return x(p.windowStart) + ',' + y(p.band.lower); })).join(' '));
      area.setAttribute('class', 'band-area');
      svg.appendChild(area);
    }
    var path = document.createElementNS(ns, 'polyline');
    path.setAttribute('points', values.map(function (p) { return x(p.windowStart) + ',' + y(p.value); }).join(' '));
    path.setAttribute('fill', 'none'); path.setAttribute('stroke', '#1c2430'); path.setAttribute('stroke-width', '2');
    svg.appendChild(path);
    return svg;
  }

  function openDetail(metricId) {
    var dialog = document.getElementById('detail');
    fetch('api/tiles/' + encodeURIComponent(metricId), { cache: 'no-store' })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(function (d) {
        document.getElementById('detail-title').textContent = d.tile.code + ' · ' + d.tile.name + ' · ' + d.tile.status;
        var band = bandText(d.tile.band, d.tile.unit);
        document.getElementById('detail-rule').textContent = (d.tile.rule || 'No evaluation yet.') +
          (band ? ' Band: ' + band + '.' : '');
        document.getElementById('detail-read').textContent = d.tile.howToRead ? 'How to read: ' + d.tile.howToRead : '';
        document.getElementById('detail-chart').replaceChildren(sparkline(d.series, d.tile));
        if (!dialog.open) dialog.showModal();
        history.replaceState(null, '', '#' + encodeURIComponent(metricId));
      })
      .catch(function (e) { offline(e.message || 'network error'); });
  }

  // A link ending in #<metricId> opens that metric's detail, so a tile can be shared.
  document.getElementById('detail').addEventListener('close', function () {
    history.replaceState(null, '', location.pathname + location.search);
  });
  refresh().then(function () {
    if (location.hash.length > 1) openDetail(decodeURIComponent(location.hash.slice(1)));
  });
  setInterval(refresh, REFRESH_MS);
  setInterval(tick, 1000);
})();
