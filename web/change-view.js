// Renders the results of `change`, `cancel` and `add_licenses` (docs/api.md),
// and the `support_inactive` error with the renewal that must come first.
// Pure view: allowed or not, the dates, the credit, the charge and the net
// are the engine's; the page only formats them and their explanations.

import { h } from './dom.js';
import { explain } from './explain.js';
import { errorText } from './field-errors.js';
import { renderRenewal, renewalSummary } from './renew-view.js';

/** One figure of a result: <div class="fact" data-field><dt><dd></div>. */
function fact(field, label, value, valueClass = null) {
  return h('div', { class: 'fact', 'data-field': field },
    h('dt', { text: label }),
    h('dd', { class: valueClass, text: value }));
}

function range(term, ctx) {
  return ctx.t('renew.range', { start: ctx.fmt.date(term.start), end: ctx.fmt.date(term.end) });
}

/** The calculation: each explained line with its amount, then the result's explanation. */
function calculation(summaryKey, lines, ctx, open, notes = []) {
  const details = h('details', { class: 'calc', 'data-field': 'calculation' },
    h('summary', { text: ctx.t(summaryKey) }),
    h('div', { class: 'calc-body' },
      lines.length > 0 && h('table', { class: 'lines' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', text: ctx.t('quote.item') }),
          h('th', { scope: 'col', class: 'num', text: ctx.t('quote.amount') }))),
        h('tbody', {}, lines.map((line) => h('tr', { 'data-kind': line.kind ?? '' },
          h('td', { text: explain(line.explanation, ctx) || String(line.kind ?? '') }),
          h('td', { class: 'num', text: ctx.fmt.money(line.amount) }))))),
      notes.filter(Boolean).map((e) => h('p', { class: 'step', 'data-key': e.key, text: explain(e, ctx) })),
      h('p', { class: 'muted small', text: ctx.t('quote.half_open') })));
  if (open) details.open = true;
  return details;
}

/**
 * A `change` result.
 * @returns {{summary: HTMLElement[], body: HTMLElement[]}}
 */
export function changeView(result, ctx, { open = false } = {}) {
  const status = result.effect === 'not_allowed'
    ? ctx.t('change.status.not_allowed', {
      direction: ctx.t(`direction.${result.direction}`),
      date: ctx.fmt.date(result.date),
      earliest: ctx.fmt.date(result.earliest_allowed ?? result.effective),
    })
    : ctx.t(`change.status.${result.effect === 'immediate' ? 'immediate' : 'end_of_term'}`, {
      direction: ctx.t(`direction.${result.direction}`),
      effective: ctx.fmt.date(result.effective),
      net: ctx.fmt.money(result.net),
    });
  const summary = [
    h('p', { class: 'summary-line' },
      h('span', { class: result.allowed ? 'badge' : 'badge refused',
        text: ctx.t(result.allowed ? 'change.allowed' : 'change.refused') }),
      ' ',
      h('strong', { 'data-field': 'status', text: status })),
    h('p', { class: 'summary-why', text: explain(result.explanation, ctx) }),
  ];
  const qty = (side) => ctx.t('change.plan_quantity', {
    plan: ctx.planName(side.plan),
    quantity: ctx.fmt.number(side.quantity),
  });
  const facts = h('dl', { class: 'facts' },
    fact('direction', ctx.t('change.direction'), ctx.t(`direction.${result.direction}`)),
    fact('plans', ctx.t('change.plans'), ctx.t('change.from_to', { from: qty(result.from), to: qty(result.to) })),
    fact('allowed', ctx.t('change.allowed_label'), ctx.t(result.allowed ? 'yesno.yes' : 'yesno.no')),
    result.earliest_allowed && fact('earliest_allowed', ctx.t('change.earliest'),
      ctx.fmt.date(result.earliest_allowed), 'strong'),
    fact('effective', ctx.t('change.effective'), ctx.fmt.date(result.effective)),
    fact('term', ctx.t('change.term'), range(result.term, ctx)),
    fact('credit', ctx.t('change.credit'), ctx.fmt.money(result.credit)),
    fact('charge', ctx.t('change.charge'), ctx.fmt.money(result.charge)),
    fact('net', ctx.t('change.net'), ctx.fmt.money(result.net), 'strong'),
    result.proration && fact('proration', ctx.t('change.proration'), ctx.t('change.proration_days', {
      remaining: ctx.fmt.number(result.proration.remaining_days),
      days: ctx.fmt.number(result.proration.term_days),
      basis: ctx.t.has(`basis.${result.proration.basis}`) ? ctx.t(`basis.${result.proration.basis}`) : result.proration.basis,
    }, { days: result.proration.term_days })),
    result.new_term && fact('new_term', ctx.t('change.new_term'),
      result.new_term.starts_new_term
        ? ctx.t('change.new_term_starts', { range: range(result.new_term, ctx) })
        : range(result.new_term, ctx)),
    result.next_renewal && fact('next_renewal', ctx.t('change.next_renewal'), ctx.t('change.on_date', {
      date: ctx.fmt.date(result.next_renewal.date), amount: ctx.fmt.money(result.next_renewal.amount) })));
  return {
    summary,
    body: [facts, calculation('change.details', result.lines ?? [], ctx, open, [result.explanation])],
  };
}

