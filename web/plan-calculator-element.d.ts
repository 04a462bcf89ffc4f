// Types for web/plan-calculator-element.js (the <plan-calculator> widget).
// Attributes, properties and events: README.md, "The <plan-calculator> widget".
import type { CreateEngineOptions } from './plancalc.js';

export interface PlanCalculatorTotals {
  /** Decimal strings in the catalog currency, e.g. "450.00". */
  first_period: string;
  per_month: string;
  horizon: string;
}

export interface PlanCalculatorChangeDetail {
  mode: 'compare' | 'quote';
  /** The input the visitor changed. */
  field: 'plan' | 'quantity' | 'start';
  plan: string;
  quantity: number;
  start: string;
  horizon: number;
}

export interface PlanCalculatorChangedDetail {
  mode: 'compare' | 'quote';
  plan: string;
  quantity: number;
  start: string;
  horizon: number;
  currency: string;
  /** quote mode: the plan's totals (null for a plan priced on request); compare mode: totals by plan id. */
  totals: PlanCalculatorTotals | Record<string, PlanCalculatorTotals> | null;
  /** quote mode: true when the vendor prices the plan individually (no figure, no error). */
  on_request?: boolean;
  /** compare mode: the cheapest plan's id. */
  cheapest?: string;
  /** compare mode with `needs`: the cheapest plan that gives them all ('' when none does). */
  recommended?: string;
  /** The engine's quote or compare result (docs/api.md); null for a plan priced on request. */
  result: any;
}

export interface PlanCalculatorErrorDetail {
  code: string;
  message: string;
  path: string;
  source: string;
}

export declare class PlanCalculatorChangeEvent<D = PlanCalculatorChangeDetail | PlanCalculatorChangedDetail> extends Event {
  constructor(type: string, detail: D, init?: { cancelable?: boolean });
  readonly detail: D;
}

export declare class PlanCalculatorErrorEvent extends Event {
  constructor(error: unknown);
  readonly detail: PlanCalculatorErrorDetail;
}

export declare class PlanCalculatorElement extends HTMLElement {
  static define(tag?: string, registry?: CustomElementRegistry): typeof PlanCalculatorElement;
  static readonly observedAttributes: string[];
  /** createEngine options; the single-file build sets moduleFactory. */
  static engineOptions: CreateEngineOptions;
  /** Catalog texts by id (the single-file build bundles plans/index.json's). */
  static catalogs: Record<string, string>;
  /** Where an id that is not bundled is looked up, against the document's URL. */
  static catalogIndex: string;

  catalog: string;
  plan: string;
  quantity: number;
  start: string;
  horizon: number;
  locale: string;
  mode: 'compare' | 'quote';
  readOnly: boolean;
  /**
   * compare mode: what the customer needs, ";"-separated:
   * "features=phone,top_priority", "<level>=4h" / "<level>=5d", "uptime=99.9".
   */
  needs: string;
  catalogData: object | string | null;
  readonly result: any;
}

declare global {
  interface HTMLElementTagNameMap {
    'plan-calculator': PlanCalculatorElement;
  }
  interface HTMLElementEventMap {
    'plan-calculator-change': PlanCalculatorChangeEvent<PlanCalculatorChangeDetail>;
    'plan-calculator-changed': PlanCalculatorChangeEvent<PlanCalculatorChangedDetail>;
    'plan-calculator-error': PlanCalculatorErrorEvent;
  }
}
