// "Copy link" and "Print / save as PDF". The link is the page's own URL,
// which holds every input (written shortly after each change, and at once
// before a copy or a print: state.js), the language and the price list's
// fingerprint (state.js). Copying uses the Clipboard API; where it is
// missing or refused, the link is shown in a read-only field, selected, and
// copied with the older execCommand when the browser still allows it.
// Either way the outcome is announced in a polite live region.

/**
 * @param {object} ui
 * @param {HTMLButtonElement} ui.copyButton
 * @param {HTMLButtonElement} ui.printButton
 * @param {HTMLElement} ui.fallback wrapper of the read-only field (hidden until needed)
 * @param {HTMLInputElement} ui.field the read-only field
 * @param {HTMLElement} ui.status the live region (role=status)
 * @param {() => Function} translator returns the current translator
 * @param {() => void} settleUrl writes a pending change of the inputs into the URL now
 */
export function setupShare(ui, translator, settleUrl) {
  ui.copyButton.addEventListener('click', () => {
    settleUrl();
    copyLink(ui, translator());
  });
  ui.printButton.addEventListener('click', () => {
    settleUrl();
    window.print();
  });
  ui.field.addEventListener('focus', () => ui.field.select());
}

async function copyLink(ui, t) {
  const url = location.href;
  ui.status.textContent = '';
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(url);
    ui.fallback.hidden = true;
    announce(ui.status, t('share.copied'));
  } catch {
    ui.field.value = url;
    ui.fallback.hidden = false;
    ui.field.focus();
    ui.field.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    announce(ui.status, t(copied ? 'share.copied' : 'share.copy_manual'));
  }
}

/** Sets a live region's text after it was emptied, so a repeat is announced. */
function announce(region, text) {
  setTimeout(() => { region.textContent = text; }, 50);
}

/** Keeps the fallback field's link current while it is shown. */
export function refreshShareField(ui) {
  if (!ui.fallback.hidden) ui.field.value = location.href;
}
