// Runs every golden case through the native CLI, the WebAssembly module (via
// web/plancalc.js) and the widget's engine (as the single file carries it:
// compiled for size, its .wasm unpacked from gzip by DecompressionStream), and
// checks that all print exactly the expected bytes -- and so are
// byte-identical to each other.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { createEngine, PlanCalcError } from '../../web/plancalc.js';
import { coreOptions, widgetEngineOptions } from '../wasm/module.mjs';
import {
  ROOT, CASES_DIR, listCases, orphanExpectedFiles, loadCase, runCli, expectedExitCode,
} from './corpus.mjs';

const cases = listCases();

describe('golden corpus', () => {
  test('is not empty', () => {
    assert.ok(cases.length > 0,
      `no *.case.json in ${path.relative(ROOT, CASES_DIR)}: an empty corpus is not a pass`);
  });

  test('every case has an expected file and every expected file a case', () => {
    const missing = cases.filter((c) => !fs.existsSync(c.expectedFile)).map((c) => c.name);
    assert.deepEqual(missing, [], 'cases without .expected.json (run scripts/update-golden)');
    assert.deepEqual(orphanExpectedFiles(), [], '.expected.json files without .case.json');
  });
});

// One wasm engine per module and catalog file. A rejected catalog yields its
// error response, as the CLI prints it.
const modules = { page: coreOptions, widget: widgetEngineOptions() };
const engines = new Map();
function engineFor(catalogFile, module = 'page') {
  const key = `${module} ${catalogFile}`;
  if (!engines.has(key)) {
    engines.set(key, createEngine(fs.readFileSync(catalogFile, 'utf8'), modules[module]).then(
      (engine) => ({ engine }),
      (err) => {
        if (err instanceof PlanCalcError && err.response !== undefined) return { rejected: err.response };
        throw err;
      },
    ));
  }
  return engines.get(key);
}

function expectedText(c) {
  return fs.readFileSync(c.expectedFile, 'utf8');
}

describe('golden cases', () => {
  for (const c of cases) {
    describe(c.name, () => {
      test('cli', () => {
        const k = loadCase(c);
        const expected = expectedText(c);
        const run = runCli(k);
        assert.equal(run.signal, null, `CLI killed by ${run.signal}`);
        assert.equal(run.stdout.toString('utf8'), expected, `CLI output differs (stderr: ${run.stderr.trim()})`);
        assert.ok(run.stdout.equals(Buffer.from(expected, 'utf8')), 'CLI output differs in bytes');
        assert.equal(run.status, expectedExitCode(expected), `CLI exit code (stderr: ${run.stderr.trim()})`);
      });

      for (const module of Object.keys(modules)) {
        test(module === 'page' ? 'wasm' : 'wasm (widget engine)', async () => {
          const k = loadCase(c);
          const expected = expectedText(c);
          const loaded = await engineFor(k.catalogFile, module);
          const response = loaded.engine ? loaded.engine.callRaw(k.op, k.requestText) : loaded.rejected;
          assert.equal(response + '\n', expected, `wasm output differs (${module} engine)`);
        });
      }
    });
  }
});
