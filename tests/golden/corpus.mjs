// The golden corpus: tests/golden/cases/<name>.case.json holds
//   {"catalog": "plans/v8pro.json", "op": "quote", "request": {...}}
// or, for requests that are not valid JSON, "request_text": "<raw text>"
// instead of "request". <name>.expected.json is the exact response text plus
// one "\n" -- what `plancalc <op> --catalog ... --request ...` prints.
// Shared by golden.test.mjs and scripts/update-golden. Not a test file itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CASES_DIR = path.join(ROOT, 'tests', 'golden', 'cases');
export const CLI = path.resolve(ROOT, process.env.PLANCALC_CLI || 'build/native/plancalc');

const CASE_SUFFIX = '.case.json';
const EXPECTED_SUFFIX = '.expected.json';

/** Every case, sorted by name: {name, caseFile, expectedFile}. */
export function listCases() {
  if (!fs.existsSync(CASES_DIR)) return [];
  return fs.readdirSync(CASES_DIR)
    .filter((f) => f.endsWith(CASE_SUFFIX))
    .sort()
    .map((f) => {
      const name = f.slice(0, -CASE_SUFFIX.length);
      return {
        name,
        caseFile: path.join(CASES_DIR, f),
        expectedFile: path.join(CASES_DIR, name + EXPECTED_SUFFIX),
      };
    });
}

/** Names of .expected.json files that have no .case.json. */
export function orphanExpectedFiles() {
  if (!fs.existsSync(CASES_DIR)) return [];
  const cases = new Set(listCases().map((c) => c.name));
  return fs.readdirSync(CASES_DIR)
    .filter((f) => f.endsWith(EXPECTED_SUFFIX))
    .map((f) => f.slice(0, -EXPECTED_SUFFIX.length))
    .filter((name) => !cases.has(name))
    .sort();
}

/** Reads and checks one case: {name, catalog, catalogFile, op, requestText}. */
export function loadCase(c) {
  const spec = JSON.parse(fs.readFileSync(c.caseFile, 'utf8'));
  const known = new Set(['catalog', 'op', 'request', 'request_text', 'description']);
  const unknown = Object.keys(spec).filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`${c.name}: unknown keys ${unknown.join(', ')}`);
  if (typeof spec.catalog !== 'string') throw new Error(`${c.name}: "catalog" must be a path relative to the repository root`);
  if (typeof spec.op !== 'string') throw new Error(`${c.name}: "op" must be a string`);
  if (('request' in spec) === ('request_text' in spec)) {
    throw new Error(`${c.name}: give exactly one of "request" and "request_text"`);
  }
  if ('request_text' in spec && typeof spec.request_text !== 'string') {
    throw new Error(`${c.name}: "request_text" must be a string`);
  }
  const catalogFile = path.resolve(ROOT, spec.catalog);
  if (!fs.existsSync(catalogFile)) throw new Error(`${c.name}: catalog ${spec.catalog} not found`);
  return {
    ...c,
    catalog: spec.catalog,
    catalogFile,
    op: spec.op,
    requestText: 'request_text' in spec ? spec.request_text : JSON.stringify(spec.request),
  };
}

let tmpDir;
let tmpCounter = 0;

/** Runs the native CLI on a loaded case: {status, stdout, stderr} (stdout a Buffer). */
export function runCli(k) {
  if (!fs.existsSync(CLI)) throw new Error(`${path.relative(ROOT, CLI)} is missing: run scripts/build`);
  if (!tmpDir) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plancalc-golden-'));
    process.once('exit', () => fs.rmSync(tmpDir, { recursive: true, force: true }));
  }
  const requestFile = path.join(tmpDir, `request-${++tmpCounter}.json`);
  fs.writeFileSync(requestFile, k.requestText);
  const run = spawnSync(CLI, [k.op, '--catalog', k.catalog, '--request', requestFile], {
    cwd: ROOT,
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  fs.rmSync(requestFile, { force: true });
  if (run.error) throw run.error;
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr.toString('utf8') };
}

/** The CLI exit code a response text implies: 0 for ok, 1 for a rejection. */
export function expectedExitCode(responseText) {
  return responseText.startsWith('{"ok":true') ? 0 : 1;
}
