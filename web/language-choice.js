// Which language the page speaks, and remembering the visitor's choice.
// Order: the URL's `lang` (a shared link keeps its language), then the
// choice remembered in localStorage, then the browser's languages, then
// English. The choice is remembered both ways: in localStorage (the next
// visit) and in the URL (state.js writes `lang`).

import { LANGUAGES, languageOf, localeFor, pickLanguage } from './i18n.js';

const STORAGE_KEY = 'plancalc.lang';

/**
 * @param {object} where
 * @param {string} where.urlLang the URL's `lang` parameter ('' when absent)
 * @param {readonly string[]} where.preferred navigator.languages
 * @param {Storage|null} [where.storage] localStorage (null when unavailable)
 * @returns {{lang: string, locale: string}}
 */
export function chooseLanguage({ urlLang, preferred, storage }) {
  const chosen = languageOf(urlLang) || languageOf(readStored(storage));
  if (chosen) return { lang: chosen, locale: localeFor(chosen, preferred) };
  return pickLanguage(preferred);
}

/** Remembers an explicit choice for the next visit (ignored if storage fails). */
export function rememberLanguage(lang, storage) {
  if (!LANGUAGES.includes(lang)) return;
  try {
    storage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage can be disabled or full; the URL still carries the choice.
  }
}

function readStored(storage) {
  try {
    return storage?.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/** localStorage, or null where reading it throws (some privacy settings). */
export function safeLocalStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
