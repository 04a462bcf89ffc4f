// The comparison panel: every tier × billing period for the visitor's
// situation (engine `compare`), the cheapest plan with the reason, the
// savings of longer billing periods and the features of each tier; a row
// opens its `quote`. It reads the shared inputs through the host (app.js)
// and owns the billing filter (all / monthly / annual) and the expected
// usage and customer context (usage-fields.js): the totals then include
// overage and discounts, with the cheapest's reasons and the break-even
// usage between adjacent tiers; and what the customer needs
// (needs-fields.js): the engine then recommends the cheapest plan that gives
// it and says what the others miss.

import { setText } from './dom.js';
import { localName } from './i18n.js';
import { parseCivilDate } from './format.js';
import { PERIOD_MONTHS } from './state.js';
import {
  renderBreakEven, renderConventions, renderFeatures, renderSavings, renderSummary, renderTable,
} from './compare-view.js';
import { renderComputedQuote } from './quote-view.js';
import { NEEDS_URL_KEYS, NeedsFields } from './needs-fields.js';
import { USAGE_URL_KEYS, UsageFields } from './usage-fields.js';

/** @type {import('./panels.js').Panel} */
export const comparePanel = {
  id: 'compare',
  sectionId: 'results',
  titleKey: 'panel.compare',
  urlKeys: [...USAGE_URL_KEYS, ...NEEDS_URL_KEYS],

  init(host) {
    this.ui = {
      section: host.$('results'),
      periodRadios: [...host.doc.querySelectorAll('input[name="period"]')],
      params: host.$('params'),
      summary: host.$('summary'),
      details: host.$('results-details'),
      comparison: host.$('comparison'),
      savings: host.$('savings'),
      features: host.$('features'),
      conventions: host.$('conventions'),
      usageParams: host.$('usage-params'),
      breakEvenPanel: host.$('break-even-panel'),
      breakEven: host.$('break-even'),
    };
    this.usage = new UsageFields(host, host.$('usage'), host.$('usage-list'), () => host.recompute());
    this.needs = new NeedsFields(host, host.$('needs'), host.$('needs-list'), () => host.recompute());
    for (const radio of this.ui.periodRadios) {
      radio.checked = radio.value === host.initialState.period;
      radio.addEventListener('change', () => host.recompute());
    }
  },

  /** The panel's part of the URL state. */
  state() {
    return {
      period: this.ui.periodRadios.find((r) => r.checked)?.value ?? 'all', ...this.usage.state(), ...this.needs.state(),
    };
  },

  /** Disables the billing filters the loaded catalog has no plans for. */
  catalogLoaded(host) {
    const months = new Set((host.info.plans ?? []).map((p) => p.billing_months));
    let checkedDisabled = false;
    for (const radio of this.ui.periodRadios) {
      const wanted = PERIOD_MONTHS[radio.value];
      radio.disabled = wanted !== null && !wanted.some((m) => months.has(m));
      if (radio.disabled && radio.checked) checkedDisabled = true;
    }
    if (checkedDisabled) this.ui.periodRadios.find((r) => r.value === 'all').checked = true;
    this.usage.build(host.info, host);
    this.needs.build(host.info, host);
  },

  /** Compares the plans for the current inputs and shows the result (or why not). */
  update(host) {
    const state = { ...host.inputs(), ...this.state() };
    this.usage.label(host);
    this.needs.label(host);
    const request = buildRequest(state, host);
    const usage = this.usage.requestParts(host);
    if (request && usage) Object.assign(request, usage);
    const needs = this.needs.requestPart();
    if (request && needs) request.needs = needs;
    if (!request || !usage) {
      this.hide(host, host.t('error.fix_fields'));
      return;
    }
    let result;
    try {
      result = host.engine.compare(request);
    } catch (e) {
      const atField = e?.name === 'PlanCalcError'
        ? host.errors.show(e, undefined, this.usage.errorFields()) !== null
        : host.showEngineError(e);
      this.hide(host, atField ? host.t('error.fix_fields') : '');
      return;
    }
    this.show(host, result, request);
  },

  show(host, result, request) {
    const { ui } = this;
    const ctx = host.viewContext();
    ctx.filtered = Array.isArray(request.billing_months);
    ctx.vendorName = localName(host.info.vendor, host.t.lang);
    ctx.onDetails = (details, row) => showQuote(details, row, request, host, ctx);
    setText(ui.params, host.t('results.params', {
      quantity: ctx.fmt.number(request.quantity),
      units: ctx.unitName(host.unit(), request.quantity),
      months: ctx.monthsText(result.horizon.months),
      start: ctx.fmt.date(result.horizon.start),
    }));
    const usageText = this.usage.describe(request, host);
    setText(ui.usageParams, usageText);
    ui.usageParams.hidden = !usageText;
    if (result.rows.length === 0) {
      this.hide(host, host.t('error.no_rows'));
      return;
    }
    renderSummary(ui.summary, result, ctx);
    renderTable(ui.comparison, result, ctx);
    renderSavings(ui.savings, result, ctx);
    ui.breakEvenPanel.hidden = !renderBreakEven(ui.breakEven, result, ctx);
    // The features matrix is the catalog's alone: drawn again only when it or
    // the language changed, not on every keystroke.
    const features = JSON.stringify([result.tiers, result.features]);
    if (features !== this.featuresShown || host.t !== this.featuresTranslator) {
      renderFeatures(ui.features, result, ctx);
      this.featuresShown = features;
      this.featuresTranslator = host.t;
    }
    renderConventions(ui.conventions, result, ctx);
    ui.details.hidden = false;
    ui.section.removeAttribute('aria-busy');
  },

  /**
   * Hides the figures (so no stale number stays on screen) and says why.
   * While a price list loads, the results are marked aria-busy.
   */
  hide(host, message, busy = false) {
    const { ui } = this;
    if (busy) ui.section.setAttribute('aria-busy', 'true');
    else ui.section.removeAttribute('aria-busy');
    ui.details.hidden = true;
    ui.comparison.replaceChildren();
    ui.summary.replaceChildren();
    ui.usageParams.hidden = true;
    if (message) {
      const p = host.doc.createElement('p');
      p.className = 'summary-line muted';
      p.textContent = message;
      ui.summary.append(p);
    }
  },
};

/**
 * The compare request from the inputs, or null after showing why not. Values
 * the browser can read as numbers go to the engine as they are (0, -3, 2.5):
 * the engine decides what is valid and says why.
 */
function buildRequest(state, host) {
  let ok = true;
  const number = (text, field) => {
    const value = text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(value)) {
      host.errors.showAtField(field, host.t('input.empty'), 'input_empty');
      ok = false;
    }
    return value;
  };
  const quantity = number(state.quantity, 'quantity');
  const horizon = number(state.horizon, 'horizon');
  if (!parseCivilDate(state.start)) {
    host.errors.showAtField('start', host.t('input.bad_date'), 'input_date');
    ok = false;
  }
  if (!ok) return null;
  const request = { quantity, start: state.start, horizon_months: horizon };
  const months = PERIOD_MONTHS[state.period];
  if (months) request.billing_months = months;
  return request;
}

/** Fills an opened row with the plan's quote and its explanations. */
function showQuote(details, row, request, host, ctx) {
  renderComputedQuote(details.querySelector('.calc-body'), () => host.engine.quote({
    plan: row.plan,
    quantity: request.quantity,
    start: request.start,
    horizon_months: request.horizon_months,
    ...(request.usage && { usage: request.usage }),
    ...(request.context && { context: request.context }),
  }), ctx);
}
