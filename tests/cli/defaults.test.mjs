// The dates the CLI fills in when neither a flag nor the --request JSON gives
// them, as the page does (cli/defaults.hpp): today, the machine's local date,
// for quote/compare's start, renew's date and the date of change, cancel and
// add_licenses; now (to the minute) for sla's opened. Each answer states the
// date it used. `plancalc batch` fills nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.resolve(ROOT, process.env.PLANCALC_CLI || 'build/native/plancalc');

function run(args, { input, tz } = {}) {
  const env = tz === undefined ? process.env : { ...process.env, TZ: tz };
  const r = spawnSync(CLI, args, { cwd: ROOT, input, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = (r) => {
  assert.equal(r.status, 0, r.stderr + r.stdout);
  return JSON.parse(r.stdout).result;
};

/** Today's civil date in this process's time zone, as web/format.js's todayIso computes it. */
function todayIso(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Runs a command and returns its answer with the dates "today" could be: the
 * local date just before and just after the run (they differ only when it
 * spans a midnight).
 */
function aroundToday(fn) {
  const before = todayIso();
  const result = fn();
  return { result, today: [before, todayIso()] };
}

describe('without a date the CLI answers from today (local date)', () => {
  test('compare without --start: horizon.start is today, the table says so', () => {
    const { result, today } = aroundToday(() => json(run(['compare', '--catalog', 'plans/mailstore.json'])));
    assert.ok(today.includes(result.horizon.start), `${result.horizon.start} is not ${today[0]}`);
    const table = aroundToday(() => run(['compare', '--catalog', 'plans/mailstore.json', '--quantity', '100',
      '--format', 'table']));
    assert.equal(table.result.status, 0, table.result.stderr);
    assert.ok(table.today.some((d) => table.result.stdout.startsWith(`quantity 100, 36 months from ${d}, amounts in EUR\n`)),
      table.result.stdout.split('\n')[0]);
  });

  test('quote without --start: the first period starts today', () => {
    const { result, today } = aroundToday(() => json(run(['quote', '--catalog', 'plans/mailstore.json',
      '--plan', 'premium-annual', '--quantity', '25'])));
    assert.ok(today.includes(result.first_period.start));
    assert.equal(result.horizon.start, result.first_period.start);
  });

  test('--request JSON without start gets today; a start it gives, or --start, is kept', () => {
    const viaRequest = aroundToday(() => json(run(['compare', '--catalog', 'plans/mailstore.json', '--request', '-'],
      { input: '{ "quantity": 100 }\n' })));
    assert.ok(viaRequest.today.includes(viaRequest.result.horizon.start));
    const empty = aroundToday(() => json(run(['compare', '--catalog', 'plans/mailstore.json', '--request', '-'],
      { input: '{}' })));
    assert.ok(empty.today.includes(empty.result.horizon.start));
    const given = json(run(['compare', '--catalog', 'plans/mailstore.json', '--request', '-'],
      { input: '{"start": "2026-03-01"}' }));
    assert.equal(given.horizon.start, '2026-03-01');
    const flag = json(run(['compare', '--catalog', 'plans/mailstore.json', '--start', '2027-01-01', '--request', '-'],
      { input: '{"start": "2026-03-01"}' }));
    assert.equal(flag.horizon.start, '2027-01-01');
  });

  test('the date is the local one: 14 hours east and 12 west of UTC give their own days', () => {
    // POSIX zones with fixed offsets need no time zone data: "<+14>-14" is UTC+14.
    for (const [tz, hours] of [['<+14>-14', 14], ['<-12>12', -12], ['UTC0', 0]]) {
      const day = () => new Date(Date.now() + hours * 3_600_000).toISOString().slice(0, 10);
      const before = day();
      const result = json(run(['compare', '--catalog', 'plans/mailstore.json'], { tz }));
      assert.ok([before, day()].includes(result.horizon.start), `${tz}: ${result.horizon.start}, not ${before}`);
    }
  });

  test('renew without --date is renewed today', () => {
    const { result, today } = aroundToday(() => json(run(['renew', '--catalog', 'plans/v8pro.json',
      '--product', 'report', '--support-end', '2026-06-01'])));
    assert.ok(today.includes(result.date));
    assert.ok(today.includes(result.conventions.as_of));
  });

  test('change, cancel and add-licenses without --date happen today', () => {
    const contract = ['--catalog', 'plans/mailstore.json', '--plan', 'standard-annual', '--quantity', '10',
      '--start', '2026-01-01'];
    for (const args of [['change', ...contract, '--target', 'premium-annual'], ['cancel', ...contract],
      ['add-licenses', ...contract, '--add', '5']]) {
      const { result, today } = aroundToday(() => json(run(args)));
      assert.ok(today.includes(result.date), `${args[0]}: ${result.date}`);
    }
  });

  test('sla without --opened: opened now, to the minute, with the local offset (the engine writes +00:00 as Z)', () => {
    for (const [tz, offset] of [['<+0530>-5:30', '+05:30'], ['<-0330>3:30', '-03:30'], ['UTC0', 'Z']]) {
      const before = Date.now();
      const result = json(run(['sla', '--catalog', 'plans/mailpro.json', '--tier', 'standard', '--level', 'first'],
        { tz }));
      const after = Date.now();
      const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}):00(Z|[+-]\d{2}:\d{2})$/.exec(result.opened);
      assert.ok(m, result.opened);
      assert.equal(m[2], offset, tz);
      const opened = Date.parse(result.opened);
      assert.ok(opened >= Math.floor(before / 60_000) * 60_000 && opened <= after, `${tz}: ${result.opened}`);
    }
  });

  test('the --help of each command says the default is today (now for sla)', () => {
    for (const [op, flag] of [['quote', '--start'], ['compare', '--start'], ['renew', '--date'], ['change', '--date'],
      ['cancel', '--date'], ['add-licenses', '--date']]) {
      const help = run([op, '--help']);
      assert.equal(help.status, 0);
      assert.match(help.stdout, new RegExp(`${flag} TEXT[^\\n]*\\(default: today, local date\\)`), op);
    }
    assert.match(run(['sla', '--help']).stdout, /--opened TEXT[^\n]*\n?[^\n]*\(default: now, local time to the minute\)/);
  });
});

describe('what the CLI leaves to the engine', () => {
  test('a request that is not a JSON object is answered as written', () => {
    const notObject = run(['quote', '--catalog', 'plans/mailstore.json', '--request', '-'], { input: '"premium-annual"' });
    assert.equal(notObject.status, 1);
    assert.equal(JSON.parse(notObject.stdout).error.code, 'invalid_request');
    const malformed = run(['quote', '--catalog', 'plans/mailstore.json', '--request', '-'], { input: '{"plan": ' });
    assert.equal(JSON.parse(malformed.stdout).error.code, 'invalid_json');
  });

  test('a duplicate key still reaches the engine: the request is not re-encoded', () => {
    const r = run(['quote', '--catalog', 'plans/mailstore.json', '--request', '-'],
      { input: '{"plan": "premium-annual", "plan": "standard-annual"}' });
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).error.code, 'duplicate_key');
  });

  test('batch answers its lines as written: no default date', () => {
    const r = run(['batch', '--catalog', 'plans/mailstore.json'], { input: '{"op":"quote","plan":"premium-annual"}\n' });
    assert.equal(r.status, 0);
    const error = JSON.parse(r.stdout).error;
    assert.equal(error.code, 'missing_field');
    assert.equal(error.path, '/start');
  });
});
