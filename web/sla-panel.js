// The SLA panel: when is the answer due? The visitor picks the moment a
// request is opened (a local date and time plus the UTC offset it is in: the
// browser's own zone by default, or a fixed offset), optionally a tier, a
// support level and the region whose business hours count; the engine's
// `sla` operation (docs/api.md) gives each response target's due moment with
// the intervals it counted, and the uptime targets as allowed downtime. The
// page computes no due time: it only turns the picked wall-clock time into
// the RFC 3339 moment the engine needs (the offset the browser's zone has at
// that time) and shows what the engine returns.
//
// URL state: sla_opened (RFC 3339, the moment sent), sla_tier, sla_level,
// sla_region ('' = all tiers, every level, each target's own calendar).

import { setText } from './dom.js';
import { localName } from './i18n.js';
import { renderSla, renderSlaConventions, renderSlaMessage, renderUptime } from './sla-view.js';

export const SLA_URL_KEYS = ['sla_opened', 'sla_tier', 'sla_level', 'sla_region'];

/** Fixed UTC offsets a visitor can pick instead of the browser's zone. */
const OFFSETS = [
  '-12:00', '-11:00', '-10:00', '-09:30', '-09:00', '-08:00', '-07:00', '-06:00', '-05:00', '-04:00',
  '-03:30', '-03:00', '-02:00', '-01:00', '+00:00', '+01:00', '+02:00', '+03:00', '+03:30', '+04:00',
  '+04:30', '+05:00', '+05:30', '+05:45', '+06:00', '+06:30', '+07:00', '+08:00', '+08:45', '+09:00',
  '+09:30', '+10:00', '+10:30', '+11:00', '+12:00', '+12:45', '+13:00', '+14:00',
];

