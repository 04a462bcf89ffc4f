// The comparison's inputs for expected usage and the customer's context,
// built from the loaded catalog (describe, docs/api.md), never from vendor
// ids: one "a month" field per allowance the sold plans meter (tickets,
// credits…), one "hours a month" field per hourly service, one choice per
// context key a discount's conditions name (deployment: cloud…). They go into
// the compare and quote requests as `usage` (allowance id → units, service
// id → minutes) and `context`; the engine prices them.
//
// URL state (state.js, panel urlKeys), as typed, comma-separated id:value
// pairs:  usage=tickets:12   hours=out_of_scope_work:1.5   context=deployment:cloud

import { h, replaceChildren, setText } from './dom.js';
import { localName } from './i18n.js';

export const USAGE_URL_KEYS = ['usage', 'hours', 'context'];

/** "a:1,b:2" → Map {a → "1", b → "2"} (later pairs win; malformed ones are skipped). */
export function parsePairs(text) {
  const pairs = new Map();
  for (const part of String(text ?? '').split(',')) {
    const at = part.indexOf(':');
    if (at <= 0) continue;
    const id = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (id && value) pairs.set(id, value);
  }
  return pairs;
}

/** [[id, value], …] → "id:value,…" (empty values left out). */
function writePairs(entries) {
  return entries.filter(([, value]) => value !== '').map(([id, value]) => `${id}:${value}`).join(',');
}

/**
 * Hours as typed ("1.5") → whole minutes (90), or null when the hours are
 * not a whole number of minutes. A unit conversion of the input (the engine
 * meters services in minutes), not a price: the engine bills them.
 */
export function hoursToMinutes(text) {
  const hours = Number(text);
  if (!Number.isFinite(hours)) return null;
  const minutes = hours * 60;
  const whole = Math.round(minutes);
  return Math.abs(minutes - whole) < 1e-6 ? whole : null;
}

/** What the catalog lets a visitor state: allowances, hourly services, context keys. */
export function usageModel(info) {
  const allowances = new Map();
  // Trials are left out of compare (docs/api.md), so their allowances ask nothing.
  for (const plan of info.plans ?? []) {
    if (plan.trial) continue;
    for (const a of plan.allowances ?? []) if (!allowances.has(a.id)) allowances.set(a.id, a);
  }
  const services = (info.services ?? []).filter((s) => s && s.id !== undefined);
  const context = new Map(); // key → {values: Set, discounts: []}
  for (const discount of info.discounts ?? []) {
    for (const [key, value] of Object.entries(discount.context ?? {})) {
      if (!context.has(key)) context.set(key, { values: new Set(), discounts: [] });
      const entry = context.get(key);
      for (const v of Array.isArray(value) ? value : [value]) entry.values.add(String(v));
      entry.discounts.push(discount);
    }
  }
  return { allowances: [...allowances.values()], services, context };
}

export class UsageFields {
  /**
   * @param {object} host the page host (panels.js)
   * @param {HTMLElement} group the fieldset holding the fields (hidden when there are none)
   * @param {HTMLElement} list where the fields go
   * @param {() => void} onChange
   */
  constructor(host, group, list, onChange) {
    this.doc = host.doc;
    this.group = group;
    this.list = list;
    this.onChange = onChange;
    // Values by id, kept across catalogs: switching products and back keeps them.
    this.values = {
      usage: parsePairs(host.initialState.usage),
      hours: parsePairs(host.initialState.hours),
      context: parsePairs(host.initialState.context),
    };
    this.initial = {
      usage: host.initialState.usage ?? '', hours: host.initialState.hours ?? '', context: host.initialState.context ?? '',
    };
    this.model = null;
    this.fields = []; // {kind, id, input, label, hint, item}
  }

  /** Builds the fields the loaded catalog asks for. */
  build(info, host) {
    this.model = usageModel(info);
    this.fields = [];
    const make = (kind, id, control, item) => {
      const base = `${kind}-${id}`;
      control.id = base;
      control.name = base;
      control.setAttribute('aria-describedby', `${base}-hint`);
      control.value = this.values[kind].get(String(id)) ?? ''; // a choice the catalog does not name: ''
      control.addEventListener(control.tagName === 'SELECT' ? 'change' : 'input', () => {
        this.values[kind].set(String(id), control.value);
        this.onChange();
      });
      const label = h('label', { for: base });
      const hint = h('p', { id: `${base}-hint`, class: 'hint' });
      const field = h('div', { class: 'field', 'data-usage': base },
        label, control, hint, h('p', { id: `${base}-error`, class: 'field-error', hidden: true }));
      this.fields.push({ kind, id: String(id), control, label, hint, item, field });
      return field;
    };
    const nodes = [];
    for (const a of this.model.allowances) {
      nodes.push(make('usage', a.id, h('input', { type: 'number', inputmode: 'numeric', min: '0', step: '1' }), a));
    }
    for (const s of this.model.services) {
      nodes.push(make('hours', s.id, h('input', { type: 'number', inputmode: 'decimal', min: '0', step: 'any' }), s));
    }
    for (const [key, entry] of this.model.context) {
      const select = h('select', {}, h('option', { value: '' }), [...entry.values].map((v) => h('option', { value: v })));
      nodes.push(make('context', key, select, entry));
    }
    replaceChildren(this.list, ...nodes);
    this.group.hidden = nodes.length === 0;
    this.loaded = true;
    this.label(host);
  }

