// The page's words, one table per language. English is complete and is the
// fallback for any key another language lacks. To add a language (es, sv, ru
// are next), add a table with the same keys and list it in LANGUAGES.
//
// A message is either a string with {placeholders}, or a plural object
// {count: "argName", one: "...", other: "..."} (plus "few"/"many"/... where
// the language needs them) chosen with Intl.PluralRules on args[count].
// Keys "explain.<key>" render the engine's explanation keys (docs/api.md);
// their args arrive already formatted (money, dates, names) by explain.js,
// which uses the first of "<key>.open" (a band without upper bound), "<key>"
// and "<key>.short" whose placeholders the explanation's args all fill.

const en = {
  'page.title': 'Support plan calculator',
  'page.lede': 'Compare support tiers and billing periods. Every figure is computed in your browser and explained.',
  'page.loading': 'Loading the price lists…',
  'page.skip': 'Skip to the results',
  'form.title': 'Your situation',
  'page.footer': 'Calculated in your browser from the vendor’s price list; nothing you enter is sent anywhere.',

  'field.vendor': 'Product',
  'field.quantity': 'Quantity',
  'field.quantity.hint': 'Number of {units}',
  'field.horizon': 'Horizon (months)',
  'field.horizon.hint': 'How many months of costs to add up',
  'field.start': 'Start date',
  'field.start.hint': 'First day of support',
  'field.period': 'Billing',
  'field.period.all': 'All periods',
  'field.period.monthly': 'Monthly',
  'field.period.annual': 'Annual',
  'field.period.none': 'This product has no plans with that billing period.',

  'input.empty': 'Enter a whole number.',
  'input.bad_date': 'Enter a date.',

  'error.engine_load': 'The calculator could not start: {message}',
  'error.index_load': 'The list of products could not be loaded: {message}',
  'error.catalog_load': 'The price list “{name}” could not be loaded: {message}',
  'error.unexpected': 'Something went wrong: {message}',
  'error.fix_fields': 'Correct the highlighted field to see prices.',
  'error.no_rows': 'No plan matches these choices.',

  'notice.illustrative': 'Sample prices — not the vendor’s published prices.',
  'notice.link_changed': 'This link was made with a different version of the price list. The figures below use the current prices.',

  'results.heading': 'Support plans',
  'results.title': '{vendor}: support plans',
  'results.params': '{quantity} {units} · {months} from {start}',
  'results.cheapest': 'Cheapest for you: {plan} — {total} over {months}',
  'results.cheapest_badge': 'Cheapest for you',
  'results.none': 'No plan can be priced for these choices.',

  'table.caption': 'Plans compared over {months}',
  'table.plan': 'Plan',
  'table.per_period': 'Price per period',
  'table.per_month': 'Effective per month',
  'table.horizon_total': 'Total over {months}',
  'table.rank': 'Rank',
  'table.covered': {
    count: 'charges',
    one: '{charges} charge, covered until {covered_until}',
    other: '{charges} charges, covered until {covered_until}',
  },
  'table.unavailable': 'Not available: {message}',
  'table.details': 'How {plan} is calculated',

  'savings.title': 'Savings from longer billing periods',
  'savings.save': 'Save {saving} ({percent} %)',
  'savings.filtered': 'Choose “All periods” to compare billing periods.',
  'savings.none': 'Each tier is sold with one billing period only, so there is nothing to compare.',
  'features.title': 'What each tier includes',
  'features.feature': 'Feature',
  'features.included': 'Included',
  'features.not_included': 'Not included',
  'features.none': 'The price list names no features.',

  'quote.loading': 'Calculating…',
  'quote.error': 'This plan could not be calculated: {message}',
  'quote.first_period': 'First billing period: {start} to {end}',
  'quote.item': 'Item',
  'quote.amount': 'Amount',
  'quote.first_total': 'First period total',
  'quote.per_month': 'Effective per month: {amount} ({explanation})',
  'quote.schedule': 'Charges over {months}',
  'quote.period': 'Period',
  'quote.price_from': 'Price list from',
  'quote.horizon_total': 'Total over {months}',
  'quote.half_open': 'Each period runs from its start date up to, not including, its end date.',

  'conventions': 'Rounding: {mode}, to {increment} per line; month ends: {month_end}. Price list {catalog}, fingerprint {fingerprint}.',
  'rounding.half_up': 'half up',
  'rounding.half_even': 'half to even',
  'rounding.up': 'up',
  'rounding.down': 'down',
  'month_end.clamp_to_last_day': 'a period starting on the 31st continues on the month’s last day',

  'months': { count: 'n', one: '{n} month', other: '{n} months' },
  'period.1': 'monthly',
  'period.3': 'quarterly',
  'period.12': 'annual',
  'period.n': 'every {n} months',
  'per_period.1': 'per month',
  'per_period.12': 'per year',
  'per_period.n': 'per {n} months',
  'plan.name': '{tier}, {period} billing',

  'unit.user': { count: 'n', one: 'user', other: 'users' },
  'unit.seat': { count: 'n', one: 'seat', other: 'seats' },
  'unit.licence': { count: 'n', one: 'licence', other: 'licences' },
  'unit.license': { count: 'n', one: 'license', other: 'licenses' },
  'unit.account': { count: 'n', one: 'account', other: 'accounts' },
  'unit.unit': { count: 'n', one: 'unit', other: 'units' },

  'explain.price.flat': 'Flat price {amount}',
  'explain.price.per_unit': '{quantity} {unit} × {unit_amount}',
  'explain.price.graduated_band': 'Units {from}–{to}: {quantity} × {unit_amount}',
  'explain.price.graduated_band.open': 'Units from {from}: {quantity} × {unit_amount}',
  'explain.price.band_flat': 'Flat fee for units {from}–{to}: {amount}',
  'explain.price.band_flat.open': 'Flat fee for units from {from}: {amount}',
  'explain.price.volume': 'All {quantity} units at the {from}–{to} band price {unit_amount}',
  'explain.price.volume.open': 'All {quantity} units at the band price from {from} units, {unit_amount}',
  'explain.price.package': '{quantity} units = {packages} packages of {package_size} × {package_amount}',
  'explain.price.list_rate': '{rate} % of the {product} list price {list_price} (in force from {list_price_from}) = {exact}, rounded to {unit_amount}, × {quantity}',
  'explain.price.list_rate.short': '{rate} % of the {product} list price {list_price} (in force from {list_price_from}) = {exact}, rounded',
  'explain.schedule.period': 'Period {index}: {start} to {end}',
  'explain.effective.per_month': {
    count: 'months',
    one: '{total} for {months} month',
    other: '{total} over {months} months',
  },
  'explain.horizon.total': {
    count: 'charges',
    one: '{charges} charge starting within {months} months, covering until {covered_until}',
    other: '{charges} charges starting within {months} months, covering until {covered_until}',
  },
  'explain.compare.cheapest': 'Cheapest over {months} months: {difference} less than {next_plan} ({next_total})',
  'explain.compare.only_plan': 'The only plan that can be priced for these choices',
  'explain.savings.longer_period': 'Over {months} months, {longer_plan} costs {longer_cost} instead of {shorter_cost}: {saving} ({percent} %) less',
};