const WALL = /^(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The UTC offset ("+01:00") the browser's time zone has at a local wall-clock
 * time ("2026-11-20T16:30"), or null for text that is no such time. Read
 * from the browser's own zone rules (Date), as the datetime-local input is.
 */
export function localOffset(wall) {
  const m = WALL.exec(String(wall));
  if (!m) return null;
  const d = new Date(2000, 0, 1, 0, 0, 0, 0);
  d.setFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  d.setHours(Number(m[4]), Number(m[5]), Number(m[6] ?? 0), 0);
  if (Number.isNaN(d.getTime())) return null;
  const east = Math.round(-d.getTimezoneOffset());
  const abs = Math.abs(east);
  const pad = (n) => String(n).padStart(2, '0');
  return `${east < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Now in the browser's zone, rounded to the minute, as a datetime-local value. */
export function nowLocal(now = new Date()) {
  const d = new Date(Math.round(now.getTime() / 60_000) * 60_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A moment from a link ("2026-11-20T16:30+01:00"; a "+" typed into a query
 * reads as a space) → {wall, offset}; offset is null without one.
 */
export function parseMoment(text) {
  const m = /^(\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:(Z)|[+ ](\d{2}:\d{2})|-(\d{2}:\d{2}))?$/.exec(String(text).trim());
  if (!m) return null;
  const offset = m[2] ? '+00:00' : m[3] ? `+${m[3]}` : m[4] ? `-${m[4]}` : null;
  return { wall: m[1], offset };
}

/** The browser's IANA time zone ("Europe/Madrid"), or '' when it says none. */
function browserZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    return '';
  }
}

/** "−06:00" with a real minus sign, for labels. */
function shownOffset(offset) {
  return String(offset).replace(/^-/, '\u2212');
}

/** @type {import('./panels.js').Panel} */
export const slaPanel = {
  id: 'sla',
  sectionId: 'sla',
  titleKey: 'panel.sla',
  urlKeys: SLA_URL_KEYS,

  init(host) {
    const $ = host.$;
    this.ui = {
      section: $('sla'),
      none: $('sla-none'),
      lede: $('sla-lede'),
      form: $('sla-inputs'),
      opened: $('sla-opened'),
      openedHint: $('sla-opened-hint'),
      zone: $('sla-zone'),
      tier: $('sla-tier'),
      level: $('sla-level'),
      region: $('sla-region'),
      regionField: $('sla-region-field'),
      results: $('sla-results'),
      uptime: $('sla-uptime'),
      conventions: $('sla-conventions'),
    };
    this.zoneName = browserZone();
    this.tiers = [];
    this.loaded = false;
    this.lastKey = null;
    const initial = host.initialState;
    this.wanted = { tier: initial.sla_tier ?? '', level: initial.sla_level ?? '', region: initial.sla_region ?? '' };

    const { ui } = this;
    ui.zone.replaceChildren(new Option('', ''), ...OFFSETS.map((offset) => new Option(offset, offset)));
    const fromLink = initial.sla_opened ? parseMoment(initial.sla_opened) : null;
    if (!initial.sla_opened) {
      ui.opened.value = nowLocal();
    } else if (fromLink) {
      ui.opened.value = fromLink.wall;
      // The link's offset: the browser's zone when it is the offset that zone has then.
      if (fromLink.offset && fromLink.offset !== localOffset(fromLink.wall)) {
        if (!OFFSETS.includes(fromLink.offset)) ui.zone.append(new Option(fromLink.offset, fromLink.offset));
        ui.zone.value = fromLink.offset;
      }
    } else {
      ui.opened.value = initial.sla_opened; // not a date and time: the input empties, the page says so
    }

    ui.form.addEventListener('submit', (event) => event.preventDefault());
    ui.opened.addEventListener('input', () => host.recompute());
    ui.zone.addEventListener('change', () => host.recompute());
    ui.tier.addEventListener('change', () => {
      this.wanted.tier = ui.tier.value;
      this.fillLevels(host);
      host.recompute();
    });
    ui.level.addEventListener('change', () => {
      this.wanted.level = ui.level.value;
      host.recompute();
    });
    ui.region.addEventListener('change', () => {
      this.wanted.region = ui.region.value;
      host.recompute();
    });
  },

  /** The panel's part of the URL: the moment as sent, and the filters. */
  state() {
    const { ui } = this;
    return {
      sla_opened: this.openedMoment() ?? '',
      sla_tier: this.loaded ? ui.tier.value : this.wanted.tier,
      sla_level: this.loaded ? ui.level.value : this.wanted.level,
      sla_region: this.loaded ? ui.region.value : this.wanted.region,
    };
  },

  /** The RFC 3339 moment of the inputs ("2026-11-20T16:30+01:00"), or null. */
  openedMoment() {
    const wall = this.ui.opened.value;
    const offset = this.ui.zone.value || localOffset(wall);
    return wall && offset ? `${wall}${offset}` : null;
  },

  /** The tiers with an SLA; the filters from the catalog (describe). */
  catalogLoaded(host) {
    const { ui } = this;
    const info = host.info;
    this.lastKey = null;
    this.tiers = [...(info.tiers ?? [])].filter((tier) => tier.sla).sort((a, b) => a.rank - b.rank);
    this.calendars = info.calendars ?? [];
    const has = this.tiers.length > 0;
    ui.none.hidden = has;
    ui.lede.hidden = !has;
    ui.form.hidden = !has;
    for (const select of [ui.tier, ui.level, ui.region]) select.disabled = !has;

    ui.tier.replaceChildren(new Option('', ''), ...this.tiers.map((tier) => new Option(tier.id, tier.id)));
    ui.tier.value = this.tiers.some((tier) => tier.id === this.wanted.tier) ? this.wanted.tier : '';
    this.fillLevels(host);
    ui.region.replaceChildren(new Option('', ''), ...this.calendars.map((c) => new Option(c.id, c.id)));
    ui.region.value = this.calendars.some((c) => c.id === this.wanted.region) ? this.wanted.region : '';
    ui.regionField.hidden = this.calendars.length === 0;
    this.loaded = true;
    this.label(host);
  },

  /** The support levels of the chosen tier (or of every tier), keeping the choice when it is one. */
  fillLevels(host) {
    const { ui } = this;
    const levels = new Map();
    for (const tier of this.chosenTiers()) {
      for (const r of tier.sla.response ?? []) if (!levels.has(r.level)) levels.set(r.level, r);
    }
    this.levels = levels;
    ui.level.replaceChildren(new Option('', ''), ...[...levels.keys()].map((id) => new Option(id, id)));
    ui.level.value = levels.has(this.wanted.level) ? this.wanted.level : '';
    ui.level.disabled = levels.size === 0;
    if (host && this.loaded) this.label(host);
  },

  chosenTiers() {
    const id = this.ui.tier.value;
    return id ? this.tiers.filter((tier) => tier.id === id) : this.tiers;
  },

  /** Option texts, the zone hint and the "no SLA" sentence in the current language. */
  label(host) {
    const { ui } = this;
    const t = host.t;
    const lang = t.lang;
    setText(ui.zone.options[0], this.zoneName
      ? t('field.sla_zone.local', { zone: this.zoneName })
      : t('field.sla_zone.local_unnamed'));
    for (const option of [...ui.zone.options].slice(1)) {
      setText(option, t('field.sla_zone.offset', { offset: shownOffset(option.value) }));
    }
    setText(ui.tier.options[0], t('field.sla_tier.all'));
    for (const option of [...ui.tier.options].slice(1)) {
      setText(option, localName(this.tiers.find((tier) => tier.id === option.value), lang));
    }
    setText(ui.level.options[0], t('field.sla_level.all'));
    for (const option of [...ui.level.options].slice(1)) setText(option, localName(this.levels.get(option.value), lang));
    setText(ui.region.options[0], t('field.sla_region.default'));
    for (const option of [...ui.region.options].slice(1)) {
      setText(option, localName(this.calendars.find((c) => c.id === option.value), lang));
    }
    const wall = ui.opened.value;
    if (ui.zone.value) {
      setText(ui.openedHint, t('field.sla_opened.hint_fixed', { offset: shownOffset(ui.zone.value) }));
    } else if (wall && localOffset(wall)) {
      setText(ui.openedHint, t('field.sla_opened.hint_local', {
        zone: this.zoneName || t('field.sla_zone.local_unnamed'), offset: shownOffset(localOffset(wall)),
      }));
    } else {
      setText(ui.openedHint, t('field.sla_opened.hint_zone', { zone: this.zoneName || t('field.sla_zone.local_unnamed') }));
    }
    if (host.info) ui.none.textContent = t('sla.none', { vendor: localName(host.info.vendor, lang) });
  },

  /** Asks the engine for each chosen tier's SLA at the moment and shows it. */
  update(host) {
    const { ui } = this;
    this.label(host);
    if (this.tiers.length === 0) {
      this.clear();
      ui.section.removeAttribute('aria-busy');
      this.lastKey = null;
      return;
    }
    const opened = this.openedMoment();
    if (!opened) {
      host.errors.showAtField('sla-opened', host.t('input.bad_moment'), 'input_moment');
      this.clear(host.t('sla.fix_fields'));
      this.lastKey = null;
      return;
    }
    const level = ui.level.value;
    const region = ui.region.value;
    const requests = this.chosenTiers()
      .filter((tier) => !level || (tier.sla.response ?? []).some((r) => r.level === level))
      .map((tier) => ({ tier: tier.id, opened, ...(level && { level }), ...(region && { region }) }));
    // The same question in the same language: leave the answer (and the live
    // region) alone when another panel's input changed.
    const key = JSON.stringify([host.info?.catalog?.fingerprint, host.t.lang, requests]);
    if (key === this.lastKey) return;
    const results = [];
    for (const request of requests) {
      try {
        results.push(host.engine.sla(request));
      } catch (e) {
        const atField = e?.name === 'PlanCalcError'
          ? host.errors.show(e, undefined, FIELDS) !== null
          : host.showEngineError(e);
        this.clear(atField ? host.t('sla.fix_fields') : '');
        this.lastKey = null;
        return;
      }
    }
    const ctx = host.viewContext();
    const open = new Set([...ui.results.querySelectorAll('details[open]')].map((d) => d.dataset.target));
    renderSla(ui.results, results, ctx, { opened, open, targetExplanation: (tier, lvl) => this.targetExplanation(tier, lvl) });
    renderUptime(ui.uptime, results, ctx);
    renderSlaConventions(ui.conventions, results[0]?.conventions?.sla, ctx);
    ui.section.removeAttribute('aria-busy');
    this.lastKey = key;
  },

  /** The tier's target as describe states it ("4 h of business hours"), for the table. */
  targetExplanation(tierId, level) {
    const tier = this.tiers.find((x) => x.id === tierId);
    return (tier?.sla?.response ?? []).find((r) => r.level === level)?.explanation;
  },

  clear(message = '') {
    const { ui } = this;
    renderSlaMessage(ui.results, message);
    ui.uptime.replaceChildren();
    ui.conventions.textContent = '';
  },

  /** No figures (loading, no catalog, a failure): say why, if there is something to say. */
  hide(host, message, busy = false) {
    const { ui } = this;
    this.lastKey = null;
    if (busy) ui.section.setAttribute('aria-busy', 'true');
    else ui.section.removeAttribute('aria-busy');
    this.clear(message);
  },
};

/** Request JSON Pointers of this panel → its controls (field-errors.js). */
const FIELDS = { '/opened': 'sla-opened', '/tier': 'sla-tier', '/level': 'sla-level', '/region': 'sla-region' };
