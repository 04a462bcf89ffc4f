// The JS API (web/plancalc.js) over the real built module: loading a catalog,
// results as objects, errors as PlanCalcError, raw responses, disposal.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { createEngine, PlanCalcError } from '../../web/plancalc.js';
import { coreOptions, readRepoFile } from './module.mjs';

const CATALOG = 'plans/mailstore.json';

// Asserts that fn() throws a PlanCalcError with the given fields.
function assertPlanCalcError(fn, expected) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof PlanCalcError, `expected PlanCalcError, got ${err && err.name}: ${err && err.message}`);
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'PlanCalcError');
    for (const [key, value] of Object.entries(expected)) assert.equal(err[key], value, key);
    assert.equal(typeof err.message, 'string');
    assert.ok(err.message.length > 0, 'message is not empty');
    return true;
  });
}

async function assertRejectsPlanCalcError(promise, expected) {
  await assert.rejects(promise, (err) => {
    assertPlanCalcError(() => { throw err; }, expected);
    return true;
  });
}

describe('createEngine', () => {
  test('a malformed catalog is rejected with invalid_json at the root', async () => {
    await assertRejectsPlanCalcError(createEngine('{"vendor": ', coreOptions),
      { code: 'invalid_json', path: '', source: 'catalog' });
  });

  test('a catalog that is not an object is rejected with its error response attached', async () => {
    await assert.rejects(createEngine('[1, 2, 3]', coreOptions), (err) => {
      assert.ok(err instanceof PlanCalcError);
      assert.equal(err.source, 'catalog');
      assert.ok(err.response.startsWith('{"ok":false,'), err.response);
      return true;
    });
  });

  test('a valid catalog loads, with its fingerprint', async () => {
    const engine = await createEngine(readRepoFile(CATALOG), coreOptions);
    try {
      assert.match(engine.fingerprint, /^fnv1a64:[0-9a-f]{16}$/);
      assert.equal(engine.catalog.fingerprint, engine.fingerprint);
      assert.equal(engine.catalog.id, 'mailstore');
    } finally {
      engine.dispose();
    }
  });

  test('the module is shared: many engines load and dispose', async () => {
    const text = readRepoFile(CATALOG);
    const engines = await Promise.all([1, 2, 3].map(() => createEngine(text, coreOptions)));
    assert.equal(new Set(engines.map((e) => e.fingerprint)).size, 1);
    for (const e of engines) e.dispose();
  });
});

