// The bad-input corpus: tests/bad-input/cases.json (see its "about") plus the
// huge inputs made at run time here (10 MB strings, 100 000 levels of
// nesting), never committed. Each case becomes
//   {kind: 'catalog'|'request', name, op, catalog (Buffer), request (Buffer),
//    code, path}
// Shared by bad-input.test.mjs and the wasm stability run. Not a test file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const BASE_CATALOG_FILE = path.join(HERE, 'base-catalog.json');
const MB = 1024 * 1024;

/** "\xHH" in s becomes the raw byte HH; everything else is UTF-8. */
export function decodeBytes(s) {
  const parts = [];
  let last = 0;
  for (const m of s.matchAll(/\\x([0-9a-fA-F]{2})/g)) {
    parts.push(Buffer.from(s.slice(last, m.index), 'utf8'), Buffer.from([parseInt(m[1], 16)]));
    last = m.index + m[0].length;
  }
  parts.push(Buffer.from(s.slice(last), 'utf8'));
  return Buffer.concat(parts);
}

/** Expands {"$repeat": [s, n]} and {"$array": [v, n]} anywhere in a value. */
function expand(v) {
  if (Array.isArray(v)) return v.map(expand);
  if (v && typeof v === 'object') {
    if ('$repeat' in v) return String(v.$repeat[0]).repeat(v.$repeat[1]);
    if ('$array' in v) return Array.from({ length: v.$array[1] }, () => expand(structuredClone(v.$array[0])));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expand(x)]));
  }
  return v;
}

function unescapePointerToken(t) {
  return t.replace(/~1/g, '/').replace(/~0/g, '~');
}

function walk(doc, pointer) {
  const tokens = pointer.split('/').slice(1).map(unescapePointerToken);
  const last = tokens.pop();
  let node = doc;
  for (const t of tokens) {
    if (node === null || typeof node !== 'object' || !(t in node)) throw new Error(`no ${pointer} in the base catalog`);
    node = node[t];
  }
  return [node, last];
}

function setAt(doc, pointer, value) {
  const [parent, key] = walk(doc, pointer);
  if (Array.isArray(parent) && key === '-') parent.push(value);
  else parent[key] = value;
}

function removeAt(doc, pointer) {
  const [parent, key] = walk(doc, pointer);
  if (!(key in parent)) throw new Error(`no ${pointer} to remove in the base catalog`);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
}

/** The base catalog with `set` and `remove` applied, as compact JSON text. */
export function patchedCatalog({ set = {}, remove = [] } = {}) {
  const doc = JSON.parse(fs.readFileSync(BASE_CATALOG_FILE, 'utf8'));
  for (const p of remove) removeAt(doc, p);
  for (const [p, v] of Object.entries(set)) setAt(doc, p, expand(v));
  return JSON.stringify(doc);
}

function catalogBytes(c) {
  if ('text' in c) return Buffer.from(c.text, 'utf8');
  if ('bytes' in c) return decodeBytes(c.bytes);
  let text = patchedCatalog(c);
  if (c.replace) {
    const [from, to] = c.replace;
    if (!text.includes(from)) throw new Error(`${c.name}: '${from}' is not in the base catalog text`);
    return Buffer.concat([Buffer.from(text.slice(0, text.indexOf(from)), 'utf8'), decodeBytes(to),
      Buffer.from(text.slice(text.indexOf(from) + from.length), 'utf8')]);
  }
  return Buffer.from(text, 'utf8');
}

function requestBytes(c) {
  if ('text' in c) return Buffer.from(c.text, 'utf8');
  if ('bytes' in c) return decodeBytes(c.bytes);
  return Buffer.from(JSON.stringify(expand(c.request)), 'utf8');
}

