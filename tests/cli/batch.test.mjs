// `plancalc batch`: NDJSON in, NDJSON out, one response line per request
// line, each request naming its "op". Runs the real binary and checks that a
// line's answer is byte for byte what `plancalc <op> --request -` prints for
// the same text (the golden corpus included), and the edges of line reading:
// an over-long line, no final newline, CRLF, empty lines.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

import { listCases, loadCase, ROOT } from '../golden/corpus.mjs';

const CLI = path.resolve(ROOT, process.env.PLANCALC_CLI || 'build/native/plancalc');
const LIMIT = 1024 * 1024; // plancalc::api::kMaxRequestBytes

function run(args, input) {
  const r = spawnSync(CLI, args, { cwd: ROOT, input, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  // EPIPE: the CLI exited before reading all its input (a rejected catalog is
  // answered without reading the request); its output is still complete.
  if (r.error && !(r.error.code === 'EPIPE' && r.status !== null)) throw r.error;
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

function batch(catalog, lines, { eol = '\n', finalEol = true } = {}) {
  const input = lines.join(eol) + (finalEol ? eol : '');
  return run(['batch', '--catalog', catalog], input);
}

/** The output lines of a batch run (its stdout ends with "\n" when not empty). */
function outputLines(stdout) {
  if (stdout === '') return [];
  assert.ok(stdout.endsWith('\n'), 'output ends with a newline');
  return stdout.slice(0, -1).split('\n');
}

/** What the single-op command prints for this request text (without its "\n"). */
function single(op, catalog, text) {
  const r = run([op, '--catalog', catalog, '--request', '-'], text);
  assert.ok(r.stdout.endsWith('\n'));
  return r.stdout.slice(0, -1);
}

/** The same, with the text given as a file: its size is known before reading. */
function singleFromFile(op, catalog, text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plancalc-batch-'));
  try {
    const file = path.join(dir, 'request.json');
    fs.writeFileSync(file, text);
    const r = run([op, '--catalog', catalog, '--request', file]);
    assert.ok(r.stdout.endsWith('\n'));
    return r.stdout.slice(0, -1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const MAILSTORE = 'plans/mailstore.json';
const MIXED = [
  { op: 'quote', line: '{"op":"quote","plan":"premium-annual","quantity":25,"start":"2026-03-01"}' },
  { op: 'compare', line: '{"op":"compare","quantity":100,"start":"2026-03-01","horizon_months":36}' },
  { op: 'quote', line: '{"op":"quote","plan":"gold","start":"2026-03-01"}' }, // unknown_plan
  { op: 'quote', line: '{"op":"quote","plan":"premium-annual","quantity":0,"start":"2026-03-01"}' },
  { op: 'quote', line: '{"op": "quote", "plan": "premium-annual", "start": "2026-02-30"}' },
  { op: 'quote', line: '{"op":"quote","plan":"premium-annual","start":"2026-03-01","bogus":1}' },
  { op: 'describe', line: '{"op":"describe"}' },
  { op: 'check', line: '{"op":"check"}' },
  { op: 'sla', line: '{"op":"sla","tier":"premium","opened":"2026-11-20T16:30+01:00"}' },
  { op: 'quote', line: '{"op":"quote","plan":"premium-annual","start":' }, // malformed JSON
  { op: 'quote', line: '{"op":"quote","plan":"a","plan":"b","start":"2026-03-01"}' }, // duplicate key
  { op: 'quote', line: '[1, 2, 3]' }, // not an object
  { op: 'quote', line: 'not json at all' },
  { op: 'quote', line: '' }, // an empty line is answered too
];

describe('batch answers each line as the single-op command does', () => {
  test('mixed valid and invalid lines, in order, byte for byte', () => {
    const r = batch(MAILSTORE, MIXED.map((m) => m.line));
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const out = outputLines(r.stdout);
    assert.equal(out.length, MIXED.length);
    MIXED.forEach((m, i) => {
      assert.equal(out[i], single(m.op, MAILSTORE, m.line), `line ${i + 1}: ${m.line}`);
    });
    assert.equal(JSON.parse(out[0]).result.first_period.total, '450.00');
    assert.equal(JSON.parse(out[2]).error.code, 'unknown_plan');
  });

  test('a line without an op, with a non-string op or an unknown op is an error line at /op', () => {
    const r = batch(MAILSTORE, [
      '{"plan":"premium-annual","start":"2026-03-01"}',
      '{"op":7}',
      '{"op":"price"}',
      '{"op":"quote","plan":"premium-annual","start":"2026-03-01"}',
    ]);
    assert.equal(r.status, 0);
    const out = outputLines(r.stdout).map((l) => JSON.parse(l));
    assert.deepEqual(out.slice(0, 3).map((o) => [o.ok, o.error.code, o.error.path, o.error.source]), [
      [false, 'missing_field', '/op', 'request'],
      [false, 'wrong_type', '/op', 'request'],
      [false, 'unknown_op', '/op', 'request'],
    ]);
    assert.match(out[2].error.message, /^unknown operation 'price'; expected quote, compare/);
    assert.equal(out[3].ok, true);
  });

  test('every golden request gives through batch what `plancalc <op>` gives for it', () => {
    // The golden corpus's requests (objects), with their op added, one batch
    // run per catalog; each answer is compared with the single-op command's
    // answer to the request as the case holds it (without "op").
    const byCatalog = new Map();
    for (const c of listCases()) {
      const k = loadCase(c);
      const request = JSON.parse(fs.readFileSync(c.caseFile, 'utf8')).request;
      if (!request || typeof request !== 'object' || Array.isArray(request)) continue;
      if ('op' in request && request.op !== k.op) continue;
      if (!byCatalog.has(k.catalog)) byCatalog.set(k.catalog, []);
      byCatalog.get(k.catalog).push({ ...k, line: JSON.stringify({ op: k.op, ...request }) });
    }
    let checked = 0;
    const differ = [];
    for (const [catalog, cases] of byCatalog) {
      const r = batch(catalog, cases.map((c) => c.line));
      const out = outputLines(r.stdout);
      assert.equal(out.length, cases.length, catalog);
      cases.forEach((c, i) => {
        if (out[i] !== single(c.op, catalog, c.requestText)) differ.push(c.name);
      });
      checked += cases.length;
    }
    assert.deepEqual(differ, []);
    assert.ok(checked >= 50, `only ${checked} golden cases checked`);
  });
});

describe('line reading', () => {
  const quote = '{"op":"quote","plan":"premium-annual","quantity":25,"start":"2026-03-01"}';

  test('an over-long line is answered with input_too_large, as the engine answers it, and skipped', () => {
    // Just over the limit: the same bytes as the single-op command's answer for
    // a file of that text (from a stream it reads only limit + 1 bytes, so it
    // says "more than"; batch counts every line's bytes to skip it).
    const over = `{"op":"quote","plan":"${'x'.repeat(LIMIT)}"}`;
    // Far over it (8 MiB): never held whole, only counted.
    const huge = `{"op":"quote","plan":"${'y'.repeat(8 * LIMIT)}"}`;
    // Exactly at the limit: read and parsed (its plan id is too long).
    const atLimit = `{"op":"quote","start":"2026-03-01","plan":"${'z'.repeat(LIMIT - 45)}"}`;
    assert.equal(Buffer.byteLength(atLimit), LIMIT);
    const r = batch(MAILSTORE, [quote, over, quote, huge, atLimit, quote]);
    assert.equal(r.status, 0, r.stderr);
    const out = outputLines(r.stdout);
    assert.equal(out.length, 6);
    const answer = single('quote', MAILSTORE, quote);
    assert.equal(out[0], answer);
    assert.equal(out[1], singleFromFile('quote', MAILSTORE, over));
    assert.equal(JSON.parse(out[1]).error.code, 'input_too_large');
    assert.equal(out[2], answer);
    assert.deepEqual(JSON.parse(out[3]).error, {
      code: 'input_too_large',
      message: `input is more than ${LIMIT} bytes, the limit`,
      path: '',
      source: 'request',
      args: {},
    });
    assert.equal(out[4], single('quote', MAILSTORE, atLimit));
    assert.notEqual(JSON.parse(out[4]).error.code, 'input_too_large');
    assert.equal(out[5], answer);
  });

  test('the last line is answered without a final newline', () => {
    const r = batch(MAILSTORE, [quote, '{"op":"describe"}'], { finalEol: false });
    assert.equal(r.status, 0);
    const out = outputLines(r.stdout);
    assert.equal(out.length, 2);
    assert.equal(out[1], single('describe', MAILSTORE, '{"op":"describe"}'));
  });

  test('CRLF lines give the same answers as LF lines, an over-long one included', () => {
    const lines = [...MIXED.map((m) => m.line), `{"op":"quote","plan":"${'x'.repeat(LIMIT)}"}`];
    const lf = batch(MAILSTORE, lines);
    const crlf = batch(MAILSTORE, lines, { eol: '\r\n' });
    assert.equal(crlf.status, 0);
    assert.equal(crlf.stdout, lf.stdout);
    // A line of exactly the limit plus its "\r" is still within the limit.
    const atLimit = `{"op":"quote","start":"2026-03-01","plan":"${'z'.repeat(LIMIT - 45)}"}`;
    const edge = batch(MAILSTORE, [atLimit], { eol: '\r\n' });
    assert.notEqual(JSON.parse(outputLines(edge.stdout)[0]).error.code, 'input_too_large');
  });

  test('empty input gives empty output; every empty line gets an answer', () => {
    const none = run(['batch', '--catalog', MAILSTORE], '');
    assert.equal(none.status, 0);
    assert.equal(none.stdout, '');
    const blanks = run(['batch', '--catalog', MAILSTORE], '\n\n\n');
    assert.equal(outputLines(blanks.stdout).length, 3);
    assert.equal(JSON.parse(outputLines(blanks.stdout)[0]).error.code, 'invalid_json');
  });

  test('a request on a slow pipe is answered before the input ends', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(CLI, ['batch', '--catalog', MAILSTORE], { cwd: ROOT });
    const first = new Promise((resolve) => {
      let text = '';
      child.stdout.on('data', (d) => {
        text += d;
        if (text.includes('\n')) resolve(text);
      });
    });
    child.stdin.write(quote + '\n');
    const got = await first;
    assert.equal(got, single('quote', MAILSTORE, quote) + '\n');
    child.stdin.end();
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0);
  });
});

describe('exit codes', () => {
  test('usage errors exit 2; a rejected catalog exits 1 with its error line', () => {
    assert.equal(run(['batch'], '').status, 2);
    assert.equal(run(['batch', '--catalog', 'plans/no-such.json'], '').status, 2);
    assert.equal(run(['batch', '--catalog', MAILSTORE, '--format', 'table'], '').status, 2);
    assert.equal(run(['batch', '--catalog', MAILSTORE, '--bogus'], '').status, 2);
    const bad = run(['batch', '--catalog', 'tests/golden/catalogs/' + badCatalog()], '{"op":"describe"}\n');
    assert.equal(bad.status, 1);
    assert.equal(JSON.parse(bad.stdout).error.source, 'catalog');
    assert.match(bad.stderr, /the catalog is rejected/);
  });

  test('--help lists batch and its flags', () => {
    assert.match(run(['--help']).stdout, /batch/);
    const r = run(['batch', '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /--catalog/);
  });
});

function badCatalog() {
  const dir = path.join(ROOT, 'tests/golden/catalogs');
  for (const f of fs.readdirSync(dir).sort()) {
    const spec = run(['describe', '--catalog', path.join(dir, f)], '');
    if (spec.status === 1 && spec.stdout.includes('"source":"catalog"')) return f;
  }
  throw new Error('no rejected catalog in tests/golden/catalogs');
}
