// Prepares the fuzz seed corpora (scripts/fuzz runs it):
//   node tests/fuzz/seeds.mjs OUT_DIR
// OUT_DIR/catalog/  every catalog of plans/ and tests/golden/catalogs/
// OUT_DIR/<op>/     for each op of ops.txt: the golden cases of that op, and
//                   requests from tests/parity/generators.mjs over every
//                   catalog; byte 0 selects the catalog (plans/index.json
//                   order), the rest is the request text (see fuzz_op.cpp).
// Plan ids and quantity bounds come from the engine's own `describe`, run
// through the native CLI (PLANCALC_CLI, default build/native/plancalc).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

import { ROOT, generateRequests, listCatalogs, listOps } from '../parity/generators.mjs';

const GENERATED_PER_OP = 60;
const SEED = 7;

const out = process.argv[2];
if (!out) {
  console.error('usage: node tests/fuzz/seeds.mjs OUT_DIR');
  process.exit(2);
}
const CLI = path.resolve(ROOT, process.env.PLANCALC_CLI || 'build/native/plancalc');

function save(dir, bytes) {
  fs.mkdirSync(dir, { recursive: true });
  const name = crypto.createHash('sha1').update(bytes).digest('hex');
  fs.writeFileSync(path.join(dir, name), bytes);
}

function describeWith(file) {
  const r = spawnSync(CLI, ['describe', '--catalog', file, '--request', '-'], { cwd: ROOT, input: '{}' });
  if (r.error) throw r.error;
  const response = JSON.parse(r.stdout.toString('utf8'));
  if (!response.ok) throw new Error(`${file} does not load: ${r.stdout}`);
  return response.result;
}

const ops = listOps();
const catalogs = listCatalogs();
const indexOf = new Map(catalogs.map((c, i) => [c.file, i]));
fs.rmSync(out, { recursive: true, force: true });

// Catalog loading.
const catalogFiles = [
  ...fs.readdirSync(path.join(ROOT, 'plans'))
    .filter((f) => f.endsWith('.json') && f !== 'index.json' && f !== 'catalog.schema.json')
    .map((f) => `plans/${f}`),
  ...fs.readdirSync(path.join(ROOT, 'tests/golden/catalogs')).filter((f) => f.endsWith('.json'))
    .map((f) => `tests/golden/catalogs/${f}`),
];
for (const f of catalogFiles) save(path.join(out, 'catalog'), fs.readFileSync(path.join(ROOT, f)));

// One corpus per op.
const withByte = (index, text) => Buffer.concat([Buffer.from([index]), Buffer.from(text, 'utf8')]);
const golden = path.join(ROOT, 'tests/golden/cases');
for (const f of fs.readdirSync(golden).filter((name) => name.endsWith('.case.json'))) {
  const spec = JSON.parse(fs.readFileSync(path.join(golden, f), 'utf8'));
  if (!ops.includes(spec.op)) continue;
  const text = 'request_text' in spec ? spec.request_text : JSON.stringify(spec.request);
  save(path.join(out, spec.op), withByte(indexOf.get(spec.catalog) ?? 0, text));
}
for (const c of catalogs) c.describe = describeWith(c.file);
for (const op of ops) {
  save(path.join(out, op), withByte(0, '{}'));
  for (const r of generateRequests(catalogs, GENERATED_PER_OP, SEED, [op])) {
    save(path.join(out, op), withByte(indexOf.get(r.catalog.file), r.text));
  }
}

for (const dir of fs.readdirSync(out).sort()) {
  console.log(`seeds: ${dir}: ${fs.readdirSync(path.join(out, dir)).length} inputs`);
}
