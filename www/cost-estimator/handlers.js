// What the element's controls do (the view model's `on`): most are one named action of the store;
// the rest need the element too (focus after adding a person, the engine for a plan or a retry,
// the data for a typical year). Made once per element.
//
// Where a control goes away when used (an option chosen in the ranking, a typical year picked,
// the example's "Replace"), focus moves to what it changed, never to the page's body: the
// option now shown, the person's typical-year button, the answer.
import { copy, focusOn, shareStep, summaryText } from './share.js';
import { actions, initialState } from './state/store.js';

/**
 * `ctx`: { host, store, engine (EngineController), url (UrlController), print (PrintController),
 * tag(), scenario(), broker(), viewModel(), emitShare(detail), reload() (loading again after it failed) }.
 */
export function handlers(ctx) {
  const { host, store, engine } = ctx;
  const dispatch = (name, ...args) => store.dispatch(name, ...args);
  const after = async (change, selector) => {
    change();
    await host.updateComplete;
    focusOn(host.renderRoot, selector());
  };
  const planServices = () => (engine.plan ? new Set(engine.plan.services.map((b) => b.id)) : null);
  const file = () => engine.data.presets?.value ?? null;
  const presets = () => file()?.presets ?? {};
  return {
    choosePlan: (id) => engine.choosePlan(id),
    /** An option chosen in the ranking: its button becomes its name, which takes the focus (the
     * live region then says its total and whether it is the cheapest). */
    chooseOption: (id) =>
      after(
        () => engine.choosePlan(id),
        () => `.ce-option[data-plan="${CSS.escape(id)}"] .ce-option-name`,
      ),
    setEnrollment: (v) => dispatch('setEnrollment', v),
    setPay: (v) => dispatch('setPay', v),
    setContribution: (kind, v) => dispatch('setContribution', kind, v),
    setTaxRate: (v) => dispatch('setTaxRate', v),
    setPaymentPlan: (v) => dispatch('setPaymentPlan', v),
    addPerson: (role) =>
      after(
        () => dispatch('addPerson', role),
        () => `[data-key="age:${store.state.people.filter((p) => p.role === role).at(-1)?.key}"]`,
      ),
    removePerson: (key) =>
      after(
        () => dispatch('removePerson', key),
        () => '[data-add="child"], [data-add="spouse"]',
      ),
    setPersonField: (key, field, value) => dispatch('setPersonField', key, field, value),
    touch: (fieldKey) => dispatch('touch', fieldKey),
    setCount: (person, service, value, unit) => dispatch('setCount', person, service, value, unit),
    setUseField: (key, field, value) => dispatch('setUseField', key, field, value),
    addDrug: (person) =>
      after(
        () => dispatch('addDrug', person),
        () => `[data-key="service:${store.state.care.filter((u) => u.person === person && u.often).at(-1)?.key}"]`,
      ),
    addDrugLike: (key) =>
      after(
        () => dispatch('addDrugLike', key),
        () => {
          const care = store.state.care;
          const next = care[care.findIndex((u) => u.key === key) + 1];
          return `[data-key="service:${next?.key}"]`;
        },
      ),
    removeUse: (key) => dispatch('removeUse', key),
    /** Opens or closes a person's list of typical years (a button, not a select: a select's
     * arrow keys would apply the first year they reach). */
    presetList: (person, open) =>
      after(
        () => dispatch('presetList', open ? person : ''),
        () => (open ? `[data-presets="${person}"] [data-preset]:not([disabled])` : `[data-key="preset:${person}"]`),
      ),
    applyPreset: (person, id) => {
      if (!Object.hasOwn(presets(), id)) return;
      return after(
        () => dispatch('applyPreset', person, id, file(), engine.data.services.units, planServices()),
        () => `[data-key="preset:${person}"]`,
      );
    },
    /** A whole-household example: asked first when it would replace entries. */
    example: (confirmed) => {
      const state = store.state;
      if (!confirmed && !(state.people.length === 1 && state.care.length === 0)) {
        return after(
          () => dispatch('askExample', true),
          () => '[data-confirm="replace"]',
        );
      }
      dispatch('askExample', false);
      const medicare = Boolean(engine.plan?.part_d);
      const people = medicare
        ? [{ key: 'you', role: 'you', age: '68', medicare: '' }, { key: 'spouse', role: 'spouse', age: '66', medicare: '' }]
        : [{ key: 'you', role: 'you', age: '38', medicare: '' }, { key: 'child-1', role: 'child', age: '7', medicare: '' }];
      const { units } = engine.data.services;
      let next = { ...initialState(), people, care: [] };
      next = actions.applyPreset(next, 'you', 'medium', file(), units, planServices() ?? new Set());
      next = actions.applyPreset(next, people[1].key, 'low', file(), units, planServices() ?? new Set());
      return after(
        () => dispatch('replaceHousehold', people, next.care.map(({ key, ...u }) => u)),
        () => '.ce-answer',
      );
    },
    exampleCancel: () =>
      after(
        () => dispatch('askExample', false),
        () => '[data-example="family"]',
      ),
    // The Undo button goes with its notice: the focus stays there, on the notice that says it
    // was undone (not thrown back to the top of the page).
    undo: () =>
      after(
        () => dispatch('undo'),
        () => '[data-notice="undone"]',
      ),
    setPrice: (service, v) => dispatch('setPrice', service, v),
    resetPrice: (service) => dispatch('resetPrice', service),
    toggle: (panel, open) => dispatch('toggle', panel, open),
    // (a fresh engine after a failure: the client restarted it)
    retry: () => engine.retry(),
    reload: () => ctx.reload?.(),
    print: () => ctx.print.print(),
    share: (step) => shareStep(ctx, step, ctx.emitShare),
    copyLink: () => {
      ctx.url.write();
      return copy(store, location.href);
    },
    copySummary: () => copy(store, summaryText(ctx.viewModel())),
    skipToAnswer: (e) => {
      e.preventDefault();
      focusOn(host.renderRoot, '.ce-answer');
    },
  };
}