/** Message tables by language. */
export const MESSAGES = { en };

/** Languages the page can show, in order of preference when nothing matches. */
export const LANGUAGES = Object.keys(MESSAGES);

/**
 * Picks the UI language from the browser's preferences.
 * @param {readonly string[]} preferred e.g. navigator.languages
 * @returns {{lang: string, locale: string}} `lang` picks the message table
 *   and catalog names; `locale` (the user's own tag when it is a variant of
 *   `lang`, such as en-GB) formats numbers and dates.
 */
export function pickLanguage(preferred) {
  for (const tag of preferred ?? []) {
    const lang = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(lang)) return { lang, locale: safeLocale(tag, lang) };
  }
  return { lang: LANGUAGES[0], locale: LANGUAGES[0] };
}

function safeLocale(tag, fallback) {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * Returns t(key, args, counts) for a language: the message with
 * {placeholders} replaced by args (already formatted strings or numbers).
 * A plural message picks its form by counts[message.count] (counts defaults
 * to args; pass the raw numbers when args holds formatted ones such as
 * "1,200"). A key missing in the language falls back to English; a key
 * missing everywhere makes t.has false and t return the key itself.
 */
export function createTranslator(lang) {
  const table = MESSAGES[lang] ?? MESSAGES.en;
  const plurals = new Intl.PluralRules(lang);

  function lookup(key) {
    return table[key] ?? MESSAGES.en[key] ?? null;
  }

  function t(key, args = {}, counts = args) {
    let message = lookup(key);
    if (message === null) return key;
    if (typeof message === 'object') {
      const n = Number(counts[message.count]);
      message = message[plurals.select(Number.isFinite(n) ? n : 0)] ?? message.other;
    }
    return message.replace(/\{(\w+)\}/g, (whole, name) =>
      Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole,
    );
  }
  t.has = (key) => lookup(key) !== null;
  /** True when the message exists and every {placeholder} in it is in args. */
  t.covers = (key, args) => {
    const message = lookup(key);
    if (message === null) return false;
    const forms = typeof message === 'object'
      ? Object.entries(message).filter(([form]) => form !== 'count').map(([, text]) => text)
      : [message];
    return forms.every((text) => [...text.matchAll(/\{(\w+)\}/g)]
      .every(([, name]) => Object.prototype.hasOwnProperty.call(args, name)));
  };
  t.lang = lang;
  return t;
}

/** A catalog object's name in the language (`names[lang]`), else `name`. */
export function localName(item, lang) {
  if (!item) return '';
  const translated = item.names && typeof item.names[lang] === 'string' ? item.names[lang] : '';
  return translated || String(item.name ?? item.id ?? '');
}
