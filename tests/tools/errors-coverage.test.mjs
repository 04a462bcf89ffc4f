// Every error code docs/errors.md lists is one that a test expects: a golden
// case's expected response, a bad-input case, or an assertion of a unit, CLI,
// wasm or browser test naming the code. (The other direction, every code the
// engine raises is documented, is tests/core/errors_doc_test.cpp.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function filesUnder(dir, pattern) {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true })
    .filter((f) => pattern.test(f))
    .map((f) => path.join(ROOT, dir, f));
}

test('every documented error code is expected by at least one test', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/errors.md'), 'utf8');
  const codes = [...doc.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
  assert.ok(codes.length > 40, `only ${codes.length} codes read from docs/errors.md`);
  const texts = [
    ...filesUnder('tests/golden/cases', /\.expected\.json$/),
    ...filesUnder('tests', /\.(cpp|mjs)$/).filter((f) => !f.endsWith('errors-coverage.test.mjs')),
    path.join(ROOT, 'tests/bad-input/cases.json'),
  ].map((f) => fs.readFileSync(f, 'utf8'));
  // The code as a quoted string: "code" or 'code'.
  const expected = (code) => texts.some((t) => t.includes(`"${code}"`) || t.includes(`'${code}'`));
  assert.deepEqual(codes.filter((c) => !expected(c)), [], 'documented codes that no test expects');
});
