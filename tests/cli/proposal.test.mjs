// proposal (issue 18) from the real CLI: the README's table with the issue's
// figures, batch, and English words for every explanation key a proposal
// writes (a key without words would be printed as the key itself). The golden
// corpus holds the requests whole and checks the wasm module's bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.resolve(ROOT, process.env.PLANCALC_CLI || 'build/native/plancalc');
const CASES = path.join(ROOT, 'tests', 'golden', 'cases');

function run(args, input) {
  return spawnSync(CLI, args, { cwd: ROOT, input, encoding: 'utf8' });
}

const proposalCases = fs.readdirSync(CASES)
  .filter((f) => f.startsWith('proposal-') && f.endsWith('.case.json'))
  .map((f) => ({ name: f.slice(0, -'.case.json'.length), ...JSON.parse(fs.readFileSync(path.join(CASES, f), 'utf8')) }));

test('the README example: a proposal table with the issue\'s figures', () => {
  const r = run(['proposal', '--catalog', 'plans/mailstore.json', '--request', 'docs/examples/mailstore-proposal.json',
    '--format', 'table']);
  assert.equal(r.status, 0, r.stderr);
  const t = r.stdout;
  assert.match(t, /^proposal P-[0-9a-f]{12} for Acme GmbH$/m);
  assert.match(t, /valid until 2026-12-31 \(30 days from 2026-12-01\)/);
  assert.match(t, /within the 15 % the vendor allows/);
  assert.match(t, /negotiated discount \(3-year commitment\): 10 % off 90\.25 = 9\.03 +-9\.03$/m);
  assert.match(t, /^proposal year 1 \(2027-01-01 to 2028-01-01\) +486\.22$/m);
  assert.match(t, /^proposal year 2 \(2028-01-01 to 2029-01-01\) +567\.00$/m);
  assert.match(t, /^proposal year 3 \(2029-01-01 to 2030-01-01\) +567\.00$/m);
  assert.match(t, /^total \(EUR\) +1620\.22$/m);
  assert.match(t, /- upgrade change: takes effect at once/);
  assert.match(t, /- downgrade change: takes effect at the end of the current term/);
});

test('above the sales limit: APPROVAL NEEDED in the table, first year 360.00', () => {
  const request = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/examples/mailstore-proposal.json'), 'utf8'));
  request.discount.percent = '20';
  const r = run(['proposal', '--catalog', 'plans/mailstore.json', '--request', '-', '--format', 'table'],
    JSON.stringify(request));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^APPROVAL NEEDED: a negotiated discount of 20 % is above the 15 % the vendor allows/m);
  assert.match(r.stdout, /^ {4}charge total +360\.00$/m);
});

test('batch answers "op": "proposal" exactly as the subcommand does', () => {
  const request = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/examples/mailstore-proposal.json'), 'utf8'));
  const single = run(['proposal', '--catalog', 'plans/mailstore.json', '--request', '-'], JSON.stringify(request));
  const batch = run(['batch', '--catalog', 'plans/mailstore.json'], JSON.stringify(request) + '\n');
  assert.equal(batch.status, 0, batch.stderr);
  assert.equal(batch.stdout, single.stdout);
  assert.equal(JSON.parse(batch.stdout).result.horizon.total, '1620.22');
});

test('a rejected proposal exits 1 with the error on stdout', () => {
  const r = run(['proposal', '--catalog', 'plans/mailstore.json', '--request', '-'],
    JSON.stringify({ issued: '2026-12-01', start: '2027-01-01', items: [] }));
  assert.equal(r.status, 1);
  assert.equal(JSON.parse(r.stdout).error.code, 'no_items');
  assert.match(r.stderr, /no_items/);
});

test('every explanation key of every proposal golden case has English words', () => {
  const keys = new Set();
  const collect = (v) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      if (typeof v.key === 'string' && v.args && typeof v.args === 'object') keys.add(v.key);
      Object.values(v).forEach(collect);
    }
  };
  let tables = 0;
  for (const c of proposalCases) {
    const args = ['proposal', '--catalog', c.catalog, '--request', '-'];
    const json = run(args, JSON.stringify(c.request));
    const response = JSON.parse(json.stdout);
    if (!response.ok) continue;
    collect(response.result);
    const table = run([...args, '--format', 'table'], JSON.stringify(c.request));
    assert.equal(table.status, 0, `${c.name}: ${table.stderr}`);
    for (const key of keys) assert.ok(!table.stdout.includes(key), `${c.name}: ${key} printed without words`);
    assert.doesNotMatch(table.stdout, /\{[a-z_@#|]+\}/, `${c.name}: a placeholder left`);
    tables++;
  }
  assert.ok(tables >= 13, `${tables} proposal tables`);
  assert.ok(keys.size >= 25, `${keys.size} keys`);
});
