// <plan-calculator>: the embeddable price calculator for sales pages and
// proposals (SPEC §9). It follows github's *-element pattern: this file holds
// the class, plan-calculator-define.js registers it; attributes are mirrored
// by typed properties; attribute changes are batched in a microtask; a
// cancelable `plan-calculator-change` event precedes a change made in the
// widget and `plan-calculator-changed` follows every new result.
//
//   <plan-calculator catalog="mailstore" plan="premium-annual" quantity="25"
//                    start="2026-03-01" mode="quote" readonly></plan-calculator>
//
// It reuses the page's modules (engine wrapper, formatting, words,
// explanations, views): the engine computes every figure; the widget only
// formats and explains. Catalog strings are inserted as text, never as HTML.
// Attributes, properties and events: README.md, "The <plan-calculator> widget".

import { createEngine } from './plancalc.js';
import { h, replaceChildren } from './dom.js';
import { errorText, sentence } from './field-errors.js';
import { parseCivilDate, todayIso } from './format.js';
import { createTranslator, GENERIC_PLURAL_COUNT, localName, pickLanguage } from './i18n.js';
import { renderConventions, renderSummary, renderTable } from './compare-view.js';
import { parseNeeds } from './needs-fields.js';
import { renderComputedQuote, renderQuote } from './quote-view.js';
import { catalogFormatter, createViewContext, mainUnit } from './view-context.js';
import { planCalculatorStyles } from './plan-calculator-styles.js';

const MODES = ['compare', 'quote'];
const DEFAULT_HORIZON = 36;
/** A catalog attribute that is an id ("mailstore"), not a URL or "#element-id". */
const CATALOG_ID = /^[a-z0-9_-]{1,64}$/;

/**
 * The event of both `plan-calculator-change` (cancelable, before a change
 * made in the widget; canceling it reverts the control) and
 * `plan-calculator-changed` (after the new result is computed). Both bubble
 * and cross shadow roots (composed).
 */
export class PlanCalculatorChangeEvent extends Event {
  constructor(type, detail, { cancelable = false } = {}) {
    super(type, { bubbles: true, composed: true, cancelable });
    /** {mode, plan, quantity, start, horizon, ...}; see README.md. */
    this.detail = detail;
  }
}

/** `plan-calculator-error`: the catalog or a request was rejected. */
export class PlanCalculatorErrorEvent extends Event {
  constructor(error) {
    super('plan-calculator-error', { bubbles: true, composed: true });
    /** {code, message, path, source} as the engine gave it. */
    this.detail = {
      code: error?.code ?? 'load_failed',
      message: String(error?.message ?? error),
      path: error?.path ?? '',
      source: error?.source ?? '',
    };
  }
}

export class PlanCalculatorElement extends HTMLElement {
  /**
   * Registers the element; plan-calculator-define.js calls it.
   * @returns {typeof PlanCalculatorElement}
   */
  static define(tag = 'plan-calculator', registry = customElements) {
    registry.define(tag, this);
    return this;
  }

  static get observedAttributes() {
    return ['catalog', 'plan', 'quantity', 'start', 'horizon', 'locale', 'mode', 'readonly', 'needs'];
  }

  /**
   * Options for createEngine (plancalc.js). The single-file build
   * (scripts/bundle-widget.mjs) sets {moduleFactory} to its inlined engine;
   * as ES modules the engine is loaded from ./generated/ beside plancalc.js.
   */
  static engineOptions = {};

  /**
   * Catalog texts by id, bundled into the single-file build from plans/
   * (so catalog="mailstore" works from file:// too). Empty in the ES module
   * version, where an id is looked up in catalogIndex.
   * @type {Record<string, string>}
   */
  static catalogs = {};

  /** Where an id not bundled is looked up (resolved against the document). */
  static catalogIndex = 'plans/index.json';

