// What the renewal panel and the change / cancel / add licences panel share:
// showing an engine error at the panel's field or in the panel itself,
// reading the shared quantity, and printing one panel on its own.

import { h } from './dom.js';
import { ErrorDisplay, errorText } from './field-errors.js';
import { todayIso } from './format.js';

/**
 * Shows an engine error: at the panel's control its path names (fields:
 * JSON Pointer → control id, or the shared quantity), else as the panel's
 * message. Anything but a PlanCalcError stops the page (host.showEngineError).
 * @param {object} host
 * @param {Error} e
 * @param {Record<string, string>} fields
 * @param {(message: string, isError: boolean) => void} hide the panel's hide
 */
export function showPanelError(host, e, fields, hide) {
  if (e?.name !== 'PlanCalcError') {
    host.showEngineError(e);
    hide('', false);
    return;
  }
  if (ErrorDisplay.fieldFor(e, fields)) {
    host.errors.show(e, undefined, fields);
    hide(host.t('lifecycle.fix_fields'), false);
    return;
  }
  hide(host.t('lifecycle.error', { message: errorText(e, host.t) }), true, e.code);
}

/**
 * Hides a panel's figures (loading, no catalog, an error) and says why in its
 * live region; isError marks an engine error (its code in data-code).
 * @param {{section, details, body, params, summary}} ui the panel's elements
 */
export function hidePanelFigures(ui, message, busy = false, isError = false, code = '') {
  if (busy) ui.section.setAttribute('aria-busy', 'true');
  else ui.section.removeAttribute('aria-busy');
  ui.details.hidden = true;
  ui.body.replaceChildren();
  ui.params.textContent = '';
  ui.summary.replaceChildren();
  if (!message) return;
  ui.summary.append(h('p', {
    class: isError ? 'summary-line panel-error' : 'summary-line muted',
    'data-code': isError ? code || null : null,
    text: message,
  }));
}

/**
 * The shared quantity as a number for a request, or NaN after showing
 * "Enter a whole number." at the field (any number the browser reads goes
 * to the engine as is: the engine says what is wrong with it).
 */
export function sharedQuantity(host) {
  const text = host.inputs().quantity;
  const quantity = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(quantity)) host.errors.showAtField('quantity', host.t('input.empty'), 'input_empty');
  return quantity;
}

/**
 * "Print this calculation": prints the panel alone (styles.css hides the
 * rest while body[data-print] names it), with the date and the link.
 * @param {object} host
 * @param {HTMLElement} section the panel's <section>
 * @param {HTMLButtonElement} button
 * @param {HTMLElement} note the panel's print-only footnote
 */
export function setupPanelPrint(host, section, button, note) {
  button.addEventListener('click', () => {
    const date = host.info ? host.viewContext().fmt.date(todayIso()) : todayIso();
    note.textContent = host.t('print.note', { date, url: location.href });
    host.doc.body.dataset.print = section.id;
    window.print();
  });
  window.addEventListener('afterprint', () => {
    if (host.doc.body.dataset.print === section.id) delete host.doc.body.dataset.print;
  });
}
