// Shared by the Chromium test files (not a test itself): the element used through its controls,
// as a visitor does: people, ages, typical years, care, drugs, and reading the answer.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shadowText } from './browser-support.mjs';
import { ROOT } from './support.mjs';

export const EL = 'cost-estimator';
const vocabulary = JSON.parse(readFileSync(join(ROOT, 'data', 'services.json'), 'utf8'));
const groupOf = new Map(vocabulary.services.map((s) => [s.id, s.group]));

export const el = (page, selector = EL) => page.locator(selector);
export const field = (page, key, selector = EL) => page.locator(`${selector} [data-key="${key}"]`);

/** Opens a disclosure (a <details>) if it is closed. */
async function open(details) {
  if (!(await details.evaluate((d) => d.open))) await details.locator(':scope > summary').click();
}

/** Opens a person's care and the group of a service. */
export async function openGroup(page, person, group, selector = EL) {
  await open(page.locator(`${selector} [data-person="${person}"] .ce-care`));
  await open(page.locator(`${selector} [data-group="${person}:${group}"]`));
}

/** Types a count of visits or stays for one person's service. */
export async function setCount(page, person, service, count, selector = EL) {
  await openGroup(page, person, groupOf.get(service), selector);
  await field(page, `count:${person}:${service}`, selector).fill(String(count));
}

/** Adds a spouse or child and types their age; returns their key. */
export async function addPerson(page, role, age, selector = EL) {
  await page.locator(`${selector} [data-add="${role}"]`).click();
  const key = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.dataset.key, selector);
  assert.match(key ?? '', /^age:/, 'focus moves to the new person’s age');
  await page.locator(`${selector} [data-key="${key}"]`).fill(String(age));
  return key.slice(4);
}

export async function setAge(page, person, age, selector = EL) {
  await field(page, `age:${person}`, selector).fill(String(age));
}

/** "Start from a typical year": opens the person's list of years and picks one (two clicks). */
export async function preset(page, person, id, selector = EL) {
  await field(page, `preset:${person}`, selector).click();
  await page.locator(`${selector} [data-presets="${person}"] [data-preset="${id}"]`).click();
}

/** Adds a drug for a person: its tier, how often, where. */
export async function addDrug(page, person, { service, often = 'monthly', channel = 'retail' }, selector = EL) {
  await openGroup(page, person, 'rx', selector);
  await page.locator(`${selector} [data-add-drug="${person}"]`).click();
  const use = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.dataset.key?.split(':')[1], selector);
  await field(page, `service:${use}`, selector).selectOption(service);
  await field(page, `often:${use}`, selector).selectOption(often);
  if (channel !== 'retail') await field(page, `channel:${use}`, selector).selectOption(channel);
  return use;
}

/** Waits until the answer is up to date (state ok) and the ranking, if any, is for it. */
export async function settled(page, selector = EL) {
  await page.waitForFunction(
    (sel) => {
      const root = document.querySelector(sel)?.shadowRoot;
      const answer = root?.querySelector('.ce-answer');
      // The element's own view (not the page HTML's, with its <noscript> note at the root).
      return answer?.dataset.state === 'ok' && !root.querySelector('noscript') && !root.querySelector('[data-options="working"], [data-options="updating"]');
    },
    selector,
    { timeout: 20_000 },
  );
  await page.waitForTimeout(150); // a ranking for the same revision may still be on its way
  await page.waitForFunction((sel) => !document.querySelector(sel).shadowRoot.querySelector('[data-options="working"], [data-options="updating"]'), selector);
}

/** The answer's total and every ranked option: { total, plan, options: [{ plan, total, worst }] }. */
export async function answer(page, selector = EL) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    return {
      total: root.querySelector('.ce-total-amount')?.dataset.amount ?? null,
      options: [...root.querySelectorAll('.ce-option')].map((li) => ({
        plan: li.dataset.plan,
        total: li.querySelector('.ce-option-total')?.dataset.amount ?? null,
        worst: li.querySelector('[data-worst]')?.dataset.worst ?? null,
      })),
    };
  }, selector);
}

/** The element's scenario (what it sends to the engine). */
export function scenarioOf(page, selector = EL) {
  return page.locator(selector).evaluate((e) => e.scenario);
}

/** The error message shown for a field (its aria-describedby), or null. */
export function fieldMessage(page, key, selector = EL) {
  return field(page, key, selector).evaluate((input) => {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/);
    const root = input.getRootNode();
    return ids.map((id) => root.getElementById(id)).find((e) => e?.classList.contains('ce-err'))?.textContent ?? null;
  });
}

/** No placeholder or conversion slipped into the text people read. */
export async function noJunk(page, selector = EL) {
  assert.doesNotMatch(await shadowText(page, selector), /\[object|\bnull\b|\bundefined\b|\bNaN\b/);
}

/** Whether an element lies entirely within the first screen (the viewport, not scrolled). */
export function onFirstScreen(page, locator) {
  return locator.evaluate((node) => {
    const r = node.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.height > 0;
  });
}
