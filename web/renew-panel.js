// The renewal panel: what renewing support costs on a date (engine `renew`).
// Inputs: what is renewed (a product of the catalog, priced on its list
// price, or a plan), the date support ends (or the purchase date, for a
// product whose purchase includes support), the renewal date, and the shared
// quantity. Output: renew-view.js. The engine decides the window, the rate,
// the price and the term; the page only shows them.

import { h, replaceChildren, setText, updateChildren } from './dom.js';
import { parseCivilDate, todayIso } from './format.js';
import { renderRenewal, renewalSummary } from './renew-view.js';
import { hidePanelFigures, setupPanelPrint, sharedQuantity, showPanelError } from './lifecycle.js';

/** Request fields (JSON Pointer) → the panel's controls; /quantity is the shared field. */
const FIELDS = {
  '/product': 'renew-item',
  '/plan': 'renew-item',
  '/support_end': 'renew-since',
  '/purchase_date': 'renew-since',
  '/date': 'renew-date',
  '/as_of': 'renew-date',
};

/** The date input's label and hint for each basis. */
const SINCE_LABEL = { end: 'renew.field.support_end', purchase: 'renew.field.purchase_date' };
const SINCE_HINT = { end: 'renew.field.support_end.hint', purchase: 'renew.field.purchase_date.hint' };