/** The huge cases, built at run time. */
function generatedCases() {
  const base = patchedCatalog();
  const nested = (n) => '['.repeat(n) + ']'.repeat(n);
  const request = (name, text, code, path, op = 'quote') => ({ kind: 'request', name, op, catalog: Buffer.from(base),
    request: Buffer.from(text, 'utf8'), code, path, generated: true });
  const catalog = (name, text, code, path) => ({ kind: 'catalog', name, op: 'describe',
    catalog: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'),
    request: Buffer.from('{}'), code, path, generated: true });
  const ten = 10 * MB;
  const invalidUtf8 = (n) => Buffer.concat([Buffer.from('{"format": 1, "vendor": {"id": "a", "name": "'),
    Buffer.alloc(n, 0xff), Buffer.from('"}}')]);
  return [
    request('10 MB plan id', `{"plan": "${'x'.repeat(ten)}", "start": "2026-01-01"}`, 'input_too_large', ''),
    request('10 MB of opening brackets', '['.repeat(ten), 'input_too_large', ''),
    request('10 MB of whitespace around a valid request', `${' '.repeat(ten)}{"plan": "standard-monthly", "start": "2026-01-01"}`, 'input_too_large', ''),
    request('900 KB plan id', `{"plan": "${'x'.repeat(900 * 1024)}", "start": "2026-01-01"}`, 'string_too_long', '/plan'),
    request('900 KB unknown key', `{"${'k'.repeat(900 * 1024)}": 1, "plan": "standard-monthly", "start": "2026-01-01"}`, 'unknown_field', `/${'k'.repeat(900 * 1024)}`),
    request('100 000 levels of nesting', `{"plan": ${nested(100_000)}}`, 'too_deep', ''),
    request('100 000 nested objects', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), 'too_deep', ''),
    request('compare with 50 000 tiers', `{"start": "2026-01-01", "tiers": [${Array(50_000).fill('"standard"').join(',')}]}`, 'too_many_items', '/tiers', 'compare'),
    request('a number of 100 000 digits', `{"plan": "standard-monthly", "start": "2026-01-01", "quantity": ${'9'.repeat(100_000)}}`, 'number_too_large', ''),
    catalog('10 MB vendor note', patchedCatalog({ set: { '/vendor/note': 'n'.repeat(ten) } }), 'input_too_large', ''),
    catalog('3 MB vendor note', patchedCatalog({ set: { '/vendor/note': 'n'.repeat(3 * MB) } }), 'string_too_long', '/vendor/note'),
    catalog('3.9 MB of nesting', `{"format": 1, "x": ${nested(1_900_000)}}`, 'too_deep', ''),
    catalog('100 000 plans', patchedCatalog({ set: { '/plans': Array.from({ length: 100_000 }, (_, i) => ({ id: `p${i}` })) } }), 'too_many_items', '/plans'),
    catalog('5000 tiers', patchedCatalog({ set: { '/tiers': Array.from({ length: 5000 }, (_, i) => ({ id: `t${i}`, name: 'T', rank: i })) } }), 'too_many_items', '/tiers'),
    catalog('10 MB of invalid UTF-8', invalidUtf8(ten), 'input_too_large', ''),
    catalog('2 MB of invalid UTF-8', invalidUtf8(2 * MB), 'invalid_json', ''),
  ];
}

/** Every case: cases.json first, then the generated ones. */
export function loadCases() {
  const spec = JSON.parse(fs.readFileSync(path.join(HERE, 'cases.json'), 'utf8'));
  const out = [];
  for (const c of spec.catalog) {
    out.push({ kind: 'catalog', name: c.name, op: 'describe', catalog: catalogBytes(c), request: Buffer.from('{}'),
      code: c.code, path: c.path });
  }
  for (const c of spec.request) {
    const catalog = c.catalog_file ? fs.readFileSync(path.join(HERE, '..', '..', c.catalog_file))
      : Buffer.from(c.catalog_set ? patchedCatalog({ set: c.catalog_set }) : patchedCatalog(), 'utf8');
    out.push({ kind: 'request', name: c.name, op: c.op || 'quote', catalog, request: requestBytes(c),
      code: c.code, path: c.path });
  }
  return out.concat(generatedCases());
}
