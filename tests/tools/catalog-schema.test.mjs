// plans/catalog.schema.json (for editors) accepts every catalog the engine
// accepts, and rejects the obvious mistakes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(read('plans/catalog.schema.json'));

const shipped = fs.readdirSync(path.join(ROOT, 'plans'))
  .filter((f) => f.endsWith('.json') && f !== 'index.json' && f !== 'catalog.schema.json')
  .map((f) => `plans/${f}`);
const testCatalogs = ['models', 'kwd-rate', 'hostile-names', 'translations'].map((n) => `tests/golden/catalogs/${n}.json`);

describe('catalog.schema.json', () => {
  for (const file of [...shipped, ...testCatalogs]) {
    test(`accepts ${file}`, () => {
      assert.ok(validate(read(file)), JSON.stringify(validate.errors, null, 2));
    });
  }

  test('rejects an unknown currency code, an unknown key, a numeric amount and a missing model field', () => {
    assert.equal(validate(read('tests/golden/catalogs/bad-currency.json')), false);
    const base = read('tests/golden/catalogs/models.json');
    const withTypo = structuredClone(base);
    withTypo.plans[0].billing_month = 1;
    assert.equal(validate(withTypo), false);
    const numeric = structuredClone(base);
    numeric.plans[0].price.unit_amount = 10;
    assert.equal(validate(numeric), false);
    const incomplete = structuredClone(base);
    delete incomplete.plans[4].price.package_size;
    assert.equal(validate(incomplete), false);
  });
});
