// The JavaScript face of the engine: loads the WebAssembly module, turns JSON
// text responses into objects, and error responses into PlanCalcError. No
// business logic lives here: every figure comes from the C++ engine
// (core/api/), the same code the native CLI runs.
//
//   import { createEngine, PlanCalcError } from './plancalc.js';
//   const engine = await createEngine(catalogText);
//   const result = engine.quote({ plan: 'premium-annual', quantity: 25, start: '2026-03-01' });
//
// In the browser the module is fetched from ./generated/plancalc-core.js (and
// its .wasm beside it). In Node, the .wasm is read from disk unless the caller
// passes options.wasmBinary.

/** An error response of the engine (or a catalog it rejected). */
export class PlanCalcError extends Error {
  constructor(code, message, path = '', source = '', response = undefined) {
    super(message);
    this.name = 'PlanCalcError';
    /** Stable snake_case identifier (docs/errors.md). */
    this.code = code;
    /** JSON Pointer into `source` ("" for the whole document). */
    this.path = path;
    /** "request" or "catalog": the document `path` points into. */
    this.source = source;
    /** The error's arguments (docs/errors.md); {} unless the engine gave some. */
    this.args = {};
    /** The engine's raw response text, when the error came from one. */
    if (response !== undefined) this.response = response;
  }
}

const DEFAULT_MODULE_URL = new URL('./generated/plancalc-core.js', import.meta.url);

// One module instance per factory: engines for several catalogs share it.
const modules = new Map();

function isNode() {
  return typeof process === 'object' && process !== null && !!process.versions &&
    typeof process.versions.node === 'string' && typeof window === 'undefined';
}

