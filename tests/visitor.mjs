// Shared by the walk-through tests (not a test itself): a visitor at the page, who uses only its
// controls and whose clicks and keys are counted, and what the page shows, read as text.
//
// Counting: a click is one click; choosing from a list (a <select>) is two (open it, pick);
// typing is one click into the field, then a key per character (and one for Ctrl+A where the
// field held something); a key pressed is one key. Seconds run from the first estimate on
// screen to the last figure read.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS, axeViolations, screenshot } from './browser-support.mjs';
import { EL, settled } from './browser-flows.mjs';

export class Visitor {
  constructor(page, name, selector = EL) {
    this.page = page;
    this.name = name;
    this.selector = selector;
    this.clicks = 0;
    this.keys = 0;
    this.started = Date.now();
  }

  /** The element's part matching `css` (inside its shadow root). */
  at(css) {
    return this.page.locator(`${this.selector} ${css}`);
  }

  async click(css) {
    await this.at(css).click();
    this.clicks += 1;
  }

  /** Chooses `value` from a list: two clicks. */
  async choose(css, value) {
    await this.at(css).selectOption(value);
    this.clicks += 2;
  }

  /** Clicks into a field and types `text` (replacing what it held). */
  async typeInto(css, text) {
    const field = this.at(css);
    await field.click();
    this.clicks += 1;
    if ((await field.inputValue()) !== '') await this.press('Control+A');
    await this.type(text);
  }

  /** Types into the field that has the focus. */
  async type(text) {
    for (const ch of String(text)) await this.press(ch);
  }

  async press(key) {
    await this.page.keyboard.press(key);
    this.keys += 1;
  }

  /** Opens a disclosure (its summary) if it is closed. */
  async open(css) {
    if (!(await this.at(css).evaluate((d) => d.open))) await this.click(`${css} > summary`);
  }

  /** Waits for the answer (and its ranking) to be up to date. */
  settled() {
    return settled(this.page, this.selector);
  }

  /** The figures the answer shows, as the visitor reads them. */
  shown() {
    return this.page.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      const text = (node) => node?.textContent.replace(/\s+/g, ' ').trim() ?? null;
      return {
        label: text(root.querySelector('.ce-total-label')),
        total: text(root.querySelector('.ce-total-amount')),
        premium: text(root.querySelector('[data-figure="premium"]')),
        care: text(root.querySelector('[data-figure="care"]')),
        ranking: [...root.querySelectorAll('.ce-option')].map((li) => [li.dataset.plan, text(li.querySelector('.ce-option-total')), text(li.querySelector('[data-worst]'))]),
      };
    }, this.selector);
  }

  /** The clicks, keys and seconds, in the test's output (and test-results/walk-throughs.txt). */
  report(what) {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    const line = `${this.name}${what ? ` (${what})` : ''}: ${this.clicks} clicks, ${this.keys} keys, ${seconds} s`;
    console.log(`# walk-through: ${line}`);
    writeFileSync(join(RESULTS, 'walk-throughs.txt'), `${line}\n`, { flag: 'a' });
    return { clicks: this.clicks, keys: this.keys, seconds: Number(seconds) };
  }
}

/** Dollars as the page writes them, from whole cents: 488914 → "$4,889.14". */
export function dollars(cents) {
  assert.ok(Number.isSafeInteger(cents) && cents >= 0, `whole cents: ${cents}`);
  const whole = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `$${whole}.${String(cents % 100).padStart(2, '0')}`;
}

/** axe-core finds nothing, on screen and under print media. */
export async function accessibleOnScreenAndInPrint(page, what) {
  assert.deepEqual(await axeViolations(page), [], `axe on screen: ${what}`);
  await page.emulateMedia({ media: 'print' });
  try {
    assert.deepEqual(await axeViolations(page), [], `axe in print: ${what}`);
  } finally {
    await page.emulateMedia({ media: null }); // not 'screen': page.pdf() would print the screen's styles
  }
}

/** The printout, as it prints: its number of PDF pages (Letter), and whether the disclaimer
 * prints on the first page, under the title, before the household and the options (at the end it
 * could fall onto a page of its own). */
export async function printout(page, selector = EL) {
  await page.emulateMedia({ media: 'print' });
  try {
    const pages = (await page.pdf({ format: 'Letter', printBackground: true })).toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    const first = await page.locator(selector).evaluate((el) => {
      const sheet = el.shadowRoot.querySelector('[data-proposal]');
      const note = sheet.querySelector('[data-print="note"]');
      const options = sheet.querySelector('[data-print="options"]');
      return Boolean(note && options && getComputedStyle(note).display !== 'none' && note.previousElementSibling?.tagName === 'HEADER' && note.getBoundingClientRect().bottom <= options.getBoundingClientRect().top);
    });
    return { pages, disclaimerFirst: first };
  } finally {
    await page.emulateMedia({ media: null });
  }
}

/** A household through the controls: You at `age`, then each person added with their age (the
 * new person's age has the focus, so it is typed straight in). */
export async function household(v, age, others = []) {
  await v.typeInto('[data-key="age:you"]', String(age));
  for (const [role, years] of others) {
    await v.click(`[data-add="${role}"]`);
    await v.type(String(years));
  }
}

/**
 * Through the controls: the Colorado walk-through's family of four (You 38, a spouse of 36
 * expecting a baby, children of 6 and 3), each person's care a typical year: You "Medium", the
 * spouse "Having a baby", each child "Low" (data/usage-presets.json). The walk-through and the
 * odds page start from it.
 */
export async function coloradoFamily(v) {
  await household(v, 38, [['spouse', 36], ['child', 6], ['child', 3]]);
  for (const [person, year] of [['you', 'medium'], ['spouse', 'having_a_baby'], ['child-1', 'low'], ['child-2', 'low']]) {
    await v.click(`[data-key="preset:${person}"]`);
    await v.click(`[data-presets="${person}"] [data-preset="${year}"]`);
  }
  await v.settled();
}

/** A screenshot of the page as it is, in test-results/. */
export function shot(page, name) {
  return screenshot(page, name);
}
