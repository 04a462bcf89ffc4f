// What the customer needs (compare's `needs`, docs/api.md): the features,
// response targets and uptime that tell the tiers apart, built from the loaded
// catalog (describe), never from vendor ids. Ticking them makes the engine
// recommend the cheapest plan that gives them and say what each other plan
// misses; with nothing ticked the request has no `needs` and the page reads as
// before. Only what can tell tiers apart is offered: a feature every tier has,
// or a target every tier states the same way, could never change the answer.
//
// One text form serves the URL (key `needs`) and the widget's `needs`
// attribute, ";"-separated parts:
//   features=phone,top_priority   feature ids, all required
//   first=4h   legal=5d           an SLA level: within so many hours / business days
//   uptime=99.9                   every service of the tier at or above it

import { h, replaceChildren, setText } from './dom.js';
import { localName } from './i18n.js';

export const NEEDS_URL_KEYS = ['needs'];

const DURATION = /^(\d{1,6})\s*(h|d)$/;
const PERCENT = /^\d{1,3}(\.\d{1,6})?$/;

/** A response need's target in the text form: "4h" or "5d". */
const withinText = (need) => (need.within_days !== undefined ? `${need.within_days}d` : `${need.within_hours}h`);

/** "4h" / "5d" → a response need for the level. */
const responseNeed = (level, text) => {
  const m = DURATION.exec(text);
  return m && { level, [m[2] === 'h' ? 'within_hours' : 'within_days']: Number(m[1]) };
};

/**
 * "features=phone;first=4h;uptime=99.9" → {needs, problem}: `needs` the
 * request's part (undefined when nothing is asked), `problem` the first part
 * that cannot be read ('' when none). Ids go to the engine as written: it
 * knows which exist and lists the valid ones.
 */
export function parseNeeds(text) {
  const features = [];
  const response = [];
  let uptime;
  for (const raw of String(text ?? '').split(';')) {
    const part = raw.trim();
    if (!part) continue;
    const at = part.indexOf('=');
    const key = at > 0 ? part.slice(0, at).trim() : '';
    const value = at > 0 ? part.slice(at + 1).trim() : '';
    if (!key || !value) return { needs: undefined, problem: part };
    if (key === 'features') {
      for (const id of value.split(',')) if (id.trim()) features.push(id.trim());
    } else if (key === 'uptime') {
      if (!PERCENT.test(value)) return { needs: undefined, problem: part };
      uptime = value;
    } else {
      const need = responseNeed(key, value);
      if (!need) return { needs: undefined, problem: part };
      response.push(need);
    }
  }
  const needs = {};
  if (features.length) needs.features = features;
  if (response.length) needs.response = response;
  if (uptime !== undefined) needs.uptime_percent = uptime;
  return { needs: Object.keys(needs).length ? needs : undefined, problem: '' };
}

/** The request's `needs` → its text form ('' for none). */
export function needsText(needs) {
  if (!needs) return '';
  const parts = [];
  if (needs.features?.length) parts.push(`features=${needs.features.join(',')}`);
  for (const r of needs.response ?? []) parts.push(`${r.level}=${withinText(r)}`);
  if (needs.uptime_percent !== undefined) parts.push(`uptime=${needs.uptime_percent}`);
  return parts.join(';');
}

/** A response target as a choice's value: whole hours ("4h", rounded up) or business days ("5d"). */
function targetValue(entry) {
  if (entry.clock === 'business_days') return `${entry.target.days}d`;
  return `${Math.ceil(entry.target.seconds / 3600)}h`;
}

/**
 * What can tell the catalog's sold tiers apart (trials and legacy plans are
 * not offered to a new customer): features some tier lacks; per SLA level
 * the targets the tiers state, when some tier lacks the level or states
 * another; the uptime percentages, likewise.
 */
export function needsModel(info) {
  const soldTiers = new Set((info.plans ?? []).filter((p) => !p.trial && !p.legacy).map((p) => p.tier));
  const tiers = [...(info.tiers ?? [])].filter((t) => soldTiers.has(t.id)).sort((a, b) => a.rank - b.rank);
  if (tiers.length < 2) return { features: [], levels: [], uptime: [] };

  const features = new Map(); // id → {item, count}
  const levels = new Map(); // level → {item, clock, options: Map value → entry, count}
  const uptime = new Map(); // percent text → count of tiers stating it for every service
  let tiersWithUptime = 0;
  for (const tier of tiers) {
    for (const f of tier.features ?? []) {
      if (!features.has(f.id)) features.set(f.id, { item: f, count: 0 });
      features.get(f.id).count += 1;
    }
    for (const r of tier.sla?.response ?? []) {
      if (!levels.has(r.level)) levels.set(r.level, { item: r, options: new Map(), count: 0 });
      const level = levels.get(r.level);
      level.count += 1;
      level.options.set(targetValue(r), r);
    }
    const percents = (tier.sla?.uptime ?? []).map((u) => Number(u.percent));
    if (percents.length) {
      tiersWithUptime += 1;
      const lowest = String(Math.min(...percents));
      uptime.set(lowest, (uptime.get(lowest) ?? 0) + 1);
    }
  }
  const telling = (count, variants = 1) => count < tiers.length || variants > 1;
  const length = (entry) => entry.target.seconds ?? entry.target.days * 86400;
  const byTarget = (a, b) => length(a[1]) - length(b[1]);
  return {
    features: [...features.values()].filter((f) => telling(f.count)).map((f) => f.item),
    levels: [...levels.entries()].filter(([, l]) => telling(l.count, l.options.size)).map(([id, l]) => ({
      id, item: l.item, options: [...l.options.entries()].sort(byTarget).map(([value, entry]) => ({ value, entry })),
    })),
    uptime: telling(tiersWithUptime, uptime.size) ? [...uptime.keys()].sort((a, b) => Number(a) - Number(b)) : [],
  };
}

