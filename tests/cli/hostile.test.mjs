// The CLI against inputs that never end, are huge, hold a NUL byte or run the
// process out of memory (issue 22): each is answered with one JSON error and
// exit 1, at once and in little memory, never an abort or a hang.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const CLI = path.join(ROOT, 'build/native/plancalc');
const MAILSTORE = path.join(ROOT, 'plans/mailstore.json');
let tmp;

before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plancalc-hostile-')); });
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs a shell command line; the time it took and the peak memory (/usr/bin/time). */
function sh(command, input) {
  const started = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', `/usr/bin/time -f 'maxrss_kb=%M' ${command}`],
    { cwd: ROOT, input, timeout: 20_000, maxBuffer: 16 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const stderr = r.stderr.toString('utf8');
  const rss = Number(/maxrss_kb=(\d+)/.exec(stderr)?.[1] ?? NaN);
  return { status: r.status, signal: r.signal, stdout: r.stdout.toString('utf8'), stderr, ms, rssKB: rss };
}

function errorOf(r) {
  assert.equal(r.signal, null, `killed by ${r.signal}`);
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.stdout.slice(0, 300));
  const response = JSON.parse(lines[0]);
  assert.equal(response.ok, false);
  return response.error;
}

describe('inputs read no further than the limit', () => {
  for (const [what, command, source, message] of [
    ['/dev/zero as the request', `${CLI} quote --catalog ${MAILSTORE} --request /dev/zero`, 'request',
      'input is more than 1048576 bytes, the limit'],
    ['/dev/zero as the catalog', `${CLI} quote --catalog /dev/zero --plan standard-annual`, 'catalog',
      'input is more than 4194304 bytes, the limit'],
    ['an endless pipe as the request', `bash -c 'yes | ${CLI} quote --catalog ${MAILSTORE} --request -'`, 'request',
      'input is more than 1048576 bytes, the limit'],
    ['/dev/urandom as the request', `${CLI} quote --catalog ${MAILSTORE} --request /dev/urandom`, 'request',
      'input is more than 1048576 bytes, the limit'],
  ]) {
    test(`${what}: input_too_large within a second, in under 20 MB`, () => {
      const r = sh(command);
      const error = errorOf(r);
      assert.deepEqual(error, { code: 'input_too_large', message, path: '', source, args: {} });
      assert.ok(r.ms < 1000, `${r.ms.toFixed(0)} ms`);
      assert.ok(r.rssKB < 20 * 1024, `${r.rssKB} KB resident`);
    });
  }

  test('a 200 MB catalog file is refused by its size, without reading it', () => {
    const big = path.join(tmp, 'big.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 200 * 1024 * 1024);  // sparse: no disk used
    const r = sh(`${CLI} describe --catalog ${big}`);
    assert.deepEqual(errorOf(r), {
      code: 'input_too_large', message: 'input is more than 4194304 bytes, the limit', path: '', source: 'catalog', args: {},
    });
    assert.ok(r.ms < 1000 && r.rssKB < 20 * 1024, `${r.ms} ms, ${r.rssKB} KB`);
  });

  test('a request exactly at the limit is read whole (and answered on its merits)', () => {
    const request = `{"start":"2026-03-01","plan":"${'z'.repeat(1024 * 1024 - 32)}"}`;
    assert.equal(Buffer.byteLength(request), 1024 * 1024);
    const error = errorOf(sh(`${CLI} quote --catalog ${MAILSTORE} --request -`, request));
    assert.equal(error.code, 'string_too_long');
    assert.equal(error.path, '/plan');
  });
});

describe('a NUL byte is never the end of the input', () => {
  test('a request with garbage after a NUL byte is invalid_json at the NUL', () => {
    const r = sh(`${CLI} quote --catalog ${MAILSTORE} --request -`,
      Buffer.from('{"plan":"premium-annual","quantity":25,"start":"2026-03-01"}\0garbage{{{', 'latin1'));
    assert.deepEqual(errorOf(r), { code: 'invalid_json', message: 'malformed JSON near byte 61: a NUL byte', path: '', source: 'request', args: {} });
  });

  test('flags laid over such a request do not hide the NUL', () => {
    const r = sh(`${CLI} quote --catalog ${MAILSTORE} --request - --quantity 3`,
      Buffer.from('{"plan":"premium-annual","start":"2026-03-01"}\0garbage', 'latin1'));
    assert.equal(errorOf(r).code, 'invalid_json');
  });

  test('a catalog with a NUL byte and garbage appended is rejected, not loaded', () => {
    const file = path.join(tmp, 'nul.json');
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(MAILSTORE), Buffer.from('\0garbage{{', 'latin1')]));
    const error = errorOf(sh(`${CLI} describe --catalog ${file}`));
    assert.equal(error.code, 'invalid_json');
    assert.equal(error.source, 'catalog');
  });

  test('a batch line with a NUL byte is answered invalid_json, and the next line as usual', () => {
    const r = sh(`${CLI} batch --catalog ${MAILSTORE}`, Buffer.from(
      '{"op":"describe"}\0x\n{"op":"quote","plan":"premium-annual","start":"2026-03-01"}\n', 'latin1'));
    assert.equal(r.status, 0, r.stderr);
    const [first, second] = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.equal(first.error.code, 'invalid_json');
    assert.equal(second.ok, true);
  });
});

