// The answer: the year's total for the chosen option (premium and care apart), and beside it
// every option of the same program ranked by its total, each with its premium and care split
// and its worst case; choosing one switches to it. Money is the engine's decimal strings.
import { html, nothing } from 'lit';
import { shareView } from './broker.js';
import { oddsToggle, oddsView } from './odds.js';
import { pastOldestGroup } from '../state/presets.js';

const isZero = (d) => /^-?0+(\.0+)?$/.test(String(d ?? '0'));

/** The answer panel. */
export function answerView(vm) {
  const { w, state } = vm;
  const t = w.t.answer;
  const a = state.answer;
  const result = a.result;
  const stale = a.outcome !== 'ok' && a.outcome !== 'none';
  return html`
    <section class="ce-answer" part="results" data-state=${a.outcome} tabindex="-1" id=${vm.id('answer')}>
      <h2 class="ce-h2" id=${vm.id('answer-h')}>${t.heading}</h2>
      ${statusView(vm)}
      ${result ? totalView(vm, result, stale) : html`<p class="ce-muted">${a.outcome === 'incomplete' ? t.incomplete : t.none}</p>`}
      ${actionsView(vm)} ${optionsView(vm)} ${noticeView(vm)}
    </section>
  `;
}

function statusView(vm) {
  const { w, state } = vm;
  const t = w.t.answer;
  const a = state.answer;
  const message =
    a.outcome === 'failed'
      ? html`<div class="ce-notice is-error" data-failed><p>${t.failed}</p><button type="button" class="ce-button is-small" @click=${vm.on.retry}>${t.retry}</button></div>`
      : state.formError
        ? html`<p class="ce-notice is-error" data-form-error=${state.formError.code}>${t.refused(w.error('form', state.formError))}</p>`
      : a.outcome === 'stale' && a.result
        ? html`<p class="ce-notice">${t.stale}</p>`
        : a.outcome === 'incomplete' && a.result
          ? html`<p class="ce-notice">${t.incompleteStale}</p>`
          : vm.planLoading
            ? html`<p class="ce-notice">${t.planLoading}</p>`
            : nothing;
  return html`<div class="ce-status" role="status">${message}</div>`;
}

function totalView(vm, result, stale) {
  const { w } = vm;
  const t = w.t.answer;
  const plan = vm.planNames(result.plan);
  const perMember = result.enrollment === 'per_member';
  return html`
    <div class="ce-total ${stale ? 'is-stale' : ''}" part="summary">
      <p class="ce-total-label" id=${vm.id('total-label')}>${t.total(plan.short)}</p>
      <data class="ce-total-amount" value=${result.total_annual_cost} data-amount=${result.total_annual_cost} aria-describedby=${vm.id('total-label')}
        >${w.money(result.total_annual_cost)}</data
      >
      <dl class="ce-split">
        <div>
          <dt>${t.premium}</dt>
          <dd>
            <span class="ce-amount" data-figure="premium" data-amount=${result.premium_annual}>${w.money(result.premium_annual)}</span>
            <span class="ce-hint">${perMember ? t.premiumPerPerson : t.premiumDetail(result.periods_per_year, w.money(result.premium_per_period))}</span>
          </dd>
        </div>
        <div>
          <dt>${t.care}</dt>
          <dd>
            <span class="ce-amount" data-figure="care" data-amount=${result.member_pays_total}>${w.money(result.member_pays_total)}</span>
            <span class="ce-hint">${t.careDetail(w.money(result.allowed_total), w.money(result.plan_pays_total))}</span>
          </dd>
        </div>
      </dl>
      ${monthlyView(vm, result)} ${premiumShare(vm, result)}
    </div>
  `;
}

/** What the household pays a month, in words ("$682.48 a month for both of you", the result's
 * `premium_monthly`), the whole premium beside it where a contribution is paid, and Medicare
 * Part B's own premium, paid to Medicare and not in the total (`medicare_part_b_monthly`). */
function monthlyView(vm, result) {
  const { w } = vm;
  const t = w.t.choice;
  // Said where the premium is paid by the month (retirees, annuitants, a plan priced per
  // member); an employee paid biweekly reads the pay-period figure above.
  if (result.premium_monthly == null || result.pay_schedule !== 'monthly') return nothing;
  const people = result.members.length;
  const gross = !isZero(result.contribution_monthly) ? html` <span class="ce-hint">${t.monthlyGross(w.money(result.premium_gross_monthly))}</span>` : nothing;
  const b = result.medicare_part_b_monthly;
  // One paragraph: the answer keeps to one 1280×800 screen with its ranking.
  return html`<p class="ce-hint ce-monthly"><span data-monthly=${result.premium_monthly}>${t.monthly(w.money(result.premium_monthly), people)}</span>${gross}${b
      ? html` <span data-part-b=${b.amount}>${t.partB(w.money(b.amount), b.members.length, b.year)}</span> <a href=${b.source.url} title=${b.source.title} target="_blank" rel="noopener noreferrer">${b.source.publisher} ${b.year}</a>`
      : nothing}</p>`;
}

