// The change / cancel / add licences panel: what happens to a running
// contract on a date (engine `change`, `cancel`, `add_licenses`). Inputs: the
// current plan, the first day of its current run of terms (and, when the
// plan does not imply it, the day support ends), the date, and the action:
// change to another plan (upgrade / downgrade), cancel, or add licences. The
// quantity is the shared field. The engine decides whether the change is
// allowed, from when, and every amount; change-view.js shows them.

import { setText, updateChildren } from './dom.js';
import { parseCivilDate, todayIso } from './format.js';
import { addView, cancelView, changeView, supportInactiveView } from './change-view.js';
import { hidePanelFigures, setupPanelPrint, sharedQuantity, showPanelError } from './lifecycle.js';

const ACTIONS = ['change', 'cancel', 'add'];

/** Request fields (JSON Pointer) → the panel's controls; /quantity is the shared field. */
const FIELDS = {
  '/plan': 'change-plan',
  '/start': 'change-start',
  '/support_end': 'change-end',
  '/date': 'change-date',
  '/as_of': 'change-date',
  '/target': 'change-target',
  '/add': 'change-add',
};

/** @type {import('./panels.js').Panel} */
export const changePanel = {
  id: 'change',
  sectionId: 'change',
  titleKey: 'panel.change',
  urlKeys: ['change_plan', 'change_start', 'change_end', 'change_date', 'change_action', 'change_target', 'change_add'],

  init(host) {
    const $ = host.$;
    this.ui = {
      section: $('change'),
      form: $('change-inputs'),
      plan: $('change-plan'),
      start: $('change-start'),
      end: $('change-end'),
      date: $('change-date'),
      actionRadios: [...host.doc.querySelectorAll('input[name="change-action"]')],
      target: $('change-target'),
      targetField: $('change-target-field'),
      add: $('change-add'),
      addField: $('change-add-field'),
      params: $('change-params'),
      summary: $('change-summary'),
      details: $('change-details'),
      body: $('change-body'),
      printNote: $('change-print-note'),
    };
    const s = host.initialState;
    this.wanted = { plan: s.change_plan, target: s.change_target };
    const action = ACTIONS.includes(s.change_action) ? s.change_action : 'change';
    for (const radio of this.ui.actionRadios) {
      radio.checked = radio.value === action;
      radio.addEventListener('change', () => {
        this.showAction();
        host.recompute();
      });
    }
    this.showAction();
    const today = todayIso();
    this.ui.start.value = s.change_start || host.initialState.start || today;
    this.ui.end.value = s.change_end;
    this.ui.date.value = s.change_date || today;
    this.ui.add.value = s.change_add || '1';
    this.ui.plan.addEventListener('change', () => {
      this.wanted.plan = this.ui.plan.value;
      host.recompute();
    });
    this.ui.target.addEventListener('change', () => {
      this.wanted.target = this.ui.target.value;
      host.recompute();
    });
    for (const input of [this.ui.start, this.ui.end, this.ui.date, this.ui.add]) {
      input.addEventListener('input', () => host.recompute());
    }
    this.ui.form.addEventListener('submit', (event) => event.preventDefault());
    setupPanelPrint(host, this.ui.section, $('change-print'), this.ui.printNote);
  },

  action() {
    return this.ui.actionRadios.find((r) => r.checked)?.value ?? 'change';
  },

  /** Only the action's own control is shown: the new plan, or how many to add. */
  showAction() {
    const action = this.action();
    this.ui.targetField.hidden = action !== 'change';
    this.ui.addField.hidden = action !== 'add';
  },

  /** The panel's part of the URL: its inputs as typed (the action's own only). */
  state() {
    const ready = this.ui.plan.options.length > 0;
    const action = this.action();
    return {
      change_plan: ready ? this.ui.plan.value : this.wanted.plan,
      change_start: this.ui.start.value,
      change_end: this.ui.end.value,
      change_date: this.ui.date.value,
      change_action: action,
      change_target: action === 'change' ? (ready ? this.ui.target.value : this.wanted.target) : '',
      change_add: action === 'add' ? this.ui.add.value : '',
    };
  },

  /** Lists the catalog's plans as the current plan and as the plan to change to. */
  catalogLoaded(host) {
    const ctx = host.viewContext();
    const plans = host.info.plans ?? [];
    const fill = (select, wanted, fallback) => {
      select.replaceChildren(...plans.map((p) => new Option(ctx.planName(p.id), p.id)));
      const ids = plans.map((p) => p.id);
      select.value = ids.includes(wanted) ? wanted : fallback(ids);
      select.disabled = ids.length === 0;
    };
    fill(this.ui.plan, this.wanted.plan, (ids) => ids.find((id) => !plans.find((p) => p.id === id).trial) ?? ids[0] ?? '');
    // By default the plan after the current one in the catalog's order.
    fill(this.ui.target, this.wanted.target, (ids) => ids[(ids.indexOf(this.ui.plan.value) + 1) % ids.length] ?? '');
    this.lang = host.t.lang;
  },

  update(host) {
    if (this.lang !== host.t.lang) this.catalogLoaded(host); // plan names in the language
    const action = this.action();
    const request = this.request(host, action);
    if (!request) {
      this.hide(host, host.t('lifecycle.fix_fields'));
      return;
    }
    const ctx = host.viewContext();
    const open = this.ui.body.querySelector('details[open]') !== null;
    let view;
    try {
      if (action === 'change') view = changeView(host.engine.change(request), ctx, { open });
      else if (action === 'cancel') view = cancelView(host.engine.cancel(request), ctx, { open });
      else view = addView(host.engine.addLicenses(request), ctx, (n) => ctx.unitName(host.unit(), n), { open });
    } catch (e) {
      if (e?.name === 'PlanCalcError' && e.code === 'support_inactive') {
        view = supportInactiveView(e, ctx, { open });
      } else {
        showPanelError(host, e, FIELDS, (message, isError, code) => this.hide(host, message, false, isError, code));
        return;
      }
    }
    setText(this.ui.params, host.t(`change.params.${action}`, {
      plan: ctx.planName(request.plan),
      quantity: ctx.fmt.number(request.quantity),
      units: ctx.unitName(host.unit(), request.quantity),
      start: ctx.fmt.date(request.start),
      date: ctx.fmt.date(request.date),
      target: request.target ? ctx.planName(request.target) : '',
      add: ctx.fmt.number(request.add ?? ''),
    }, { quantity: request.quantity, add: request.add }));
    updateChildren(this.ui.summary, ...view.summary);
    updateChildren(this.ui.body, ...view.body);
    this.ui.details.hidden = false;
    this.ui.section.removeAttribute('aria-busy');
  },

  /** The request for the action, or null after showing at a field why not. */
  request(host, action) {
    const quantity = sharedQuantity(host);
    let ok = Number.isFinite(quantity);
    for (const input of [this.ui.start, this.ui.date]) {
      if (!parseCivilDate(input.value)) {
        host.errors.showAtField(input.id, host.t('input.bad_date'), 'input_date');
        ok = false;
      }
    }
    // The support end is optional: empty means "as the plan implies".
    if (this.ui.end.value !== '' && !parseCivilDate(this.ui.end.value)) {
      host.errors.showAtField('change-end', host.t('input.bad_date'), 'input_date');
      ok = false;
    }
    let add;
    if (action === 'add') {
      add = this.ui.add.value.trim() === '' ? NaN : Number(this.ui.add.value);
      if (!Number.isFinite(add)) {
        host.errors.showAtField('change-add', host.t('input.empty'), 'input_empty');
        ok = false;
      }
    }
    if (!this.ui.plan.value) ok = false;
    if (!ok) return null;
    const request = { plan: this.ui.plan.value, quantity, start: this.ui.start.value, date: this.ui.date.value };
    if (this.ui.end.value) request.support_end = this.ui.end.value;
    if (action === 'change') request.target = this.ui.target.value;
    if (action === 'add') request.add = add;
    return request;
  },

  /** No figures (loading, no catalog, an error): says why; isError marks an engine error. */
  hide(host, message, busy = false, isError = false, code = '') {
    hidePanelFigures(this.ui, message, busy, isError, code);
  },
};
