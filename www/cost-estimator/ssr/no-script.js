// What the prerendered view (ssr/prerender.js) says and hides where scripts do not run: nothing
// there pretends to work. The answer (the total, its split, the ranked options, the worst cases)
// stays, on screen and on paper; the controls that need the element's script (the form, the
// plan's fields, Print and Copy, the odds and any other button of the answer, the skip link, the
// total's bar) are hidden, the options' names read as text, and a note says what was estimated and that changing it needs JavaScript. With
// scripts on, none of this applies: the view is the element's own until it takes over.
// `@media (scripting: none)` (Chromium 120, Firefox 113, Safari 17); the note is a <noscript>.

/** The note's words, by language (the element's words are i18n/; these exist only here). */
const WORDS = {
  en: { estimated: (household, care) => `Worked out for: ${household}; care: ${care}.`, needsScript: 'To change the people, their care or the prices, this estimator needs JavaScript, which is off in this browser.' },
  es: { estimated: (household, care) => `Calculado para: ${household}; atención: ${care}.`, needsScript: 'Para cambiar las personas, su atención o los precios, esta calculadora necesita JavaScript, que está desactivado en este navegador.' },
};

/** The note, as HTML: what the view model `vm` estimated (the household as the proposal says
 * it, each person's care) and that changing it needs JavaScript. */
export function noScriptNote(vm, escape) {
  const lang = vm.w.lang in WORDS ? vm.w.lang : 'en';
  const w = WORDS[lang];
  const result = vm.state.answer.result;
  const care = vm.state.people.map((p) => vm.careInWords(p.key)).join('; ');
  return `<noscript><p class="ce-notice ce-no-script" lang="${lang}">${escape(w.estimated(vm.householdLine(result), care))} ${escape(w.needsScript)}</p></noscript>`;
}

/** What is hidden or changed where scripts do not run (inside `@media (scripting: none)`). */
export const NO_SCRIPT_RULES = `
  .ce-top, .ce-main, .ce-skip, .ce-actions, .ce-share, .ce-totalbar, [data-live], .ce-answer button:not([data-choose]) { display: none !important; }
  .ce-layout { display: block; max-width: 40em; }
  .ce-option [data-choose] { pointer-events: none; color: inherit; text-decoration: none; font: inherit; padding: 0; border: 0; background: none; }
`;

/** Rules added to the prerendered view's stylesheet (not to the element's own styles). On paper,
 * the view carries no proposal (the element draws that after its own first view): the answer is
 * printed as it is on screen, with the note saying what was estimated. */
export const NO_SCRIPT_CSS = `
@media (scripting: none) {${NO_SCRIPT_RULES}}
@media print and (scripting: none) { .ce-layout { display: block !important; } }
.ce-no-script { margin: 0 0 1em; }
`;
