// The CLI's English (cli/english.cpp, cli/table.cpp): counted words agree
// with their numbers, "1 extra ticket", "9 extra tickets", "1 month".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.resolve(ROOT, process.env.PLANCALC_CLI || 'build/native/plancalc');

function table(args) {
  const r = spawnSync(CLI, [...args, '--format', 'table'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('English counts in the CLI', () => {
  test('compare with 12 tickets a month: 9 extra tickets (the issue\'s example)', () => {
    const out = table(['compare', '--catalog', 'plans/invex.json', '--usage', 'tickets=12', '--start', '2026-03-01']);
    assert.match(out, /because basico-mensual with 9 extra tickets a month costs 7816\.32 over 36 months/);
    assert.match(out, /break-even: plus-mensual is cheaper than basico-mensual from 9 tickets a month/);
    assert.doesNotMatch(out, /\b(?!1 )\d+ (extra )?ticket\b/);
  });

  test('compare with 4 tickets a month over 1 month: 1 extra ticket, 1 month', () => {
    const out = table(['compare', '--catalog', 'plans/invex.json', '--usage', 'tickets=4', '--start', '2026-03-01',
      '--horizon', '1']);
    assert.match(out, /^quantity 1, 1 month from 2026-03-01, amounts in USD$/m);
    assert.match(out, /the cheapest over 1 month: /);
    assert.match(out, /because basico-anual with 1 extra ticket a month costs 790\.60 over 1 month, more than/);
    assert.match(out, /from 1 ticket a month \(578\.20 against 708\.00\)/);
    assert.doesNotMatch(out, /\b1 (extra )?tickets\b|\b1 months\b/);
  });

  test('quote: 4 tickets, 1 extra, × 1 month; 1 charge; total over 1 month', () => {
    const out = table(['quote', '--catalog', 'plans/invex.json', '--plan', 'basico-mensual', '--usage', 'tickets=4',
      '--start', '2026-03-01', '--horizon', '1']);
    assert.match(out, /4 tickets a month, 3 included: 1 extra × 15\.00 = 15\.00 a month, × 1 month\s+15\.00/);
    assert.match(out, /^total over 1 month \(USD\)\s+75\.52$/m);
    assert.match(out, /^1 charge starting within 1 month, covering until 2026-04-01$/m);
  });

  test('units and packages: 1 seat, 12 seats, 1 unit = 1 package, 12 units = 2 packages', () => {
    const quote = (plan, quantity) => table(['quote', '--catalog', 'tests/golden/catalogs/models.json', '--plan', plan,
      '--quantity', String(quantity), '--start', '2026-03-01']);
    assert.match(quote('basic-monthly', 1), /^ {2}1 seat × 10\.00 /m);
    assert.match(quote('basic-monthly', 12), /^ {2}12 seats × 10\.00 /m);
    assert.match(quote('pack-monthly', 1), /^ {2}1 unit = 1 package of 10 × 25\.00 /m);
    assert.match(quote('pack-monthly', 12), /^ {2}12 units = 2 packages of 10 × 25\.00 /m);
    assert.match(quote('plus-annual', 1), /all 1 unit at the 1–10 band price 10\.00/);
    assert.match(table(['compare', '--catalog', 'plans/mailstore.json', '--quantity', '100', '--start', '2026-03-01']),
      /^quantity 100, 36 months from 2026-03-01/m);
  });

  test('a unit word outside the table of the catalogs\' units: the regular English plural', () => {
    const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/golden/catalogs/models.json'), 'utf8'));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plancalc-english-'));
    try {
      for (const [unit, plural] of [['box', 'boxes'], ['entity', 'entities'], ['key', 'keys'], ['mailbox', 'mailboxes'],
        ['device', 'devices'], ['company', 'companies']]) {
        catalog.plans.find((p) => p.id === 'basic-monthly').unit = unit;
        const file = path.join(tmp, 'models.json');
        fs.writeFileSync(file, JSON.stringify(catalog));
        const quote = (quantity) => table(['quote', '--catalog', file, '--plan', 'basic-monthly',
          '--quantity', String(quantity), '--start', '2026-03-01']);
        assert.match(quote(3), new RegExp(`^ {2}3 ${plural} × 10\\.00 `, 'm'), unit);
        assert.match(quote(1), new RegExp(`^ {2}1 ${unit} × 10\\.00 `, 'm'), unit);
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