/** A `cancel` result. */
export function cancelView(result, ctx, { open = false } = {}) {
  const last = ctx.fmt.date(result.last_day_of_service);
  const refund = ctx.fmt.money(result.refund?.amount ?? '0');
  const summary = [
    h('p', { class: 'summary-line' }, h('strong', { 'data-field': 'status', text: result.renews_once_more
      ? ctx.t('cancel.status.once_more', { last_day: last, charge: ctx.fmt.money(result.renewal_charge ?? ''), refund })
      : ctx.t('cancel.status', { last_day: last, refund }) })),
    h('p', { class: 'summary-why', text: explain(result.explanation, ctx) }),
  ];
  const notice = result.notice ?? {};
  const noticeText = notice.deadline
    ? ctx.t(notice.met ? 'cancel.notice.met' : 'cancel.notice.missed', { deadline: ctx.fmt.date(notice.deadline) })
    : ctx.t('cancel.notice.none');
  const facts = h('dl', { class: 'facts' },
    fact('term', ctx.t('change.term'), range(result.term, ctx)),
    fact('last_day_of_service', ctx.t('cancel.last_day'), last, 'strong'),
    fact('notice', ctx.t('cancel.notice'), noticeText),
    result.renews_once_more && fact('renewal_charge', ctx.t('cancel.renewal_charge'), ctx.fmt.money(result.renewal_charge)),
    fact('refund', ctx.t('cancel.refund'), refund, 'strong'));
  const lines = result.refund?.line ? [result.refund.line] : [];
  return { summary, body: [facts, calculation('cancel.details', lines, ctx, open, [result.explanation])] };
}

/** An `add_licenses` result. */
export function addView(result, ctx, units, { open = false } = {}) {
  const summary = [
    h('p', { class: 'summary-line' }, h('strong', { 'data-field': 'status', text: ctx.t(
      result.co_termed ? 'add.status' : 'add.status_own_term', {
        add: ctx.fmt.number(result.add),
        units: units(result.add),
        charge: ctx.fmt.money(result.charge),
        end: ctx.fmt.date(result.term.end),
      }, { add: result.add }) })),
    result.line?.explanation && h('p', { class: 'summary-why', text: explain(result.line.explanation, ctx) }),
  ];
  const facts = h('dl', { class: 'facts' },
    fact('quantity', ctx.t('add.quantity'), ctx.t('add.before_after', {
      before: ctx.fmt.number(result.quantity_before),
      after: ctx.fmt.number(result.quantity_after),
      units: units(result.quantity_after),
    })),
    fact('term', ctx.t(result.co_termed ? 'add.co_termed' : 'add.own_term'), range(result.term, ctx)),
    result.proration && fact('proration', ctx.t('change.proration'), ctx.t('change.proration_days', {
      remaining: ctx.fmt.number(result.proration.remaining_days),
      days: ctx.fmt.number(result.proration.term_days),
      basis: ctx.t.has(`basis.${result.proration.basis}`) ? ctx.t(`basis.${result.proration.basis}`) : result.proration.basis,
    }, { days: result.proration.term_days })),
    fact('charge', ctx.t('change.charge'), ctx.fmt.money(result.charge), 'strong'),
    result.next_renewal && fact('next_renewal', ctx.t('change.next_renewal'), ctx.t('change.on_date', {
      date: ctx.fmt.date(result.next_renewal.date), amount: ctx.fmt.money(result.next_renewal.amount) })));
  const lines = result.line ? [result.line] : [];
  return { summary, body: [facts, calculation('add.details', lines, ctx, open)] };
}

/**
 * The `support_inactive` error: support has ended, so the renewal its
 * details carry must come first; that renewal is shown in full.
 * @param {import('./plancalc.js').PlanCalcError} error
 */
export function supportInactiveView(error, ctx, { open = false } = {}) {
  const details = error.details ?? {};
  const summary = [
    h('p', { class: 'summary-line panel-error', 'data-code': error.code },
      h('strong', { 'data-field': 'status', text: ctx.t('inactive.status', {
        support_end: ctx.fmt.date(details.support_end ?? ''),
      }) })),
    h('p', { class: 'summary-why', text: errorText(error, ctx.t) }),
  ];
  if (!details.renewal) return { summary, body: [] };
  const renewal = h('div', { class: 'renewal-first', 'data-field': 'renewal' });
  renderRenewal(renewal, details.renewal, ctx, { open });
  return {
    summary,
    body: [
      h('h3', { class: 'minor', text: ctx.t('inactive.renewal_first') }),
      h('div', { class: 'renewal-first-summary' }, ...renewalSummary(details.renewal, ctx)),
      renewal,
    ],
  };
}
