// Native/wasm parity at scale: thousands of seeded random valid requests over
// every catalog of plans/index.json and every op of tests/fuzz/ops.txt, each
// run through the native CLI (a real `plancalc` process) and the wasm module
// (web/plancalc.js callRaw). The CLI must print exactly the wasm response
// plus "\n", with exit code 0 for ok and 1 for a rejection.
//
//   PLANCALC_PARITY_CASES (default 2400)  PLANCALC_PARITY_SEED (default 20260301)
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { coreOptions } from '../wasm/module.mjs';
import { createEngine, runCli, CLI } from './engines.mjs';
import { GENERATORS, ROOT, generateRequests, listCatalogs, listOps } from './generators.mjs';

const COUNT = Number(process.env.PLANCALC_PARITY_CASES || 2400);
const SEED = Number(process.env.PLANCALC_PARITY_SEED || 20260301);
const ops = listOps();
const catalogs = listCatalogs();

let cases = [];
const engines = new Map();

before(async () => {
  for (const cat of catalogs) {
    const engine = await createEngine(cat.text, coreOptions);
    engines.set(cat.id, engine);
    cat.describe = engine.describe();
  }
  cases = generateRequests(catalogs, COUNT, SEED, ops);
  const started = Date.now();
  await Promise.all(cases.map(async (c) => {
    c.wasm = engines.get(c.catalog.id).callRaw(c.op, c.text);
    c.cli = await runCli(c.op, c.catalog.file, c.text);
  }));
  const okCount = cases.filter((c) => c.wasm.startsWith('{"ok":true')).length;
  console.log(`parity: ${cases.length} requests (seed ${SEED}) over ${catalogs.length} catalogs and ` +
    `${ops.length} ops, ${okCount} answered ok and ${cases.length - okCount} rejected; ` +
    `CLI ${path.relative(ROOT, CLI)}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

describe('the registry of operations', () => {
  test('every op in tests/fuzz/ops.txt has a request generator', () => {
    assert.deepEqual(ops.filter((op) => !GENERATORS[op]), []);
  });

  test('every op the engine knows is in tests/fuzz/ops.txt, and every listed op is known', () => {
    // The engine lists its ops in the unknown_op message ("expected quote, compare ... or check").
    const engine = engines.get(catalogs[0].id);
    const response = JSON.parse(engine.callRaw('no-such-op', '{}'));
    assert.equal(response.error.code, 'unknown_op');
    const list = response.error.message.split(/expected /).pop();
    const known = list.split(/,\s*|\s+or\s+/).map((s) => s.trim()).filter((s) => /^[a-z_]+$/.test(s));
    assert.ok(known.length >= 4, `could not read the ops from: ${response.error.message}`);
    assert.deepEqual(known.filter((op) => !ops.includes(op)), [],
      'register new ops in tests/fuzz/ops.txt and tests/parity/generators.mjs');
    for (const op of ops) {
      const r = JSON.parse(engine.callRaw(op, '{}'));
      assert.notEqual(r.ok === false && r.error.code, 'unknown_op', `${op} is in ops.txt but the engine does not know it`);
    }
  });
});

describe('native CLI and wasm answer byte for byte alike', () => {
  test(`at least 2000 requests over every catalog and op`, () => {
    assert.ok(cases.length >= 2000, `only ${cases.length} cases`);
    for (const cat of catalogs) {
      for (const op of ops) {
        // sla applies only to catalogs whose tiers have SLAs (v8pro has none).
        if (op === 'sla' && !cat.describe.tiers.some((t) => t.sla)) continue;
        assert.ok(cases.some((c) => c.catalog.id === cat.id && c.op === op), `no case for ${op} on ${cat.id}`);
      }
    }
  });

  test('at least 2000 of them, and 90 %, are valid (answered ok)', () => {
    const ok = cases.filter((c) => c.wasm.startsWith('{"ok":true')).length;
    assert.ok(ok >= Math.max(2000, cases.length * 0.9),
      `only ${ok} of ${cases.length} answered ok: teach tests/parity/generators.mjs the new rules`);
  });

  for (const cat of catalogs) {
    for (const op of ops) {
      test(`${op} on ${cat.id}`, () => {
        const mine = cases.filter((c) => c.catalog.id === cat.id && c.op === op);
        const bad = [];
        for (const c of mine) {
          const expectedStatus = c.wasm.startsWith('{"ok":true') ? 0 : 1;
          const same = c.cli.stdout.equals(Buffer.from(c.wasm + '\n', 'utf8'));
          if (!same || c.cli.status !== expectedStatus || c.cli.signal) bad.push(c);
        }
        if (bad.length) {
          const dir = path.join(ROOT, 'build', 'parity');
          fs.mkdirSync(dir, { recursive: true });
          const file = path.join(dir, `mismatches-${op}-${cat.id}.json`);
          fs.writeFileSync(file, JSON.stringify(bad.map((c) => ({
            op: c.op, catalog: c.catalog.file, request: c.request, wasm: c.wasm,
            cli: c.cli.stdout.toString('utf8'), status: c.cli.status, signal: c.cli.signal, stderr: c.cli.stderr,
          })), null, 1));
          assert.fail(`${bad.length} of ${mine.length} differ; see ${path.relative(ROOT, file)}; first: ` +
            `${c0(bad[0])}`);
        }
      });
    }
  }
});

function c0(c) {
  return `${c.op} ${c.catalog.file} ${c.text} -> cli(${c.cli.status}${c.cli.signal ? ' ' + c.cli.signal : ''}) ` +
    `${c.cli.stdout.toString('utf8').slice(0, 300)} | wasm ${c.wasm.slice(0, 300)} | stderr ${c.cli.stderr.slice(0, 500)}`;
}
