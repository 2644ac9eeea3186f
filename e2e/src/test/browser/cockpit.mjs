// Drives the web cockpit in Debian's chromium (headless, through playwright-core) for one scenario and prints one
// JSON line with what the page showed. Run by io.heartbeat.e2e.Browser, or by hand:
//
//   node cockpit.mjs tiles        http://127.0.0.1:8080
//   node cockpit.mjs wait-status  http://127.0.0.1:8080 web_messenger_parts anomalous,red
//   node cockpit.mjs metric       http://127.0.0.1:8080 web_messenger_parts
//   node cockpit.mjs drilldown    http://127.0.0.1:8080 web_messenger_parts globex      ("-": the top mover)
//   node cockpit.mjs edit         http://127.0.0.1:8080 web_messenger_parts <token> normValue 12
//   node cockpit.mjs edit-invalid http://127.0.0.1:8080 web_messenger_parts <token>
//
// Env: SCREENSHOTS (directory, default ./target/screenshots), TIMEOUT_MS (longest wait; default 300000 for
// wait-status, 60000 otherwise), CHROMIUM (default /usr/bin/chromium). Exit 0 with {"ok":true,...}; on failure a
// message on stderr (and a screenshot of the page as it was) and exit 1.

import { mkdirSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { chromium } from 'playwright-core';

const [scenario, baseArg, ...args] = process.argv.slice(2);
const SCENARIOS = ['tiles', 'wait-status', 'metric', 'drilldown', 'edit', 'edit-invalid'];
if (!SCENARIOS.includes(scenario) || !baseArg) {
  console.error(`usage: node cockpit.mjs <${SCENARIOS.join('|')}> <baseUrl> [args...]`);
  process.exit(2);
}
const BASE = baseArg.replace(/\/+$/, '') + '/';
const TIMEOUT = Number(process.env.TIMEOUT_MS || (scenario === 'wait-status' ? 300000 : 60000));
const SHOTS = resolve(process.env.SCREENSHOTS || './target/screenshots');
mkdirSync(SHOTS, { recursive: true });
const screenshots = [];
const consoleErrors = [];

class Failure extends Error {}
const fail = (message) => { throw new Failure(message); };

function need(value, name) {
  if (!value) fail(`scenario ${scenario}: missing argument <${name}>`);
  return value;
}

async function shot(page, name, locator) {
  const path = join(SHOTS, `cockpit-${scenario}-${name}-${Date.now()}.png`);
  await (locator || page).screenshot({ path, ...(locator ? {} : { fullPage: true }) });
  screenshots.push(path);
  return path;
}

async function open(page, hash) {
  await page.goto(BASE + hash, { waitUntil: 'domcontentloaded', timeout: TIMEOUT });
}

async function waitTiles(page) {
  try {
    await page.locator('.tile[data-metric-id]').first().waitFor({ timeout: TIMEOUT });
  } catch (e) {
    const message = await page.locator('main').innerText().catch(() => '');
    fail(`no tile appeared within ${TIMEOUT} ms; the page says: ${message.slice(0, 300)}`);
  }
}

/** What each tile shows: the status as attribute, word, colour and shape (status never by colour alone). */
function readTiles(page) {
  return page.$$eval('.tile[data-metric-id]', (nodes) => nodes.map((n) => {
    const style = getComputedStyle(n);
    const chip = n.querySelector('.status-chip');
    const shape = n.querySelector('.status-shape');
    return {
      metricId: n.dataset.metricId,
      status: n.dataset.status,
      className: n.className,
      statusText: (n.querySelector('.status-text') || {}).textContent || '',
      colour: style.borderLeftColor,
      chipColour: chip ? getComputedStyle(chip).backgroundColor : null,
      hasShape: !!(shape && shape.textContent.trim()),
      value: (n.querySelector('.value .number') || {}).textContent || null,
      hasSparkline: !!n.querySelector('svg.sparkline path'),
    };
  }));
}

async function tiles(page) {
  await open(page, '#/');
  await waitTiles(page);
  const list = await readTiles(page);
  await shot(page, 'grid');
  return { tiles: list };
}

async function waitStatus(page) {
  const metricId = need(args[0], 'metricId');
  const wanted = need(args[1], 'status,status2').split(',').map((s) => s.trim()).filter(Boolean);
  await open(page, '#/');
  await waitTiles(page);
  const selector = `.tile[data-metric-id="${metricId}"]`;
  await page.locator(selector).waitFor({ timeout: TIMEOUT }).catch(() => fail(`no tile for ${metricId}`));
  // A marker only this page load has: if the page reloaded, it is gone.
  const marker = `m${Math.random().toString(36).slice(2)}`;
  const before = await page.evaluate((m) => {
    window.__e2eMarker = m;
    return { navigations: performance.getEntriesByType('navigation').length, loadedAt: window.__cockpitLoadedAt };
  }, marker);
  const initialStatus = await page.getAttribute(selector, 'data-status');
  const started = Date.now();
  try {
    await page.waitForFunction(({ sel, statuses }) => {
      const n = document.querySelector(sel);
      return n && statuses.includes(n.dataset.status);
    }, { sel: selector, statuses: wanted }, { timeout: TIMEOUT, polling: 500 });
  } catch (e) {
    const now = await page.getAttribute(selector, 'data-status').catch(() => '?');
    await shot(page, 'timeout').catch(() => {});
    fail(`${metricId} stayed ${now} (wanted ${wanted.join(' or ')}) for ${TIMEOUT} ms without reload`);
  }
  const elapsedMs = Date.now() - started;
  const after = await page.evaluate(() => ({
    marker: window.__e2eMarker, navigations: performance.getEntriesByType('navigation').length,
    loadedAt: window.__cockpitLoadedAt, connection: (document.querySelector('.connection-text') || {}).textContent || null,
  }));
  const status = await page.getAttribute(selector, 'data-status');
  await shot(page, 'status');
  return {
    metricId, initialStatus, status, elapsedMs, connection: after.connection,
    reloaded: after.marker !== marker || after.loadedAt !== before.loadedAt || after.navigations !== before.navigations,
    navigationEntries: after.navigations,
  };
}

async function waitChart(page, series) {
  const sel = '#chart[data-drawn="true"]' + (series ? `[data-series="${series}"]` : '');
  try {
    await page.locator(sel).waitFor({ timeout: TIMEOUT });
  } catch (e) {
    const message = await page.locator('.chart-panel').innerText().catch(() => '');
    await shot(page, 'no-chart').catch(() => {});
    fail(`no chart${series ? ' of ' + series : ''} within ${TIMEOUT} ms; the page says: ${message.slice(0, 300)}`);
  }
  return page.$eval('#chart', (n) => ({
    series: n.dataset.series, points: Number(n.dataset.points), bandPoints: Number(n.dataset.bandPoints),
    outPoints: Number(n.dataset.outPoints || 0), source: n.dataset.source || null,
  }));
}

/** Counts blue (the value line), gray (the band) and red (outside the band) pixels of the chart canvas. */
function samplePixels(page) {
  return page.$eval('#chart canvas', (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let blue = 0, gray = 0, red = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (a < 40) continue;
      // The canvas is transparent: the band's fill is semi-transparent gray, so alpha carries its strength.
      if (b > 150 && r < 100 && g > 70 && g < 160) blue++;
      else if (r > 170 && g < 100 && b < 100) red++;
      else if (Math.abs(r - g) < 16 && Math.abs(g - b) < 20 && r > 60 && r < 180 && a < 140) gray++;
    }
    return { width: canvas.width, height: canvas.height, blue, gray, red };
  });
}

