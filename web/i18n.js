// The page's words: picking a language, translating keys, naming catalog
// objects. The message tables are one file per language in i18n/ (en.js is
// the reference and the fallback; tests/web/i18n.test.mjs keeps the others
// complete). All four are loaded up front: they are small, and the page makes
// no request after it has loaded.

import en from './i18n/en.js';
import es from './i18n/es.js';
import sv from './i18n/sv.js';
import ru from './i18n/ru.js';

/** Message tables by language. */
export const MESSAGES = { en, es, sv, ru };

/** Languages the page can show; the first is the default. */
export const LANGUAGES = Object.keys(MESSAGES);

/** Each language's name in itself, for the language picker. */
export const LANGUAGE_NAMES = { en: 'English', es: 'Español', sv: 'Svenska', ru: 'Русский' };

/**
 * The count that selects the plural form used after "number of" ("Number of
 * users", Russian "Число пользователей": genitive plural).
 */
export const GENERIC_PLURAL_COUNT = 5;

/** The language of a BCP 47 tag if the page has it ("ru-RU" → "ru"), else "". */
export function languageOf(tag) {
  const lang = String(tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.includes(lang) ? lang : '';
}

/**
 * Picks the UI language from the browser's preferences.
 * @param {readonly string[]} preferred e.g. navigator.languages
 * @returns {{lang: string, locale: string}} `lang` picks the message table
 *   and catalog names; `locale` (the user's own tag when it is a variant of
 *   `lang`, such as en-GB) formats numbers and dates.
 */
export function pickLanguage(preferred) {
  for (const tag of preferred ?? []) {
    const lang = languageOf(tag);
    if (lang) return { lang, locale: safeLocale(tag, lang) };
  }
  return { lang: LANGUAGES[0], locale: LANGUAGES[0] };
}

/**
 * The Intl locale for a language chosen explicitly: the first of the
 * browser's tags for that language (keeps en-GB, es-MX), else the language.
 */
export function localeFor(lang, preferred) {
  const own = (preferred ?? []).find((tag) => languageOf(tag) === lang);
  return own ? safeLocale(own, lang) : lang;
}

function safeLocale(tag, fallback) {
  try {
    return Intl.getCanonicalLocales(String(tag).replace(/_/g, '-'))[0] ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * Returns t(key, args, counts) for a language: the message with
 * {placeholders} replaced by args (already formatted strings or numbers).
 * A plural message picks its form by counts[message.count] (counts defaults
 * to args; pass the raw numbers when args holds formatted ones such as
 * "1,200"). A placeholder {name:key} is a counted phrase: args[name] put
 * into the plural message `key` as its {n}, the form chosen by
 * counts[name] ("{months:months}" → "1 month", "36 months"), so that one
 * message can count more than one thing. A key missing in the language falls
 * back to English; a key missing everywhere makes t.has false and t return
 * the key itself.
 */
export function createTranslator(lang) {
  const table = MESSAGES[lang] ?? MESSAGES.en;
  const plurals = new Intl.PluralRules(MESSAGES[lang] ? lang : 'en');

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
    return message.replace(PLACEHOLDER, (whole, name, counted) => {
      if (!Object.prototype.hasOwnProperty.call(args, name)) return whole;
      return counted ? t(counted, { n: args[name] }, { n: counts[name] }) : String(args[name]);
    });
  }
  t.has = (key) => lookup(key) !== null;
  /** True when the message exists and every {placeholder} in it is in args. */
  t.covers = (key, args) => {
    const message = lookup(key);
    if (message === null) return false;
    return placeholders(message).every((name) => Object.prototype.hasOwnProperty.call(args, name));
  };
  t.lang = MESSAGES[lang] ? lang : 'en';
  return t;
}

/** {name} or {name:key} (a counted phrase, see createTranslator). */
const PLACEHOLDER = /\{(\w+)(?::([\w.]+))?\}/g;

/** The {placeholder} names of a message (all plural forms), sorted, unique. */
export function placeholders(message) {
  const forms = typeof message === 'object' && message !== null
    ? Object.entries(message).filter(([form]) => form !== 'count').map(([, text]) => text)
    : [message];
  const names = new Set();
  for (const text of forms) for (const [, name] of String(text).matchAll(PLACEHOLDER)) names.add(name);
  return [...names].sort();
}

/** A catalog object's name in the language (`names[lang]`), else `name`. */
export function localName(item, lang) {
  if (!item) return '';
  const translated = item.names && typeof item.names[lang] === 'string' ? item.names[lang] : '';
  return translated || String(item.name ?? item.id ?? '');
}

/** A catalog object's note in the language (`notes[lang]`), else `note`; '' without one. */
export function localNote(item, lang) {
  if (!item || typeof item.note !== 'string' || !item.note) return '';
  const translated = item.notes && typeof item.notes[lang] === 'string' ? item.notes[lang] : '';
  return translated || item.note;
}