/** Who pays the premium: the whole premium, what is paid toward it and by whom, the visitor's
 * share; said plainly when no one pays toward it; and what premium conversion saves. */
function premiumShare(vm, result) {
  const { w } = vm;
  const t = w.t.answer;
  const gross = result.premium_gross_annual;
  if (gross == null) return nothing;
  const before = (result.assumptions ?? []).some((a) => a.code === 'premium_before_contribution');
  const paid = !isZero(result.contribution_annual);
  const payer = t.payer[result.contribution] ?? t.payer.amount;
  return html`<p class="ce-hint ce-premium-share" data-premium-share>
    ${paid ? t.premiumShare(w.money(gross), payer, w.money(result.contribution_annual), w.money(result.premium_annual)) : before ? t.beforeContribution(w.money(gross)) : nothing}
    ${result.premium_pre_tax && result.premium_after_tax_annual != null ? html`<br />${t.afterTax(w.money(result.premium_after_tax_annual))}` : nothing}
  </p>`;
}

/** The options ranked, when the chosen plan has siblings (or the embedder lists several). */
function optionsView(vm) {
  const { w, state } = vm;
  const t = w.t.options;
  const comparison = state.answer.comparison;
  if (!vm.comparing) return nothing;
  if (!comparison) return html`<p class="ce-muted" data-options="working">${t.working}</p>`;
  const priced = comparison.options.filter((o) => o.estimate);
  const ranks = new Map(priced.map((o) => [o.plan, o.rank]));
  const current = state.answer.comparedFor === state.revision;
  const open = comparison.options.filter((o) => !o.closed);
  const closed = comparison.options.filter((o) => o.closed);
  // Which enrollment each option was priced as: said once in the heading where all share one
  // (the answer keeps to one 1280×800 screen), else beside each option.
  const types = [...new Set(priced.map((o) => o.estimate.enrollment))];
  const shared = types.length === 1 ? types[0] : null;
  return html`
    <section class="ce-options ${current ? '' : 'is-stale'}" part="compare" data-options=${current ? 'ok' : 'updating'} aria-busy=${current ? 'false' : 'true'}>
      <div class="ce-options-head"><h3 class="ce-h3" id=${vm.id('options-h')}>${t.heading}${shared
          ? html` <span class="ce-hint" data-options-enrollment=${shared}>${w.t.choice.usedEnrollment(shared, w.t.enrollment[shared] ?? shared)}</span>`
          : nothing}</h3></div>
      <ol class="ce-option-list">
        ${open.map((o) => optionView(vm, o, ranks, !shared))}
      </ol>
      ${closedView(vm, closed)}
      <div class="ce-options-foot">${worstNote(vm, comparison)} ${oddsToggle(vm)}</div>
      ${oddsView(vm)}
    </section>
  `;
}

function optionView(vm, o, ranks, ownEnrollment = true) {
  const { w, state } = vm;
  const t = w.t.options;
  const names = vm.planNames(o.plan);
  const chosen = o.plan === state.plan;
  const e = o.estimate;
  if (!e) {
    return html`<li class="ce-option is-unpriced" data-plan=${o.plan}>
      <p class="ce-option-name">${names.short}</p>
      <p class="ce-hint">${t.notPriced} ${w.error('option', o.error)}</p>
    </li>`;
  }
  const nameId = vm.id('opt', o.plan);
  const worst = o.worst_case ? t.worst(w.money(o.worst_case.total)) : '';
  return html`
    <li class="ce-option ${chosen ? 'is-chosen' : ''} ${o.cheapest ? 'is-cheapest' : ''}" data-plan=${o.plan}>
      <div class="ce-option-head">
        <p class="ce-option-name" id=${nameId} tabindex="-1">
          <span class="ce-rank">${t.rank(ranks.get(o.plan))}</span>
          ${chosen
            ? html`<span>${names.short}</span>`
            : html`<button type="button" class="ce-link" data-choose=${o.plan} aria-label=${t.choose(names.short)} @click=${() => vm.on.chooseOption(o.plan)}>${names.short}</button>`}
          ${o.cheapest ? html`<span class="ce-badge is-cheapest">${t.cheapest}</span>` : nothing}
          ${chosen ? html`<span class="ce-badge">${t.chosen}</span>` : nothing}
        </p>
        <data class="ce-option-total" value=${e.total_annual_cost} data-amount=${e.total_annual_cost}>${w.money(e.total_annual_cost)}</data>
      </div>
      <p class="ce-hint ce-option-split">
        <span>${t.split(w.money(e.premium_annual), w.money(e.member_pays_total))}${ownEnrollment
            ? html` <span data-option-enrollment=${e.enrollment}>${w.t.choice.usedEnrollment(e.enrollment, w.t.enrollment[e.enrollment] ?? e.enrollment)}</span>`
            : nothing}</span>${worst ? html`<span class="ce-sr">; </span><span class="ce-option-worst" data-worst=${o.worst_case.total}>${worst}</span>` : nothing}
      </p>
      ${adjustedView(vm, o)}
    </li>
  `;
}

/** The offer's options this household may not take, each with the engine's reason and the
 * document line that says so: named, not priced. */
