// The live feed: Server-Sent Events from /api/stream, with polling of /api/tiles every 10 s whenever the stream is
// down (missing endpoint, proxy that buffers, network drop). One feed for the whole page, whatever view is shown.

import { getJson } from './api.js';

const POLL_MS = 10000;
// After the stream failed for good (e.g. 404 from an older backend), try it again now and then rather than never.
const RETRY_STREAM_MS = 60000;

export class Feed {
  constructor() {
    this.listeners = { tiles: [], tile: [], alert: [], state: [] };
    this.state = 'connecting';
    this.source = null;
    this.pollTimer = null;
    this.retryTimer = null;
  }

  on(kind, fn) {
    this.listeners[kind].push(fn);
    return () => { this.listeners[kind] = this.listeners[kind].filter((f) => f !== fn); };
  }

  emit(kind, payload) {
    for (const fn of this.listeners[kind]) {
      try { fn(payload); } catch (e) { console.error('cockpit listener failed', kind, e); }
    }
  }

  setState(state, detail) {
    this.state = state;
    this.detail = detail || '';
    this.emit('state', { state, detail: this.detail });
  }

  start() {
    // The first picture comes from /api/tiles; the stream opens at once beside it, and polling covers the page only
    // while the stream is down.
    this.refresh();
    this.pollTimer = setInterval(() => this.refresh(), POLL_MS);
    this.connect();
  }

  /** One full read of /api/tiles: the first picture, the resync after a reconnect, and the polling fallback. */
  async refresh() {
    try {
      const tiles = await getJson('api/tiles');
      this.emit('tiles', Array.isArray(tiles) ? tiles : []);
      if (this.state === 'offline') this.setState(this.source ? 'connecting' : 'polling');
      return true;
    } catch (e) {
      this.setState('offline', e.message);
      return false;
    }
  }

  connect() {
    if (typeof EventSource === 'undefined') {
      this.startPolling('this browser has no EventSource');
      return;
    }
    clearTimeout(this.retryTimer);
    const source = new EventSource('api/stream');
    this.source = source;
    source.onopen = () => {
      this.stopPolling();
      this.setState('live');
      // Whatever changed while we were not listening: the stream replays by Last-Event-ID only after a reconnect
      // of the same EventSource, not for a fresh one.
      this.refresh();
    };
    source.addEventListener('tile', (e) => this.handle('tile', e));
    source.addEventListener('alert', (e) => this.handle('alert', e));
    // A metric left the registry: the next full read drops its tile.
    source.addEventListener('removed', () => this.refresh());
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        // The browser gives up on a non-200 answer (404 from an older cockpit-api, 5xx): poll, retry later.
        this.source = null;
        this.startPolling('live stream unavailable');
        this.retryTimer = setTimeout(() => this.connect(), RETRY_STREAM_MS);
      } else {
        // CONNECTING: the browser retries by itself; poll meanwhile so the wall screen never freezes.
        this.startPolling('live stream reconnecting');
      }
    };
  }

  handle(kind, event) {
    let data;
    try { data = JSON.parse(event.data); } catch (e) { return; }
    if (data && typeof data === 'object') this.emit(kind, data);
  }

  startPolling(reason) {
    if (this.state !== 'offline') this.setState('polling', reason);
    if (this.pollTimer) return;
    this.pollTimer = setInterval(() => this.refresh(), POLL_MS);
  }

  stopPolling() {
    clearInterval(this.pollTimer);
    this.pollTimer = null;
  }
}