  #engine = null;
  #info = null;
  #catalogKey = null; // what the loaded (or loading) catalog came from
  #catalogText = null;
  #loadToken = 0;
  #loadError = null;
  #loadErrorKey = 'widget.catalog_error';
  #catalogData = null;
  #result = null;
  #pending = false;
  #structureKey = '';
  #ui = null;
  #childObserver = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [planCalculatorStyles()];
    const container = h('section', { part: 'container', class: 'container' });
    this.#ui = {
      container,
      header: h('header', { part: 'header', class: 'header' }),
      controls: h('form', { part: 'controls', class: 'controls', novalidate: true }),
      inputs: h('dl', { part: 'inputs', class: 'inputs' }),
      total: h('div', { part: 'total', class: 'total', role: 'status', 'aria-live': 'polite' }),
      error: h('p', { part: 'error', class: 'error', role: 'alert', hidden: true }),
      details: h('div', { part: 'details', class: 'details' }),
      footnote: h('p', { part: 'footnote', class: 'footnote' }),
    };
    this.#ui.controls.addEventListener('submit', (event) => event.preventDefault());
    container.append(this.#ui.header, this.#ui.controls, this.#ui.inputs, this.#ui.total,
      this.#ui.error, this.#ui.details, this.#ui.footnote);
    root.append(container);
  }

  // --- Properties mirroring the attributes --------------------------------

  /** Where the catalog comes from: an id, a URL, or "#id" of a JSON <script>. */
  get catalog() { return this.getAttribute('catalog') ?? ''; }
  set catalog(value) { this.setAttribute('catalog', String(value)); }

  /** The plan quoted in `quote` mode (default: the catalog's first plan). */
  get plan() { return this.getAttribute('plan') ?? ''; }
  set plan(value) { this.setAttribute('plan', String(value)); }

  /** Seats, users or licences (default 1). */
  get quantity() {
    const text = this.getAttribute('quantity');
    const value = text === null || text.trim() === '' ? NaN : Number(text);
    return Number.isFinite(value) ? value : 1;
  }
  set quantity(value) { this.setAttribute('quantity', String(value)); }

  /** First day of support, YYYY-MM-DD (default: today, local time). */
  get start() { return this.getAttribute('start') || todayIso(); }
  set start(value) { this.setAttribute('start', String(value)); }

  /** Months of charges added up (default 36). */
  get horizon() {
    const text = this.getAttribute('horizon');
    const value = text === null || text.trim() === '' ? NaN : Number(text);
    return Number.isFinite(value) ? value : DEFAULT_HORIZON;
  }
  set horizon(value) { this.setAttribute('horizon', String(value)); }

  /** BCP 47 tag; '' = the closest ancestor's lang, else the browser's. */
  get locale() { return this.getAttribute('locale') ?? ''; }
  set locale(value) { this.setAttribute('locale', String(value)); }

  /** 'compare' (every plan, default) or 'quote' (one plan, line by line). */
  get mode() {
    const mode = this.getAttribute('mode');
    return MODES.includes(mode) ? mode : 'compare';
  }
  set mode(value) { this.setAttribute('mode', String(value)); }

  /**
   * What the customer needs, in compare mode: "features=phone;first=4h;uptime=99.9"
   * (README.md). The widget then recommends the cheapest plan that gives it all.
   */
  get needs() { return this.getAttribute('needs') ?? ''; }
  set needs(value) { this.setAttribute('needs', String(value)); }

  /** Shows the inputs as text: the quote cannot be changed. */
  get readOnly() { return this.hasAttribute('readonly'); }
  set readOnly(value) { this.toggleAttribute('readonly', Boolean(value)); }

  /**
   * The catalog itself (an object or JSON text), instead of `catalog`; for
   * scripts. Not an attribute.
   */
  get catalogData() { return this.#catalogData; }
  set catalogData(value) {
    this.#catalogData = value ?? null;
    this.#schedule();
  }

  /** The last result (the engine's quote or compare result), or null. */
  get result() { return this.#result; }

  // --- Life cycle ---------------------------------------------------------------

  connectedCallback() {
    // An inline catalog (a JSON <script> child) can change later: follow it.
    this.#childObserver ??= new MutationObserver(() => {
      if (this.#catalogSource()?.key !== this.#catalogKey) this.#schedule();
    });
    this.#childObserver.observe(this, { childList: true, subtree: true, characterData: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#childObserver?.disconnect();
    // Free the engine; a later connect reuses the catalog text already loaded.
    this.#engine?.dispose();
    this.#engine = null;
    this.#info = null;
    this.#catalogKey = null;
    this.#loadToken++;
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue) this.#schedule();
  }

  /**
   * Batches attribute changes: one update per microtask. While the document
   * is still being parsed, waits for it, so the element's children (an
   * inline catalog) and an element named by catalog="#id" are complete.
   */
  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    const run = () => {
      this.#pending = false;
      if (this.isConnected) this.#update();
    };
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => queueMicrotask(run), { once: true });
    } else {
      queueMicrotask(run);
    }
  }

  #language() {
    const tag = this.locale || this.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en';
    return pickLanguage([tag]);
  }

  // --- Loading the catalog ------------------------------------------------------

  /** Where the catalog comes from now: {key, load()}. */
  #catalogSource() {
    if (this.#catalogData !== null) {
      const text = typeof this.#catalogData === 'string' ? this.#catalogData : JSON.stringify(this.#catalogData);
      return { key: `data:${text}`, load: async () => text };
    }
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) {
      const text = inline.textContent;
      return { key: `inline:${text}`, load: async () => text };
    }
    const ref = this.catalog.trim();
    if (!ref) return null;
    if (ref.startsWith('#')) {
      const script = this.getRootNode().getElementById?.(ref.slice(1));
      const text = script?.textContent ?? null;
      return { key: `element:${ref}:${text}`, load: async () => {
        if (text === null) throw new Error(`no element ${ref}`);
        return text;
      } };
    }
    const Element = this.constructor;
    if (CATALOG_ID.test(ref)) {
      if (Object.prototype.hasOwnProperty.call(Element.catalogs, ref)) {
        return { key: `bundled:${ref}`, load: async () => Element.catalogs[ref] };
      }
      const indexUrl = new URL(Element.catalogIndex, document.baseURI);
      return { key: `index:${indexUrl}:${ref}`, load: async () => {
        const index = JSON.parse(await fetchText(indexUrl));
        const entry = (index?.catalogs ?? []).find((c) => c?.id === ref && typeof c.file === 'string');
        if (!entry) throw new Error(`no price list '${ref}' in ${indexUrl}`);
        return fetchText(new URL(entry.file, indexUrl));
      } };
    }
    const url = new URL(ref, document.baseURI);
    return { key: `url:${url}`, load: () => fetchText(url) };
  }

  async #update() {
    const source = this.#catalogSource();
    if (!source) {
      this.#replaceEngine(null);
      this.#showMessage('widget.no_catalog');
      return;
    }
    if (source.key !== this.#catalogKey) {
      await this.#load(source);
      return; // #load calls #compute when done
    }
    this.#compute();
  }

  async #load(source) {
    const token = ++this.#loadToken;
    this.#catalogKey = source.key;
    this.#replaceEngine(null);
    this.#loadError = null;
    this.#showMessage('widget.loading');
    let engine = null;
    let starting = false;
    try {
      const text = source.key === this.#catalogText?.key ? this.#catalogText.text : await source.load();
      if (token !== this.#loadToken) return;
      this.#catalogText = { key: source.key, text };
      starting = true;
      engine = await createEngine(text, this.constructor.engineOptions);
      if (token !== this.#loadToken) {
        engine.dispose();
        return;
      }
      this.#replaceEngine(engine, engine.describe());
    } catch (e) {
      engine?.dispose();
      if (token !== this.#loadToken) return;
      this.#loadError = e;
      // createEngine rejects a catalog with a PlanCalcError; anything else
      // there is the engine failing to start (e.g. its .wasm could not be unpacked).
      this.#loadErrorKey = starting && e?.name !== 'PlanCalcError' ? 'error.engine_load' : 'widget.catalog_error';
      this.#showLoadError();
      this.dispatchEvent(new PlanCalculatorErrorEvent(e));
      return;
    }
    this.#compute();
  }

  #replaceEngine(engine, info = null) {
    if (this.#engine && this.#engine !== engine) this.#engine.dispose();
    this.#engine = engine;
    this.#info = info;
    this.#structureKey = '';
  }

  // --- Computing and rendering --------------------------------------------------

  #context() {
    const { lang, locale } = this.#language();
    const t = createTranslator(lang);
    const fmt = catalogFormatter(locale, this.#info);
    return { lang, locale, t, ctx: createViewContext({ t, lang, fmt, info: this.#info }) };
  }

  #compute() {
    if (!this.#engine) {
      if (this.#loadError) this.#showLoadError();
      return;
    }
    const { lang, t, ctx } = this.#context();
    this.#ui.container.setAttribute('aria-label', t('widget.label'));
    this.#ui.container.setAttribute('lang', lang);
    this.#renderHeader(ctx);
    this.#renderControls(ctx);
    this.#ui.error.hidden = true;
    this.#ui.error.textContent = '';

    const mode = this.mode;
    const request = { quantity: this.quantity, start: this.start, horizon_months: this.horizon };
    if (mode === 'quote') request.plan = this.plan || this.#info.plans?.[0]?.id || '';
    if (mode === 'compare') {
      const { needs, problem } = parseNeeds(this.needs);
      if (problem) {
        this.#result = null;
        const error = { code: 'unreadable_needs', message: `cannot read "${problem}" in the needs attribute`, path: '' };
        this.#showError(t('widget.needs_unreadable', { part: problem }));
        this.dispatchEvent(new PlanCalculatorErrorEvent(error));
        return;
      }
      if (needs) request.needs = needs;
    }
    let result;
    try {
      result = mode === 'quote' ? this.#engine.quote(request) : this.#engine.compare(request);
    } catch (e) {
      this.#result = null;
      // A plan the vendor prices individually is a state, not a fault: say whom to ask.
      if (e?.code === 'price_on_request' && mode === 'quote') {
        this.#renderOnRequest(request, ctx);
        return;
      }
      this.#showError(e?.name === 'PlanCalcError' ? errorText(e, t) : sentence(e?.message ?? e));
      this.dispatchEvent(new PlanCalculatorErrorEvent(e));
      return;
    }
    this.#result = result;
    if (mode === 'quote') this.#renderQuote(result, request, ctx);
    else this.#renderCompare(result, request, ctx);
    renderConventions(this.#ui.footnote, result, ctx);
    this.dispatchEvent(new PlanCalculatorChangeEvent('plan-calculator-changed',
      this.#changedDetail(mode, request, result)));
  }

  #changedDetail(mode, request, result) {
    const detail = {
      mode,
      plan: request.plan ?? '',
      quantity: request.quantity,
      start: request.start,
      horizon: request.horizon_months,
      currency: result.conventions?.currency ?? this.#info.currency,
      result,
    };
    if (mode === 'quote') {
      detail.totals = {
        first_period: result.first_period.total,
        per_month: result.effective_per_month.amount,
        horizon: result.horizon.total,
      };
    } else {
      detail.cheapest = result.cheapest?.plan ?? '';
      // With needs: the cheapest plan that gives them all ('' when none does).
      if (result.recommendation !== undefined) detail.recommended = result.recommendation?.plan ?? '';
      detail.totals = Object.fromEntries(result.rows.filter((row) => !row.error).map((row) => [row.plan, {
        first_period: row.first_period_total,
        per_month: row.effective_per_month,
        horizon: row.horizon_total,
      }]));
    }
    return detail;
  }

  #renderHeader(ctx) {
    const vendor = this.#info.vendor ?? {};
    replaceChildren(this.#ui.header,
      h('p', { part: 'vendor', class: 'vendor', text: localName(vendor, ctx.lang) }),
      vendor.illustrative && h('p', { part: 'notice', class: 'notice', text: ctx.t('notice.illustrative') }));
  }

  /**
   * The inputs: labelled native controls, or (readonly) a description list.
   * Rebuilt only when what they show changes, so typing keeps its focus.
   */
  #renderControls(ctx) {
    const { controls, inputs } = this.#ui;
    const mode = this.mode;
    const unit = this.#unit();
    const key = [mode, this.readOnly, ctx.lang, unit, this.#catalogKey].join('|');
    if (this.readOnly) {
      controls.hidden = true;
      inputs.hidden = false;
      replaceChildren(inputs,
        mode === 'quote' && this.#term(ctx.t('widget.plan'), ctx.planName(this.plan || this.#info.plans?.[0]?.id || '')),
        this.#term(ctx.t('widget.quantity'),
          `${ctx.fmt.number(this.quantity)} ${ctx.unitName(unit, this.quantity)}`),
        this.#term(ctx.t('widget.start'), ctx.fmt.date(this.start)));
      this.#structureKey = key;
      return;
    }
    inputs.hidden = true;
    controls.hidden = false;
    if (key !== this.#structureKey) {
      this.#structureKey = key;
      const fields = [];
      if (mode === 'quote') {
        const select = h('select', { id: 'plan', name: 'plan', part: 'plan' },
          (this.#info.plans ?? []).map((plan) => h('option', { value: plan.id, text: ctx.planName(plan.id) })));
        select.addEventListener('change', () => this.#userChange('plan', select.value, select));
        fields.push(this.#field('plan', ctx.t('widget.plan'), select));
      }
      const quantity = h('input', { id: 'quantity', name: 'quantity', part: 'quantity', type: 'number',
        inputmode: 'numeric', min: '1', step: '1', 'aria-describedby': 'quantity-hint' });
      quantity.addEventListener('input', () => {
        const text = quantity.value.trim();
        const value = text === '' ? NaN : Number(text);
        if (!Number.isFinite(value)) {
          this.#showError(ctx.t('input.empty'));
          return;
        }
        this.#userChange('quantity', value, quantity);
      });
      fields.push(this.#field('quantity', ctx.t('widget.quantity'), quantity,
        h('span', { id: 'quantity-hint', class: 'hint',
          text: ctx.t('field.quantity.hint', { units: ctx.unitName(unit, GENERIC_PLURAL_COUNT) }) })));
      const start = h('input', { id: 'start', name: 'start', part: 'start', type: 'date' });
      start.addEventListener('input', () => {
        if (!parseCivilDate(start.value)) {
          this.#showError(ctx.t('input.bad_date'));
          return;
        }
        this.#userChange('start', start.value, start);
      });
      fields.push(this.#field('start', ctx.t('widget.start'), start));
      replaceChildren(controls, ...fields);
    }
    this.#syncControls();
  }

  #field(id, label, control, hint = null) {
    return h('div', { class: 'field' }, h('label', { for: id, text: label }), control, hint);
  }

  #term(name, value) {
    return h('div', { class: 'term' }, h('dt', { text: name }), h('dd', { text: value }));
  }

  /** Puts the properties' values into the controls (without moving focus). */
  #syncControls() {
    const set = (name, value) => {
      const control = this.#ui.controls.elements.namedItem(name);
      if (control && control.value !== value) control.value = value;
    };
    if (this.mode === 'quote') set('plan', this.plan || this.#info.plans?.[0]?.id || '');
    const quantity = this.#ui.controls.elements.namedItem('quantity');
    if (quantity && Number(quantity.value) !== this.quantity) quantity.value = String(this.quantity);
    set('start', this.start);
  }

  /**
   * A change made in the widget: announce it with a cancelable
   * `plan-calculator-change`; if nobody cancels it, take it (the attribute
   * changes, the result is recomputed), else put the control back.
   */
  #userChange(field, value, control) {
    const current = {
      plan: this.plan || this.#info?.plans?.[0]?.id || '',
      quantity: this.quantity,
      start: this.start,
    };
    const detail = { mode: this.mode, field, ...current, horizon: this.horizon, [field]: value };
    const event = new PlanCalculatorChangeEvent('plan-calculator-change', detail, { cancelable: true });
    if (!this.dispatchEvent(event)) {
      control.value = String(current[field]);
      this.#ui.error.hidden = true;
      return;
    }
    this[field] = value;
    this.#schedule(); // also when the value is unchanged (after a cleared field)
  }

  #unit() {
    if (this.mode === 'quote') {
      const plan = (this.#info.plans ?? []).find((p) => p.id === (this.plan || this.#info.plans?.[0]?.id));
      if (plan?.unit) return plan.unit;
    }
    return mainUnit(this.#info);
  }

  #renderQuote(quote, request, ctx) {
    const months = quote.plan?.billing_months ?? ctx.plan(request.plan)?.billing_months ?? 12;
    replaceChildren(this.#ui.total, h('p', { class: 'total-line' },
      h('span', { class: 'total-what', text: ctx.t('widget.summary', {
        plan: ctx.planName(quote.plan?.id ?? request.plan),
        quantity: ctx.fmt.number(quote.quantity),
        units: ctx.unitName(quote.plan?.unit ?? this.#unit(), quote.quantity),
        total: ctx.fmt.money(quote.first_period.total),
        per_period: ctx.perPeriod(months),
      }) })));
    this.#ui.total.querySelector('.total-line').dataset.total = quote.first_period.total;
    renderQuote(this.#ui.details, quote, ctx);
  }

  #renderOnRequest(request, ctx) {
    replaceChildren(this.#ui.total, h('p', { class: 'total-line on-request', 'data-code': 'price_on_request',
      text: ctx.t('widget.on_request', { plan: ctx.planName(request.plan), vendor: localName(this.#info.vendor ?? {}, ctx.lang) }) }));
    this.#ui.details.replaceChildren();
    this.#ui.footnote.replaceChildren();
    this.dispatchEvent(new PlanCalculatorChangeEvent('plan-calculator-changed', {
      mode: 'quote', plan: request.plan, quantity: request.quantity, start: request.start, horizon: request.horizon_months,
      currency: this.#info.currency, on_request: true, totals: null, result: null,
    }));
  }

  #renderCompare(result, request, ctx) {
    ctx.vendorName = localName(this.#info.vendor ?? {}, ctx.lang);
    renderSummary(this.#ui.total, result, ctx);
    ctx.onDetails = (details, row) => renderComputedQuote(details.querySelector('.calc-body'),
      () => this.#engine.quote({ ...request, plan: row.plan }), ctx);
    renderTable(this.#ui.details, result, ctx);
  }

  #showMessage(key) {
    const t = createTranslator(this.#language().lang);
    this.#ui.container.setAttribute('aria-label', t('widget.label'));
    replaceChildren(this.#ui.total, h('p', { class: 'muted', text: t(key) }));
    this.#ui.details.replaceChildren();
    this.#ui.footnote.replaceChildren();
  }

  #showLoadError() {
    const e = this.#loadError;
    const t = createTranslator(this.#language().lang);
    const message = e?.name === 'PlanCalcError' ? errorText(e, t) : sentence(e?.message ?? e);
    this.#ui.total.replaceChildren();
    this.#ui.details.replaceChildren();
    this.#ui.footnote.replaceChildren();
    this.#showError(t(this.#loadErrorKey, { message }));
  }

  /** An error instead of figures (no stale number stays on screen). */
  #showError(message) {
    this.#ui.error.textContent = message;
    this.#ui.error.hidden = false;
    this.#ui.total.replaceChildren();
    this.#ui.details.replaceChildren();
  }
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  return response.text();
}
