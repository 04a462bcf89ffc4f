// Wasm stability: 100 000 consecutive calls, valid and invalid mixed, on ONE
// module instance through web/plancalc.js (what the page uses). After a
// warm-up that makes every distinct call once (the huge bad inputs too, so
// the heap has reached its working size), the module's linear memory must
// not grow at all, every answer must equal the one the same call got during
// the warm-up, and nothing may throw or abort.
//
//   PLANCALC_STABILITY_CALLS (default 100000)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { createEngine, isolatedModule, wasmMemoryBytes } from './engines.mjs';
import { generateRequests, listCatalogs, listOps, makeRng } from './generators.mjs';
import { loadCases, patchedCatalog } from '../bad-input/corpus.mjs';

const CALLS = Number(process.env.PLANCALC_STABILITY_CALLS || 100_000);

const instance = isolatedModule();
const work = [];  // {engine, op, text} or {catalog} (create + dispose an engine)

before(async () => {
  const catalogs = listCatalogs();
  const engines = new Map();
  for (const cat of catalogs) {
    const engine = await createEngine(cat.text, instance.options);
    engines.set(cat.id, engine);
    cat.describe = engine.describe();
  }
  // Valid requests over every catalog and op.
  for (const r of generateRequests(catalogs, 1500, 99, listOps())) {
    work.push({ engine: engines.get(r.catalog.id), op: r.op, text: r.text });
  }
  // Invalid requests and catalogs of the bad-input corpus (utf8 text: the JS
  // API takes strings; the byte-level cases are covered by tests/bad-input).
  const base = await createEngine(patchedCatalog(), instance.options);
  for (const c of loadCases()) {
    if (c.kind === 'request') work.push({ engine: base, op: c.op, text: c.request.toString('utf8') });
    else work.push({ catalog: c.catalog.toString('utf8') });
  }
  // Ops the engine does not have, on every engine.
  for (const engine of [...engines.values(), base]) work.push({ engine, op: 'no_such_op', text: '{}' });
});

async function once(item) {
  if (item.catalog !== undefined) {
    try {
      const engine = await createEngine(item.catalog, instance.options);
      engine.dispose();
      return 'accepted';
    } catch (e) {
      if (e.name !== 'PlanCalcError') throw e;
      return e.response;
    }
  }
  return item.engine.callRaw(item.op, item.text);
}

test(`${CALLS} calls on one module instance: no memory growth after warm-up, no crash`, async () => {
  // Warm-up: every distinct call once, in order, then once more shuffled.
  const first = [];
  for (const item of work) first.push(await once(item));
  const rng = makeRng(1234);
  for (let i = 0; i < work.length; i++) await once(work[rng.int(0, work.length - 1)]);
  const Module = instance.module();
  const before = wasmMemoryBytes(Module);
  const started = Date.now();
  let ok = 0;
  for (let i = 0; i < CALLS; i++) {
    const k = rng.int(0, work.length - 1);
    const answer = await once(work[k]);
    if (answer !== first[k]) {
      assert.fail(`call ${i} (${work[k].op ?? 'catalog'}) answered differently than in the warm-up:\n` +
        `${String(answer).slice(0, 300)}\nvs\n${String(first[k]).slice(0, 300)}`);
    }
    if (typeof answer === 'string' && answer.startsWith('{"ok":true')) ok++;
  }
  const after = wasmMemoryBytes(Module);
  const seconds = (Date.now() - started) / 1000;
  console.log(`stability: ${CALLS} calls (${ok} ok, ${CALLS - ok} rejected) over ${work.length} distinct calls ` +
    `in ${seconds.toFixed(1)} s; wasm memory ${before} bytes after warm-up, ${after} bytes after the run`);
  assert.equal(after, before, 'wasm memory grew after warm-up');
  assert.ok(ok > CALLS * 0.5, 'at least half of the calls are valid');
});
