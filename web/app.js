// The page controller: loads the list of price lists, the engine and the
// chosen catalog; reads the inputs (and the URL), asks the engine to compare
// the plans on every change, and hands the result to the views. It never
// computes an amount itself.

import { ErrorDisplay, sentence } from './field-errors.js';
import { Formatter, parseCivilDate, todayIso } from './format.js';
import { createTranslator, localName, pickLanguage } from './i18n.js';
import { unitName } from './explain.js';
import { PERIOD_MONTHS, readState, shortFingerprint, writeState } from './state.js';
import {
  renderConventions, renderFeatures, renderSavings, renderSummary, renderTable,
} from './compare-view.js';
import { renderQuote, renderQuoteMessage } from './quote-view.js';

const DEFAULTS = { quantity: '1', horizon: '36', start: todayIso() };

const { lang, locale } = pickLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
const t = createTranslator(lang);

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('inputs'),
  vendor: $('vendor'),
  quantity: $('quantity'),
  quantityHint: $('quantity-hint'),
  horizon: $('horizon'),
  start: $('start'),
  period: $('period'),
  periodRadios: [...document.querySelectorAll('input[name="period"]')],
  results: $('results'),
  resultsTitle: $('results-title'),
  vendorNotice: $('vendor-notice'),
  linkNotice: $('link-notice'),
  params: $('params'),
  summary: $('summary'),
  details: $('results-details'),
  comparison: $('comparison'),
  savings: $('savings'),
  features: $('features'),
  conventions: $('conventions'),
};
const errors = new ErrorDisplay(document, $('general-error'));

const app = {
  engineModule: null,
  catalogs: [], // plans/index.json entries
  vendorId: '',
  engine: null,
  info: null, // the describe() result of the loaded catalog
  fmt: null,
  loadToken: 0,
  linkVendor: '', // the vendor and fingerprint a link was made with
  linkFingerprint: '',
};

main().catch((e) => fail(t('error.unexpected', { message: sentence(e?.message ?? e) })));

async function main() {
  translateStatic();
  window.addEventListener('unhandledrejection', (event) => {
    fail(t('error.unexpected', { message: sentence(event.reason?.message ?? event.reason) }));
  });

  const state = readState(location.search, DEFAULTS);
  app.linkVendor = state.vendor;
  app.linkFingerprint = state.fp;
  ui.quantity.value = state.quantity;
  ui.horizon.value = state.horizon;
  ui.start.value = state.start;
  for (const radio of ui.periodRadios) radio.checked = radio.value === state.period;
  hideResults(t('page.loading'), true);

  try {
    app.engineModule = await import('./plancalc.js');
  } catch (e) {
    fail(t('error.engine_load', { message: sentence(e?.message ?? e) }));
    return;
  }

  try {
    const response = await fetch('plans/index.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const index = await response.json();
    if (!Array.isArray(index?.catalogs) || index.catalogs.length === 0) throw new Error('no price lists');
    app.catalogs = index.catalogs.filter((c) => c && typeof c.id === 'string' && typeof c.file === 'string');
  } catch (e) {
    fail(t('error.index_load', { message: sentence(e?.message ?? e) }));
    return;
  }

  ui.vendor.replaceChildren(...app.catalogs.map((c) => new Option(localName(c, lang), c.id)));
  const chosen = app.catalogs.find((c) => c.id === state.vendor) ?? app.catalogs[0];
  ui.vendor.value = chosen.id;
  ui.vendor.disabled = false;

  ui.vendor.addEventListener('change', () => loadVendor(ui.vendor.value));
  for (const input of [ui.quantity, ui.horizon, ui.start]) input.addEventListener('input', recompute);
  for (const radio of ui.periodRadios) radio.addEventListener('change', recompute);
  ui.form.addEventListener('submit', (event) => event.preventDefault());

  await loadVendor(chosen.id);
}

/** Puts the UI language's words into the elements marked data-i18n. */
function translateStatic() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    if (t.has(el.dataset.i18n)) el.textContent = t(el.dataset.i18n);
  }
  document.title = t('page.title');
}