describe('running out of memory', () => {
  test('under tight address-space limits every run answers with JSON and exit 1, some with out_of_memory', () => {
    // A catalog near the 4 MiB limit whose reading needs tens of MB: a
    // vendor with 90,000 names (rejected after parsing: invalid_locale).
    const base = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/bad-input/base-catalog.json'), 'utf8'));
    base.vendor.names = Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`x${String(i).padStart(6, '0')}`, 'y'.repeat(30)]));
    const file = path.join(tmp, 'names.json');
    fs.writeFileSync(file, JSON.stringify(base));
    const codes = new Set();
    for (let mb = 24; mb <= 256; mb += 8) {
      const r = sh(`bash -c 'ulimit -v ${mb * 1024}; exec ${CLI} describe --catalog ${file}'`);
      const error = errorOf(r);
      assert.ok(['out_of_memory', 'invalid_locale'].includes(error.code), `${mb} MB: ${error.code}`);
      codes.add(error.code);
    }
    assert.deepEqual([...codes].sort(), ['invalid_locale', 'out_of_memory']);
  });
});

describe('smaller mismatches', () => {
  test('"op" in a request sent to one operation must name that operation', () => {
    const other = errorOf(sh(`${CLI} quote --catalog ${MAILSTORE} --request -`,
      '{"op":"compare","plan":"premium-annual","start":"2026-03-01"}'));
    assert.equal(other.code, 'invalid_value');
    assert.equal(other.path, '/op');
    assert.equal(errorOf(sh(`${CLI} quote --catalog ${MAILSTORE} --request -`, '{"op":1,"plan":"premium-annual","start":"2026-03-01"}')).code,
      'wrong_type');
    const same = sh(`${CLI} quote --catalog ${MAILSTORE} --request -`, '{"op":"quote","plan":"premium-annual","start":"2026-03-01"}');
    assert.equal(same.status, 0, same.stderr);
  });

  test('check: a catalog that loads but whose example fails exits 3, not 1 (a rejection)', () => {
    const catalog = JSON.parse(fs.readFileSync(MAILSTORE, 'utf8'));
    catalog.examples[0].expect['/first_period/total'] = '451.00';
    const file = path.join(tmp, 'failing-example.json');
    fs.writeFileSync(file, JSON.stringify(catalog));
    const r = sh(`${CLI} check ${file}`);
    assert.equal(r.status, 3, r.stderr);
    const response = JSON.parse(r.stdout);
    assert.equal(response.ok, true);
    assert.equal(response.result.passed, false);
    assert.deepEqual(response.result.examples[0].mismatches,
      [{ pointer: '/first_period/total', expected: '451.00', actual: '450.00' }]);
  });
});
