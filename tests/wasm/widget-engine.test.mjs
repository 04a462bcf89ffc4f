// The widget's engine as its single file carries it (build/widget/
// plan-calculator-engine.js: the .wasm as LZMA, unpacked by
// scripts/lzma-decode.js and checked by its CRC-32): it answers, and every
// way the unpacking can fail rejects createEngine with a message instead of
// leaving it waiting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { execFileSync } from 'node:child_process';

import { createEngine } from '../../web/plancalc.js';
import { readRepoFile, ROOT, widgetEngineOptions } from './module.mjs';

const catalog = readRepoFile('plans/mailstore.json');
const payload = /(var wasmLzma ?= ?')([A-Za-z0-9+/=]+)'/;

test('the widget engine quotes (25 Premium users: 25 x 18.00 a year)', async () => {
  const engine = await createEngine(catalog, widgetEngineOptions());
  const quote = engine.quote({ plan: 'premium-annual', quantity: 25, start: '2026-03-01', horizon_months: 36 });
  assert.equal(quote.first_period.total, '450.00');
  assert.equal(quote.horizon.total, '1350.00'); // 3 yearly charges
  engine.dispose();
});

const failures = {
  'damaged data': (text) => text.replace(payload, (m, head, data) =>
    `${head}${data.slice(0, 40_000)}${'A'.repeat(64)}${data.slice(40_064)}'`),
  'truncated data': (text) => text.replace(payload, (m, head, data) => `${head}${data.slice(0, 80_000)}'`),
  'another CRC-32': (text) => text.replace(/crc32\(wasm\) ?!== ?(\d+)/, (m, crc) => `crc32(wasm)!==${Number(crc) ^ 1}`),
};
for (const [name, damage] of Object.entries(failures)) {
  test(`${name}: createEngine rejects, saying the engine could not be unpacked`, async () => {
    const options = widgetEngineOptions((text) => {
      const damaged = damage(text);
      assert.notEqual(damaged, text, 'nothing to damage');
      return damaged;
    });
    await assert.rejects(createEngine(catalog, options), /^Error: the engine could not be unpacked \(.+\)$/);
  });
}

test('truncated data says so; a changed CRC-32 says so', async () => {
  await assert.rejects(createEngine(catalog, widgetEngineOptions(failures['truncated data'])), /LZMA data truncated/);
  await assert.rejects(createEngine(catalog, widgetEngineOptions(failures['another CRC-32'])), /CRC-32 differs/);
});

test('lzma-decode.js: what Python\'s lzma writes decodes byte for byte; cut short, it throws', () => {
  const { lzmaDecode, crc32 } = vm.runInNewContext(
    `${fs.readFileSync(path.join(ROOT, 'scripts', 'lzma-decode.js'), 'utf8')}\n({ lzmaDecode, crc32 });`);
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xCBF43926); // the check value of CRC-32
  let seed = 1;
  const random = Buffer.from(Array.from({ length: 50_000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23));
  const inputs = {
    empty: Buffer.alloc(0),
    'one byte': Buffer.from([42]),
    text: Buffer.from(readRepoFile('web/i18n/ru.js').repeat(2)),
    random,
    runs: Buffer.concat(Array.from({ length: 300 }, (_, i) => Buffer.alloc(i * 7 % 300, i))),
    wasm: fs.readFileSync(path.join(ROOT, 'build', 'wasm', 'plancalc-core-widget.wasm')),
  };
  // Properties lc/lp/pb other than the defaults the bundler uses (3/0/2) too.
  const settings = ['preset=9 | lzma.PRESET_EXTREME', 'preset=0', "filters=[{'id': lzma.FILTER_LZMA1, 'lc': 0, 'lp': 2, 'pb': 0}]",
    "filters=[{'id': lzma.FILTER_LZMA1, 'lc': 4, 'lp': 0, 'pb': 4, 'dict_size': 4096}]"];
  for (const [name, input] of Object.entries(inputs)) {
    for (const setting of settings) {
      const packed = execFileSync('python3', ['-c',
        `import lzma, sys; sys.stdout.buffer.write(lzma.compress(sys.stdin.buffer.read(), format=lzma.FORMAT_ALONE, ${setting}))`],
      { input, maxBuffer: 1 << 26 });
      const out = lzmaDecode(new Uint8Array(packed), input.length);
      assert.ok(Buffer.from(out).equals(input), `${name}, ${setting}`);
      assert.equal(crc32(out), crc32(new Uint8Array(input)));
      if (input.length > 1000) {
        assert.throws(() => lzmaDecode(new Uint8Array(packed.subarray(0, packed.length >> 1)), input.length),
          /LZMA data truncated/, `${name} cut short`);
      }
    }
  }
});
