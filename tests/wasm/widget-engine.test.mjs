// The widget's engine as its single file carries it (build/widget/
// plan-calculator-engine.js: the .wasm gzipped, inflated with Node's
// DecompressionStream): it answers, and every way the inflating can fail
// rejects createEngine with a message instead of leaving it waiting.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { createEngine } from '../../web/plancalc.js';
import { readRepoFile, widgetEngineOptions } from './module.mjs';

const catalog = readRepoFile('plans/mailstore.json');
const payload = /(var wasmGzip ?= ?')([A-Za-z0-9+/=]+)'/;

test('the widget engine quotes (25 Premium users: 25 x 18.00 a year)', async () => {
  const engine = await createEngine(catalog, widgetEngineOptions());
  const quote = engine.quote({ plan: 'premium-annual', quantity: 25, start: '2026-03-01', horizon_months: 36 });
  assert.equal(quote.first_period.total, '450.00');
  assert.equal(quote.horizon.total, '1350.00'); // 3 yearly charges
  engine.dispose();
});

const failures = {
  'damaged data': [(data) => `${data.slice(0, 40_000)}${'A'.repeat(64)}${data.slice(40_064)}`, /incorrect data check|invalid/i],
  'truncated data': [(data) => data.slice(0, 80_000), /truncated|unexpected end/i],
};
for (const [name, [damage, reason]] of Object.entries(failures)) {
  test(`${name}: createEngine rejects, saying the engine could not be unpacked`, async () => {
    const options = widgetEngineOptions((text) => {
      const damaged = text.replace(payload, (m, head, data) => `${head}${damage(data)}'`);
      assert.notEqual(damaged, text, 'no wasmGzip literal to damage');
      return damaged;
    });
    await assert.rejects(createEngine(catalog, options), (err) => {
      assert.match(err.message, /^the engine could not be unpacked \(.+\)$/);
      assert.match(err.message, reason);
      return true;
    });
  });
}

test('without DecompressionStream: createEngine rejects, saying so', async () => {
  const options = widgetEngineOptions();
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'DecompressionStream');
  delete globalThis.DecompressionStream;
  try {
    await assert.rejects(createEngine(catalog, options),
      { message: 'the engine could not be unpacked (this browser has no DecompressionStream)' });
  } finally {
    Object.defineProperty(globalThis, 'DecompressionStream', saved);
  }
});
