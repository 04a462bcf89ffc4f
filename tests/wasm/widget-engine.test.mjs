// The widget's engine as its single file carries it (build/widget/
// plan-calculator-engine.js: the .wasm as gzip, base64, unpacked by the
// platform's DecompressionStream('gzip'), no decoder of its own): it answers,
// its data is the built .wasm byte for byte, and every way the unpacking can
// fail rejects createEngine with a message instead of leaving it waiting.
// (tests/web/widget.test.mjs does the same in Chromium.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { createEngine } from '../../web/plancalc.js';
import { readRepoFile, ROOT, WIDGET_DIR, widgetEngineOptions } from './module.mjs';

const catalog = readRepoFile('plans/mailstore.json');
const payload = /(var wasmGzip ?= ?')([A-Za-z0-9+/=]+)'/;
const damageData = (damage) => (text) => text.replace(payload, (m, head, data) => `${head}${damage(data)}'`);

test('the widget engine quotes (25 Premium users: 25 x 18.00 a year)', async () => {
  const engine = await createEngine(catalog, widgetEngineOptions());
  const quote = engine.quote({ plan: 'premium-annual', quantity: 25, start: '2026-03-01', horizon_months: 36 });
  assert.equal(quote.first_period.total, '450.00');
  assert.equal(quote.horizon.total, '1350.00'); // 3 yearly charges
  engine.dispose();
});

test('the inlined data is gzip of the built .wasm, unpacked by DecompressionStream; no decoder is shipped', () => {
  const script = fs.readFileSync(path.join(WIDGET_DIR, 'plan-calculator-engine.js'), 'utf8');
  const data = script.match(payload)?.[2];
  assert.ok(data, 'no wasmGzip literal');
  const wasm = fs.readFileSync(path.join(ROOT, 'build', 'wasm', 'plancalc-core-widget.wasm'));
  assert.ok(zlib.gunzipSync(Buffer.from(data, 'base64')).equals(wasm));
  const code = script.replace(payload, '');
  assert.ok(code.includes("new DecompressionStream('gzip')"), 'unpacked by DecompressionStream(\'gzip\')');
  // The names the hand-written LZMA decoder it carried before defined.
  assert.ok(!/\b(lzmaDecode|crc32)\b/.test(code), 'no decoder of its own');
});

const flipCrc = (data) => {
  const bytes = Buffer.from(data, 'base64');
  bytes[bytes.length - 8] ^= 1; // the gzip trailer: CRC-32, then the length
  return bytes.toString('base64');
};
// Node's DecompressionStream says what zlib says; Chromium's words are in tests/web.
const failures = {
  'damaged data': [damageData((data) => `${data.slice(0, 40_000)}${'A'.repeat(64)}${data.slice(40_064)}`), /^(invalid|incorrect|unexpected end) /],
  'truncated data': [damageData((data) => data.slice(0, 80_000)), /^unexpected end of file$/],
  'another CRC-32': [damageData(flipCrc), /^incorrect data check$/],
  'another size': [(text) => text.replace(/var wasm = new Uint8Array\((\d+)\)/, (m, n) => `var wasm = new Uint8Array(${Number(n) - 1})`),
    /^the size differs$/],
  'no DecompressionStream': [(text) => `var createPlanCalcEngine = (function (DecompressionStream) {\n${text}\nreturn createPlanCalcEngine;\n})();`,
    /^this browser has no DecompressionStream$/],
};
for (const [name, [change, says]] of Object.entries(failures)) {
  test(`${name}: createEngine rejects, saying the engine could not be unpacked and why`, async () => {
    const options = widgetEngineOptions((text) => {
      const changed = change(text);
      assert.notEqual(changed, text, 'nothing to change');
      return changed;
    });
    await assert.rejects(createEngine(catalog, options), (e) => {
      const [, why] = String(e).match(/^Error: the engine could not be unpacked \((.+)\)$/) ?? [];
      assert.match(why ?? String(e), says);
      return true;
    });
  });
}
