// Renders a `compare` result (docs/api.md): the headline with the cheapest
// plan, the table of plans (each with an expandable calculation), the
// savings of longer billing periods and the features matrix. Pure view: it
// reads the result and writes DOM; the quote behind each expandable row is
// fetched through ctx.onDetails.

import { h, replaceChildren, setText, srOnly, updateChildren } from './dom.js';
import { explain } from './explain.js';
import { errorText } from './field-errors.js';

/**
 * @typedef {import('./explain.js').ExplainContext & {
 *   periodName: (months: number) => string,
 *   perPeriod: (months: number) => string,
 *   monthsText: (n: number) => string,
 *   tierName: (id: string) => string,
 *   localName: (item: object) => string,
 *   localNote: (item: object) => string,
 *   filtered: boolean,
 *   vendorName?: string,
 *   onDetails: (details: HTMLDetailsElement, row: object) => void,
 * }} ViewContext
 */

/** The one-line result announced to screen readers (aria-live region). */
export function renderSummary(target, result, ctx) {
  const months = ctx.monthsText(result.horizon.months);
  const cheapestRow = result.rows.find((row) => row.plan === result.cheapest?.plan && !row.error);
  if (!cheapestRow) {
    updateChildren(target, h('p', { class: 'summary-line', text: ctx.t('results.none') }));
    return;
  }
  // With needs (the request had `needs`) the answer is the recommendation.
  if (result.recommendation !== undefined) {
    renderNeedsSummary(target, result, cheapestRow, months, ctx);
    return;
  }
  updateChildren(
    target,
    h('p', { class: 'summary-line' },
      h('strong', { text: ctx.t('results.cheapest', {
        plan: ctx.planName(cheapestRow.plan),
        total: ctx.fmt.money(cheapestRow.horizon_total),
        months,
      }) })),
    h('p', { class: 'summary-why', text: explain(result.cheapest.explanation, ctx) }),
    // With expected usage: why plans that list cheaper lose (compare.usage_costs_more).
    result.cheapest.reasons?.length > 0 && h('ul', { class: 'summary-reasons' },
      result.cheapest.reasons.map((reason) => h('li', { text: explain(reason, ctx) }))),
  );
}

/**
 * The cheapest plan that gives all the customer needs, how much more it costs
 * than the cheapest overall and which needs make the difference; or, when no
 * priced plan gives them all, the closest one with what it misses and the
 * plans priced on request that may.
 */
function renderNeedsSummary(target, result, cheapestRow, months, ctx) {
  const reasons = (list) => list?.length > 0 && h('ul', { class: 'summary-reasons' },
    list.map((reason) => h('li', { text: explain(reason, ctx) })));
  const recommended = result.recommendation;
  if (recommended) {
    updateChildren(target,
      h('p', { class: 'summary-line', 'data-plan': recommended.plan },
        h('strong', { text: explain(recommended.explanation, ctx) })),
      recommended.because?.length > 0 && h('p', { class: 'summary-why', text: ctx.t('needs.because', {
        plan: ctx.planName(result.cheapest.plan) }) }),
      reasons(recommended.because));
    return;
  }
  const closest = result.closest;
  updateChildren(target,
    h('p', { class: 'summary-line', 'data-plan': closest?.plan ?? '' },
      h('strong', { text: closest ? explain(closest.explanation, ctx) : ctx.t('results.none') })),
    reasons(closest?.missed),
    reasons(result.on_request?.map((entry) => entry.explanation)),
    h('p', { class: 'summary-why', text: ctx.t('results.cheapest', {
      plan: ctx.planName(cheapestRow.plan), total: ctx.fmt.money(cheapestRow.horizon_total), months,
    }) }));
}

/**
 * The usage from which a higher tier costs less than the one below it, one
 * sentence per pair of adjacent tiers (compare's break_even, with usage).
 * @returns {boolean} false when there is none (the caller hides its section)
 */