  /** Labels and hints in the current language (on every update: the language may have changed). */
  label(host) {
    const t = host.t;
    const ctx = host.viewContext();
    const lang = t.lang;
    for (const f of this.fields) {
      if (f.kind === 'usage') {
        setText(f.label, t('field.usage', { name: localName(f.item, lang) }));
        setText(f.hint, t('field.usage.hint', { units: ctx.unitName(f.item.unit, 5) }));
      } else if (f.kind === 'hours') {
        setText(f.label, t('field.hours', { service: localName(f.item, lang) }));
        setText(f.hint, t('field.hours.hint', {
          rate: ctx.fmt.money(f.item.rate_per_hour), increment: ctx.fmt.number(f.item.increment_minutes ?? 1),
        }, { increment: f.item.increment_minutes ?? 1 }));
      } else {
        setText(f.label, contextName(f.id, t));
        const [empty, ...options] = f.control.options;
        setText(empty, t.has(`context.${f.id}.other`) ? t(`context.${f.id}.other`) : t('context.other'));
        for (const option of options) setText(option, contextValue(f.id, option.value, t));
        f.hint.textContent = t('field.context.hint', {
          discounts: f.item.discounts.map((d) => localName(d, lang)).join('; '),
        });
      }
    }
  }

  /** The URL state: the current catalog's values (before one is loaded, the link's). */
  state() {
    if (!this.loaded) return { ...this.initial };
    const of = (kind) => writePairs(this.fields.filter((f) => f.kind === kind).map((f) => [f.id, f.control.value.trim()]));
    return { usage: of('usage'), hours: of('hours'), context: of('context') };
  }

  /** JSON Pointer → control id, for engine errors (field-errors.js). */
  errorFields() {
    const fields = {};
    for (const f of this.fields) fields[`/${f.kind === 'context' ? 'context' : 'usage'}/${f.id}`] = f.control.id;
    return fields;
  }

  /**
   * The request's `usage` and `context` (absent when nothing is stated), or
   * null after showing at a field why not. Numbers go to the engine as typed
   * (it judges 2.5 tickets or −1): only unreadable text and hours that are no
   * whole number of minutes are the page's to refuse.
   */
  requestParts(host) {
    const usage = {};
    const context = {};
    let ok = true;
    for (const f of this.fields) {
      const text = f.control.value.trim();
      if (f.kind === 'context') {
        if (text) context[f.id] = text;
        continue;
      }
      if (f.control.validity?.badInput) {
        host.errors.showAtField(f.control.id, host.t('input.number'), 'input_number');
        ok = false;
        continue;
      }
      if (text === '') continue;
      if (f.kind === 'usage') {
        usage[f.id] = Number(text);
      } else {
        const minutes = hoursToMinutes(text);
        if (minutes === null) {
          host.errors.showAtField(f.control.id, host.t('input.whole_minutes'), 'input_minutes');
          ok = false;
          continue;
        }
        usage[f.id] = minutes;
      }
    }
    if (!ok) return null;
    const parts = {};
    if (Object.keys(usage).length) parts.usage = usage;
    if (Object.keys(context).length) parts.context = context;
    return parts;
  }

  /** "12 tickets a month · Deployment: Cloud" for the results' parameters, or ''. */
  describe(request, host) {
    const t = host.t;
    const ctx = host.viewContext();
    const items = [];
    for (const f of this.fields) {
      if (f.kind === 'usage' && request.usage?.[f.id] !== undefined) {
        const n = request.usage[f.id];
        items.push(t('results.usage.units', { usage: ctx.fmt.number(n), unit: ctx.unitName(f.item.unit, n) }, { usage: n }));
      } else if (f.kind === 'hours' && request.usage?.[f.id] !== undefined) {
        const hours = f.control.value.trim();
        items.push(t('results.usage.hours', { hours: ctx.fmt.number(hours), service: localName(f.item, t.lang) },
          { hours: Number(hours) }));
      } else if (f.kind === 'context' && request.context?.[f.id] !== undefined) {
        items.push(t('results.usage.context', { name: contextName(f.id, t), value: contextValue(f.id, request.context[f.id], t) }));
      }
    }
    return items.length ? t('results.usage', { items: items.join(' · ') }) : '';
  }
}

/** A context key in the language ("deployment" → "Deployment"), else the key in words. */
function contextName(key, t) {
  if (t.has(`context.${key}`)) return t(`context.${key}`);
  const words = String(key).replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A context value in the language ("cloud" → "Cloud"), else as the catalog writes it. */
function contextValue(key, value, t) {
  return t.has(`context.${key}.${value}`) ? t(`context.${key}.${value}`) : String(value);
}
