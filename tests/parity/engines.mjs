// The two faces of the engine for the reliability suites: the native CLI
// (one real `plancalc` process per request, run in a bounded pool) and the
// WebAssembly module (one instance per test process). Not a test file.
//
// PLANCALC_CLI overrides the CLI (e.g. build/asan/plancalc under
// `scripts/test --sanitize`); PLANCALC_WASM_DIR the module (tests/wasm/module.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

import { coreOptions } from '../wasm/module.mjs';
import { createEngine } from '../../web/plancalc.js';
import { ROOT } from './generators.mjs';

export const CLI = path.resolve(ROOT, process.env.PLANCALC_CLI || 'build/native/plancalc');

const POOL = Math.max(2, Math.min(8, (os.availableParallelism?.() ?? os.cpus().length) * 2));
let running = 0;
const waiting = [];

async function slot(fn) {
  if (running >= POOL) await new Promise((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/**
 * Runs `plancalc <op> --catalog <catalogFile> --request -` with `input`
 * (string or Buffer) on stdin: {status, signal, stdout (Buffer), stderr}.
 */
export function runCli(op, catalogFile, input, { timeoutMs = 60_000 } = {}) {
  if (!fs.existsSync(CLI)) throw new Error(`${path.relative(ROOT, CLI)} is missing: run scripts/build`);
  return slot(() => new Promise((resolve, reject) => {
    const child = spawn(CLI, [op, '--catalog', catalogFile, '--request', '-'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => {});  // the CLI may exit before reading a huge input
    child.stdin.end(input);
  }));
}

/** The raw Emscripten module (Embind `Engine`), one instance per process. */
let rawModule;
export function wasmModule() {
  rawModule ??= coreOptions.moduleFactory({ wasmBinary: coreOptions.wasmBinary });
  return rawModule;
}

/** Bytes of wasm linear memory right now. */
export function wasmMemoryBytes(Module) {
  return (Module.asm?.memory ?? Module.wasmMemory)?.buffer.byteLength ?? Module.HEAP8.buffer.byteLength;
}

/**
 * A module instance of its own for createEngine (web/plancalc.js, what the
 * page uses): pass `options` to every createEngine that should share it;
 * `module()` is the Emscripten module once loaded (to read its memory).
 */
export function isolatedModule() {
  let Module;
  let pending;
  const moduleFactory = (settings) => {
    pending ??= coreOptions.moduleFactory(settings).then((m) => (Module = m));
    return pending;
  };
  return { options: { moduleFactory, wasmBinary: coreOptions.wasmBinary }, module: () => Module };
}

export { createEngine };

/** Calls the raw Embind engine: catalog and request as string or bytes. */
export function rawCall(Module, catalog, op, request) {
  const engine = new Module.Engine(catalog);
  try {
    return op === null ? engine.status() : engine.call(op, request);
  } finally {
    engine.delete();
  }
}
