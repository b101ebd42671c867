// Handing the estimate on: "Send to my agent" (a question first; then one `estimate-share`
// event per confirmation, whatever is pressed twice), "Copy summary" (the estimate and the
// ranking as plain text) and "Copy link" (with url-state). Nothing leaves the element but the
// event to the host page and what the visitor copies.
import { wordsFor } from './i18n/index.js';

/** Moves focus to the first element matching `selector` inside `root`, if there is one. */
export function focusOn(root, selector) {
  /** @type {HTMLElement | null} */
  const target = root.querySelector(selector);
  target?.focus();
}

/**
 * A step of "Send to my agent": `open` (the question), `cancel`, or `confirm`, which sends once:
 * `send(detail)` fires the event. `ctx`: { host, store, tag(), scenario(), broker() }.
 */
export async function shareStep(ctx, step, send) {
  const { host, store } = ctx;
  const state = store.state;
  const returnFocus = step === 'cancel' ? '[data-share="open"]' : step === 'open' ? '[data-share="confirm"]' : '[data-share-status]';
  if (step === 'confirm') {
    // One event per confirmation: a second press (Enter held, or pressed twice before the
    // question is drawn away) finds it sent already.
    const result = state.answer.result;
    if (state.ui.share !== 'confirming' || !result) return;
    const w = wordsFor(ctx.tag());
    store.dispatch('shareStep', 'sent', new Date().toLocaleTimeString(w.locale, { hour: 'numeric', minute: '2-digit' }));
    const broker = ctx.broker();
    send({
      scenario: ctx.scenario(),
      result,
      comparison: state.answer.comparison && state.answer.comparedFor === state.revision ? state.answer.comparison : null,
      stale: state.answer.outcome !== 'ok',
      broker: broker && { name: broker.name, id: broker.id, phone: broker.phone, email: broker.email },
      lang: w.lang === 'es' ? 'es' : 'en',
    });
  } else {
    store.dispatch('shareStep', step);
  }
  await host.updateComplete;
  focusOn(host.renderRoot, returnFocus);
}

/** The estimate (and the ranking) as plain text, from the view model, in its language. */
export function summaryText(vm) {
  const { w, state } = vm;
  const a = state.answer;
  if (!a.result) return '';
  const t = w.t.print;
  const lines = [vm.comparing ? t.titleCompare : t.title, t.program(vm.plan?.issuer ?? '', vm.plan?.program ?? '', vm.plan?.year ?? ''), t.date(vm.today()), ''];
  for (const p of state.people) lines.push(`${vm.personName(p.key)} (${t.age(p.age)}): ${vm.careInWords(p.key)}`);
  lines.push(vm.householdLine(a.result), '');
  const options = vm.comparing && a.comparison ? a.comparison.options : [{ plan: a.result.plan, rank: 1, estimate: a.result }];
  for (const o of options) {
    if (o.closed) {
      const c = w.t.choice;
      lines.push(`– ${c.closed(vm.planNames(o.plan).short, Object.hasOwn(c.closedReason, o.closed.reason.code) ? c.closedReason[o.closed.reason.code] : o.closed.reason.code)}${o.closed.source ? ` (${c.closedLine(o.closed.source.line)})` : ''}`);
      continue;
    }
    if (!o.estimate) continue;
    const enrollment = w.t.enrollment[o.estimate.enrollment] ?? o.estimate.enrollment;
    lines.push(
      `${o.rank}. ${vm.planNames(o.plan).short} (${enrollment}): ${w.money(o.estimate.total_annual_cost)} (${t.premium} ${w.money(o.estimate.premium_annual)}, ${t.care} ${w.money(o.estimate.member_pays_total)})${o.worst_case ? `; ${t.worst} ${w.money(o.worst_case.total)}` : ''}`,
    );
  }
  lines.push('', w.t.choice.monthlyFor(vm.planNames(a.result.plan).short, w.money(a.result.premium_monthly), a.result.members.length));
  lines.push('', t.note);
  return lines.join('\n');
}

/** Copies `text` and says so for a few seconds. */
export async function copy(store, text) {
  await navigator.clipboard?.writeText(text).catch(() => {});
  store.dispatch('copied', true);
  setTimeout(() => store.dispatch('copied', false), 4000);
}
