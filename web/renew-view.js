// Renders a `renew` result (docs/api.md): the window that applies and its
// rate, the price with its calculation, the new term, every window with its
// last day, and a timeline of the windows with the renewal date marked.
// Pure view: every date and amount is the engine's; the page only formats
// them. Used by the renewal panel and, for a `support_inactive` error, by
// the change / cancel / add licences panel (the renewal that must come first).

import { h, srOnly, updateChildren } from './dom.js';
import { explain } from './explain.js';

/**
 * The view context knowing this result's renewal windows by name, which
 * describe does not list (explanations name a window by id; view-context.js
 * addNames / catalogName).
 * @param {import('./compare-view.js').ViewContext} ctx
 * @param {object[]} windows the result's windows ({id, name, names})
 */
function withWindowNames(ctx, windows) {
  ctx.addNames?.('window', windows);
  return ctx;
}

/**
 * The result with the engine's own window (a catalog without renewal
 * windows renews at the full price: id "renewal", English name "Renewal",
 * no names) named in the page's language, so that no English shows.
 */
function withDefaultWindowName(result, ctx) {
  const isDefault = (w) => w && w.id === 'renewal' && w.name === 'Renewal' && !w.names?.[ctx.lang];
  if (!isDefault(result.window) && !(result.windows ?? []).some(isDefault)) return result;
  const named = (w) => (isDefault(w) ? { ...w, names: { ...w.names, [ctx.lang]: ctx.t('renew.default_window') } } : w);
  return { ...result, window: named(result.window), windows: (result.windows ?? []).map(named) };
}

/** What is renewed: the product or the plan of the result, in the language. */
function renewedName(result, ctx) {
  const { product, plan } = result.renewal ?? {};
  return product ? ctx.productName(product) : ctx.planName(plan);
}

/** "25 % of the list price" (a product) or "of the plan price" (a plan). */
function rateText(result, windowItem, ctx) {
  const key = result.renewal?.product ? 'renew.rate.list' : 'renew.rate.plan';
  return ctx.t(key, { rate: ctx.fmt.number(windowItem.rate) });
}

/**
 * The one-line result for the live region: window, rate and price.
 * @returns {HTMLElement[]}
 */
export function renewalSummary(result, ctx) {
  result = withDefaultWindowName(result, ctx);
  ctx = withWindowNames(ctx, result.windows);
  return [
    h('p', { class: 'summary-line' },
      h('strong', { text: ctx.t('renew.summary', {
        window: ctx.localName(result.window),
        rate: rateText(result, result.window, ctx),
        amount: ctx.fmt.money(result.amount),
      }) })),
    h('p', { class: 'summary-why', text: ctx.t('renew.summary_term', {
      what: renewedName(result, ctx),
      start: ctx.fmt.date(result.term.start),
      end: ctx.fmt.date(result.term.end),
    }) }),
  ];
}

/**
 * The figures, the windows, the timeline and the calculation of a renewal.
 * @param {HTMLElement} target
 * @param {object} result the renew result
 * @param {import('./compare-view.js').ViewContext} ctx
 * @param {{open?: boolean}} [options] open: the calculation starts opened
 */
