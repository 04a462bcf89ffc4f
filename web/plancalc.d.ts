// Types for web/plancalc.js. Results are plain JSON objects as documented in
// docs/api.md; amounts are decimal strings ("7990.00"), never numbers.

/** JSON value as the engine reads and writes it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A request: an object (serialized with JSON.stringify) or raw JSON text. */
export type Request = { [key: string]: Json } | string;

/** An error response of the engine, or a catalog it rejected. */
export declare class PlanCalcError extends Error {
  constructor(code: string, message: string, path?: string, source?: string, response?: string);
  readonly name: 'PlanCalcError';
  /** Stable snake_case identifier (docs/errors.md), e.g. "unknown_plan". */
  readonly code: string;
  /** JSON Pointer into `source`; "" for the whole document. */
  readonly path: string;
  /** Which document `path` points into. */
  readonly source: 'request' | 'catalog' | '';
  /** The engine's raw response text ({"ok":false,...}), when the error came from one. */
  readonly response?: string;
  /** The error's arguments (ids, dates, limits, valid ids), per code in
   *  docs/errors.md: word the error from `code` and `args`, not `message`.
   *  `{}` for an error raised outside the engine. */
  readonly args: { [key: string]: Json };
  /** The same as `args` for support_inactive (`{support_end, renewal}`); kept for older callers. */
  readonly details?: { [key: string]: Json };
}

export interface CatalogRef {
  id: string;
  fingerprint: string;
  illustrative: boolean;
}

/** The Emscripten module factory exported by plancalc-core.js. */
export type ModuleFactory = (settings?: {
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
}) => Promise<unknown>;

export interface CreateEngineOptions {
  /** The factory itself (default: the default export of `moduleUrl`). */
  moduleFactory?: ModuleFactory;
  /** URL of plancalc-core.js; relative URLs resolve against plancalc.js (default: ./generated/plancalc-core.js). */
  moduleUrl?: string | URL;
  /** The .wasm bytes. Node reads them from beside `moduleUrl` when absent. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Emscripten's locateFile hook, to find the .wasm elsewhere. */
  locateFile?: (path: string, prefix: string) => string;
}

export interface Engine {
  /** The catalog summary from the engine's status. */
  readonly catalog: CatalogRef;
  /** The catalog's fingerprint, e.g. "fnv1a64:8c2d…". */
  readonly fingerprint: string;
  /** Each returns the response's `result`, or throws PlanCalcError. */
  quote(request: Request): any;
  compare(request: Request): any;
  describe(request?: Request): any;
  check(request?: Request): any;
  /** Contract life cycle (docs/api.md). support_inactive errors carry `details.renewal`. */
  renew(request: Request): any;
  change(request: Request): any;
  cancel(request: Request): any;
  addLicenses(request: Request): any;
  /** When is the answer due: a tier's response targets for a request opened at a moment, and uptime as downtime. */
  sla(request: Request): any;
  call(op: string, request?: Request): any;
  /** The raw response text ({"ok":...}), byte for byte what the CLI prints. */
  callRaw(op: string, request?: Request): string;
  /** Frees the native engine; later calls throw. Idempotent. */
  dispose(): void;
}

/** Starts loading and compiling the module now, so a later createEngine finds it ready; errors surface there. */
export declare function preloadModule(options?: CreateEngineOptions): void;

/** Loads the module (once) and an engine for one catalog; throws PlanCalcError for a rejected catalog. */
export declare function createEngine(
  catalog: string | { [key: string]: Json },
  options?: CreateEngineOptions,
): Promise<Engine>;