export function renderBreakEven(target, result, ctx) {
  const list = result.break_even ?? [];
  if (list.length === 0) {
    updateChildren(target);
    return false;
  }
  updateChildren(target,
    h('ul', { class: 'break-even' }, list.map((b) => h('li', {
      'data-lower': b.lower_plan, 'data-higher': b.higher_plan, 'data-usage-key': b.usage_key,
      text: explain(b.explanation, ctx),
    }))),
    h('p', { class: 'muted small', text: ctx.t('break_even.note') }));
  return true;
}

/**
 * The comparison table: one <tbody> per plan holding its figures row and a
 * full-width row with a <details> that shows the calculation when opened;
 * the ones open in `target` stay open.
 */
export function renderTable(target, result, ctx) {
  const wasOpen = [...target.querySelectorAll('details[open]')];
  const openPlans = new Set(wasOpen.map((details) => details.dataset.plan));
  const months = ctx.monthsText(result.horizon.months);
  const cheapest = result.cheapest?.plan;
  const labels = {
    per_period: ctx.t('table.per_period'),
    per_month: ctx.t('table.per_month'),
    horizon_total: ctx.t('table.horizon_total', { months }),
    rank: ctx.t('table.rank'),
  };
  ctx = { ...ctx, columnLabels: labels };
  // With needs the recommended row stands out, not the cheapest (styles.css).
  const table = h('table', { class: result.recommendation === undefined ? 'comparison' : 'comparison with-needs' },
    h('caption', { class: 'visually-hidden', text: ctx.t('table.caption', { months }) }),
    h('thead', {},
      h('tr', {},
        h('th', { scope: 'col', text: ctx.t('table.plan') }),
        h('th', { scope: 'col', class: 'num', text: labels.per_period }),
        h('th', { scope: 'col', class: 'num', text: labels.per_month }),
        h('th', { scope: 'col', class: 'num', text: labels.horizon_total }),
        h('th', { scope: 'col', class: 'num', text: labels.rank }))));

  ctx.recommended = result.recommendation?.plan;
  for (const row of result.rows) {
    table.append(planGroup(row, row.plan === cheapest && !row.error, ctx, openPlans.has(row.plan)));
  }
  watchDetails(target, result.rows, ctx.onDetails);
  updateChildren(target,
    h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': ctx.t('table.caption', { months }) },
      table));
  // A calculation left open is kept, but its body was emptied: fill it in
  // again for the new inputs (a newly added open one fires 'toggle' itself).
  for (const details of wasOpen) {
    if (details.isConnected && details.open) openedDetails(target, details);
  }
}

/** Per table container: the rows and the callback its <details> open with. */
const detailsOf = new WeakMap();

/**
 * One 'toggle' listener per container, on the capture path ('toggle' does not
 * bubble), reading the rows of the last render: the <details> elements are
 * kept from one render to the next, so they must not hold a render's data.
 */
function watchDetails(target, rows, onDetails) {
  if (!detailsOf.has(target)) {
    target.addEventListener('toggle', (event) => {
      const details = event.target;
      if (details.localName === 'details' && details.open) openedDetails(target, details);
    }, true);
  }
  detailsOf.set(target, { rows: new Map(rows.map((row) => [row.plan, row])), onDetails });
}

function openedDetails(target, details) {
  const { rows, onDetails } = detailsOf.get(target);
  const row = rows.get(details.dataset.plan);
  if (row) onDetails(details, row);
}

