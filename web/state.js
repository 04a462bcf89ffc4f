// The page state as a URL query, so that a link reproduces the comparison:
// ?vendor=mailstore&quantity=25&horizon=36&start=2026-03-01&period=annual&lang=es&fp=8c2d1f0a
// `fp` is a short fingerprint of the price list the figures were computed on;
// a link opened after the price list changed says so (SPEC §9). `lang` is the
// page's language (language-choice.js). Each panel names its own inputs in
// `urlKeys` (panels.js); they are read and written here with the shared ones.
// Values are kept as the user typed them: the engine judges them.

export const PERIODS = ['all', 'monthly', 'annual'];

/** Billing-period filter → the compare request's `billing_months`. */
export const PERIOD_MONTHS = { all: null, monthly: [1], annual: [12] };

const KEYS = ['vendor', 'quantity', 'horizon', 'start', 'period', 'lang', 'fp'];

/**
 * Reads the state from a query string. Missing or malformed values take the
 * defaults; unknown parameters are ignored.
 * @param {string} search location.search
 * @param {{quantity: string, horizon: string, start: string}} defaults
 * @param {string[]} panelKeys the panels' own keys (read as typed, '' when absent)
 */
export function readState(search, defaults, panelKeys = []) {
  const params = new URLSearchParams(search);
  const get = (key) => (params.get(key) ?? '').trim();
  const period = get('period');
  const panelState = Object.fromEntries(panelKeys.map((key) => [key, get(key)]));
  return {
    ...panelState,
    vendor: get('vendor'),
    quantity: get('quantity') || defaults.quantity,
    horizon: get('horizon') || defaults.horizon,
    start: get('start') || defaults.start,
    period: PERIODS.includes(period) ? period : 'all',
    lang: get('lang'),
    fp: get('fp'),
  };
}

/** Writes the state into the address bar without adding a history entry. */
export function writeState(state, panelKeys = []) {
  const params = new URLSearchParams();
  for (const key of [...KEYS.slice(0, -2), ...panelKeys, ...KEYS.slice(-2)]) {
    if (state[key] !== undefined && state[key] !== null && state[key] !== '') params.set(key, String(state[key]));
  }
  const url = `${location.pathname}?${params}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    history.replaceState(history.state, '', url);
  }
}

/** How long after the last change the address bar is rewritten. */
export const URL_WRITE_DELAY_MS = 250;

/**
 * Keeps the address bar following the inputs without rewriting it on every
 * keystroke: Chromium reloads the page's icon on each rewrite and throttles
 * a page that rewrites its URL too often, and the figures should not wait
 * for either. schedule() writes the state URL_WRITE_DELAY_MS after the last
 * call; flush() writes a pending change at once (before the link is copied
 * or printed, and when the page is hidden).
 */
export class UrlStateWriter {
  /**
   * @param {() => object} currentState the state to write (read when writing)
   * @param {string[]} panelKeys the panels' own keys
   * @param {() => void} [onWrite] after each write (what shows the link)
   */
  constructor(currentState, panelKeys, onWrite = () => {}) {
    this.currentState = currentState;
    this.panelKeys = panelKeys;
    this.onWrite = onWrite;
    this.timer = null;
    this.due = 0;
    this.flush = this.flush.bind(this);
    this.wake = this.wake.bind(this);
  }

  schedule() {
    // One timer per pause in typing, moved on when it fires before the last
    // change's delay is up: clearing and setting a timer on every keystroke
    // took about a tenth of a millisecond of each (docs/performance.md, item 23).
    this.due = performance.now() + URL_WRITE_DELAY_MS;
    if (this.timer === null) this.timer = setTimeout(this.wake, URL_WRITE_DELAY_MS);
  }

  wake() {
    const wait = this.due - performance.now();
    if (wait > 0) this.timer = setTimeout(this.wake, wait);
    else this.flush();
  }

  flush() {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    writeState(this.currentState(), this.panelKeys);
    this.onWrite();
  }
}

/** The short form of a catalog fingerprint ("fnv1a64:8c2d1f0a…" → "8c2d1f0a"). */
export function shortFingerprint(fingerprint) {
  const text = String(fingerprint ?? '');
  return text.slice(text.indexOf(':') + 1).slice(0, 8);
}
