// The element's words: English and Spanish catalogs (en.js, es.js), the formatters that go with a
// language, and the messages for the engine's error codes. Nothing here reads an engine message's
// English: an error is said from its `code` and the kind of field it names.
//
// Plan text (summaries, quotes) stays in the plan document's English; the page marks it
// lang="en". Service, group and preset names come in both languages from the data files.
import { EN } from './en.js';
import { ES } from './es.js';

const CATALOGS = { en: EN, es: ES };

/** 'es', 'es-MX', 'en-GB' … → the catalog's language ('en' or 'es'). */
export function languageOf(tag) {
  const base = String(tag || '').trim().toLowerCase().split('-')[0];
  return base === 'es' ? 'es' : 'en';
}

/** The locale for Intl: keep a region if one is given, else the United States (the plans' dollars). */
export function localeOf(tag) {
  const lang = languageOf(tag);
  const given = String(tag || '').trim();
  if (given.includes('-') && languageOf(given) === lang) {
    try {
      return Intl.getCanonicalLocales(given)[0];
    } catch {
      /* fall through */
    }
  }
  return lang === 'es' ? 'es-US' : 'en-US';
}

// en-US and es-US write dollars the same way: "$1,234.50", "-$3.00", "12,345". Written out
// here because the first Intl.NumberFormat of a page costs ~100 ms on a slow phone (Chromium
// at 4x CPU throttling; BENCHMARKS.md); tests/i18n.test.mjs checks these against Intl.
const US_LOCALES = new Set(['en-US', 'es-US']);

function grouped(digits, negative) {
  const out = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `-${out}` : out;
}

/** "1234.5" → "$1,234.50"; null for text that is not a plain decimal of at most two places. */
export function usDollars(text) {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const [, sign, whole, cents = ''] = m;
  const money = `$${grouped(whole.replace(/^0+(?=\d)/, ''), false)}.${cents.padEnd(2, '0')}`;
  return sign === '-' ? `-${money}` : money;
}

/** "4200.00" → "$4,200" (whole dollars, rounded half up), for axis labels and "about …". */
export function usWholeDollars(text) {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(text));
  if (!m) return null;
  let whole = BigInt(m[1]);
  if (Number((m[2] ?? '0').padEnd(2, '0')) >= 50) whole += 1n;
  return `$${grouped(whole.toString(), false)}`;
}

/**
 * Everything the element needs to speak one language: { lang, locale, t (the catalog),
 * money(decimal), wholeMoney(decimal), number(n), text(words) for the data files' {en, es},
 * error(kind, error) for an engine error at a kind of field }.
 */
export function wordsFor(tag) {
  const lang = languageOf(tag);
  const locale = localeOf(tag);
  const t = CATALOGS[lang];
  let currency;
  let whole;
  let integer;
  const usLocale = US_LOCALES.has(locale);
  return {
    lang,
    locale,
    t,
    /** A decimal string from the engine ("1234.50") as money. Intl reads the string exactly. */
    money(decimal) {
      if (decimal == null) return '';
      const s = String(decimal);
      return (usLocale && usDollars(s)) || (currency ??= new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' })).format(s);
    },
    wholeMoney(decimal) {
      const s = String(decimal ?? '0');
      return (
        (usLocale && usWholeDollars(s)) ||
        (whole ??= new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0, minimumFractionDigits: 0 })).format(s)
      );
    },
    number(n) {
      return usLocale && Number.isSafeInteger(n) ? grouped(String(Math.abs(n)), n < 0) : (integer ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(n);
    },
    /** Words of a data file in this language: `{ en, es }` → the one for this language. */
    text(words) {
      if (words == null) return '';
      if (typeof words === 'string') return words;
      return words[lang] ?? words.en ?? '';
    },
    /** The message for an engine error (its `code`) at a kind of field (age, count, price…). */
    error(kind, error) {
      const code = error?.code ?? 'engine_failure';
      return t.errors.at[kind]?.[code] ?? t.errors.code[code] ?? t.errors.other(code);
    },
  };
}

/** Every engine error code must have words in both languages (tests/store.test.mjs checks). */
export function catalogs() {
  return CATALOGS;
}
