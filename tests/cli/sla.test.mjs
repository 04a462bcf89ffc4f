// `plancalc sla` as users run it: flags, the English table, exit codes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const CLI = path.resolve(ROOT, process.env.PLANCALC_CLI || 'build/native/plancalc');

function run(args, input) {
  const r = spawnSync(CLI, args, { cwd: ROOT, input });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

describe('plancalc sla', () => {
  test('--help lists the flags', () => {
    const r = run(['sla', '--help']);
    assert.equal(r.status, 0);
    for (const flag of ['--tier', '--level', '--opened', '--region', '--format']) assert.match(r.stdout, new RegExp(flag));
    assert.match(run(['--help']).stdout, /\bsla\b/);
  });

  test('flags build the same request as --request', () => {
    const viaFlags = run(['sla', '--catalog', 'plans/mailpro.json', '--tier', 'standard', '--level', 'first',
      '--opened', '2026-11-20T16:30+01:00']);
    const viaStdin = run(['sla', '--catalog', 'plans/mailpro.json', '--request', '-'],
      '{"tier":"standard","level":"first","opened":"2026-11-20T16:30+01:00"}');
    assert.equal(viaFlags.status, 0);
    assert.equal(viaFlags.stdout, viaStdin.stdout);
    assert.equal(JSON.parse(viaFlags.stdout).result.targets[0].due, '2026-11-23T11:30:00+01:00');
  });

  test('--format table walks the counted intervals in English', () => {
    const r = run(['sla', '--catalog', 'plans/mailpro.json', '--tier', 'standard', '--level', 'first',
      '--opened', '2026-11-20T16:30+01:00', '--format', 'table']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /First-level support \(first\): due 2026-11-23T11:30:00\+01:00/);
    assert.match(r.stdout, /30 min Fri 2026-11-20 16:30–17:00/);
    assert.match(r.stdout, /3 h 30 min Mon 2026-11-23 08:00–11:30/);
    assert.match(r.stdout, /Website and FAQ\s+99 %\s+7 h 12 min\s+7 h 26 min 24 s/);
  });

  test('summer time, holidays and calendar hours read in English too', () => {
    const dst = run(['sla', '--catalog', 'tests/golden/catalogs/sla-calendars.json', '--tier', 'basic', '--level', 'first',
      '--opened', '2026-03-27T15:00+01:00', '--region', 'europe-dst', '--format', 'table']);
    assert.match(dst.stdout, /due 2026-03-30T10:00:00\+02:00/);
    assert.match(dst.stdout, /the clocks change on the way: CET \(\+01:00\) to CEST \(\+02:00\)/);
    const holiday = run(['sla', '--catalog', 'tests/golden/catalogs/sla-calendars.json', '--tier', 'basic', '--level', 'first',
      '--opened', '2026-12-24T15:00+01:00', '--format', 'table']);
    assert.match(holiday.stdout, /Fri 2026-12-25 is a holiday/);
    const calendar = run(['sla', '--catalog', 'plans/kalmstrom.json', '--tier', 'subscription', '--opened', '2026-11-20T16:30Z',
      '--format', 'table']);
    assert.match(calendar.stdout, /36 h around the clock from 2026-11-20T16:30:00Z: due Sun 2026-11-22 04:30/);
    const none = run(['sla', '--catalog', 'plans/mailstore.json', '--tier', 'premium', '--opened', '2026-11-20T16:30Z',
      '--format', 'table']);
    assert.match(none.stdout, /no response times stated/);
  });

  test('a moment without offset is rejected with exit 1 and one line on stderr', () => {
    const r = run(['sla', '--catalog', 'plans/mailpro.json', '--tier', 'standard', '--opened', '2026-11-20T16:30']);
    assert.equal(r.status, 1);
    assert.equal(JSON.parse(r.stdout).error.code, 'invalid_moment');
    assert.match(r.stderr, /^plancalc: invalid_moment: .* \(at request \/opened\)\n$/);
  });
});