/** Loads one catalog into a fresh engine, then compares. */
async function loadVendor(id) {
  const token = ++app.loadToken;
  const entry = app.catalogs.find((c) => c.id === id);
  app.engine?.dispose();
  app.engine = null;
  app.info = null;
  app.vendorId = id;
  errors.clear();
  ui.vendorNotice.hidden = true;
  ui.linkNotice.hidden = true;
  ui.resultsTitle.textContent = localName(entry, lang);
  hideResults(t('page.loading'), true);

  let engine;
  let info;
  try {
    const response = await fetch(`plans/${encodeURIComponent(entry.file)}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    engine = await app.engineModule.createEngine(text);
    info = engine.describe();
  } catch (e) {
    engine?.dispose();
    if (token !== app.loadToken) return;
    errors.showGeneral(t('error.catalog_load', { name: localName(entry, lang), message: sentence(e?.message ?? e) }), e?.code);
    hideResults('');
    writeState(currentState());
    return;
  }
  if (token !== app.loadToken) {
    engine.dispose();
    return;
  }

  app.engine = engine;
  app.info = info;
  app.fmt = new Formatter(locale, info.currency, info.exponent);
  const vendorName = localName(info.vendor, lang);
  ui.resultsTitle.textContent = t('results.title', { vendor: vendorName });
  if (info.vendor?.illustrative) {
    ui.vendorNotice.replaceChildren(t('notice.illustrative'));
    if (info.vendor.note) ui.vendorNotice.append(' ', String(info.vendor.note));
    ui.vendorNotice.hidden = false;
  }
  const fingerprint = shortFingerprint(info.catalog?.fingerprint ?? engine.fingerprint);
  if (app.linkFingerprint && app.linkVendor === id && app.linkFingerprint !== fingerprint) {
    ui.linkNotice.textContent = t('notice.link_changed');
    ui.linkNotice.hidden = false;
  }
  app.linkFingerprint = '';
  setupPeriods(info);
  recompute();
}

/** Disables the billing filters this catalog has no plans for. */
function setupPeriods(info) {
  const months = new Set((info.plans ?? []).map((p) => p.billing_months));
  let checkedDisabled = false;
  for (const radio of ui.periodRadios) {
    const wanted = PERIOD_MONTHS[radio.value];
    radio.disabled = wanted !== null && !wanted.some((m) => months.has(m));
    if (radio.disabled && radio.checked) checkedDisabled = true;
  }
  if (checkedDisabled) ui.periodRadios.find((r) => r.value === 'all').checked = true;
  const unit = mainUnit(info);
  ui.quantityHint.textContent = t('field.quantity.hint', { units: unitName(unit, 2, t) });
}

/** The unit most plans count (what the quantity means). */
function mainUnit(info) {
  const counts = new Map();
  for (const plan of info.plans ?? []) counts.set(plan.unit, (counts.get(plan.unit) ?? 0) + 1);
  let best = 'unit';
  let bestCount = 0;
  for (const [unit, count] of counts) if (unit && count > bestCount) [best, bestCount] = [unit, count];
  return best;
}

function currentState() {
  return {
    vendor: app.vendorId,
    quantity: ui.quantity.value,
    horizon: ui.horizon.value,
    start: ui.start.value,
    period: ui.periodRadios.find((r) => r.checked)?.value ?? 'all',
    fp: app.info ? shortFingerprint(app.info.catalog?.fingerprint ?? app.engine?.fingerprint) : '',
  };
}

/**
 * The compare request from the inputs, or null after showing why not. Values
 * the browser can read as numbers go to the engine as they are (0, -3, 2.5):
 * the engine decides what is valid and says why.
 */
function buildRequest(state) {
  let ok = true;
  const number = (text, field) => {
    const value = text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(value)) {
      errors.showAtField(field, t('input.empty'), 'input_empty');
      ok = false;
    }
    return value;
  };
  const quantity = number(state.quantity, 'quantity');
  const horizon = number(state.horizon, 'horizon');
  if (!parseCivilDate(state.start)) {
    errors.showAtField('start', t('input.bad_date'), 'input_date');
    ok = false;
  }
  if (!ok) return null;
  const request = { quantity, start: state.start, horizon_months: horizon };
  const months = PERIOD_MONTHS[state.period];
  if (months) request.billing_months = months;
  return request;
}

/** Runs the comparison for the current inputs and shows it (or the error). */
function recompute() {
  const state = currentState();
  writeState(state);
  errors.clear();
  if (!app.engine) return;

  const request = buildRequest(state);
  if (!request) {
    hideResults(t('error.fix_fields'));
    return;
  }
  let result;
  try {
    result = app.engine.compare(request);
  } catch (e) {
    showEngineError(e);
    return;
  }
  showResults(result, request);
}

function showEngineError(e) {
  if (e?.name === 'PlanCalcError') {
    const field = errors.show(e);
    hideResults(field ? t('error.fix_fields') : '');
  } else {
    fail(t('error.unexpected', { message: sentence(e?.message ?? e) }));
  }
}

function showResults(result, request) {
  const open = new Set([...ui.comparison.querySelectorAll('details[open]')].map((d) => d.dataset.plan));
  const ctx = viewContext(request);
  const unit = mainUnit(app.info);
  ui.params.textContent = t('results.params', {
    quantity: app.fmt.number(request.quantity),
    units: unitName(unit, request.quantity, t),
    months: ctx.monthsText(result.horizon.months),
    start: app.fmt.date(result.horizon.start),
  });
  if (result.rows.length === 0) {
    hideResults(t('error.no_rows'));
    return;
  }
  renderSummary(ui.summary, result, ctx);
  renderTable(ui.comparison, result, ctx, open);
  renderSavings(ui.savings, result, ctx);
  renderFeatures(ui.features, result, ctx);
  renderConventions(ui.conventions, result, ctx);
  ui.details.hidden = false;
  ui.results.removeAttribute('aria-busy');
}

/**
 * Hides the figures (so no stale number stays on screen) and says why.
 * While a price list loads, the results are marked aria-busy.
 */
function hideResults(message, busy = false) {
  if (busy) ui.results.setAttribute('aria-busy', 'true');
  else ui.results.removeAttribute('aria-busy');
  ui.details.hidden = true;
  ui.comparison.replaceChildren();
  ui.summary.replaceChildren();
  if (message) {
    const p = document.createElement('p');
    p.className = 'summary-line muted';
    p.textContent = message;
    ui.summary.append(p);
  }
}

/** A failure that stops the page: say so in the general box. */
function fail(message) {
  errors.showGeneral(message);
  hideResults('');
}

/** Names and formatting for the views, bound to the loaded catalog. */
function viewContext(request) {
  const info = app.info;
  const tiers = new Map((info.tiers ?? []).map((x) => [x.id, x]));
  const plans = new Map((info.plans ?? []).map((x) => [x.id, x]));
  const products = new Map((info.products ?? []).map((x) => [x.id, x]));
  const periodName = (months) => t(t.has(`period.${months}`) ? `period.${months}` : 'period.n', { n: months });
  const ctx = {
    t,
    fmt: app.fmt,
    localName: (item) => localName(item, lang),
    tierName: (id) => (tiers.has(id) ? localName(tiers.get(id), lang) : id),
    productName: (id) => (products.has(id) ? localName(products.get(id), lang) : id),
    planName(id) {
      const plan = plans.get(id);
      if (!plan) return id;
      const own = localName({ name: plan.name, names: plan.names }, lang);
      return own || t('plan.name', { tier: ctx.tierName(plan.tier), period: periodName(plan.billing_months) });
    },
    periodName,
    filtered: Array.isArray(request.billing_months),
    perPeriod: (months) => t(t.has(`per_period.${months}`) ? `per_period.${months}` : 'per_period.n', { n: months }),
    monthsText: (n) => t('months', { n: app.fmt.number(n) }, { n }),
    onDetails(details, row) {
      const body = details.querySelector('.calc-body');
      renderQuoteMessage(body, t('quote.loading'));
      try {
        const quote = app.engine.quote({
          plan: row.plan,
          quantity: request.quantity,
          start: request.start,
          horizon_months: request.horizon_months,
        });
        renderQuote(body, quote, ctx);
      } catch (e) {
        renderQuoteMessage(body, t('quote.error', { message: sentence(e?.message ?? e) }), true);
      }
    },
  };
  return ctx;
}
