// Showing errors where they belong: an engine error whose JSON Pointer names
// a request field goes next to that field's control (aria-invalid, and the
// message joins the control's aria-describedby); anything else goes to the
// general error box. Messages are text, never HTML.

/** Request JSON Pointer (first segment) → id of the form control. */
const FIELD_FOR_PATH = {
  quantity: 'quantity',
  horizon_months: 'horizon',
  start: 'start',
  as_of: 'start',
  billing_months: 'period',
};

export class ErrorDisplay {
  /**
   * @param {Document} doc
   * @param {HTMLElement} generalBox the page's general error box (role=alert)
   * @param {() => Function} [translator] returns the current translator, to
   *   word engine errors in the page's language (errorText)
   */
  constructor(doc, generalBox, translator = null) {
    this.doc = doc;
    this.generalBox = generalBox;
    this.translator = translator;
    this.shown = new Set();
    this.generalShown = false;
  }

  /**
   * The control id an error belongs to, or null for the general box.
   * @param {object} error
   * @param {Record<string, string>} [fields] a panel's own controls: JSON
   *   Pointer → control id ("/opened" → "sla-opened"); the longest pointer
   *   that is the error's path or a parent of it wins, before the shared
   *   first-segment map
   */
  static fieldFor(error, fields = null) {
    if (!error || error.source === 'catalog' || typeof error.path !== 'string') return null;
    if (fields) {
      for (let path = error.path; path; path = path.slice(0, path.lastIndexOf('/'))) {
        if (Object.prototype.hasOwnProperty.call(fields, path)) return fields[path];
      }
    }
    const first = error.path.split('/')[1] ?? '';
    return FIELD_FOR_PATH[first] ?? null;
  }

  /**
   * Shows an error next to its field, or in the general box.
   * @param {{code?: string, message: string, path?: string, source?: string}} error
   * @param {string} [generalText] the text for the general box (default: the message)
   * @param {Record<string, string>} [fields] the panel's own controls (fieldFor)
   * @returns {string|null} the field id used, or null
   */
  show(error, generalText, fields = null) {
    const field = ErrorDisplay.fieldFor(error, fields);
    const text = this.translator ? errorText(error, this.translator()) : sentence(error.message);
    if (field) {
      this.showAtField(field, text, error.code);
      return field;
    }
    this.showGeneral(generalText ?? text, error.code);
    return null;
  }

  /** Shows a message next to the control `id` (input or fieldset). */
  showAtField(id, message, code = '') {
    const control = this.doc.getElementById(id);
    const box = this.doc.getElementById(`${id}-error`);
    if (!control || !box) {
      this.showGeneral(message, code);
      return;
    }
    box.textContent = message;
    box.dataset.code = code ?? '';
    box.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    if (!described.includes(box.id)) control.setAttribute('aria-describedby', [box.id, ...described].join(' '));
    this.shown.add(id);
    // A field inside a closed disclosure (the phone's folded inputs) is shown.
    for (let d = control.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
  }

  /** Shows a message in the general box. */
  showGeneral(message, code = '') {
    this.generalBox.textContent = message;
    this.generalBox.dataset.code = code ?? '';
    this.generalBox.hidden = false;
    this.generalShown = true;
  }

  /**
   * Removes every message shown so far. Every recompute calls it, so with
   * none shown it touches no node.
   */
  clear() {
    if (this.shown.size === 0 && !this.generalShown) return;
    for (const id of this.shown) {
      const control = this.doc.getElementById(id);
      const box = this.doc.getElementById(`${id}-error`);
      if (box) {
        box.textContent = '';
        box.hidden = true;
        delete box.dataset.code;
      }
      if (control) {
        control.removeAttribute('aria-invalid');
        const described = (control.getAttribute('aria-describedby') ?? '')
          .split(/\s+/)
          .filter((token) => token && token !== `${id}-error`);
        if (described.length) control.setAttribute('aria-describedby', described.join(' '));
        else control.removeAttribute('aria-describedby');
      }
    }
    this.shown.clear();
    this.generalBox.textContent = '';
    this.generalBox.hidden = true;
    delete this.generalBox.dataset.code;
    this.generalShown = false;
  }
}

/** "quantity must be at least 1" → "Quantity must be at least 1." (engine
 *  messages are lowercase, fmt style; the page shows them as sentences). */
export function sentence(message) {
  const text = String(message ?? '').trim();
  if (!text) return '';
  // Capitalise a plain first word only: "horizon_months must…" names a field.
  const first = text.split(/\s/, 1)[0];
  const capital = /^[a-z]+$/.test(first) ? text[0].toUpperCase() + text.slice(1) : text;
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * An engine error as a sentence in the page's language, worded from its code
 * and args (docs/errors.md), never from the engine's English message when the
 * page has words for it: "code.<code>.args" when every {placeholder} in it is
 * among the error's args (numbers in the locale's digits, ISO dates as the
 * locale's long date, lists as the locale's list); else English shows the
 * engine's message and another language "code.<code>", or, for a code it
 * has no words for, a generic sentence ("code.other").
 * @param {{code?: string, message?: string, args?: object}} error
 * @param {Function & {lang: string, has: (key: string) => boolean, covers: Function}} t translator (i18n.js)
 */
export function errorText(error, t) {
  const key = `code.${error?.code}`;
  const args = formatArgs(error?.args, t.lang);
  if (t.covers?.(`${key}.args`, args)) return t(`${key}.args`, args);
  // English without worded args keeps the engine's message, the most
  // specific English there is (issue 21 asks for args-worded sentences for
  // every code; until each has its ".args" words, English falls back here).
  if (t.lang === 'en') return sentence(error?.message ?? error);
  if (t.has(key)) return t(key, args);
  if (t.has('code.other')) return t('code.other');
  return sentence(error?.message ?? error);
}

function formatArgs(args, lang) {
  const out = {};
  if (!args || typeof args !== 'object') return out;
  const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const lists = new Intl.ListFormat(lang, { type: 'conjunction' });
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === 'number') out[name] = numbers.format(value);
    else if (Array.isArray(value)) out[name] = lists.format(value.map(String));
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) out[name] = dates.format(new Date(`${value}T00:00:00Z`));
    else if (typeof value === 'string') out[name] = value;
  }
  return out;
}
