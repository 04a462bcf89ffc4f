// The SLA panel (web/sla-panel.js, web/sla-view.js) in headless Chromium,
// time zone pinned to Europe/Madrid (UTC+01:00 in November, UTC+02:00 in
// July). The page turns the picked local time into an RFC 3339 moment with
// the browser's offset at that time (or a fixed offset the visitor picks);
// every due moment and counted interval is the engine's, only formatted.
//
// Expected moments worked out by hand from plans/*.json:
//   Mailpro (plans/mailpro.json), Standard SLA, Europe calendar CET-1,
//   Mon–Fri 08:00–17:00. Opened Fri 2026-11-20 16:30 (+01:00):
//     first level, 4 h of business hours: Fri 16:30–17:00 (30 min), then
//       Mon 2026-11-23 08:00–11:30 (3 h 30 min) → due Mon 11:30 (+01:00);
//     second level, 8 h: 30 min Fri + 7 h 30 min Mon 08:00–15:30 → Mon 15:30;
//     legal, 5 business days: Mon 23 … Fri 27 → Fri 2026-11-27 16:30.
//   Uptime 99 %: 1 % of 30 days = 25 920 s = 7 h 12 min; of 31 days =
//     26 784 s = 7 h 26 min 24 s; of 365 days = 315 360 s = 87 h 36 min.
//   kalmstrom (plans/kalmstrom.json), calendar hours, no calendar: e-mail
//     24 h, meeting 36 h around the clock. Opened Fri 2026-07-03 09:15 in
//     Madrid (+02:00, summer) → e-mail due Sat 2026-07-04 09:15 (+02:00),
//     meeting due Sat 2026-07-04 21:15 (+02:00); at a picked UTC−06:00 the
//     same wall time gives due Sat 2026-07-04 09:15 (−06:00).
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshot, stop, TIME_ZONE, settledUrl } from './helpers.mjs';

after(stop);

/** The rows of the SLA targets table: {level, target, due, calendar}. */
async function targetRows(page, tier) {
  const groups = page.locator(`#sla-results section[data-tier="${tier}"] tbody.sla-target`);
  const rows = [];
  for (let i = 0; i < await groups.count(); i += 1) {
    const group = groups.nth(i);
    rows.push({
      level: await group.getAttribute('data-level'),
      name: await group.locator('tr.figures th').textContent(),
      target: await group.locator('[data-field="target"]').textContent(),
      due: await group.locator('[data-field="due"]').textContent(),
      calendar: await group.locator('[data-field="calendar"]').textContent(),
    });
  }
  return rows;
}

/** Opens a target's "How it is counted" and returns its sentence and steps. */
async function countedSteps(page, tier, level) {
  const details = page.locator(`#sla-results details.sla-steps[data-target="${tier}:${level}"]`);
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  return {
    summary: await details.locator('summary').textContent(),
    explanation: await details.locator('.sla-explanation').textContent(),
    steps: await details.locator('.sla-step-list li').allTextContents(),
  };
}

/** "YYYY-MM-DDTHH:MM" of a moment on the wall clock of the pinned zone. */
function madridWall(ms) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

