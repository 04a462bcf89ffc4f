// Display formatting with Intl: money from decimal strings, civil dates,
// plain numbers. No arithmetic on money happens here (or anywhere in the
// page): the engine computes every amount, the page only shows it.

const DECIMAL = /^-?\d+(\.\d+)?$/;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses "YYYY-MM-DD" as a civil date (no time, no zone).
 * @returns {{year: number, month: number, day: number} | null} null when the
 *   text is not a real calendar date (2026-02-30 is null).
 */
export function parseCivilDate(text) {
  const m = CIVIL_DATE.exec(String(text));
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const probe = localDate({ year, month, day });
  if (probe.getFullYear() !== year || probe.getMonth() !== month - 1 || probe.getDate() !== day) {
    return null;
  }
  return { year, month, day };
}

/** A Date at local midnight of a civil date, for Intl.DateTimeFormat only. */
function localDate({ year, month, day }) {
  const d = new Date(2000, 0, 1);
  d.setFullYear(year, month - 1, day); // setFullYear keeps years < 100 literal
  return d;
}

/** Today's civil date in the browser's time zone, as "YYYY-MM-DD". */
export function todayIso(now = new Date()) {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Number of digits after the decimal point of a decimal string. */
function decimals(text) {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Formats amounts, dates and numbers for one locale and one currency.
 */
export class Formatter {
  /**
   * @param {string} locale BCP 47 tag used for every Intl formatter
   * @param {string} currency ISO 4217 code, e.g. "EUR"
   * @param {number} exponent the currency's decimals (2 for EUR, 0 for JPY)
   */
  constructor(locale, currency, exponent) {
    this.locale = locale;
    this.currency = currency;
    this.exponent = exponent;
    this.moneyFormats = new Map();
    this.numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
    this.dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  }

  /**
   * Formats a decimal string such as "7990.00" as money. The string is handed
   * to Intl as is (current engines format decimal strings exactly); it shows
   * at least the currency's decimals and never drops digits the engine gave
   * (an unrounded "1997.50" in RUB with increment 1 keeps its ".50").
   */
  money(amount) {
    const text = String(amount);
    if (!DECIMAL.test(text)) return text;
    const digits = Math.max(this.exponent, decimals(text));
    let nf = this.moneyFormats.get(digits);
    if (!nf) {
      nf = new Intl.NumberFormat(this.locale, {
        style: 'currency',
        currency: this.currency,
        minimumFractionDigits: this.exponent,
        maximumFractionDigits: Math.min(digits, 20),
      });
      this.moneyFormats.set(digits, nf);
    }
    return nf.format(text);
  }

  /** Formats an integer or a decimal string ("16.7", "25") as a number. */
  number(value) {
    const text = String(value);
    if (!DECIMAL.test(text)) return text;
    return this.numberFormat.format(text);
  }

  /** Formats "YYYY-MM-DD" in the locale; an unparsable string is shown as is. */
  date(iso) {
    const civil = parseCivilDate(iso);
    return civil ? this.dateFormat.format(localDate(civil)) : String(iso);
  }
}