function closedView(vm, closed) {
  if (!closed.length) return nothing;
  const { w } = vm;
  const t = w.t.choice;
  return html`<div class="ce-closed" data-closed-options>
    <h4 class="ce-h4">${t.closedHeading}</h4>
    <ul class="ce-option-list">
      ${closed.map((o) => {
        const reason = Object.hasOwn(t.closedReason, o.closed.reason.code) ? t.closedReason[o.closed.reason.code] : w.error('option', o.closed.reason);
        const src = o.closed.source;
        const file = src?.file ?? vm.documentOf(o.plan);
        return html`<li class="ce-option is-unpriced" data-plan=${o.plan} data-closed=${o.closed.reason.code}>
          <p class="ce-hint">${t.closed(vm.planNames(o.plan).short, reason)}${src
            ? html` (${file ? html`<a href=${vm.documentLink(file, src.line)} target="_blank" rel="noopener">${t.closedLine(src.line)}</a>` : t.closedLine(src.line)}: <q lang="en">${src.quote}</q>)`
            : nothing}</p>
        </li>`;
      })}
    </ul>
  </div>`;
}

function adjustedView(vm, o) {
  const { w } = vm;
  const adj = o.adjusted ?? {};
  if (!adj.enrollment && !adj.pay_schedule) return nothing;
  const parts = [];
  if (adj.enrollment) parts.push(w.t.enrollment[adj.enrollment] ?? adj.enrollment);
  if (adj.pay_schedule) parts.push(w.t.pay[adj.pay_schedule] ?? adj.pay_schedule);
  return html`<p class="ce-hint">${w.t.options.adjusted(parts.join(', '))}</p>`;
}

/** What no maximum caps, said once for all the options (and what differs, per option). */
function worstNote(vm, comparison) {
  const { w } = vm;
  const t = w.t.options;
  const cases = comparison.options.map((o) => o.worst_case).filter(Boolean);
  if (!cases.length) return nothing;
  const billing = cases.some((c) => c.balance_billing);
  const services = [...new Set(cases.flatMap((c) => c.not_limited))].map((id) => vm.serviceName(id));
  // Closed until asked: the answer keeps to one screen (its actions in view at 1280×800).
  const open = Boolean(vm.state.open.worst);
  return html`<details class="ce-worst-note" data-panel="worst" ?open=${open} @toggle=${(e) => vm.on.toggle('worst', e.target.open)}>
    <summary class="ce-hint">${t.worstSummary}</summary>
    <p class="ce-hint">${t.worstNote(billing, services)}</p>
  </details>`;
}

function noticeView(vm) {
  const { w, state } = vm;
  const n = state.notice;
  if (!n) return nothing;
  const t = w.t.notices;
  let text;
  if (n.kind === 'presetApplied') text = t.presetApplied(vm.personName(n.person), vm.presetName(n.preset, n.person));
  else if (n.kind === 'householdReplaced') {
    // The Medicare example's couple (68 and 66) takes the table's 55+ years: said with it.
    text = state.people.some((p) => pastOldestGroup(p.age)) ? `${t.householdReplaced} ${w.t.people.presetOldest}` : t.householdReplaced;
  }
  else if (n.kind === 'removed') text = t.removed;
  else if (n.kind === 'undone') text = t.undone;
  else if (n.kind === 'link') text = linkIssues(vm, n.issues);
  else return nothing;
  const undo = state.undo && n.kind !== 'undone';
  return html`<div class="ce-notice is-info" role="status" tabindex="-1" data-notice=${n.kind}>
    <p>${text}</p>
    ${undo ? html`<button type="button" class="ce-button is-small" @click=${vm.on.undo}>${t.undo}</button>` : nothing}
  </div>`;
}

/** What a shared link held that the page does not know, each value as the link gave it (at most
 * ten named): not used, the field's default shown instead. */
function linkIssues(vm, issues) {
  const t = vm.w.t.notices;
  const named = issues.slice(0, 10).map((i) => `${Object.hasOwn(t.linkWhat, i.what) ? t.linkWhat[i.what] : i.what} “${i.value}”`);
  return t.link(named, issues.length - named.length);
}

/** Print, copy and (with an agent) "Send to my agent", just under the total: in view with the
 * answer on a phone, and inside an 800-px-high screen on a wide one, however many options follow. */
function actionsView(vm) {
  const { w } = vm;
  const t = w.t.answer;
  if (!vm.state.answer.result) return nothing;
  return html`<div class="ce-actions" data-actions>
      <button type="button" class="ce-button is-small" data-action="print" @click=${vm.on.print}>${vm.comparing ? t.printComparison : t.print}</button>
      ${vm.urlState
        ? html`<button type="button" class="ce-button is-small is-quiet" data-action="copy" @click=${vm.on.copyLink}>${t.copyLink}</button>`
        : html`<button type="button" class="ce-button is-small is-quiet" data-action="copy" @click=${vm.on.copySummary}>${t.copySummary}</button>`}
      <span class="ce-hint" role="status">${vm.copied ? t.copied : nothing}</span>
    </div>
    ${shareView(vm)}`;
}
