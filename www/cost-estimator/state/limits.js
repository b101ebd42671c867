// The form's limits, which are the engine's: the plan view's `bounds` (src/planview.rs, from
// src/scenario.rs) say the same numbers, and tests/wasm.test.mjs checks that they do, so that the
// page never lets a visitor add what the engine would refuse (docs/domain.md, the bounds of a scenario).

/** People in one household (the engine's `bounds.members`). */
export const MAX_PEOPLE = 20;
/** Lines of care in one scenario (`bounds.uses`). */
export const MAX_USES = 2000;
/** The oldest age the engine takes (`bounds.age`). */
export const MAX_AGE = 120;
/** The most claims one line of care may count (`bounds.count`). */
export const MAX_COUNT = 1000;
