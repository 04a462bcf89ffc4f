// The native CLI as users run it: exit codes, help, flags, table output,
// `check plans/*.json` and `check plans/`, and the foundation's bad inputs answered with the
// same bytes by the CLI and by the wasm module.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

import { createEngine } from '../../web/plancalc.js';
import { coreOptions, readRepoFile, ROOT } from '../wasm/module.mjs';

const CLI = path.join(ROOT, 'build/native/plancalc');

function run(args, input) {
  const r = spawnSync(CLI, args, { cwd: ROOT, input, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

describe('exit codes and help', () => {
  test('--help for the command and each operation exits 0 and lists the flags', () => {
    const top = run(['--help']);
    assert.equal(top.status, 0);
    for (const op of ['quote', 'compare', 'describe', 'check']) assert.match(top.stdout, new RegExp(op));
    for (const [op, flag] of [['quote', '--plan'], ['compare', '--horizon'], ['describe', '--catalog'], ['check', 'files']]) {
      const r = run([op, '--help']);
      assert.equal(r.status, 0, op);
      assert.match(r.stdout, new RegExp(flag), op);
    }
  });

  test('usage errors exit 2', () => {
    assert.equal(run([]).status, 2);
    assert.equal(run(['quote', '--bogus']).status, 2);
    assert.equal(run(['quote']).status, 2);  // no --catalog
    assert.equal(run(['quote', '--catalog', 'plans/no-such.json']).status, 2);
    assert.equal(run(['quote', '--catalog', 'plans/mailstore.json', '--format', 'xml']).status, 2);
  });

  test('a rejected request exits 1 with the JSON error on stdout and one line on stderr', () => {
    const r = run(['quote', '--catalog', 'plans/mailstore.json', '--plan', 'gold', '--start', '2026-03-01']);
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).error.code, 'unknown_plan');
    assert.equal(r.stderr, "plancalc: unknown_plan: no plan 'gold' in catalog 'mailstore' (at request /plan)\n");
  });

  test('flags build the same request as --request', () => {
    const viaFlags = run(['quote', '--catalog', 'plans/mailstore.json', '--plan', 'premium-annual',
      '--quantity', '25', '--start', '2026-03-01']);
    const viaStdin = run(['quote', '--catalog', 'plans/mailstore.json', '--request', '-'],
      '{"plan":"premium-annual","quantity":25,"start":"2026-03-01"}');
    assert.equal(viaFlags.status, 0);
    assert.equal(viaFlags.stdout, viaStdin.stdout);
    assert.equal(JSON.parse(viaFlags.stdout).result.first_period.total, '450.00');
  });

  test('--format table prints aligned figures', () => {
    const r = run(['quote', '--catalog', 'plans/v8pro.json', '--plan', 'support-12m', '--start', '2026-05-20',
      '--horizon', '24', '--format', 'table']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /45 % of the list price 7990\.00 .* = 3595\.5, rounded to 3596\.00/);
    assert.match(r.stdout, /total over 24 months \(RUB\)\s+7192\.00/);
    const c = run(['compare', '--catalog', 'plans/mailstore.json', '--quantity', '100', '--start', '2026-03-01',
      '--format', 'table']);
    assert.match(c.stdout, /standard-annual\s+standard\s+12\s+1050\.00\s+87\.50\s+3150\.00\s+1/);
    assert.match(c.stdout, /cheapest: standard-annual is the cheapest over 36 months/);
  });
});

describe('check', () => {
  const catalogFiles = () => fs.readdirSync(path.join(ROOT, 'plans'))
    .filter((f) => f.endsWith('.json') && f !== 'index.json' && f !== 'catalog.schema.json')
    .map((f) => `plans/${f}`);

  test('every shipped catalog passes `plancalc check plans/*.json`, the list and the schema skipped', () => {
    const files = catalogFiles();
    assert.ok(files.length >= 2);
    // As the README has it: the shell's glob takes index.json and catalog.schema.json too.
    const r = spawnSync(`${CLI} check plans/*.json --format table`, { cwd: ROOT, shell: '/bin/sh', encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.doesNotMatch(r.stdout, /FAIL/);
    for (const f of files) assert.match(r.stdout, new RegExp(`^${f.replace('.', '\\.')}: `, 'm'));
    assert.doesNotMatch(r.stdout, /index\.json|catalog\.schema\.json/);
    assert.match(r.stderr, /^plancalc: skipped: plans\/index\.json is the list of catalogs, not a catalog$/m);
    assert.match(r.stderr, /^plancalc: skipped: plans\/catalog\.schema\.json is a JSON Schema, not a catalog$/m);
  });

  test('`check plans/` checks the catalogs plans/index.json lists, with the same output', () => {
    const index = JSON.parse(readRepoFile('plans/index.json'));
    const listed = index.catalogs.map((c) => `plans/${c.file}`);
    for (const format of ['json', 'table']) {
      const dir = run(['check', 'plans/', '--format', format]);
      const files = run(['check', ...listed, '--format', format]);
      assert.equal(dir.status, 0, dir.stderr);
      assert.equal(dir.stdout, files.stdout, format);
      assert.equal(dir.stderr, files.stderr, format);
    }
    const json = run(['check', 'plans']).stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(json.map((r) => r.result.catalog.id), index.catalogs.map((c) => c.id));
  });

  test('the list and the schema are recognised by content, not by name', () => {
    const tmp = fs.mkdtempSync('/tmp/plancalc-cli-');
    fs.copyFileSync(path.join(ROOT, 'plans/index.json'), path.join(tmp, 'products.json'));
    fs.copyFileSync(path.join(ROOT, 'plans/catalog.schema.json'), path.join(tmp, 'editor.json'));
    fs.copyFileSync(path.join(ROOT, 'plans/mailstore.json'), path.join(tmp, 'index.schema.json'));
    const r = run(['check', `${tmp}/products.json`, `${tmp}/editor.json`, `${tmp}/index.schema.json`]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).result.catalog.id, 'mailstore');
    assert.match(r.stderr, new RegExp(`skipped: ${tmp}/products\\.json is the list of catalogs, not a catalog`));
    assert.match(r.stderr, new RegExp(`skipped: ${tmp}/editor\\.json is a JSON Schema, not a catalog`));
    // A catalog with a stray "$schema" key is still a catalog, and the engine says what is wrong.
    const catalog = JSON.parse(readRepoFile('plans/mailstore.json'));
    fs.writeFileSync(path.join(tmp, 'stray.json'), JSON.stringify({ $schema: './catalog.schema.json', ...catalog }));
    const stray = run(['check', `${tmp}/stray.json`]);
    assert.equal(stray.status, 1);
    assert.equal(JSON.parse(stray.stdout).error.code, 'unknown_field');
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('nothing to check, or a directory without a list, is a usage error (exit 2)', () => {
    const only = run(['check', 'plans/index.json']);
    assert.equal(only.status, 2);
    assert.equal(only.stdout, '');
    assert.match(only.stderr, /skipped: plans\/index\.json is the list of catalogs, not a catalog\n/);
    assert.match(only.stderr, /no catalog to check; the catalogs it lists: plancalc check plans\/\n$/);
    const noIndex = run(['check', 'docs']);
    assert.equal(noIndex.status, 2);
    assert.match(noIndex.stderr, /docs is a directory without an index\.json listing its catalogs/);
  });

  test('plans/index.json lists every catalog in plans/', () => {
    const index = JSON.parse(readRepoFile('plans/index.json'));
    const listed = index.catalogs.map((c) => `plans/${c.file}`).sort();
    assert.deepEqual(listed, catalogFiles().sort());
  });

  test('v8pro: the published 3196 RUB is a warning with both figures, and check exits 0', () => {
    const r = run(['check', 'plans/v8pro.json']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /warning: .*the vendor published 3196\.00 for \/amount; the stated rules give 3596\.00 \(standard: 45 % of the list price 7990\.00 .*= 3595\.5, rounded to 3596\.00/);
    const warnings = JSON.parse(r.stdout).result.warnings;
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].args.published, '3196.00');
    assert.equal(warnings[0].args.computed, '3596.00');
  });

  test('a catalog with a failing example exits 3 (it loaded: not a rejection) and names the mismatch', () => {
    const catalog = JSON.parse(readRepoFile('plans/v8pro.json'));
    catalog.examples[0].expect['/first_period/total'] = '3196.00';
    const tmp = path.join(fs.mkdtempSync('/tmp/plancalc-cli-'), 'v8pro.json');
    fs.writeFileSync(tmp, JSON.stringify(catalog));
    const r = run(['check', tmp, '--format', 'table']);
    assert.equal(r.status, 3);
    assert.match(r.stdout, /\/first_period\/total: expected 3196\.00, got 3596\.00/);
  });
});

describe('bad input gets its own error code, the same bytes from the CLI and the wasm module', () => {
  let engine;
  before(async () => { engine = await createEngine(readRepoFile('plans/mailstore.json'), coreOptions); });
  after(() => engine.dispose());

  const start = '"start": "2026-03-01"';
  const cases = [
    ['impossible date 2026-02-30', `{"plan": "premium-annual", "start": "2026-02-30"}`, 'invalid_date', '/start'],
    ['impossible month 2026-13-01', `{"plan": "premium-annual", "start": "2026-13-01"}`, 'invalid_date', '/start'],
    ['quantity -1', `{"plan": "premium-annual", "quantity": -1, ${start}}`, 'invalid_quantity', '/quantity'],
    ['quantity 1e30', `{"plan": "premium-annual", "quantity": 1e30, ${start}}`, 'number_too_large', '/quantity'],
    ['a 10 MB string field', `{"plan": "${'x'.repeat(10 * 1024 * 1024)}", ${start}}`, 'input_too_large', ''],
    ['a 2 KB id', `{"plan": "${'x'.repeat(2048)}", ${start}}`, 'string_too_long', '/plan'],
    ['a request that is not an object', '"premium-annual"', 'invalid_request', ''],
    ['an unknown plan', `{"plan": "gold-annual", ${start}}`, 'unknown_plan', '/plan'],
    ['malformed JSON', '{"plan": ', 'invalid_json', ''],
  ];
  for (const [name, text, code, pointer] of cases) {
    test(name, () => {
      const cli = run(['quote', '--catalog', 'plans/mailstore.json', '--request', '-'], text);
      assert.equal(cli.status, 1, cli.stderr);
      const wasm = engine.callRaw('quote', text);
      assert.equal(cli.stdout, wasm + '\n');
      const error = JSON.parse(wasm).error;
      assert.equal(error.code, code);
      assert.equal(error.path, pointer);
    });
  }

  test('invalid UTF-8 is invalid_json: raw bytes to the CLI, a lone surrogate to wasm', () => {
    const bytes = Buffer.concat([Buffer.from('{"plan": "'), Buffer.from([0xff, 0xfe]), Buffer.from(`", ${start}}`)]);
    const cli = run(['quote', '--catalog', 'plans/mailstore.json', '--request', '-'], bytes);
    assert.equal(cli.status, 1);
    assert.equal(JSON.parse(cli.stdout).error.code, 'invalid_json');
    // A JS string cannot hold invalid UTF-8; a lone surrogate is what reaches
    // the engine as invalid bytes.
    assert.equal(JSON.parse(engine.callRaw('quote', `{"plan": "\uD800", ${start}}`)).error.code, 'invalid_json');
  });

  test('"7990.001" EUR in a catalog is too_many_decimals at its pointer', async () => {
    const catalog = JSON.parse(readRepoFile('plans/mailstore.json'));
    catalog.plans[0].price.bands[0].unit_amount = '7990.001';
    const text = JSON.stringify(catalog);
    const file = path.join(fs.mkdtempSync('/tmp/plancalc-cli-'), 'catalog.json');
    fs.writeFileSync(file, text);
    const cli = run(['quote', '--catalog', file, '--plan', 'x', '--start', '2026-03-01']);
    assert.equal(cli.status, 1);
    const error = JSON.parse(cli.stdout).error;
    assert.deepEqual(error, {
      code: 'too_many_decimals',
      message: "EUR amounts have at most 2 decimals, got '7990.001'",
      path: '/plans/0/price/bands/0/unit_amount',
      source: 'catalog',
      args: {},
    });
    await assert.rejects(createEngine(text, coreOptions), (err) => err.response === cli.stdout.trimEnd());
  });
});
