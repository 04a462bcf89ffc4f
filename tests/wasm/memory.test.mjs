// Running out of memory inside the wasm module (issue 22): a call answers the
// out_of_memory error value, never a C++ exception thrown into JavaScript,
// and the engine answers normally once memory is free again. The module's
// memory (2 GiB at most) is filled with the module's own malloc, in an
// instance of its own so that no other test shares the exhausted heap.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { createEngine } from '../../web/plancalc.js';
import { coreOptions, readRepoFile } from './module.mjs';

test('an exhausted heap answers out_of_memory, and the engine recovers when it is freed', async () => {
  let module;
  const moduleFactory = async (settings) => {
    module = await coreOptions.moduleFactory(settings);
    return module;
  };
  const engine = await createEngine(readRepoFile('plans/mailstore.json'), {
    moduleFactory, wasmBinary: coreOptions.wasmBinary,
  });
  const quote = { plan: 'premium-annual', quantity: 25, start: '2026-03-01' };
  const compare = { quantity: 25, start: '2026-03-01', horizon_months: 36 };
  const before = engine.callRaw('quote', quote);
  assert.equal(JSON.parse(before).ok, true);

  // Everything malloc can still give, in blocks halving down to 16 bytes.
  const blocks = [];
  for (let size = 256 << 20; size >= 16;) {
    const at = module._malloc(size);
    if (at) blocks.push(at); else size >>= 1;
  }
  assert.ok(blocks.length > 0);
  try {
    for (const [op, request] of [['quote', quote], ['compare', compare], ['quote', quote]]) {
      const response = JSON.parse(engine.callRaw(op, request));
      assert.equal(response.ok, false, op);
      assert.equal(response.error.code, 'out_of_memory', op);
    }
  } finally {
    for (const at of blocks) module._free(at);
  }
  assert.equal(engine.callRaw('quote', quote), before);
  engine.dispose();
});