/** @type {import('./panels.js').Panel} */
export const renewPanel = {
  id: 'renew',
  sectionId: 'renew',
  titleKey: 'panel.renew',
  urlKeys: ['renew_product', 'renew_plan', 'renew_end', 'renew_purchase', 'renew_date'],

  init(host) {
    const $ = host.$;
    this.ui = {
      section: $('renew'),
      form: $('renew-inputs'),
      item: $('renew-item'),
      basisRadios: [...host.doc.querySelectorAll('input[name="renew-basis"]')],
      since: $('renew-since'),
      sinceLabel: host.doc.querySelector('label[for="renew-since"]'),
      sinceHint: $('renew-since-hint'),
      date: $('renew-date'),
      params: $('renew-params'),
      summary: $('renew-summary'),
      details: $('renew-details'),
      body: $('renew-body'),
      printNote: $('renew-print-note'),
    };
    const s = host.initialState;
    // The item wanted by the link (or the last choice), kept across catalogs.
    this.wanted = s.renew_product ? `product:${s.renew_product}` : s.renew_plan ? `plan:${s.renew_plan}` : '';
    const basis = s.renew_purchase && !s.renew_end ? 'purchase' : 'end';
    for (const radio of this.ui.basisRadios) {
      radio.checked = radio.value === basis;
      radio.addEventListener('change', () => {
        this.showBasis();
        host.recompute();
      });
    }
    this.showBasis();
    const today = todayIso();
    this.ui.since.value = (basis === 'purchase' ? s.renew_purchase : s.renew_end) || today;
    this.ui.date.value = s.renew_date || today;
    this.ui.item.addEventListener('change', () => {
      this.wanted = this.ui.item.value;
      host.recompute();
    });
    for (const input of [this.ui.since, this.ui.date]) input.addEventListener('input', () => host.recompute());
    this.ui.form.addEventListener('submit', (event) => event.preventDefault());
    setupPanelPrint(host, this.ui.section, $('renew-print'), this.ui.printNote);
  },

  basis() {
    return this.ui.basisRadios.find((r) => r.checked)?.value ?? 'end';
  },

  /** The date field's label and hint follow the basis (translated with the page). */
  showBasis() {
    const basis = this.basis();
    this.ui.sinceLabel.dataset.i18n = SINCE_LABEL[basis];
    this.ui.sinceHint.dataset.i18n = SINCE_HINT[basis];
    if (this.t) {
      setText(this.ui.sinceLabel, this.t(SINCE_LABEL[basis]));
      setText(this.ui.sinceHint, this.t(SINCE_HINT[basis]));
    }
  },

  /** The panel's part of the URL: exactly the request's fields. */
  state() {
    const [kind, id] = splitItem(this.ui.item.options.length ? this.ui.item.value : this.wanted);
    const basis = this.basis();
    return {
      renew_product: kind === 'product' ? id : '',
      renew_plan: kind === 'plan' ? id : '',
      renew_end: basis === 'end' ? this.ui.since.value : '',
      renew_purchase: basis === 'purchase' ? this.ui.since.value : '',
      renew_date: this.ui.date.value,
    };
  },

  /** Lists the catalog's products (support on a bought product) and plans. */
  catalogLoaded(host) {
    const ctx = host.viewContext();
    const products = host.info.products ?? [];
    // A trial is converted to a paid plan, not renewed: the list leaves trials out.
    const plans = (host.info.plans ?? []).filter((p) => !p.trial);
    const groups = [];
    if (products.length) {
      groups.push(h('optgroup', { label: host.t('renew.group.products') },
        products.map((p) => new Option(ctx.productName(p.id), `product:${p.id}`))));
    }
    if (plans.length) {
      groups.push(h('optgroup', { label: host.t('renew.group.plans') },
        plans.map((p) => new Option(ctx.planName(p.id), `plan:${p.id}`))));
    }
    replaceChildren(this.ui.item, ...groups);
    const values = [...this.ui.item.options].map((o) => o.value);
    this.ui.item.value = values.includes(this.wanted) ? this.wanted : (values[0] ?? '');
    this.ui.item.disabled = values.length === 0;
    this.ui.item.dataset.lang = host.t.lang;
  },

  update(host) {
    this.t = host.t;
    this.showBasis();
    if (this.ui.item.dataset.lang !== host.t.lang) this.catalogLoaded(host); // names in the language
    const request = this.request(host);
    if (!request) {
      this.hide(host, host.t('lifecycle.fix_fields'));
      return;
    }
    let result;
    try {
      result = host.engine.renew(request);
    } catch (e) {
      showPanelError(host, e, FIELDS, (message, isError, code) => this.hide(host, message, false, isError, code));
      return;
    }
    const ctx = host.viewContext();
    setText(this.ui.params, host.t('renew.params', {
      what: splitItem(this.ui.item.value)[0] === 'product'
        ? ctx.productName(request.product) : ctx.planName(request.plan),
      quantity: ctx.fmt.number(request.quantity),
      units: ctx.unitName(host.unit(), request.quantity),
      since: host.t(this.basis() === 'purchase' ? 'renew.params.purchased' : 'renew.params.ends', {
        date: ctx.fmt.date(this.ui.since.value) }),
      date: ctx.fmt.date(request.date),
    }));
    const summary = renewalSummary(result, ctx);
    updateChildren(this.ui.summary, ...summary);
    const open = this.ui.body.querySelector('details[open]') !== null;
    renderRenewal(this.ui.body, result, ctx, { open });
    this.ui.details.hidden = false;
    this.ui.section.removeAttribute('aria-busy');
  },

  /** The renew request, or null after showing at a field why not. */
  request(host) {
    const quantity = sharedQuantity(host);
    let ok = Number.isFinite(quantity);
    for (const input of [this.ui.since, this.ui.date]) {
      if (!parseCivilDate(input.value)) {
        host.errors.showAtField(input.id, host.t('input.bad_date'), 'input_date');
        ok = false;
      }
    }
    const [kind, id] = splitItem(this.ui.item.value);
    if (!kind) {
      host.errors.showAtField('renew-item', host.t('renew.no_item'), 'input_empty');
      ok = false;
    }
    if (!ok) return null;
    const request = { [kind]: id, quantity, date: this.ui.date.value };
    if (this.basis() === 'purchase') request.purchase_date = this.ui.since.value;
    else request.support_end = this.ui.since.value;
    return request;
  },

  /** No figures (loading, no catalog, an error): says why; isError marks an engine error. */
  hide(host, message, busy = false, isError = false, code = '') {
    hidePanelFigures(this.ui, message, busy, isError, code);
  },
};

/** "product:report" → ["product", "report"]; anything else → ["", ""]. */
function splitItem(value) {
  const m = /^(product|plan):(.+)$/.exec(String(value ?? ''));
  return m ? [m[1], m[2]] : ['', ''];
}
