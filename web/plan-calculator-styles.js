// The <plan-calculator> widget's styles, scoped to its shadow root as one
// constructable stylesheet shared by every instance: no <style> element, no
// style attribute, so a page's strict Content-Security-Policy (no
// 'unsafe-inline') does not block them. A host page themes the widget with
// the custom properties below or through its parts (::part(total) …).
// Colours meet WCAG AA (4.5:1) on white, as the page's (styles.css).

const CSS = `
:host {
  --plan-calculator-ink: #1f2933;
  --plan-calculator-muted: #4b5866;
  --plan-calculator-line: #d5dde6;
  --plan-calculator-accent: #1d4ed8;
  --plan-calculator-good: #14532d;
  --plan-calculator-good-bg: #dcfce7;
  --plan-calculator-error: #b42318;
  --plan-calculator-notice: #713f12;
  --plan-calculator-notice-bg: #fef9c3;
  display: block;
  color: var(--plan-calculator-ink);
  font: inherit;
  line-height: 1.45;
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
.container {
  border: 1px solid var(--plan-calculator-line);
  border-radius: 6px;
  padding: 0.9rem 1rem;
  background: #ffffff;
}
p { margin: 0 0 0.5rem; }
[hidden] { display: none !important; }
:focus-visible { outline: 3px solid var(--plan-calculator-accent); outline-offset: 2px; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.header { margin-bottom: 0.5rem; }
.vendor { font-weight: 700; margin: 0; }
.notice {
  color: var(--plan-calculator-notice); background: var(--plan-calculator-notice-bg);
  padding: 0.25rem 0.5rem; border-radius: 4px; font-size: 0.875em; margin: 0.25rem 0 0;
}
.muted, .hint, .sub { color: var(--plan-calculator-muted); }
.hint { display: block; font-size: 0.8125em; margin-top: 0.15rem; }
.controls { display: flex; flex-wrap: wrap; gap: 0.75rem 1rem; margin: 0 0 0.75rem; }
.field { display: flex; flex-direction: column; min-width: 9rem; flex: 1 1 9rem; }
.field label { font-weight: 600; margin-bottom: 0.2rem; }
input, select {
  font: inherit; color: inherit; min-height: 2.4rem; padding: 0.35rem 0.5rem;
  border: 1px solid #9aa5b1; border-radius: 6px; background: #ffffff; width: 100%;
}
.inputs { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0 0 0.75rem; }
.term { display: flex; gap: 0.4rem; }
dt { color: var(--plan-calculator-muted); }
dt::after { content: ":"; }
dd { margin: 0; font-weight: 600; }
.total { margin: 0 0 0.75rem; }
.total-line, .summary-line { font-size: 1.15em; font-weight: 700; margin: 0; }
.summary-why { color: var(--plan-calculator-muted); }
.error { color: var(--plan-calculator-error); font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; margin-bottom: 0.5rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--plan-calculator-line); }
thead th { font-size: 0.875em; color: var(--plan-calculator-muted); }
tfoot th, tfoot td { border-top: 2px solid #9aa5b1; border-bottom: 0; }
.num { text-align: right; }
.strong { font-weight: 700; }
td .amount, td .sub, tfoot .sub { display: block; }
.sub { font-size: 0.8125em; font-weight: 400; }
.small, .footnote { font-size: 0.8125em; }
.footnote { color: var(--plan-calculator-muted); margin: 0.5rem 0 0; }
.per-month { margin: 0.25rem 0 0.75rem; }
.calc-grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem 1.5rem; }
@container (min-width: 40rem) { .calc-grid { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); } }
.details { container-type: inline-size; }
.table-scroll { overflow-x: auto; }
.plan-tier { display: block; font-weight: 700; }
.plan-period { display: block; color: var(--plan-calculator-muted); font-weight: 400; }
.cheapest { background: var(--plan-calculator-good-bg); }
.badge {
  display: inline-block; margin-top: 0.2rem; padding: 0.05rem 0.45rem; border-radius: 999px;
  background: var(--plan-calculator-good); color: #ffffff; font-size: 0.75em; font-weight: 700;
}
.row-error, .calc-error { color: var(--plan-calculator-error); }
.row-on-request, .total-line.on-request { color: var(--plan-calculator-muted); font-style: italic; }
.total-line.on-request { font-weight: 400; }
details.calc > summary { cursor: pointer; color: var(--plan-calculator-accent); font-size: 0.875em; width: fit-content; }
.calc-body { margin: 0.4rem 0; }
@media print {
  .container { border: 0; padding: 0; }
  .controls { display: none; }
  .cheapest { background: none; }
  .badge { background: none; color: #000000; border: 1px solid #000000; }
}
`;

let sheet = null;

/** The stylesheet (created once, adopted by every instance's shadow root). */
export function planCalculatorStyles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
