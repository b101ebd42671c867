// The whole element, from the view model: the plan, the answer (first: the total and the
// ranked options), the household and its care, the prices, how it is worked out, and the
// printed sheet. In the page's reading order; the wide layout puts the answer beside the form.
import { html, nothing } from 'lit';
import { answerView } from './answer.js';
import { brokerView } from './broker.js';
import { detailsView } from './details.js';
import { householdView } from './household.js';
import { planView } from './plan.js';
import { pricesView } from './prices.js';
import { printView } from './print.js';

/** On a narrow screen, the total stays at the bottom of the view while the form scrolls. */
function totalBar(vm) {
  const { w, state } = vm;
  const result = state.answer.result;
  if (!result) return nothing;
  const cheapest = state.answer.comparison?.cheapest;
  return html`<div class="ce-totalbar" data-totalbar>
    <p>
      <span class="ce-totalbar-plan">${vm.planNames(result.plan).short}</span>
      <strong class="ce-totalbar-amount ${state.answer.outcome === 'ok' ? '' : 'is-stale'}">${w.money(result.total_annual_cost)}</strong>
      ${vm.comparing && cheapest && cheapest !== result.plan ? html`<span class="ce-hint">${w.t.answer.cheaper(vm.planNames(cheapest).short)}</span>` : nothing}
    </p>
    <button type="button" class="ce-button is-small is-quiet" @click=${vm.on.skipToAnswer}>${w.t.answer.seeAnswer}</button>
  </div>`;
}

export function appView(vm) {
  return html`<div class="ce" part="base" lang=${vm.w.lang}>${body(vm)}</div>`;
}

function body(vm) {
  const { w } = vm;
  if (vm.loadError) {
    // Plain words, not the browser's: a page whose policy forbids the engine, a file that did
    // not arrive (named), anything else; and "Try again", which starts loading again.
    const e = vm.loadError;
    const words = e.code === 'wasm_refused' ? w.t.wasmRefused : e.code === 'load_failed' ? w.t.fileMissing(e.params?.file ?? '') : w.t.loadFailed(e.message);
    return html`<div class="ce-status" role="alert">
      <p class="ce-notice is-error" data-load-error=${e.code ?? 'failed'}>${words}</p>
      <button type="button" class="ce-button" data-load-retry @click=${vm.on.reload}>${w.t.answer.retry}</button>
    </div>`;
  }
  if (!vm.ready) return html`<div class="ce-status" role="status"><p>${w.t.loading}</p></div>`;
  return html`
    <a class="ce-skip" href="#answer" @click=${vm.on.skipToAnswer}>${w.t.skip}</a>
    ${vm.unknownIds.length ? html`<p class="ce-notice" role="status">${w.t.unknownPlans(vm.unknownIds.join(', '))}</p>` : nothing}
    ${brokerView(vm)}
    <div class="ce-layout">
      <div class="ce-top">${planView(vm)}</div>
      <div class="ce-side">${answerView(vm)}</div>
      <div class="ce-main">${householdView(vm)} ${pricesView(vm)} ${detailsView(vm)} ${totalBar(vm)}</div>
    </div>
    ${printView(vm)}
    <div class="ce-sr" aria-live="polite" data-live>${vm.announcement}</div>
  `;
}
