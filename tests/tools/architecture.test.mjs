// The layering of core/ (docs/architecture.md, "Components"): every #include of
// a component's header comes from a component its row allows, private headers
// stay in their folder, the rows form no cycle, and every folder of core/ is a
// row. The same table is what core/components.cmake links the libraries by.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The component table: name -> the components it may use. */
export function readTable(markdown) {
  const uses = new Map();
  for (const line of markdown.split('\n')) {
    const m = /^\| `([a-z_]+)` \|[^|]*\|([^|]*)\|/.exec(line);
    if (m) uses.set(m[1], [...m[2].matchAll(/`([a-z_]+)`/g)].map((x) => x[1]));
  }
  return uses;
}

/** Every C++ file under dir (recursively), as paths relative to ROOT. */
function cppFiles(dir) {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { recursive: true })
    .filter((f) => /\.(cpp|hpp)$/.test(f))
    .map((f) => path.join(dir, f));
}

/** The violations of the table in the given files: [file, line, why]. */
export function violations(uses, files, read) {
  const found = [];
  for (const file of files) {
    const parts = file.split(path.sep);
    // core/<c>/... or core/include/plancalc/<c>/...
    const own = parts[1] === 'include' ? parts[3] : parts[1];
    const allowed = file.startsWith('core') ? new Set([own, ...(uses.get(own) ?? [])]) : new Set(['api']);
    read(file).split('\n').forEach((text, i) => {
      const inc = /^\s*#\s*include\s*"([^"]+)"/.exec(text);
      if (!inc) return;
      const target = inc[1];
      const comp = /^plancalc\/([a-z_]+)\//.exec(target);
      if (comp) {
        if (!uses.has(comp[1])) found.push([file, i + 1, `${target}: no component '${comp[1]}' in the table`]);
        else if (!allowed.has(comp[1])) found.push([file, i + 1, `${target}: '${own}' may not use '${comp[1]}'`]);
      } else if (target.includes('/')) {
        found.push([file, i + 1, `${target}: a private header of another folder`]);
      }
    });
  }
  return found;
}

function cycle(uses) {
  const state = new Map();
  const visit = (c, trail) => {
    if (state.get(c) === 'done') return null;
    if (state.get(c) === 'open') return [...trail, c];
    state.set(c, 'open');
    for (const u of uses.get(c) ?? []) {
      const found = visit(u, [...trail, c]);
      if (found) return found;
    }
    state.set(c, 'done');
    return null;
  };
  for (const c of uses.keys()) {
    const found = visit(c, []);
    if (found) return found;
  }
  return null;
}

const uses = readTable(fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8'));
const read = (f) => fs.readFileSync(path.join(ROOT, f), 'utf8');

describe('core layering (docs/architecture.md)', () => {
  test('the table names every folder of core/ and of core/include/plancalc/, and only those', () => {
    const folders = (d) => fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'include').map((e) => e.name).sort();
    const names = [...uses.keys()].sort();
    assert.deepEqual(folders('core/include/plancalc'), names);
    for (const f of folders('core')) assert.ok(uses.has(f), `core/${f} is not in the table`);
    for (const [c, us] of uses) for (const u of us) assert.ok(uses.has(u), `${c} uses unknown ${u}`);
  });

  test('the components form no cycle', () => {
    assert.equal(cycle(uses), null);
  });

  test('every include in core/, cli/ and wasm/ is one its component may use', () => {
    const files = [...cppFiles('core'), ...cppFiles('cli'), ...cppFiles('wasm')];
    assert.ok(files.length > 50, `only ${files.length} files found`);
    assert.deepEqual(violations(uses, files, read).map((v) => v.join(':')), []);
  });

  test('a wrong include is found (the check itself)', () => {
    const fake = {
      'core/money/money.cpp': '#include "plancalc/money/money.hpp"\n#include "plancalc/pricing/quote.hpp"\n',
      'core/pricing/quote.cpp': '#include "../api/api_common.hpp"\n#include "plancalc/nowhere/x.hpp"\n',
      'cli/main.cpp': '#include "plancalc/api/api.hpp"\n#include "plancalc/catalog/catalog.hpp"\n',
    };
    const found = violations(uses, Object.keys(fake), (f) => fake[f]);
    assert.deepEqual(found.map(([f, l]) => `${f}:${l}`),
      ['core/money/money.cpp:2', 'core/pricing/quote.cpp:1', 'core/pricing/quote.cpp:2', 'cli/main.cpp:2']);
    assert.deepEqual(cycle(new Map([['a', ['b']], ['b', ['a']]])), ['a', 'b', 'a']);
  });
});
