// Every malformed catalog and request of the bad-input corpus (corpus.mjs:
// cases.json plus the huge generated ones) through the native CLI and the
// wasm module: the exact error code and path, byte-identical responses, CLI
// exit code 1 with one line on stderr, and no crash anywhere.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { runCli, wasmModule, rawCall } from '../parity/engines.mjs';
import { loadCases } from './corpus.mjs';

const cases = loadCases();

// The request field each command fills with today (or now) when it is not
// given (cli/defaults.hpp). A request case whose point is its absence is
// answered by the engine (wasm) with missing_field there, but by the CLI
// from today's date: tests/cli/defaults.test.mjs checks those answers.
const CLI_DEFAULTS = { quote: 'start', compare: 'start', renew: 'date', change: 'date', cancel: 'date',
  add_licenses: 'date', sla: 'opened' };
function cliFillsDate(c) {
  return c.kind === 'request' && c.code === 'missing_field' && c.path === `/${CLI_DEFAULTS[c.op]}`;
}

let Module;
let tmpDir;

before(async () => {
  Module = await wasmModule();
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plancalc-bad-input-'));
  process.once('exit', () => fs.rmSync(tmpDir, { recursive: true, force: true }));
  await Promise.all(cases.map(async (c, i) => {
    const catalogFile = path.join(tmpDir, `catalog-${i}.json`);
    fs.writeFileSync(catalogFile, c.catalog);
    c.cli = await runCli(c.op, catalogFile, c.request);
    fs.rmSync(catalogFile, { force: true });
    c.wasm = rawCall(Module, new Uint8Array(c.catalog), c.kind === 'catalog' ? null : c.op, new Uint8Array(c.request));
  }));
  const kinds = (k) => cases.filter((c) => c.kind === k).length;
  console.log(`bad input: ${cases.length} cases (${kinds('catalog')} catalogs, ${kinds('request')} requests, ` +
    `${cases.filter((c) => c.generated).length} of them generated at run time)`);
});

describe('the corpus', () => {
  test('has at least 150 cases, with unique names per kind', () => {
    assert.ok(cases.length >= 150, `${cases.length} cases`);
    for (const kind of ['catalog', 'request']) {
      const names = cases.filter((c) => c.kind === kind).map((c) => `${c.op}: ${c.name}`);
      assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], `duplicate ${kind} case names`);
    }
  });

  test('the base catalog itself is valid', () => {
    const base = cases.find((c) => c.kind === 'request');
    const status = JSON.parse(rawCall(Module, new Uint8Array(base.catalog), null));
    assert.equal(status.ok, true, JSON.stringify(status));
  });
});

for (const kind of ['catalog', 'request']) {
  describe(`bad ${kind}s`, () => {
    for (const c of cases.filter((x) => x.kind === kind)) {
      test(`${c.op === 'quote' || kind === 'catalog' ? '' : c.op + ': '}${c.name}`, () => {
        const response = JSON.parse(c.wasm);
        assert.equal(response.ok, false, `accepted: ${c.wasm.slice(0, 300)}`);
        const { code, path: where, source } = response.error;
        assert.equal(code, c.code, `code (message: ${response.error.message.slice(0, 300)})`);
        assert.equal(where.length > 500 ? `${where.slice(0, 40)}…` : where,
          c.path.length > 500 ? `${c.path.slice(0, 40)}…` : c.path, 'path');
        assert.equal(where, c.path, 'path');
        assert.equal(source, kind, 'source');
        assert.equal(c.cli.signal, null, `CLI killed by ${c.cli.signal}: ${c.cli.stderr}`);
        if (cliFillsDate(c)) {
          assert.ok([0, 1].includes(c.cli.status), `CLI exit code ${c.cli.status} (stderr: ${c.cli.stderr.slice(0, 500)})`);
          assert.doesNotMatch(c.cli.stdout.toString('utf8'), /"code":"missing_field"/, 'the CLI fills the date');
          return;
        }
        assert.equal(c.cli.status, 1, `CLI exit code (stderr: ${c.cli.stderr.slice(0, 500)})`);
        assert.ok(c.cli.stdout.equals(Buffer.from(c.wasm + '\n', 'utf8')),
          `CLI and wasm differ:\ncli:  ${c.cli.stdout.toString('utf8').slice(0, 300)}\nwasm: ${c.wasm.slice(0, 300)}`);
        assert.match(c.cli.stderr, /^plancalc: (\S+: )?[a-z_]+: [^\n]*\n$/, 'one line on stderr');
      });
    }
  });
}
