// The page controller: picks the language, loads the list of price lists,
// the engine and every catalog (all during load, so the page makes no request
// afterwards), reads the shared inputs (and the URL), and asks each panel
// (panels.js) to compute and render on every change. It never computes an
// amount itself.

import { setText } from './dom.js';
import { ErrorDisplay, errorText, sentence } from './field-errors.js';
import { Formatter, parseCivilDate, todayIso } from './format.js';
import { createTranslator, GENERIC_PLURAL_COUNT, LANGUAGES, localeFor, localName, localNote } from './i18n.js';
import { chooseLanguage, rememberLanguage, safeLocalStorage } from './language-choice.js';
import { PanelUpdates } from './panel-updates.js';
import { PANELS } from './panels.js';
import { refreshShareField, setupShare } from './share.js';
import { readState, shortFingerprint, UrlStateWriter } from './state.js';
import { catalogFormatter, createViewContext, mainUnit } from './view-context.js';

const DEFAULTS = { quantity: '1', horizon: '36', start: todayIso() };
const PREFERRED = navigator.languages?.length ? navigator.languages : [navigator.language];
const storage = safeLocalStorage();
const PANEL_KEYS = PANELS.flatMap((panel) => panel.urlKeys ?? []);
const initialState = readState(location.search, DEFAULTS, PANEL_KEYS);

const $ = (id) => document.getElementById(id);
const ui = {
  lang: $('lang'),
  form: $('inputs'),
  vendor: $('vendor'),
  quantity: $('quantity'),
  quantityHint: $('quantity-hint'),
  horizon: $('horizon'),
  start: $('start'),
  resultsTitle: $('results-title'),
  vendorNotice: $('vendor-notice'),
  vendorNoticeLine: $('vendor-notice-line'),
  vendorNoticeNote: $('vendor-notice-note'),
  inputsDisclosure: $('inputs-disclosure'),
  inputsSummary: $('inputs-summary'),
  linkNotice: $('link-notice'),
  printNote: $('print-note'),
  nav: $('panel-nav'),
  share: {
    copyButton: $('copy-link'),
    printButton: $('print'),
    fallback: $('share-fallback'),
    field: $('share-url'),
    status: $('share-status'),
  },
};

const app = {
  ...chooseLanguage({ urlLang: initialState.lang, preferred: PREFERRED, storage }),
  t: null,
  engineModule: null,
  catalogs: [], // plans/index.json entries
  catalogTexts: new Map(), // id -> {text} | {error}, all fetched during load
  vendorId: '',
  engine: null,
  info: null, // the describe() result of the loaded catalog
  fmt: null,
  loadToken: 0,
  loadError: null, // {key, args, code} of a catalog that could not be loaded
  linkVendor: initialState.vendor, // the vendor and fingerprint a link was made with
  linkFingerprint: initialState.fp,
  linkChanged: false,
};
app.t = createTranslator(app.lang);

const errors = new ErrorDisplay(document, $('general-error'), () => app.t);
// The address bar follows the inputs shortly after the last change.
const urlState = new UrlStateWriter(currentState, PANEL_KEYS, () => {
  refreshShareField(ui.share);
  showPrintNote();
});

// The panels on screen recompute at once, the others a task later.
const panelUpdates = new PanelUpdates(PANELS, (panel) => $(panel.sectionId), (panel) => panel.update(host),
  (phase) => {
    // scripts/bench times navigation -> first comparison and input -> table by
    // these marks (one of each kept: a long session does not pile them up).
    const name = phase === 'all' ? 'plancalc:all-rendered' : 'plancalc:rendered';
    performance.clearMarks(name);
    performance.mark(name);
  });

