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
   * @param {{wholeUnits?: boolean}} [options] wholeUnits: the catalog rounds
   *   to whole units (increment "1", as v8pro's roubles), so an amount whose
   *   decimals are all zero is shown without them ("3596.00" → 3 596 ₽)
   */
  constructor(locale, currency, exponent, { wholeUnits = false } = {}) {
    this.locale = locale;
    this.currency = currency;
    this.exponent = exponent;
    this.wholeUnits = wholeUnits;
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
    const whole = this.wholeUnits && /^-?\d+(\.0+)?$/.test(text);
    const digits = whole ? 0 : Math.max(this.exponent, decimals(text));
    let nf = this.moneyFormats.get(digits);
    if (!nf) {
      nf = new Intl.NumberFormat(this.locale, {
        style: 'currency',
        currency: this.currency,
        minimumFractionDigits: Math.min(this.exponent, digits),
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

  /**
   * An RFC 3339 moment as the engine writes it ("2026-11-20T16:30:00+01:00"):
   * its own date and wall-clock time, and its UTC offset ("UTC+01:00"), never
   * converted to the browser's zone (the SLA's calendar decides the clock).
   */
  moment(text) {
    const m = MOMENT.exec(String(text));
    if (!m) return String(text);
    const offset = m[4] === 'Z' ? 'UTC' : `UTC${m[4]}`;
    return `${this.date(m[1])} ${m[2]}:${m[3]} (${offset})`;
  }

  /** A weekday code of the engine ("mon" … "sun") as the locale's short name. */
  weekday(code) {
    const index = WEEKDAYS.indexOf(String(code));
    if (index < 0) return String(code);
    this.weekdayFormat ??= new Intl.DateTimeFormat(this.locale, { weekday: 'short' });
    return this.weekdayFormat.format(localDate({ year: 2024, month: 1, day: 1 + index })); // 2024-01-01: a Monday
  }

  /**
   * A duration as the engine writes it ("7 h 26 min 24 s") in the locale's
   * words, with Intl.DurationFormat where the browser has it (else as is).
   */
  duration(text) {
    const m = DURATION.exec(String(text));
    if (!m || !(m[1] || m[2] || m[3]) || typeof Intl.DurationFormat !== 'function') return String(text);
    this.durationFormat ??= new Intl.DurationFormat(this.locale, { style: 'short' });
    return this.durationFormat.format({ hours: Number(m[1] ?? 0), minutes: Number(m[2] ?? 0), seconds: Number(m[3] ?? 0) });
  }
}

const MOMENT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.0+)?)?(Z|[+-]\d{2}:\d{2})$/;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DURATION = /^(?:(\d+) h)?\s*(?:(\d+) min)?\s*(?:(\d+) s)?$/;

/** True for an RFC 3339 moment with offset ("2026-11-20T16:30:00+01:00"). */
export function isMoment(text) {
  return MOMENT.test(String(text));
}

/**
 * True when a rounding increment (conventions.rounding_increment, "1.00") is
 * a whole number of currency units: the catalog's amounts are then shown
 * without decimals when they have none.
 */
export function isWholeIncrement(increment) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(increment ?? ''));
  return !!m && /^0*$/.test(m[2] ?? '') && /[1-9]/.test(m[1]);
}