describe('with the mailstore catalog', () => {
  let engine;
  let plan;
  before(async () => {
    engine = await createEngine(readRepoFile(CATALOG), coreOptions);
    plan = engine.describe().plans[0].id;
  });
  after(() => engine && engine.dispose());

  describe('describe', () => {
    test('lists plans and tiers', () => {
      const result = engine.describe();
      assert.ok(Array.isArray(result.plans) && result.plans.length > 0);
      assert.ok(Array.isArray(result.tiers) && result.tiers.length > 0);
      assert.equal(result.catalog.fingerprint, engine.fingerprint);
    });
  });

  describe('quote', () => {
    test('returns the result object with amounts as decimal strings', () => {
      const result = engine.quote({ plan, quantity: 1, start: '2026-03-01' });
      assert.equal(typeof result.first_period.total, 'string');
      assert.match(result.first_period.total, /^-?\d+(\.\d+)?$/);
      assert.equal(result.plan.id, plan);
      assert.ok(Array.isArray(result.schedule));
    });

    test('takes the request as raw JSON text too', () => {
      const fromObject = engine.quote({ plan, quantity: 2, start: '2026-03-01' });
      const fromText = engine.quote(JSON.stringify({ plan, quantity: 2, start: '2026-03-01' }));
      assert.deepEqual(fromText, fromObject);
    });

    test('an unknown plan throws unknown_plan at /plan', () => {
      assertPlanCalcError(() => engine.quote({ plan: 'no-such-plan', quantity: 1, start: '2026-03-01' }),
        { code: 'unknown_plan', path: '/plan', source: 'request' });
    });

    test('a request that is not an object throws invalid_request', () => {
      for (const request of ['[1, 2]', '42', '"quote"', 'null']) {
        assertPlanCalcError(() => engine.quote(request), { code: 'invalid_request', source: 'request' });
      }
    });

    test('malformed request JSON throws invalid_json', () => {
      assertPlanCalcError(() => engine.quote('{"plan": '), { code: 'invalid_json', source: 'request' });
    });
  });

  describe('compare', () => {
    test('returns rows', () => {
      const result = engine.compare({ quantity: 1, start: '2026-03-01' });
      assert.ok(Array.isArray(result.rows) && result.rows.length > 0);
    });
  });

  describe('check', () => {
    test('returns the validation report', () => {
      const result = engine.check();
      assert.equal(typeof result.passed, 'boolean');
    });
  });

  describe('call and callRaw', () => {
    test('call runs any op by name', () => {
      assert.deepEqual(engine.call('describe', {}), engine.describe());
    });

    test('callRaw returns the response text', () => {
      const ok = engine.callRaw('quote', { plan, quantity: 1, start: '2026-03-01' });
      assert.equal(typeof ok, 'string');
      assert.ok(ok.startsWith('{"ok":true,'), ok.slice(0, 80));
      const bad = engine.callRaw('quote', '{"plan": ');
      assert.ok(bad.startsWith('{"ok":false,'), bad.slice(0, 80));
    });

    test('short and long requests, ASCII or not, get the same answer (both ways into wasm memory)', () => {
      // Up to 21,504 UTF-16 units the text is encoded into the engine's buffer;
      // a longer one goes through Embind's string conversion (web/plancalc.js).
      const request = `{"plan": "${plan}", "quantity": 3, "start": "2026-03-01"}`;
      const padded = request.replace('{', `{${' '.repeat(30_000)}`);
      assert.equal(engine.callRaw('quote', padded), engine.callRaw('quote', request));
      // Non-ASCII text survives the round trip: the engine echoes the unknown id.
      const id = 'guld-€-😀-ё';
      for (const text of [`{"plan": "${id}", "start": "2026-03-01"}`,
        `{"plan": "${id}", ${' '.repeat(30_000)}"start": "2026-03-01"}`]) {
        const error = JSON.parse(engine.callRaw('quote', text)).error;
        assert.equal(error.code, 'unknown_plan');
        assert.ok(error.message.includes(`'${id}'`), error.message);
      }
    });

    test('the fast path through wasm memory answers as the plain path does, for every catalog', async () => {
      // callRaw writes the request into wasm memory and decodes the response
      // from it (wasm/text_buffers.hpp); a long request takes Embind's plain
      // path. Every catalog's answers are the same both ways, first and again,
      // and the two words run() fills in are the response's bytes.
      const Module = await coreOptions.moduleFactory({ wasmBinary: coreOptions.wasmBinary });
      const index = JSON.parse(readRepoFile('plans/index.json'));
      let checked = 0;
      for (const entry of index.catalogs) {
        const text = readRepoFile(`plans/${entry.file}`);
        const other = await createEngine(text, coreOptions);
        const info = other.describe();
        const requests = [
          ['describe', {}],
          ['compare', { quantity: 10, start: '2026-03-01', horizon_months: 36 }],
          ['compare', { quantity: 2, start: '2027-01-31', horizon_months: 12 }],
          ...info.plans.map((p) => ['quote', { plan: p.id, quantity: Math.max(p.min_quantity ?? 1, 3), start: '2026-03-01' }]),
          ...info.plans.map((p) => ['renew', { plan: p.id, quantity: 3, support_end: '2026-05-31', date: '2026-06-20' }]),
          ...info.tiers.map((t) => ['sla', { tier: t.id, opened: '2026-11-20T16:30+01:00' }]),
        ];
        const raw = new Module.Engine(text);
        const words = raw.result() >>> 2;
        for (const [op, request] of requests) {
          const json = JSON.stringify(request);
          const plain = other.callRaw(op, json.replace('{', `{${' '.repeat(30_000)}`));
          assert.equal(other.callRaw(op, json), plain, `${entry.id} ${op} ${json}`);
          assert.equal(other.callRaw(op, json), plain, `${entry.id} ${op} ${json}, again`);
          const input = raw.input(4096);
          const { written } = new TextEncoder().encodeInto(json, input);
          input.set(new TextEncoder().encode(op), written);
          Module._plancalc_run(raw.address(), written, op.length);
          const at = Module.HEAPU32[words];
          const bytes = Module.HEAPU8.slice(at, at + Module.HEAPU32[words + 1]);
          assert.equal(new TextDecoder().decode(bytes), plain, `${entry.id} ${op} ${json}, from run()`);
          checked += 1;
        }
        raw.delete();
        other.dispose();
      }
      assert.ok(checked > 50, `${checked} requests checked`);
    });

    test('an unknown op is an error response, not an exception', () => {
      const text = engine.callRaw('no_such_op', {});
      assert.ok(text.startsWith('{"ok":false,'), text.slice(0, 80));
      assert.throws(() => engine.call('no_such_op', {}), PlanCalcError);
    });
  });
});

describe('dispose', () => {
  test('frees the engine; later calls throw; a second dispose is harmless', async () => {
    const engine = await createEngine(readRepoFile(CATALOG), coreOptions);
    engine.dispose();
    engine.dispose();
    assert.throws(() => engine.describe(), /dispose/);
    assert.throws(() => engine.callRaw('describe', '{}'), /dispose/);
  });
});

// The wrapper's own fault: a response it cannot read as JSON is internal_error
// (docs/errors.md), and the native engine it made is freed. The real engine
// never answers so; a stand-in module that does is the only way to reach it.
describe('a response the wrapper cannot read', () => {
  test('is internal_error, and the engine is deleted', async () => {
    let deleted = 0;
    const moduleFactory = async () => ({
      Engine: class {
        status() { return 'not JSON {'; }
        delete() { deleted += 1; }
      },
    });
    await assertRejectsPlanCalcError(createEngine('{}', { moduleFactory }), {
      code: 'internal_error', path: '', source: '',
    });
    assert.equal(deleted, 1);
  });

  test('an error answer without a code is internal_error, with the text kept', async () => {
    const text = '{"ok":false,"error":{"message":"boom"}}';
    const moduleFactory = async () => ({
      Engine: class {
        status() { return text; }
        delete() {}
      },
    });
    await assertRejectsPlanCalcError(createEngine('{}', { moduleFactory }), {
      code: 'internal_error', message: 'boom', response: text,
    });
  });
});
