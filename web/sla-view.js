// Renders `sla` results (docs/api.md): per tier, each response target with
// its due moment as the engine wrote it (date, time and UTC offset of the
// calendar it was counted in), the counted intervals behind it in a
// <details>, the uptime targets as allowed downtime, and the conventions the
// engine states. Pure view: nothing here computes a time; durations and
// moments are only formatted (format.js) and explanations translated
// (explain.js).

import { h, updateChildren } from './dom.js';
import { explain } from './explain.js';

/**
 * @param {HTMLElement} target the live region
 * @param {object[]} results one `sla` result per tier
 * @param {import('./compare-view.js').ViewContext} ctx
 * @param {{open: Set<string>, targetExplanation: (tier: string, level: string) => object}} options
 *   open: "tier:level" of the calculations that were open; targetExplanation:
 *   the tier's target as describe states it
 */
export function renderSla(target, results, ctx, options) {
  if (results.length === 0) {
    renderSlaMessage(target, ctx.t('sla.no_match'));
    return;
  }
  updateChildren(target,
    h('p', { class: 'sla-opened', 'data-field': 'opened', text: ctx.t('sla.opened', { opened: ctx.fmt.moment(results[0].opened) }) }),
    results.map((result) => tierBlock(result, ctx, options)));
}

function tierBlock(result, ctx, options) {
  const name = ctx.localName(result.tier);
  const channels = (result.channels ?? []).map((c) => (ctx.t.has(`channel.${c}`) ? ctx.t(`channel.${c}`) : String(c)));
  const priority = result.priority
    ? (ctx.t.has(`priority.${result.priority}`) ? ctx.t(`priority.${result.priority}`) : String(result.priority))
    : '';
  const meta = [
    channels.length > 0 && ctx.t('sla.channels', { channels: channels.join(', ') }),
    priority && ctx.t('sla.priority', { priority }),
  ].filter(Boolean).join(' · ');
  return h('section', { class: 'sla-tier', 'data-tier': result.tier.id, 'aria-labelledby': `sla-tier-${result.tier.id}` },
    h('h3', { id: `sla-tier-${result.tier.id}`, text: name }),
    meta && h('p', { class: 'sla-meta muted', text: meta }),
    result.targets.length === 0
      ? h('p', { class: 'sla-no-targets', text: ctx.t('sla.no_targets') })
      : targetsTable(result, name, ctx, options),
    result.note && h('p', { class: 'footnote', text: ctx.localNote(result) }));
}

function targetsTable(result, tierName, ctx, options) {
  const { t } = ctx;
  return h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': t('sla.caption', { tier: tierName }) },
    h('table', { class: 'sla-targets' },
      h('caption', { class: 'visually-hidden', text: t('sla.caption', { tier: tierName }) }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', text: t('sla.col.level') }),
        h('th', { scope: 'col', text: t('sla.col.target') }),
        h('th', { scope: 'col', text: t('sla.col.due') }),
        h('th', { scope: 'col', text: t('sla.col.calendar') }))),
      result.targets.map((target) => targetGroup(result.tier.id, target, ctx, options))));
}

function targetGroup(tierId, target, ctx, options) {
  const { t } = ctx;
  const id = `${tierId}:${target.level}`;
  const args = target.explanation?.args ?? {};
  const due = t('sla.due_value', {
    weekday: args.weekday ? ctx.fmt.weekday(args.weekday) : '',
    moment: ctx.fmt.moment(target.due),
  }).trim();
  const steps = target.steps ?? [];
  const details = h('details', { class: 'calc sla-steps', 'data-target': id },
    h('summary', { text: t('sla.steps', { count: ctx.fmt.number(steps.length) }, { count: steps.length }) }),
    h('div', { class: 'calc-body' },
      h('p', { class: 'sla-explanation', text: explain(target.explanation, ctx) }),
      steps.length > 0 && h('ol', { class: 'sla-step-list' }, steps.map((step) => h('li', { 'data-key': step.key, text: explain(step, ctx) }))),
      target.note && h('p', { class: 'muted small', text: ctx.localNote(target) })));
  if (options.open?.has(id)) details.open = true;
  return h('tbody', { class: 'sla-target', 'data-level': target.level },
    h('tr', { class: 'figures' },
      h('th', { scope: 'row', text: ctx.localName(target) }),
      h('td', { 'data-field': 'target', text: explain(options.targetExplanation?.(tierId, target.level), ctx) }),
      h('td', { 'data-field': 'due', class: 'strong', text: due }),
      h('td', { 'data-field': 'calendar', text: target.calendar ? ctx.localName(target.calendar) : t('sla.no_calendar') })),
    h('tr', { class: 'calc-row' }, h('td', { colspan: '4' }, details)));
}

