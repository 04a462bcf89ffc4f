// The calculators of the page, in display order: the comparison, the
// renewal, the change / cancel / add licences and the SLA calculators. Each
// is a module exporting a Panel, its <section id="…"> with labelled controls
// in index.html (data-i18n labels), and its URL keys in `urlKeys` (state.js
// reads and writes them). With more than one panel, app.js lists them in the
// page's navigation.
//
// @typedef {object} Panel
// @property {string} id           stable name ("compare", "renew", "change", "sla")
// @property {string} sectionId    id of its <section> in index.html
// @property {string} titleKey     i18n key of its title (navigation)
// @property {(host: Host) => void} init            once: find and bind its controls
// @property {string[]} [urlKeys]   its inputs' URL keys (state.js), beside the shared ones
// @property {() => object} [state]                 its part of the URL state (values of urlKeys)
// @property {(host: Host) => void} [catalogLoaded] a catalog was loaded (host.info)
// @property {(host: Host) => void} update          compute with host.engine and render
// @property {(host: Host, message: string, busy?: boolean) => void} hide
//                                                  no figures: loading, no catalog, an error
//
// @typedef {object} Host  what app.js gives a panel
// @property {Document} doc
// @property {(id: string) => HTMLElement} $
// @property {object} initialState  the state read from the URL at load
// @property {() => object} state   the current inputs (strings) and panel states: the URL's
// @property {() => object} inputs  the shared inputs alone (vendor, quantity, horizon,
//                                  start): what a recompute reads, without every panel's state
// @property {object} engine        the loaded engine (plancalc.js)
// @property {object} info          its describe() result
// @property {Function} t           translator of the current language
// @property {() => object} viewContext  names and formatting for the views
// @property {() => string} unit    the unit the quantity counts
// @property {import('./field-errors.js').ErrorDisplay} errors
// @property {(e: Error) => boolean} showEngineError  true when shown at a field
// @property {() => void} recompute

import { comparePanel } from './compare-panel.js';
import { renewPanel } from './renew-panel.js';
import { changePanel } from './change-panel.js';
import { slaPanel } from './sla-panel.js';

/** @type {Panel[]} */
export const PANELS = [
  comparePanel,
  renewPanel,
  changePanel,
  slaPanel,
];
