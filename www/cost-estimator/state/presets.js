// A typical year for one person (data/usage-presets.json): the preset itself, or, for a preset
// with a `cms_decile` (low, medium, high), the CMS 2014 table's row at that decile for the
// person's own age group, the mean of both sexes, from the file's `cms_rows` (docs/decisions.md
// 46). The one place the page resolves a preset by age: `applyPreset` takes its care from here,
// the list and the notices their names. Pure: no DOM, no engine.

import { MAX_AGE } from './limits.js';

/** The table's age groups, oldest first, with the first age of each (src/utilization.rs). */
/** @type {Array<[number, string]>} */
const AGE_GROUPS = [[55, '55+'], [45, '45-54'], [35, '35-44'], [26, '26-34'], [18, '18-25'], [6, '6-17'], [0, '0-5']];

/** The table's age group for an age as typed ("38"), or null where it is not a whole number
 * from 0 to 120 (the engine's range): 65 and over take the oldest group, 55+. */
export function ageGroup(age) {
  const text = String(age ?? '').trim();
  if (!/^[0-9]{1,3}$/.test(text) || Number(text) > MAX_AGE) return null;
  return AGE_GROUPS.find(([from]) => Number(text) >= from)?.[1] ?? null;
}

/** Whether a person of `age` (text as typed) takes the table's oldest group for a typical year
 * though past it: 65 and over, where the table's 55+ are people mostly under Medicare age. */
export function pastOldestGroup(age) {
  return ageGroup(age) !== null && Number(String(age).trim()) >= 65;
}

/**
 * Preset `id` of the presets file `file` (`{ presets, cms_rows }`) for a person of `age` (text
 * as typed): `{ preset, byAge, oldest }`, `preset` the care to apply (null if the id is unknown,
 * or if it goes by age and the age is empty or not valid: the page then says to type the age
 * first, never an adult's row in its place); `byAge` whether it depends on the age; `oldest`
 * whether a person of 65 or more takes the table's oldest group (55+, people under Medicare age).
 */
export function presetFor(file, id, age) {
  const own = (o, k) => (o && Object.hasOwn(o, k) ? o[k] : null);
  const preset = own(file?.presets, id);
  if (!preset) return { preset: null, byAge: false, oldest: false };
  if (typeof preset.cms_decile !== 'string') return { preset, byAge: false, oldest: false };
  const group = ageGroup(age);
  const row = group ? own(file.cms_rows, `both ${group} ${preset.cms_decile}`) : null;
  return { preset: row, byAge: true, oldest: row !== null && pastOldestGroup(age) };
}
