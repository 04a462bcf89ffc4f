// Loads the built WebAssembly module once per test process, for the wrapper
// (web/plancalc.js) to use. Not a test file itself.
//
// PLANCALC_WASM_DIR overrides where plancalc-core.{js,wasm} are read from
// (default: build/wasm, as scripts/build leaves them), PLANCALC_WIDGET_DIR
// where the widget's engine is (default: build/widget).
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WASM_DIR = path.resolve(ROOT, process.env.PLANCALC_WASM_DIR || 'build/wasm');
/** Where scripts/build leaves the widget's bundle and its engine part. */
export const WIDGET_DIR = path.resolve(ROOT, process.env.PLANCALC_WIDGET_DIR || 'build/widget');

const jsFile = path.join(WASM_DIR, 'plancalc-core.js');
const wasmFile = path.join(WASM_DIR, 'plancalc-core.wasm');
for (const f of [jsFile, wasmFile]) {
  if (!fs.existsSync(f)) throw new Error(`${path.relative(ROOT, f)} is missing: run scripts/build`);
}

/** Options for createEngine(): the factory and the bytes, read once. */
export const coreOptions = Object.freeze({
  moduleFactory: (await import(pathToFileURL(jsFile).href)).default,
  wasmBinary: fs.readFileSync(wasmFile),
});

/**
 * Options for createEngine() with the widget's engine, as the single file
 * carries it: build/widget/plan-calculator-engine.js (scripts/bundle-widget.mjs;
 * compiled for size, the .wasm inlined as gzip and unpacked by the platform's
 * DecompressionStream), a classic script defining the factory; change(text)
 * may alter the script first.
 */
export function widgetEngineOptions(change = (text) => text) {
  const file = path.join(WIDGET_DIR, 'plan-calculator-engine.js');
  if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run scripts/build`);
  const script = `${change(fs.readFileSync(file, 'utf8'))}\ncreatePlanCalcEngine;`;
  return { moduleFactory: vm.runInThisContext(script, { filename: file }) };
}

/** Reads a file relative to the repository root. */
export function readRepoFile(relative) {
  return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}