function planGroup(row, isCheapest, ctx, open) {
  const name = ctx.planName(row.plan);
  const head = h('th', { scope: 'row', class: 'plan' },
    h('span', { class: 'plan-tier', text: ctx.tierName(row.tier) }),
    h('span', { class: 'plan-period', text: ctx.periodName(row.billing_months) }),
    isCheapest && h('span', { class: 'badge', text: ctx.t('results.cheapest_badge') }),
    row.plan === ctx.recommended && h('span', { class: 'badge needs-badge', text: ctx.t('needs.badge') }),
    // With needs: what this plan does not give, each need on its own line.
    row.meets_needs === false && row.missed?.length > 0 && h('ul', { class: 'needs-missed', 'aria-label': ctx.t('needs.missed') },
      row.missed.map((miss) => h('li', {}, h('span', { 'aria-hidden': 'true', text: '✗ ' }), explain(miss, ctx)))));

  const classes = ['plan-group', isCheapest && 'cheapest', row.plan === ctx.recommended && 'recommended'];
  const body = h('tbody', {
    class: classes.filter(Boolean).join(' '), 'data-plan': row.plan,
    'data-meets-needs': row.meets_needs === undefined ? undefined : String(row.meets_needs),
  });
  // Priced individually by the vendor: a state of the plan, not a fault.
  if (row.error?.code === 'price_on_request') {
    body.classList.add('on-request');
    body.append(h('tr', { class: 'unavailable' }, head,
      h('td', { colspan: '4', class: 'row-on-request', 'data-code': 'price_on_request',
        text: ctx.vendorName ? ctx.t('table.on_request', { vendor: ctx.vendorName }) : ctx.t('table.on_request.short') })));
    return body;
  }
  if (row.error) {
    body.append(h('tr', { class: 'unavailable' }, head,
      h('td', { colspan: '4', class: 'row-error', 'data-code': row.error.code ?? '',
        text: ctx.t('table.unavailable', { message: errorText(row.error, ctx.t) }) })));
    return body;
  }

  // data-label repeats the column header for the narrow-screen layout.
  const label = ctx.columnLabels;
  body.append(h('tr', { class: 'figures' },
    head,
    h('td', { class: 'num', 'data-field': 'first_period_total', 'data-label': label.per_period },
      h('span', { class: 'amount', text: ctx.fmt.money(row.first_period_total) }),
      h('span', { class: 'sub', text: ctx.perPeriod(row.billing_months) })),
    h('td', { class: 'num', 'data-field': 'effective_per_month', 'data-label': label.per_month },
      h('span', { class: 'amount', text: ctx.fmt.money(row.effective_per_month) })),
    h('td', { class: 'num', 'data-field': 'horizon_total', 'data-label': label.horizon_total },
      h('span', { class: 'amount strong', text: ctx.fmt.money(row.horizon_total) }),
      h('span', { class: 'sub', text: ctx.t('table.covered', {
        charges: ctx.fmt.number(row.charges), covered_until: ctx.fmt.date(row.covered_until),
      }, { charges: row.charges }) })),
    h('td', { class: 'num rank', 'data-field': 'rank', 'data-label': label.rank, text: ctx.fmt.number(row.rank) })));

  // Opening it fires 'toggle', which fills it in (watchDetails).
  const details = h('details', { class: 'calc', 'data-plan': row.plan, open },
    h('summary', { text: ctx.t('table.details', { plan: name }) }),
    h('div', { class: 'calc-body' }));
  body.append(h('tr', { class: 'calc-row' }, h('td', { colspan: '5' }, details)));
  return body;
}

/** Savings of each longer billing period against the tier's shortest one. */
export function renderSavings(target, result, ctx) {
  const savings = result.savings ?? [];
  if (savings.length === 0) {
    updateChildren(target, h('p', { class: 'muted', text: ctx.t(ctx.filtered ? 'savings.filtered' : 'savings.none') }));
    return;
  }
  updateChildren(target, h('ul', { class: 'savings' },
    savings.map((s) => h('li', { 'data-tier': s.tier },
      h('span', { class: 'savings-tier', text: ctx.tierName(s.tier) }),
      h('span', { class: 'savings-amount', text: ctx.t('savings.save', {
        saving: ctx.fmt.money(s.saving), percent: ctx.fmt.number(s.percent) }) }),
      h('span', { class: 'savings-text', text: explain(s.explanation, ctx) })))));
}

/**
 * Tiers × features: a check mark where a tier includes the feature; then,
 * when tiers state an SLA (tiers[].sla), one row per response target and
 * per uptime target, side by side.
 */