async function metric(page) {
  const metricId = need(args[0], 'metricId');
  await open(page, `#/metric/${encodeURIComponent(metricId)}`);
  const chart = await waitChart(page);
  const pixels = await samplePixels(page);
  const notices = await page.$$eval('.chart-message .notice', (n) => n.map((x) => x.textContent));
  await shot(page, 'page');
  await shot(page, 'chart', page.locator('#chart'));
  return { metricId, ...chart, pixels, hasBlue: pixels.blue > 50, hasGray: pixels.gray > 200, hasRed: pixels.red > 0, notices };
}

async function drilldown(page) {
  const metricId = need(args[0], 'metricId');
  const value = need(args[1], 'dimensionValue or -');
  await open(page, `#/metric/${encodeURIComponent(metricId)}`);
  await waitChart(page);
  const movers = page.locator('button.mover');
  const panel = page.locator('[aria-labelledby="movers-title"]');
  // Either the movers or the panel's message (no dimensions, endpoint missing): fail fast on the message.
  await page.locator('button.mover, [aria-labelledby="movers-title"] .notice').first().waitFor({ timeout: TIMEOUT })
    .catch(() => {});
  if (!await movers.count()) fail(`no top movers listed: ${(await panel.innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 300)}`);
  const all = await movers.evaluateAll((n) => n.map((b) => ({ value: b.dataset.value, series: b.dataset.series })));
  const pick = value === '-' ? all[0] : all.find((m) => m.value === value || m.series === value);
  if (!pick) fail(`no mover ${value}; listed: ${all.map((m) => m.series).join(', ')}`);
  await page.locator(`button.mover[data-series="${pick.series}"]`).click();
  const chart = await waitChart(page, pick.series);
  const shown = await page.locator('.series-line').innerText();
  await shot(page, 'series');
  return { metricId, movers: all.map((m) => m.series), displayed: chart.series, shown, points: chart.points,
    bandPoints: chart.bandPoints, url: page.url() };
}

