// The element's own money and number formatting for en-US and es-US (a fast path that avoids
// creating an Intl.NumberFormat on page load) must equal Intl's, to the character.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { usDollars, wordsFor } from '../www/cost-estimator/i18n/index.js';

const AMOUNTS = ['0', '0.00', '0.5', '1', '9.99', '12.50', '999.99', '1000', '1000.00', '1234.5', '12345.67', '100000.00',
  '999999.99', '1000000.00', '10000000.00', '00012.30', '-3.00', '-0.00', '-1234.56'];

test('US dollars are written as Intl writes them, in English and Spanish', () => {
  for (const locale of ['en-US', 'es-US']) {
    const intl = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
    for (const a of AMOUNTS) assert.equal(usDollars(a), intl.format(a), `${locale} ${a}`);
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const words = wordsFor(locale.slice(0, 2));
    assert.equal(words.locale, locale);
    for (const n of [0, 7, 999, 1000, 12345, 1234567, -4500]) assert.equal(words.number(n), integer.format(n), `${locale} ${n}`);
    for (const a of AMOUNTS) assert.equal(words.money(a), intl.format(a), `${locale} money ${a}`);
  }
});

test('other locales and other text go to Intl', () => {
  assert.equal(usDollars('1.005'), null);
  assert.equal(usDollars('1e3'), null);
  assert.equal(usDollars(''), null);
  const mx = wordsFor('es-MX');
  assert.equal(mx.money('1234.50'), new Intl.NumberFormat('es-MX', { style: 'currency', currency: 'USD' }).format('1234.50'));
  assert.equal(mx.number(12345), new Intl.NumberFormat('es-MX', { maximumFractionDigits: 0 }).format(12345));
  assert.equal(wordsFor('en').money('1.005'), new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format('1.005'));
});
