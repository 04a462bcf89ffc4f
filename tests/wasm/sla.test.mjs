// The sla operation through the JS API over the real wasm module: the
// figures of issue 5 as the page gets them, and the errors it must show.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { createEngine, PlanCalcError } from '../../web/plancalc.js';
import { coreOptions, readRepoFile } from './module.mjs';

describe('sla', () => {
  let mailpro;
  let kalmstrom;
  before(async () => {
    mailpro = await createEngine(readRepoFile('plans/mailpro.json'), coreOptions);
    kalmstrom = await createEngine(readRepoFile('plans/kalmstrom.json'), coreOptions);
  });
  after(() => {
    mailpro.dispose();
    kalmstrom.dispose();
  });

  test('first level opened Friday 16:30 in Europe is due Monday 11:30, walking the counted intervals', () => {
    const r = mailpro.sla({ tier: 'standard', level: 'first', opened: '2026-11-20T16:30+01:00' });
    const [t] = r.targets;
    assert.equal(t.due, '2026-11-23T11:30:00+01:00');
    assert.equal(t.calendar.id, 'europe');
    assert.deepEqual(t.steps.map((s) => `${s.args.duration} ${s.args.weekday} ${s.args.from}–${s.args.to}`),
      ['30 min fri 16:30–17:00', '3 h 30 min mon 08:00–11:30']);
  });

  test('the same moment in America is due 13:30 there; legal is 5 business days', () => {
    assert.equal(mailpro.sla({ tier: 'standard', level: 'first', opened: '2026-11-20T16:30+01:00', region: 'america' })
      .targets[0].due, '2026-11-20T13:30:00-06:00');
    assert.equal(mailpro.sla({ tier: 'standard', level: 'legal', opened: '2026-11-23T10:00+01:00' })
      .targets[0].due, '2026-11-30T10:00:00+01:00');
  });

  test('uptime 99 % allows 7 h 12 min in 30 days, 7 h 26 min 24 s in 31', () => {
    const [website] = mailpro.sla({ tier: 'standard', opened: '2026-11-20T16:30Z' }).uptime;
    assert.equal(website.downtime.month_30_days.duration, '7 h 12 min');
    assert.equal(website.downtime.month_31_days.seconds, 26784);
  });

  test('calendar hours: 24 h and 36 h from Friday 16:30 UTC', () => {
    assert.deepEqual(kalmstrom.sla({ tier: 'subscription', opened: '2026-11-20T16:30:00Z' }).targets.map((t) => t.due),
      ['2026-11-21T16:30:00Z', '2026-11-22T04:30:00Z']);
  });

  test('compare carries each tier\'s SLA for the side-by-side table', () => {
    const r = mailpro.compare({ quantity: 1, start: '2026-11-01', horizon_months: 12 });
    const standard = r.tiers.find((t) => t.id === 'standard');
    assert.deepEqual(standard.sla.response.map((t) => t.level), ['first', 'second', 'legal']);
  });

  test('a moment without offset and an unknown level throw with their paths', () => {
    assert.throws(() => mailpro.sla({ tier: 'standard', opened: '2026-11-20T16:30' }),
      (err) => err instanceof PlanCalcError && err.code === 'invalid_moment' && err.path === '/opened');
    assert.throws(() => mailpro.sla({ tier: 'standard', level: 'third', opened: '2026-11-20T16:30Z' }),
      (err) => err instanceof PlanCalcError && err.code === 'unknown_level' && err.path === '/level');
  });
});