describe('the SLA panel', () => {
  test('Mailpro, Europe, first level, opened Fri 2026-11-20 16:30: due Mon 11:30 with the intervals counted', async () => {
    const before = Date.now();
    const page = await openPage('?vendor=mailpro&quantity=1&horizon=36&start=2026-03-01');
    try {
      // Default: now, rounded to the minute, on the browser's clock (Europe/Madrid).
      const now = await page.locator('#sla-opened').inputValue();
      const candidates = new Set([before - 60_000, before, Date.now(), Date.now() + 60_000].map(madridWall));
      assert.ok(candidates.has(now), `default moment ${now} is now in ${TIME_ZONE}`);
      assert.equal(await page.locator('#sla-zone').inputValue(), '');
      assert.equal(await page.locator('#sla-zone option:checked').textContent(), 'Yours (Europe/Madrid)');
      assert.equal(await page.locator('#sla-none').isHidden(), true);

      await page.locator('#sla-opened').fill('2026-11-20T16:30');
      assert.equal(await page.locator('#sla-opened-hint').textContent(),
        'Your time zone, Europe/Madrid: UTC+01:00 on that day');
      assert.equal(await page.locator('#sla-results').getAttribute('aria-live'), 'polite');
      assert.equal(await page.locator('#sla-results .sla-opened').textContent(),
        'Request opened Nov 20, 2026 16:30 (UTC+01:00)');

      // Every level of the one tier with an SLA, each counted in its first calendar (Europe).
      assert.deepEqual(await page.locator('#sla-results section.sla-tier').evaluateAll(
        (sections) => sections.map((s) => s.dataset.tier)), ['standard']);
      assert.equal(await page.locator('#sla-results section[data-tier="standard"] h3').textContent(), 'Standard SLA');
      assert.deepEqual(await targetRows(page, 'standard'), [
        { level: 'first', name: 'First-level support', target: '4 hr of business hours',
          due: 'Mon Nov 23, 2026 11:30 (UTC+01:00)', calendar: 'Europe' },
        { level: 'second', name: 'Second-level support', target: '8 hr of business hours',
          due: 'Mon Nov 23, 2026 15:30 (UTC+01:00)', calendar: 'Europe' },
        { level: 'legal', name: 'Legal team response', target: '5 business days',
          due: 'Fri Nov 27, 2026 16:30 (UTC+01:00)', calendar: 'Europe' },
      ]);

      // Filters: Europe's business hours, the first level only.
      await page.locator('#sla-region').selectOption('europe');
      await page.locator('#sla-level').selectOption('first');
      assert.deepEqual(await targetRows(page, 'standard'), [
        { level: 'first', name: 'First-level support', target: '4 hr of business hours',
          due: 'Mon Nov 23, 2026 11:30 (UTC+01:00)', calendar: 'Europe' },
      ]);
      // The counted intervals (the engine's walk), formatted by the page.
      assert.deepEqual(await countedSteps(page, 'standard', 'first'), {
        summary: 'How it is counted (2 steps)',
        explanation: '4 hr of business hours (Europe) from Nov 20, 2026 16:30 (UTC+01:00): due Mon Nov 23, 2026 11:30',
        steps: [
          'Fri Nov 20, 2026, 16:30–17:00: 30 min',
          'Mon Nov 23, 2026, 08:00–11:30: 3 hr, 30 min',
        ],
      });

      // Uptime targets as allowed downtime.
      const api = page.locator('#sla-uptime tr[data-service="api"]');
      assert.equal(await api.locator('[data-field="percent"]').textContent(), '99 %');
      assert.equal(await api.locator('[data-field="month_30"]').textContent(), '7 hr, 12 min');
      assert.equal(await api.locator('[data-field="month_31"]').textContent(), '7 hr, 26 min, 24 sec');
      assert.equal(await api.locator('[data-field="year"]').textContent(), '87 hr, 36 min');
      assert.equal(await page.locator('#sla-uptime tbody tr').count(), 5);
      assert.match(await page.locator('#sla-conventions').textContent(),
        /^Opening hours run from the opening time up to, not including, the closing time\. /);

      // The URL keeps the moment as sent (with its offset) and the filters.
      const url = new URL(await settledUrl(page));
      assert.equal(url.searchParams.get('sla_opened'), '2026-11-20T16:30+01:00');
      assert.equal(url.searchParams.get('sla_level'), 'first');
      assert.equal(url.searchParams.get('sla_region'), 'europe');
      assert.equal(url.searchParams.get('sla_tier'), null);

      await screenshot(page, 'sla-mailpro');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  test('a link reproduces the due time; Spanish shows the catalog’s names of levels and calendars', async () => {
    // A "+" typed into a query reads as a space: the page takes it as the offset's sign.
    const page = await openPage('?vendor=mailpro&sla_opened=2026-11-20T16:30+01:00&sla_level=first&sla_region=europe&lang=es');
    try {
      assert.equal(await page.locator('#sla-opened').inputValue(), '2026-11-20T16:30');
      assert.equal(await page.locator('#sla-zone').inputValue(), '');
      assert.equal(await page.locator('#sla-level').inputValue(), 'first');
      assert.equal(await page.locator('#sla-region option:checked').textContent(), 'Europa');
      assert.deepEqual(await targetRows(page, 'standard'), [
        { level: 'first', name: 'Soporte en primer nivel', target: '4 h de horario de atención',
          due: 'lun 23 nov 2026 11:30 (UTC+01:00)', calendar: 'Europa' },
      ]);
      const counted = await countedSteps(page, 'standard', 'first');
      assert.equal(counted.summary, 'Cómo se cuenta (2 pasos)');
      assert.equal(counted.explanation,
        '4 h de horario de atención (Europa) desde el 20 nov 2026 16:30 (UTC+01:00): vence el lun 23 nov 2026 11:30');
      assert.equal(new URL(await settledUrl(page)).searchParams.get('sla_opened'), '2026-11-20T16:30+01:00');
      await screenshot(page, 'sla-mailpro-es');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  test('kalmstrom: calendar hours around the clock, in summer time and at a picked UTC offset', async () => {
    const page = await openPage('?vendor=kalmstrom');
    try {
      assert.equal(await page.locator('#sla-region-field').isHidden(), true, 'no calendars: no region to pick');
      await page.locator('#sla-opened').fill('2026-07-03T09:15');
      assert.equal(await page.locator('#sla-opened-hint').textContent(),
        'Your time zone, Europe/Madrid: UTC+02:00 on that day');
      assert.deepEqual(await targetRows(page, 'subscription'), [
        { level: 'email', name: 'E-mail answered', target: '24 hr around the clock',
          due: 'Sat Jul 4, 2026 09:15 (UTC+02:00)', calendar: 'Around the clock' },
        { level: 'meeting', name: 'Scheduled phone or Teams meeting', target: '36 hr around the clock',
          due: 'Sat Jul 4, 2026 21:15 (UTC+02:00)', calendar: 'Around the clock' },
      ]);
      assert.deepEqual(await countedSteps(page, 'subscription', 'email'), {
        summary: 'How it is counted (1 step)',
        explanation: '24 hr around the clock from Jul 3, 2026 09:15 (UTC+02:00): due Sat Jul 4, 2026 09:15',
        steps: ['24 hr on the clock from Jul 3, 2026 09:15 (UTC+02:00) to Jul 4, 2026 09:15 (UTC+02:00), opening hours and holidays ignored'],
      });
      assert.equal(await page.locator('#sla-uptime').textContent(), '', 'kalmstrom states no uptime');
      assert.equal(new URL(await settledUrl(page)).searchParams.get('sla_opened'), '2026-07-03T09:15+02:00');

      // The same wall-clock time at UTC−06:00: the engine writes the moments in that offset.
      await page.locator('#sla-zone').selectOption('-06:00');
      assert.equal(await page.locator('#sla-opened-hint').textContent(), 'At UTC−06:00');
      assert.equal((await targetRows(page, 'subscription'))[0].due, 'Sat Jul 4, 2026 09:15 (UTC-06:00)');
      assert.equal(new URL(await settledUrl(page)).searchParams.get('sla_opened'), '2026-07-03T09:15-06:00');
      await screenshot(page, 'sla-kalmstrom');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
    // A link with that offset picks it again.
    const again = await openPage('?vendor=kalmstrom&sla_opened=2026-07-03T09%3A15-06%3A00&sla_level=meeting');
    try {
      assert.equal(await again.locator('#sla-zone').inputValue(), '-06:00');
      assert.deepEqual((await targetRows(again, 'subscription')).map((row) => [row.level, row.due]),
        [['meeting', 'Sat Jul 4, 2026 21:15 (UTC-06:00)']]);
      await again.assertClean();
    } finally {
      await again.closeAll();
    }
  });

  test('v8pro publishes no SLA: the panel says so politely; MailStore’s tiers state no response times', async () => {
    const page = await openPage('?vendor=v8pro');
    try {
      assert.equal(await page.locator('#sla-none').isVisible(), true);
      assert.equal(await page.locator('#sla-none').textContent(),
        'v8PRO — reports for 1C publishes no response times or other service levels, so there is no due time to work out here.');
      assert.equal(await page.locator('#sla-inputs').isHidden(), true);
      assert.equal(await page.locator('#sla-results').textContent(), '');
      assert.equal(await page.locator('#sla-uptime').textContent(), '');
      assert.equal(new URL(await settledUrl(page)).searchParams.get('sla_tier'), null);
      await screenshot(page, 'sla-v8pro');

      await page.locator('#vendor').selectOption('mailstore');
      await page.locator('#sla-results section.sla-tier').first().waitFor();
      assert.equal(await page.locator('#sla-none').isHidden(), true);
      assert.deepEqual(await page.locator('#sla-results .sla-no-targets').allTextContents(),
        ['This tier states no response times.', 'This tier states no response times.']);
      assert.equal(await page.locator('#sla-results section[data-tier="premium"] .sla-meta').textContent(),
        'Channels: e-mail, phone · Priority: top');
      assert.equal(await page.locator('#sla-level').isDisabled(), true, 'no levels to pick');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });

  test('a moment the engine refuses is shown next to the field, in the page’s language', async () => {
    const page = await openPage('?vendor=mailpro&quantity=1&horizon=36&start=2026-03-01');
    try {
      await page.locator('#sla-opened').fill('3000-01-01T10:00');
      const error = page.locator('#sla-opened-error');
      assert.equal(await error.isVisible(), true);
      assert.equal(await error.getAttribute('data-code'), 'invalid_moment');
      assert.equal(await error.textContent(),
        'Expected a real calendar date between 1900 and 2999 before the \'T\', got \'3000-01-01T10:00+01:00\'.');
      assert.equal(await page.locator('#sla-opened').getAttribute('aria-invalid'), 'true');
      assert.match(await page.locator('#sla-opened').getAttribute('aria-describedby'), /\bsla-opened-error\b/);
      assert.equal(await page.locator('#sla-results').textContent(), 'Correct the highlighted field to see the due times.');
      assert.equal(await page.locator('#sla-results tbody').count(), 0, 'no stale due time stays on screen');
      assert.equal(await page.locator('#general-error').isHidden(), true);
      // The comparison is not affected.
      assert.equal(await page.locator('#results-details').isVisible(), true);
      await screenshot(page, 'sla-invalid-moment');

      await page.locator('#lang').selectOption('es');
      assert.equal(await error.textContent(), 'Introduzca una fecha y una hora reales entre 1900 y 2999.');

      // An empty field is the page's to refuse.
      await page.locator('#sla-opened').fill('');
      assert.equal(await error.textContent(), 'Introduzca una fecha y una hora.');
      assert.equal(await error.getAttribute('data-code'), 'input_moment');

      await page.locator('#sla-opened').fill('2026-11-20T16:30');
      assert.equal(await error.isHidden(), true);
      assert.equal(await page.locator('#sla-opened').getAttribute('aria-invalid'), null);
      assert.equal((await targetRows(page, 'standard'))[0].due, 'lun 23 nov 2026 11:30 (UTC+01:00)');
      await page.assertClean();
    } finally {
      await page.closeAll();
    }
  });
});