/** Uptime targets of the tiers shown, as the most downtime each period allows. */
export function renderUptime(target, results, ctx) {
  const { t } = ctx;
  const rows = results.flatMap((result) => (result.uptime ?? []).map((uptime) => ({ tier: result.tier, uptime })));
  if (rows.length === 0) {
    updateChildren(target);
    return;
  }
  const severalTiers = new Set(rows.map((row) => row.tier.id)).size > 1;
  const downtime = (d) => {
    if (!d) return '';
    const text = ctx.fmt.duration(d.duration);
    return d.exact ? text : t('sla.uptime.rounded', { duration: text });
  };
  updateChildren(target,
    h('h3', { id: 'sla-uptime-title', text: t('sla.uptime.title') }),
    h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': 'sla-uptime-title' },
      h('table', { class: 'sla-uptime-table' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', text: t('sla.uptime.service') }),
          h('th', { scope: 'col', class: 'num', text: t('sla.uptime.percent') }),
          h('th', { scope: 'col', class: 'num', text: t('sla.uptime.month_30') }),
          h('th', { scope: 'col', class: 'num', text: t('sla.uptime.month_31') }),
          h('th', { scope: 'col', class: 'num', text: t('sla.uptime.year') }))),
        h('tbody', {}, rows.map(({ tier, uptime }) => h('tr', { 'data-service': uptime.service, 'data-tier': tier.id },
          h('th', { scope: 'row' },
            ctx.localName(uptime),
            severalTiers && h('span', { class: 'sub', text: ctx.localName(tier) }),
            uptime.note && h('span', { class: 'sub', text: ctx.localNote(uptime) })),
          h('td', { class: 'num', 'data-field': 'percent', text: t('sla.uptime.percent_value', { percent: ctx.fmt.number(uptime.percent) }) }),
          h('td', { class: 'num', 'data-field': 'month_30', text: downtime(uptime.downtime?.month_30_days) }),
          h('td', { class: 'num', 'data-field': 'month_31', text: downtime(uptime.downtime?.month_31_days) }),
          h('td', { class: 'num', 'data-field': 'year', text: downtime(uptime.downtime?.year_365_days) })))))));
}

/** The conventions the engine states (conventions.sla), one sentence each the page knows. */
const CONVENTIONS = [
  'opening_hours', 'outside_hours', 'exactly_at_closing', 'business_days', 'calendar_clock',
  'skipped_local_time', 'repeated_local_time', 'downtime_rounding',
];

export function renderSlaConventions(target, conventions, ctx) {
  const sentences = CONVENTIONS
    .filter((name) => conventions?.[name] !== undefined)
    .map((name) => {
      const key = `sla.conv.${name}.${conventions[name]}`;
      return ctx.t.has(key) ? ctx.t(key) : `${name.replace(/_/g, ' ')}: ${String(conventions[name]).replace(/_/g, ' ')}.`;
    });
  target.textContent = sentences.join(' ');
}

/** A message in place of the results (or nothing). */
export function renderSlaMessage(target, message) {
  updateChildren(target, message ? h('p', { class: 'muted', text: message }) : null);
}
