// Renders a `quote` result (docs/api.md) inside an opened comparison row:
// the first period's line items (plan, usage and discount lines; with a tax,
// the net and the tax line), the effective price per month, and the
// schedule of charges over the horizon, each with its explanation.

import { h, updateChildren } from './dom.js';
import { explain } from './explain.js';
import { errorText } from './field-errors.js';

/**
 * @param {HTMLElement} target
 * @param {object} quote the quote result
 * @param {import('./compare-view.js').ViewContext} ctx
 */
export function renderQuote(target, quote, ctx) {
  const first = quote.first_period;
  const months = ctx.monthsText(quote.horizon.months);

  const lines = h('table', { class: 'lines' },
    h('caption', { text: ctx.t('quote.first_period', {
      start: ctx.fmt.date(first.start), end: ctx.fmt.date(first.end) }) }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: ctx.t('quote.item') }),
      h('th', { scope: 'col', class: 'num', text: ctx.t('quote.amount') }))),
    h('tbody', {}, first.lines.map((line) => h('tr', { 'data-kind': line.kind ?? '' },
      h('td', { text: explain(line.explanation, ctx) || String(line.kind ?? '') }),
      h('td', { class: 'num', text: ctx.fmt.money(line.amount) })))),
    h('tfoot', {},
      // With a tax: the net (lines, discounts included), the tax line, then what is due.
      first.tax && h('tr', { 'data-kind': 'net' },
        h('th', { scope: 'row', text: ctx.t('quote.net') }),
        h('td', { class: 'num', 'data-field': 'net', text: ctx.fmt.money(first.net) })),
      first.tax && h('tr', { 'data-kind': 'tax' },
        h('th', { scope: 'row', class: 'tax', text: explain(first.tax.explanation, ctx) }),
        h('td', { class: 'num', 'data-field': 'tax', text: ctx.fmt.money(first.tax.amount) })),
      h('tr', {},
        h('th', { scope: 'row', text: ctx.t('quote.first_total') }),
        h('td', { class: 'num strong', 'data-field': 'first_period_total', text: ctx.fmt.money(first.total) }))));

  const perMonth = h('p', { class: 'per-month', 'data-field': 'effective_per_month', text: ctx.t('quote.per_month', {
    amount: ctx.fmt.money(quote.effective_per_month.amount),
    explanation: explain(quote.effective_per_month.explanation, ctx),
  }) });

  // "Price list from" only when the plan has effective-dated prices.
  const dated = quote.schedule.some((charge) => charge.price_from);
  const schedule = h('table', { class: 'schedule' },
    h('caption', { text: ctx.t('quote.schedule', { months }) }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: ctx.t('quote.period') }),
      dated && h('th', { scope: 'col', text: ctx.t('quote.price_from') }),
      h('th', { scope: 'col', class: 'num', text: ctx.t('quote.amount') }))),
    h('tbody', {}, quote.schedule.map((charge) => h('tr', {},
      h('td', { text: explain(charge.explanation, ctx) }),
      dated && h('td', { text: charge.price_from ? ctx.fmt.date(charge.price_from) : '' }),
      h('td', { class: 'num', text: ctx.fmt.money(charge.amount) })))),
    h('tfoot', {}, h('tr', {},
      h('th', { scope: 'row', colspan: dated ? '2' : '1' },
        ctx.t('quote.horizon_total', { months }),
        h('span', { class: 'sub', text: explain(quote.horizon.explanation, ctx) })),
      h('td', { class: 'num strong', 'data-field': 'horizon_total', text: ctx.fmt.money(quote.horizon.total) }))));

  updateChildren(target,
    h('div', { class: 'calc-grid' },
      h('div', {}, lines, perMonth),
      h('div', {}, schedule, h('p', { class: 'muted small', text: ctx.t('quote.half_open') }))));
}

/** A message in place of the calculation (loading, or an error). */
export function renderQuoteMessage(target, text, isError = false) {
  updateChildren(target, h('p', { class: isError ? 'calc-error' : 'muted', role: isError ? 'alert' : null, text }));
}

/**
 * Shows "Calculating…", then the quote `compute()` returns, or its error in
 * the language (an opened comparison row, in the page and the widget).
 * @param {HTMLElement} target
 * @param {() => object} compute returns a quote result or throws PlanCalcError
 * @param {import('./compare-view.js').ViewContext} ctx
 */
export function renderComputedQuote(target, compute, ctx) {
  renderQuoteMessage(target, ctx.t('quote.loading'));
  let quote;
  try {
    quote = compute();
  } catch (e) {
    renderQuoteMessage(target, ctx.t('quote.error', { message: errorText(e, ctx.t) }), true);
    return;
  }
  renderQuote(target, quote, ctx);
}