export function renderFeatures(target, result, ctx) {
  const tiers = [...(result.tiers ?? [])].sort((a, b) => a.rank - b.rank);
  const features = result.features ?? [];
  const sla = slaRows(tiers);
  if ((features.length === 0 && sla.length === 0) || tiers.length === 0) {
    updateChildren(target, h('p', { class: 'muted', text: ctx.t('features.none') }));
    return;
  }
  const table = h('table', { class: 'features' },
    h('caption', { class: 'visually-hidden', text: ctx.t('features.title') }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: ctx.t('features.feature') }),
      tiers.map((tier) => h('th', { scope: 'col', class: 'mark', text: ctx.localName(tier) })))),
    features.length > 0 && h('tbody', {}, features.map((feature) => h('tr', {},
      h('th', { scope: 'row', text: ctx.localName(feature) }),
      tiers.map((tier) => {
        const has = feature.tiers?.[tier.id] === true;
        return h('td', { class: has ? 'mark yes' : 'mark no', 'data-tier': tier.id },
          h('span', { 'aria-hidden': 'true', text: has ? '✓' : '–' }),
          srOnly(ctx.t(has ? 'features.included' : 'features.not_included')));
      })))),
    sla.length > 0 && h('tbody', { class: 'sla' },
      h('tr', {}, h('th', { scope: 'rowgroup', colspan: String(tiers.length + 1), class: 'group',
        text: ctx.t('features.sla') })),
      sla.map((row) => h('tr', { 'data-sla': `${row.kind}:${row.id}` },
        h('th', { scope: 'row', text: row.kind === 'uptime'
          ? ctx.t('features.uptime', { service: ctx.localName(row.item) })
          : ctx.localName(row.item) }),
        tiers.map((tier) => {
          const entry = row.tiers.get(tier.id);
          if (!entry) {
            return h('td', { class: 'mark no', 'data-tier': tier.id },
              h('span', { 'aria-hidden': 'true', text: '–' }), srOnly(ctx.t('features.not_included')));
          }
          const text = row.kind === 'uptime'
            ? ctx.t('features.uptime_value', { percent: ctx.fmt.number(entry.percent) })
            : explain(entry.explanation, ctx);
          return h('td', { class: 'mark sla-value', 'data-tier': tier.id, text });
        })))));
  updateChildren(target, h('div', { class: 'table-scroll', role: 'region', tabindex: '0',
    'aria-label': ctx.t('features.title') }, table));
}

/** The SLA rows of the tiers: each response level and uptime service once, in order. */
function slaRows(tiers) {
  const rows = new Map();
  for (const tier of tiers) {
    for (const [kind, list, key] of [['response', tier.sla?.response, 'level'], ['uptime', tier.sla?.uptime, 'service']]) {
      for (const entry of list ?? []) {
        const id = `${kind}:${entry[key]}`;
        if (!rows.has(id)) rows.set(id, { kind, id: entry[key], item: entry, tiers: new Map() });
        rows.get(id).tiers.set(tier.id, entry);
      }
    }
  }
  return [...rows.values()];
}

/** The conventions every result states (rounding, month ends, fingerprint). */
export function renderConventions(target, result, ctx) {
  const c = result.conventions ?? {};
  const mode = ctx.t.has(`rounding.${c.rounding_mode}`) ? ctx.t(`rounding.${c.rounding_mode}`) : c.rounding_mode;
  const monthEnd = ctx.t.has(`month_end.${c.month_end}`) ? ctx.t(`month_end.${c.month_end}`) : c.month_end;
  setText(target, ctx.t('conventions', {
    mode: mode ?? '',
    increment: c.rounding_increment ? ctx.fmt.money(c.rounding_increment) : '',
    month_end: monthEnd ?? '',
    catalog: result.catalog?.id ?? '',
    fingerprint: result.catalog?.fingerprint ?? '',
  }));
}
