// Engine errors worded from code and args (issue 21, part 2), in plain Node:
// every language words invalid_quantity, unknown_plan, support_inactive and
// wrong_type in its own words, with locale numbers and dates, and never shows
// the engine's English message or an ISO date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES, createTranslator } from '../../web/i18n.js';
import { errorText } from '../../web/field-errors.js';

const ERRORS = {
  invalid_quantity: { message: 'expected an integer from 1 to 1000000000', args: { min: 1, max: 1000000000 } },
  unknown_plan: { message: "no plan 'premium' in catalog 'mailstore'",
    args: { plan: 'premium', catalog: 'mailstore', valid: ['standard-annual', 'premium-annual'] } },
  support_inactive: { message: "support for plan 'premium-annual' ended on 2027-03-01; renew it first",
    args: { support_end: '2027-03-01', renewal: {} } },
  wrong_type: { message: 'expected an integer, got a number', args: { expected: 'integer', got: 'number' } },
};

const EXPECTED = {
  en: { invalid_quantity: 'Enter a number from 1 to 1,000,000,000.', support_inactive: 'Support for this plan ended on March 1, 2027: renew it first.',
    unknown_plan: 'This catalog has no such plan; its plans are standard-annual and premium-annual.' },
  es: { invalid_quantity: 'Introduzca un número de 1 a 1.000.000.000.', support_inactive: 'El soporte de este plan terminó el 1 de marzo de 2027: renuévelo primero.',
    unknown_plan: 'Este catálogo no tiene ese plan; sus planes son standard-annual y premium-annual.', wrong_type: 'Introduzca un número entero.' },
  sv: { invalid_quantity: 'Ange ett tal från 1 till 1\u00a0000\u00a0000\u00a0000.', support_inactive: 'Supporten för den här planen upphörde 1 mars 2027: förnya den först.',
    unknown_plan: 'Katalogen har ingen sådan plan; dess planer är standard-annual och premium-annual.', wrong_type: 'Ange ett heltal.' },
  ru: { invalid_quantity: 'Введите число от 1 до 1\u00a0000\u00a0000\u00a0000.', support_inactive: 'Поддержка этого плана закончилась 1 марта 2027 г.: сначала продлите её.',
    unknown_plan: 'В этом каталоге нет такого плана; есть планы: standard-annual и premium-annual.', wrong_type: 'Введите целое число.' },
};

for (const lang of LANGUAGES) {
  test(`${lang}: engine errors are worded from code and args, never the message`, () => {
    const t = createTranslator(lang);
    for (const [code, e] of Object.entries(ERRORS)) {
      // English words wrong_type by the engine's message still (no args words yet).
      if (!(code in EXPECTED[lang])) continue;
      const text = errorText({ code, ...e }, t);
      assert.equal(text, EXPECTED[lang][code], `${lang} ${code}`);
      assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/, `${lang} ${code}: ISO date`);
      assert.ok(!text.includes(e.message), `${lang} ${code}: engine message`);
    }
  });
}
