// Issue 21, part 1: a catalog that declares `locales` is checked for texts
// without their translation (warning missing_translation, with the JSON
// Pointer where the translation belongs); the catalogs in plans/ have none.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const readRepoFile = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');

const CLI = path.join(ROOT, 'build/native/plancalc');
const TEST_CATALOG = 'tests/golden/catalogs/translations.json';
const SHIPPED = ['mailstore', 'mailpro', 'invex', 'kalmstrom', 'v8pro'].map((v) => `plans/${v}.json`);

function run(args) {
  const r = spawnSync(CLI, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

/** The missing_translation warnings of `plancalc check` on a catalog object. */
function missing(catalog) {
  const file = path.join(fs.mkdtempSync('/tmp/plancalc-translations-'), 'catalog.json');
  fs.writeFileSync(file, JSON.stringify(catalog));
  const r = run(['check', file]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout).result.warnings.filter((w) => w.code === 'missing_translation');
}

/** Every translation in a catalog (outside examples): [pointer, parent, locale]. */
function translations(value, pointer = '') {
  if (Array.isArray(value)) return value.flatMap((v, i) => translations(v, `${pointer}/${i}`));
  if (!value || typeof value !== 'object') return [];
  const out = [];
  for (const [key, v] of Object.entries(value)) {
    if (pointer === '' && key === 'examples') continue;
    if ((key === 'names' || key === 'notes') && v && typeof v === 'object') {
      for (const locale of Object.keys(v)) out.push([`${pointer}/${key}/${locale}`, v, locale]);
    } else {
      out.push(...translations(v, `${pointer}/${key}`));
    }
  }
  return out;
}

describe('check: missing_translation', () => {
  test('the test catalog with one translation removed gets exactly that warning, with its pointer', () => {
    const r = run(['check', TEST_CATALOG]);
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(r.stdout).result;
    assert.equal(result.passed, true);
    assert.deepEqual(result.warnings, [{
      key: 'check.missing_translation',
      code: 'missing_translation',
      path: '/tiers/0/sla/uptime/0/notes/ru',
      args: { locale: 'ru', pointer: '/tiers/0/sla/uptime/0/notes/ru', text: '/tiers/0/sla/uptime/0/note' },
    }]);
    assert.equal(r.stderr.trim(),
      'plancalc: warning: missing_translation: /tiers/0/sla/uptime/0/note has no ru translation at /tiers/0/sla/uptime/0/notes/ru');
  });

  test('each translation of every kind of text, removed on its own, is the one warning, with its pointer', () => {
    const complete = JSON.parse(readRepoFile(TEST_CATALOG));
    complete.tiers[0].sla.uptime[0].notes.ru = 'Проверяется каждую минуту.';
    assert.deepEqual(missing(complete), [], 'the completed test catalog has none missing');
    const all = translations(complete);
    // names of the vendor, tax (label), product, calendar, tier, feature,
    // response and uptime targets, window, plan, allowance, service and
    // discount, and the notes of the vendor, the SLA and its targets
    assert.ok(all.length >= 17 * 3, `${all.length} translations`);
    for (const [pointer] of all) {
      const copy = structuredClone(complete);
      const [, parent, locale] = translations(copy).find(([p]) => p === pointer);
      delete parent[locale];
      const warnings = missing(copy);
      assert.deepEqual(warnings.map((w) => w.path), [pointer], pointer);
      assert.equal(warnings[0].args.locale, locale);
      assert.equal(warnings[0].args.text, pointer.replace(/\/(names|notes)\/[^/]+$/,
        (m, map) => (map === 'notes' ? '/note' : pointer.startsWith('/tax/') ? '/label' : '/name')));
    }
  });

  test('an empty translation is missing; a catalog without locales is not checked; en is the texts themselves', () => {
    const catalog = JSON.parse(readRepoFile(TEST_CATALOG));
    catalog.tiers[0].sla.uptime[0].notes.ru = 'Проверяется каждую минуту.';
    catalog.plans[0].names.sv = '';
    assert.deepEqual(missing(catalog).map((w) => w.path), ['/plans/0/names/sv']);
    catalog.locales = ['en', 'es'];
    delete catalog.plans[0].names.es;
    assert.deepEqual(missing(catalog).map((w) => w.path), ['/plans/0/names/es']);
    delete catalog.locales;
    assert.deepEqual(missing(catalog), []);
  });

  test('locales must be distinct locale tags', () => {
    const catalog = JSON.parse(readRepoFile(TEST_CATALOG));
    for (const [locales, code, where] of [[['es', 'es'], 'duplicate_id', '/locales/1'], [['es', 'e s'], 'invalid_locale', '/locales/1'],
      ['es', 'wrong_type', '/locales']]) {
      catalog.locales = locales;
      const file = path.join(fs.mkdtempSync('/tmp/plancalc-translations-'), 'catalog.json');
      fs.writeFileSync(file, JSON.stringify(catalog));
      const r = run(['check', file]);
      assert.equal(r.status, 1, JSON.stringify(locales));
      const error = JSON.parse(r.stdout).error;
      assert.equal(error.code, code, JSON.stringify(error));
      assert.equal(error.path, where);
    }
  });

  test('a translated note may be longer in bytes than a note (Cyrillic), up to 4000 bytes', () => {
    const catalog = JSON.parse(readRepoFile(TEST_CATALOG));
    catalog.tiers[0].sla.uptime[0].notes.ru = 'Я'.repeat(1999);  // 3998 bytes
    assert.deepEqual(missing(catalog), []);
    catalog.tiers[0].sla.uptime[0].notes.ru = 'Я'.repeat(2001);
    const file = path.join(fs.mkdtempSync('/tmp/plancalc-translations-'), 'catalog.json');
    fs.writeFileSync(file, JSON.stringify(catalog));
    const r = run(['check', file]);
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).error.code, 'string_too_long');
  });
});

describe('the catalogs in plans/ are translated', () => {
  test('plancalc check plans/*.json prints no missing_translation', () => {
    const files = fs.readdirSync(path.join(ROOT, 'plans')).filter((f) => f.endsWith('.json')).map((f) => `plans/${f}`);
    const r = run(['check', ...files]);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /missing_translation/);
    assert.doesNotMatch(r.stderr, /missing_translation/);
  });

  for (const file of SHIPPED) {
    test(`${file} declares es, sv and ru and translates every text into each`, () => {
      const catalog = JSON.parse(readRepoFile(file));
      assert.deepEqual(catalog.locales, ['es', 'sv', 'ru']);
      const r = run(['check', file]);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).result.warnings.filter((w) => w.code === 'missing_translation'), []);
    });
  }
});