async function nodeWasmBinary(moduleUrl) {
  const { readFile } = await import('node:fs/promises');
  return readFile(new URL(String(moduleUrl).replace(/\.m?js([?#].*)?$/, '.wasm')));
}

async function loadModule(options) {
  let factory = options.moduleFactory;
  const moduleUrl = options.moduleUrl ? new URL(options.moduleUrl, import.meta.url) : DEFAULT_MODULE_URL;
  if (!factory) {
    factory = (await import(moduleUrl.href)).default;
  }
  let pending = modules.get(factory);
  if (!pending) {
    pending = (async () => {
      const settings = {};
      let wasmBinary = options.wasmBinary;
      if (!wasmBinary && isNode() && !options.moduleFactory) {
        wasmBinary = await nodeWasmBinary(moduleUrl);
      }
      if (wasmBinary) settings.wasmBinary = wasmBinary;
      if (options.locateFile) settings.locateFile = options.locateFile;
      return factory(settings);
    })();
    modules.set(factory, pending);
    pending.catch(() => modules.delete(factory));
  }
  return pending;
}

// Requests up to this many UTF-16 units (3 bytes of UTF-8 each at most: the
// engine's input buffer, wasm/text_buffers.hpp, holds 64 KiB) take the fast path.
const MAX_FAST_REQUEST_UNITS = 21 * 1024;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
// Without isWellFormed (browsers before 2023) every request takes the plain path.
const wellFormed = typeof String.prototype.isWellFormed === 'function'
  ? (text) => text.isWellFormed()
  : () => false;

// The UTF-8 of op names, kept for the few a caller uses; none (the plain
// path) for a long or ill-formed one, or once many are kept.
const opNames = new Map();
function opNameBytes(name) {
  let bytes = opNames.get(name);
  if (bytes === undefined && name.length <= 32 && opNames.size < 64 && wellFormed(name)) {
    bytes = encoder.encode(name);
    opNames.set(name, bytes);
  }
  return bytes;
}

function toText(value) {
  if (typeof value === 'string') return value;
  if (value === undefined) return '{}';
  return JSON.stringify(value);
}

function parseResponse(text) {
  let response;
  try {
    response = JSON.parse(text);
  } catch (e) {
    throw new PlanCalcError('internal_error', `engine returned invalid JSON: ${e.message}`, '', '');
  }
  if (response && response.ok === true) return response.result;
  const error = (response && response.error) || {};
  const err = new PlanCalcError(
    error.code || 'internal_error',
    error.message || 'engine returned an error without a message',
    error.path ?? '',
    error.source ?? '',
    text,
  );
  if (error.args && typeof error.args === 'object') err.args = error.args;
  // e.g. support_inactive: the renewal that must come first.
  if (error.details !== undefined) err.details = error.details;
  throw err;
}

/**
 * Starts loading and compiling the WebAssembly module now (same options as
 * createEngine), so that a createEngine() later finds it ready: the page
 * calls it while it still fetches its price lists. Failures surface in
 * createEngine.
 */
export function preloadModule(options = {}) {
  loadModule(options).catch(() => {});
}

/**
 * Loads the engine for one catalog. Throws PlanCalcError when the catalog is
 * rejected (malformed JSON, invalid values): err.source === 'catalog'.
 *
 * options.moduleFactory: the Emscripten factory (default: import of moduleUrl)
 * options.moduleUrl:     URL of plancalc-core.js (default ./generated/plancalc-core.js)
 * options.wasmBinary:    the .wasm bytes (Node reads them from disk by default)
 * options.locateFile:    Emscripten's locateFile hook
 */
export async function createEngine(catalogText, options = {}) {
  const Module = await loadModule(options);
  const native = new Module.Engine(toText(catalogText));
  let status;
  try {
    status = parseResponse(native.status());
  } catch (e) {
    native.delete();
    throw e;
  }
  let disposed = false;

  // The request's UTF-8 goes straight into wasm memory and the response is
  // decoded from it (wasm/text_buffers.hpp): no byte-by-byte copy in JS.
  let input = null; // a Uint8Array over the engine's input buffer; detached when memory grows
  const result = native.result() >>> 2; // run()'s two words, as an index of HEAPU32
  const run = Module._plancalc_run;
  const address = native.address();
  const readResponse = () => {
    const words = Module.HEAPU32; // both views are replaced when memory grows
    const at = words[result];
    return decoder.decode(Module.HEAPU8.subarray(at, at + words[result + 1]));
  };
  const callRaw = (op, request) => {
    if (disposed) throw new Error('plancalc engine used after dispose()');
    const name = String(op);
    const text = toText(request);
    // A long text takes the plain path (a request is rarely over 2 KB), and so
    // does one with a lone surrogate, which must reach the engine as invalid
    // UTF-8 (TextEncoder would replace it).
    const opBytes = opNameBytes(name);
    if (text.length > MAX_FAST_REQUEST_UNITS || !opBytes || !wellFormed(text)) return native.call(name, text);
    // UTF-8 takes at most 3 bytes per UTF-16 unit; the op's name follows the request.
    const bound = text.length * 3 + opBytes.length;
    if (!input || input.byteLength < bound) input = native.input(Math.max(bound, 4096));
    const { read, written } = encoder.encodeInto(text, input);
    if (read !== text.length) return native.call(name, text);
    input.set(opBytes, written);
    run(address, written, opBytes.length);
    return readResponse();
  };
  const call = (op, request) => parseResponse(callRaw(op, request));

  return {
    /** The catalog summary from the engine's status: {id, fingerprint, illustrative}. */
    catalog: status && status.catalog,
    /** The catalog's fingerprint ("fnv1a64:…"). */
    fingerprint: status && status.catalog ? status.catalog.fingerprint : undefined,
    quote: (request) => call('quote', request),
    compare: (request) => call('compare', request),
    describe: (request = {}) => call('describe', request),
    check: (request = {}) => call('check', request),
    renew: (request) => call('renew', request),
    change: (request) => call('change', request),
    cancel: (request) => call('cancel', request),
    addLicenses: (request) => call('add_licenses', request),
    sla: (request) => call('sla', request),
    call,
    callRaw,
    dispose() {
      if (!disposed) {
        disposed = true;
        native.delete();
      }
    },
  };
}