async function openForm(page, metricId, token) {
  await open(page, `#/metric/${encodeURIComponent(metricId)}`);
  const form = page.locator('form.edit-form');
  await form.waitFor({ timeout: TIMEOUT });
  await page.waitForFunction(() => {
    const f = document.querySelector('form.edit-form');
    return f && f.dataset.loaded;
  }, null, { timeout: TIMEOUT });
  if (await form.getAttribute('data-loaded') === 'failed') fail(`edit form did not load: ${await page.locator('#edit-message').innerText()}`);
  await page.fill('#edit-token', token);
  return form;
}

async function auditEntries(page) {
  return page.$$eval('.audit-entry', (n) => n.map((x) => x.textContent));
}

async function edit(page) {
  const metricId = need(args[0], 'metricId');
  const token = need(args[1], 'token');
  const field = need(args[2], 'field');
  const value = need(args[3], 'value');
  const form = await openForm(page, metricId, token);
  const before = await auditEntries(page);
  await page.fill(`#edit-${field}`, value);
  await page.fill('#edit-reason', `browser e2e: ${field} ${value}`);
  await page.click('form.edit-form button[type="submit"]');
  await page.waitForFunction(() => {
    const f = document.querySelector('form.edit-form');
    return f.dataset.saved || f.querySelector('.form-message .notice-error');
  }, null, { timeout: TIMEOUT });
  if (!await form.getAttribute('data-saved')) {
    await shot(page, 'refused');
    fail(`edit refused: ${await page.locator('#edit-message').innerText()}; field errors: ${
      (await page.$$eval('.field-error', (n) => n.map((x) => x.textContent).filter(Boolean))).join('; ')}`);
  }
  // The audit list reloads after the save: wait for an entry that was not there and names the field.
  // registry-service audits the field in snake_case (norm_value): accept either spelling.
  const names = [field, field.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())];
  const handle = await page.waitForFunction(({ before, names }) => {
    const now = [...document.querySelectorAll('.audit-entry')].map((x) => x.textContent);
    return now.find((t) => !before.includes(t) && names.some((n) => t.includes(n))) || null;
  }, { before, names }, { timeout: TIMEOUT }).catch(() => null);
  if (!handle) fail(`saved, but no new audit entry for ${field} appeared; audit: ${(await auditEntries(page)).slice(0, 3).join(' | ')}`);
  const auditText = await handle.jsonValue();
  const message = await page.locator('#edit-message').innerText();
  await shot(page, 'saved');
  const num = Number(value);
  const valueShown = auditText.includes(value) || (!Number.isNaN(num) && (auditText.match(/-?\d+(\.\d+)?/g) || []).some((x) => Number(x) === num));
  return { metricId, field, value, message, auditText, valueShown };
}

async function editInvalid(page) {
  const metricId = need(args[0], 'metricId');
  const token = need(args[1], 'token');
  await openForm(page, metricId, token);
  await page.fill('#edit-normValue', 'abc');
  await page.fill('#edit-reason', 'browser e2e: an invalid norm');
  await page.click('form.edit-form button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('#edit-normValue-error').textContent
    || document.querySelector('#edit-message .notice-error'), null, { timeout: TIMEOUT });
  const fieldError = await page.locator('#edit-normValue-error').innerText();
  const formMessage = await page.locator('#edit-message').innerText();
  const ariaInvalid = await page.getAttribute('#edit-normValue', 'aria-invalid');
  const describedBy = await page.getAttribute('#edit-normValue', 'aria-describedby');
  await shot(page, 'invalid');
  if (!fieldError.trim()) fail(`no field error next to normValue; form message: ${formMessage}`);
  return { metricId, fieldError, ariaInvalid: ariaInvalid === 'true', describedBy, formMessage };
}

const RUN = { tiles, 'wait-status': waitStatus, metric, drilldown, edit, 'edit-invalid': editInvalid };

let browser;
let page;
try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const result = await RUN[scenario](page);
  console.log(JSON.stringify({ ok: true, scenario, ...result, consoleErrors, screenshots }));
  await browser.close();
  process.exit(0);
} catch (e) {
  if (page) await shot(page, 'failure').catch(() => {});
  console.error(`[cockpit.mjs] ${scenario} failed: ${e instanceof Failure ? e.message : e.stack || e}`);
  if (consoleErrors.length) console.error(`[cockpit.mjs] browser console errors: ${consoleErrors.join(' | ')}`);
  if (screenshots.length) console.error(`[cockpit.mjs] screenshots: ${screenshots.join(' ')}`);
  if (browser) await browser.close().catch(() => {});
  process.exit(1);
}