export function renderRenewal(target, result, ctx, { open = false } = {}) {
  result = withDefaultWindowName(result, ctx);
  ctx = withWindowNames(ctx, result.windows);
  const facts = h('dl', { class: 'facts' },
    fact('window', ctx.t('renew.window'), ctx.localName(result.window)),
    fact('rate', ctx.t('renew.rate'), rateText(result, result.window, ctx)),
    fact('list_price', ctx.t(result.renewal?.product ? 'renew.list_price' : 'renew.plan_price'),
      result.list_price?.from
        ? ctx.t('renew.price_from', { amount: ctx.fmt.money(result.list_price.amount), from: ctx.fmt.date(result.list_price.from) })
        : ctx.fmt.money(result.list_price?.amount ?? '')),
    fact('amount', ctx.t('renew.amount'), ctx.fmt.money(result.amount), 'strong'),
    fact('term', ctx.t('renew.term'), ctx.t('renew.range', {
      start: ctx.fmt.date(result.term.start), end: ctx.fmt.date(result.term.end) })),
    result.notice?.vendor_notice_date && fact('notice', ctx.t('renew.vendor_notice'),
      ctx.fmt.date(result.notice.vendor_notice_date)));

  const windows = h('ul', { class: 'windows', 'data-field': 'windows' },
    (result.windows ?? []).map((w) => h('li', { 'data-window': w.id, class: w.id === result.window.id ? 'current' : null },
      ctx.t(w.last_day ? 'renew.window_until' : 'renew.window_open', {
        window: ctx.localName(w),
        rate: ctx.fmt.number(w.rate),
        last_day: w.last_day ? ctx.fmt.date(w.last_day) : '',
      }))));

  const steps = [
    result.explanation,
    result.line?.explanation,
    result.term?.explanation,
    result.gap?.explanation,
  ].filter(Boolean);
  const details = h('details', { class: 'calc', 'data-field': 'calculation' },
    h('summary', { text: ctx.t('renew.details') }),
    h('div', { class: 'calc-body' },
      h('ol', { class: 'steps' }, steps.map((e) => h('li', { 'data-key': e.key, text: explain(e, ctx) }))),
      h('p', { class: 'muted small', text: ctx.t('quote.half_open') })));
  if (open) details.open = true;

  updateChildren(target,
    h('div', { class: 'lifecycle-grid' },
      h('div', {}, facts),
      h('div', {},
        h('h3', { class: 'minor', text: ctx.t('renew.windows') }),
        windows)),
    renderTimeline(result, ctx),
    details);
}

function fact(field, label, value, valueClass = null) {
  return h('div', { class: 'fact', 'data-field': field },
    h('dt', { text: label }),
    h('dd', { class: valueClass, text: value }));
}

/**
 * The windows as a bar of segments (plain HTML/CSS): before support ends,
 * then each window from the engine's `windows` with its last day, the
 * segment holding the renewal date marked. The list is its own text
 * equivalent: each segment says what it is and when; the marked one says
 * that the renewal date falls in it.
 */
function renderTimeline(result, ctx) {
  const date = ctx.fmt.date(result.date);
  const marker = () => h('span', { class: 'tl-marker' },
    h('span', { 'aria-hidden': 'true', class: 'tl-pin' }),
    h('span', { class: 'tl-marker-text', text: ctx.t('renew.timeline.marker', { date }) }));
  const supportEnd = ctx.fmt.date(result.support_end);
  const windows = result.windows ?? [];

  const segments = [h('li', {
    class: result.early ? 'tl-seg tl-support current' : 'tl-seg tl-support',
    'data-segment': 'support',
    'aria-current': result.early ? 'true' : null,
  },
  h('span', { class: 'tl-name', text: ctx.t('renew.timeline.support') }),
  h('span', { class: 'tl-range', text: ctx.t('renew.timeline.until', { date: supportEnd }) }),
  result.early && h('span', { class: 'tl-note', text: ctx.t('renew.timeline.early', {
    window: ctx.localName(windows[0] ?? result.window) }) }),
  result.early && marker())];

  windows.forEach((w, i) => {
    const previous = windows[i - 1];
    let range;
    if (i === 0) {
      range = w.last_day
        ? ctx.t('renew.timeline.from_to', { from: supportEnd, to: ctx.fmt.date(w.last_day) })
        : ctx.t('renew.timeline.from', { from: supportEnd });
    } else {
      const after = previous?.last_day ? ctx.fmt.date(previous.last_day) : supportEnd;
      range = w.last_day
        ? ctx.t('renew.timeline.after_to', { after, to: ctx.fmt.date(w.last_day) })
        : ctx.t('renew.timeline.after', { after });
    }
    const current = !result.early && w.id === result.window.id;
    segments.push(h('li', {
      class: `tl-seg tl-window${w.last_day ? '' : ' tl-open'}${current ? ' current' : ''}`,
      'data-segment': w.id,
      'aria-current': current ? 'true' : null,
    },
    h('span', { class: 'tl-name', text: ctx.t('renew.timeline.window', {
      window: ctx.localName(w), rate: ctx.fmt.number(w.rate) }) }),
    h('span', { class: 'tl-range', text: range }),
    current && marker()));
  });

  return h('figure', { class: 'timeline', 'data-field': 'timeline' },
    h('figcaption', { class: 'minor', text: ctx.t('renew.timeline.title') }),
    h('ol', { class: 'tl-bar' }, segments),
    srOnly(ctx.t('renew.timeline.text', {
      date,
      window: ctx.localName(result.window),
      rate: ctx.fmt.number(result.window.rate),
    })));
}