/** What the panels see (panels.js, Host). */
const host = {
  doc: document,
  $,
  initialState,
  get engine() { return app.engine; },
  get info() { return app.info; },
  get t() { return app.t; },
  errors,
  state: currentState,
  inputs: sharedInputs,
  unit: () => mainUnit(app.info),
  viewContext: () => createViewContext({ t: app.t, lang: app.lang, fmt: app.fmt, info: app.info }),
  showEngineError,
  recompute,
};

main().catch((e) => fail('error.unexpected', { message: sentence(e?.message ?? e) }));

async function main() {
  window.addEventListener('unhandledrejection', (event) => {
    fail('error.unexpected', { message: sentence(event.reason?.message ?? event.reason) });
  });
  ui.lang.value = app.lang;
  translateStatic();
  buildNavigation();
  for (const panel of PANELS) panel.init(host);

  ui.quantity.value = initialState.quantity;
  ui.horizon.value = initialState.horizon;
  ui.start.value = initialState.start;
  hidePanels(app.t('page.loading'), true);

  const wide = window.matchMedia('(min-width: 64rem)');
  ui.inputsDisclosure.open = wide.matches;
  wide.addEventListener('change', () => fitInputs(wide.matches));
  ui.lang.addEventListener('change', () => setLanguage(ui.lang.value));
  setupShare(ui.share, () => app.t, urlState.flush);
  window.addEventListener('beforeprint', () => {
    panelUpdates.flush();
    urlState.flush();
  });
  window.addEventListener('pagehide', urlState.flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') urlState.flush();
  });

  try {
    app.engineModule = await import('./plancalc.js');
  } catch (e) {
    fail('error.engine_load', { message: sentence(e?.message ?? e) });
    return;
  }
  // The engine compiles while the price lists arrive.
  app.engineModule.preloadModule();

  try {
    const response = await fetch('plans/index.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const index = await response.json();
    if (!Array.isArray(index?.catalogs) || index.catalogs.length === 0) throw new Error('no price lists');
    app.catalogs = index.catalogs.filter((c) => c && typeof c.id === 'string' && typeof c.file === 'string');
  } catch (e) {
    fail('error.index_load', { message: sentence(e?.message ?? e) });
    return;
  }
  // Every catalog now, so that switching products later needs no request.
  await Promise.all(app.catalogs.map(async (entry) => {
    try {
      const response = await fetch(`plans/${encodeURIComponent(entry.file)}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const text = await response.text();
      app.catalogTexts.set(entry.id, { text, vendor: vendorOf(text) });
    } catch (e) {
      app.catalogTexts.set(entry.id, { error: e });
    }
  }));

  labelVendors();
  const chosen = app.catalogs.find((c) => c.id === initialState.vendor) ?? app.catalogs[0];
  ui.vendor.value = chosen.id;
  ui.vendor.disabled = false;

  ui.vendor.addEventListener('change', () => loadVendor(ui.vendor.value));
  for (const input of [ui.quantity, ui.horizon, ui.start]) input.addEventListener('input', recompute);
  ui.form.addEventListener('submit', (event) => event.preventDefault());

  await loadVendor(chosen.id);
  keepOffline();
}

/**
 * After the first answer, a service worker (service-worker.js) keeps the page,
 * the engine and the price lists, so that a reload without network still
 * computes. Where there is none (file://, a blocked or failed registration)
 * the page works as before while it stays open.
 */
function keepOffline() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register('service-worker.js').catch(() => {});
}

/** Switches the page to another language without reloading it. */
function setLanguage(lang) {
  if (!LANGUAGES.includes(lang) || lang === app.lang) return;
  app.lang = lang;
  app.locale = localeFor(lang, PREFERRED);
  app.t = createTranslator(lang);
  rememberLanguage(lang, storage);
  translateStatic();
  buildNavigation();
  labelVendors();
  if (app.info) {
    app.fmt = catalogFormatter(app.locale, app.info);
    showVendorTexts();
  }
  recompute();
}

/** Puts the language's words into the elements marked data-i18n. */
function translateStatic() {
  document.documentElement.lang = app.lang;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    if (app.t.has(el.dataset.i18n)) el.textContent = app.t(el.dataset.i18n);
  }
  document.title = app.t('page.title');
}

/** Lists the panels in the navigation once there is more than one. */
function buildNavigation() {
  ui.nav.hidden = PANELS.length < 2;
  if (ui.nav.hidden) return;
  const list = ui.nav.querySelector('ul');
  list.replaceChildren(...PANELS.map((panel) => {
    const link = document.createElement('a');
    link.href = `#${panel.sectionId}`;
    link.textContent = app.t(panel.titleKey);
    const item = document.createElement('li');
    item.append(link);
    return item;
  }));
}

function labelVendors() {
  if (app.catalogs.length === 0) return;
  const value = ui.vendor.value;
  ui.vendor.replaceChildren(...app.catalogs.map((c) => new Option(vendorLabel(c), c.id)));
  if (value) ui.vendor.value = value;
}

/**
 * A product's name in the picker: the index entry's names[lang], else the
 * catalog vendor's names[lang], else the index entry's name.
 */
function vendorLabel(entry) {
  const own = entry.names?.[app.lang];
  if (typeof own === 'string' && own) return own;
  const vendor = app.catalogTexts.get(entry.id)?.vendor;
  const translated = vendor?.names?.[app.lang];
  return typeof translated === 'string' && translated ? translated : localName(entry, app.lang);
}

/** The vendor object of a catalog's text (display names only), or null. */
function vendorOf(text) {
  try {
    const vendor = JSON.parse(text)?.vendor;
    return vendor && typeof vendor === 'object' ? vendor : null;
  } catch {
    return null; // the engine will say what is wrong when it is chosen
  }
}

/** Loads one catalog (fetched during load) into a fresh engine. */
async function loadVendor(id) {
  const token = ++app.loadToken;
  const entry = app.catalogs.find((c) => c.id === id);
  app.engine?.dispose();
  app.engine = null;
  app.info = null;
  app.loadError = null;
  app.vendorId = id;
  errors.clear();
  ui.vendorNotice.hidden = true;
  ui.linkNotice.hidden = true;
  setText(ui.resultsTitle, vendorLabel(entry));
  hidePanels(app.t('page.loading'), true);

  let engine;
  let info;
  try {
    const loaded = app.catalogTexts.get(id);
    if (!loaded || loaded.error) throw loaded?.error ?? new Error('not loaded');
    engine = await app.engineModule.createEngine(loaded.text);
    info = engine.describe();
  } catch (e) {
    engine?.dispose();
    if (token !== app.loadToken) return;
    app.loadError = { key: 'error.catalog_load', entry, error: e };
    showLoadError();
    urlState.schedule();
    return;
  }
  if (token !== app.loadToken) {
    engine.dispose();
    return;
  }

  app.engine = engine;
  app.info = info;
  app.fmt = catalogFormatter(app.locale, info);
  const fingerprint = shortFingerprint(info.catalog?.fingerprint ?? engine.fingerprint);
  app.linkChanged = Boolean(app.linkFingerprint && app.linkVendor === id && app.linkFingerprint !== fingerprint);
  app.linkFingerprint = '';
  showVendorTexts();
  for (const panel of PANELS) panel.catalogLoaded?.(host);
  recompute();
}

/** The loaded catalog's title, notices and quantity hint, in the current language. */
function showVendorTexts() {
  const info = app.info;
  setText(ui.resultsTitle, app.t('results.title', { vendor: localName(info.vendor, app.lang) }));
  // One line on screen; the vendor's note (several sentences) behind it.
  ui.vendorNotice.hidden = !info.vendor?.illustrative;
  setText(ui.vendorNoticeLine, info.vendor?.illustrative ? app.t('notice.illustrative') : '');
  setText(ui.vendorNoticeNote, info.vendor?.illustrative && info.vendor.note ? localNote(info.vendor, app.lang) : '');
  ui.vendorNoticeNote.hidden = !info.vendor?.note;
  ui.linkNotice.hidden = !app.linkChanged;
  setText(ui.linkNotice, app.linkChanged ? app.t('notice.link_changed') : '');
  setText(ui.quantityHint, app.t('field.quantity.hint', {
    units: createViewContext({ t: app.t, lang: app.lang, fmt: app.fmt, info })
      .unitName(mainUnit(info), GENERIC_PLURAL_COUNT),
  }));
}

function showLoadError() {
  const { entry, error } = app.loadError;
  const message = error?.name === 'PlanCalcError' ? errorText(error, app.t) : sentence(error?.message ?? error);
  errors.showGeneral(app.t('error.catalog_load', { name: vendorLabel(entry), message }), error?.code);
  hidePanels('');
}

/** The inputs the panels share (strings, as the URL holds them). */
function sharedInputs() {
  return {
    vendor: app.vendorId || initialState.vendor,
    quantity: ui.quantity.value,
    horizon: ui.horizon.value,
    start: ui.start.value,
  };
}

function currentState() {
  const panelState = Object.assign({}, ...PANELS.map((panel) => panel.state?.() ?? {}));
  return {
    ...sharedInputs(),
    ...panelState,
    lang: app.lang,
    fp: app.info ? shortFingerprint(app.info.catalog?.fingerprint ?? app.engine?.fingerprint) : '',
  };
}

/** Recomputes every panel for the current inputs and keeps the URL. */
function recompute() {
  urlState.schedule();
  errors.clear();
  if (app.loadError) {
    showLoadError();
    return;
  }
  if (!app.engine) return;
  panelUpdates.run();
  showInputsSummary();
}

/**
 * The folded inputs' one line (phones): what the figures are for, e.g.
 * "MailStore Server · 1 user · 36 months from Dec 7, 2026 · All periods".
 */
function showInputsSummary() {
  const ctx = host.viewContext();
  const { quantity, horizon, start } = sharedInputs();
  const parts = [localName(app.info.vendor, app.lang)];
  const count = quantity.trim() === '' ? NaN : Number(quantity);
  if (Number.isFinite(count)) parts.push(`${ctx.fmt.number(count)} ${ctx.unitName(mainUnit(app.info), count)}`);
  const months = horizon.trim() === '' ? NaN : Number(horizon);
  if (Number.isFinite(months)) {
    parts.push(parseCivilDate(start)
      ? app.t('form.months_from', { months: ctx.monthsText(months), start: ctx.fmt.date(start) })
      : ctx.monthsText(months));
  }
  const period = document.querySelector('input[name="period"]:checked');
  const periodLabel = period && document.querySelector(`label[for="${period.id}"]`);
  if (periodLabel) parts.push(periodLabel.textContent);
  setText(ui.inputsSummary, parts.join(' · '));
}

/** On a wide screen the inputs stay open beside the results; on a phone they start folded. */
function fitInputs(wide) {
  if (wide) ui.inputsDisclosure.open = true;
}

/** Shows an engine error at its field or in the general box; true when at a field. */
function showEngineError(e) {
  if (e?.name === 'PlanCalcError') return errors.show(e) !== null;
  fail('error.unexpected', { message: sentence(e?.message ?? e) });
  return false;
}

/** The printed quote's footer: when it was calculated and its link. */
function showPrintNote() {
  const fmt = app.fmt ?? new Formatter(app.locale, 'EUR', 2);
  setText(ui.printNote, app.t('print.note', { date: fmt.date(todayIso()), url: location.href }));
}

function hidePanels(message, busy = false) {
  panelUpdates.cancel();
  for (const panel of PANELS) panel.hide(host, message, busy);
}

/** A failure that stops the page: say so in the general box. */
function fail(key, args) {
  errors.showGeneral(app.t(key, args));
  hidePanels('');
}
