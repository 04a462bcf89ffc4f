// Registers <plan-calculator> (github's *-element pattern: the class in
// plan-calculator-element.js, registration here). Including the script twice,
// or after another definition of the tag, is harmless.
//
//   <script type="module" src="plan-calculator-define.js"></script>   (ES modules, served over http)
//   <script src="plan-calculator.js"></script>                         (the single file, works from file://)

import { PlanCalculatorElement } from './plan-calculator-element.js';

const root = typeof globalThis !== 'undefined' ? globalThis : window;
try {
  root.PlanCalculatorElement = PlanCalculatorElement.define();
} catch (e) {
  const alreadyDefined = root.DOMException && e instanceof DOMException && e.name === 'NotSupportedError';
  if (!alreadyDefined && !(e instanceof ReferenceError)) throw e;
}

export { PlanCalculatorElement };