export class NeedsFields {
  /**
   * @param {object} host the page host (panels.js)
   * @param {HTMLDetailsElement} group the disclosure holding the fields (hidden when there are none)
   * @param {HTMLElement} list where the fields go
   * @param {() => void} onChange
   */
  constructor(host, group, list, onChange) {
    this.group = group;
    this.list = list;
    this.onChange = onChange;
    this.initial = host.initialState.needs ?? '';
    // What the link asked; on another catalog, what was chosen in the last one.
    this.wanted = parseNeeds(this.initial).needs ?? {};
    this.fields = []; // {kind: 'feature'|'level'|'uptime', id, control, label, item}
    this.loaded = false;
  }

  /** Builds the choices the loaded catalog offers; a link's needs pre-fill them. */
  build(info, host) {
    if (this.loaded) this.wanted = parseNeeds(this.text()).needs ?? {};
    const model = needsModel(info);
    this.fields = [];
    const nodes = [];
    const wantedFeatures = new Set(this.wanted.features ?? []);
    if (model.features.length) {
      const boxes = model.features.map((feature) => {
        const control = h('input', { type: 'checkbox', id: `need-feature-${feature.id}`, value: feature.id });
        control.checked = wantedFeatures.has(feature.id);
        control.addEventListener('change', () => this.onChange());
        const label = h('label', { for: control.id });
        this.fields.push({ kind: 'feature', id: feature.id, control, label, item: feature });
        return h('div', { class: 'need-feature' }, control, label);
      });
      this.featuresLegend = h('legend');
      nodes.push(h('fieldset', { class: 'need-features' }, this.featuresLegend, boxes));
    }
    const select = (kind, id, item, options, wanted) => {
      const control = h('select', { id: `need-${kind}-${id}`, name: `need-${kind}-${id}` },
        h('option', { value: '' }), options.map((o) => h('option', { value: o.value })));
      control.value = options.some((o) => o.value === wanted) ? wanted : '';
      control.addEventListener('change', () => this.onChange());
      const label = h('label', { for: control.id });
      this.fields.push({ kind, id, control, label, item, options });
      nodes.push(h('div', { class: 'field' }, label, control));
    };
    const wantedLevel = new Map((this.wanted.response ?? []).map((r) => [r.level, withinText(r)]));
    for (const level of model.levels) select('level', level.id, level.item, level.options, wantedLevel.get(level.id));
    if (model.uptime.length) {
      select('uptime', 'all', null, model.uptime.map((p) => ({ value: p })), this.wanted.uptime_percent);
    }
    replaceChildren(this.list, ...nodes);
    this.group.hidden = nodes.length === 0;
    this.loaded = true;
    if (this.text()) this.group.open = true;
    this.label(host);
  }

  /** Labels and choices in the current language (on every update: the language may have changed). */
  label(host) {
    const { t } = host;
    const ctx = host.viewContext();
    if (this.featuresLegend) setText(this.featuresLegend, t('needs.features'));
    for (const f of this.fields) {
      if (f.kind === 'feature') {
        setText(f.label, localName(f.item, t.lang));
        continue;
      }
      setText(f.label, f.kind === 'uptime' ? t('needs.uptime') : t('needs.level', { level: localName(f.item, t.lang) }));
      const [any, ...options] = f.control.options;
      setText(any, t(f.kind === 'uptime' ? 'needs.uptime.any' : 'needs.level.any'));
      options.forEach((option, i) => {
        const o = f.options[i];
        if (f.kind === 'uptime') {
          setText(option, t('needs.uptime.at_least', { percent: ctx.fmt.number(o.value) }));
        } else if (o.entry.clock === 'business_days') {
          setText(option, t('needs.within_days', { days: ctx.fmt.number(o.entry.target.days) }, { days: o.entry.target.days }));
        } else {
          setText(option, t('needs.within_hours', {
            target: ctx.fmt.duration(`${o.value.slice(0, -1)} h`), clock: t(`clock.${o.entry.clock}`),
          }));
        }
      });
    }
    const count = this.count();
    setText(this.group.querySelector('.needs-count'), count ? t('needs.count', { count }, { count }) : '');
  }

  /** How many needs are chosen. */
  count() {
    return this.fields.filter((f) => (f.kind === 'feature' ? f.control.checked : f.control.value !== '')).length;
  }

  /** The chosen needs in their text form (before a catalog is loaded, the link's). */
  text() {
    if (!this.loaded) return this.initial;
    const needs = {};
    const features = this.fields.filter((f) => f.kind === 'feature' && f.control.checked).map((f) => f.id);
    if (features.length) needs.features = features;
    const response = this.fields.filter((f) => f.kind === 'level' && f.control.value)
      .map((f) => responseNeed(f.id, f.control.value));
    if (response.length) needs.response = response;
    const uptime = this.fields.find((f) => f.kind === 'uptime' && f.control.value);
    if (uptime) needs.uptime_percent = uptime.control.value;
    return needsText(needs);
  }

  /** The URL state. */
  state() {
    return { needs: this.text() };
  }

  /** The request's `needs`, or undefined when nothing is chosen. */
  requestPart() {
    return parseNeeds(this.text()).needs;
  }
}
