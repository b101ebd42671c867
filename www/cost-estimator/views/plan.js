// The plan option (grouped by the program offering it), the enrollment type (following the
// household unless the visitor chooses one), how the premium is paid, and an employer's
// contribution where one applies.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { fieldError } from './fields.js';

export function planView(vm) {
  const { w, state } = vm;
  const t = w.t.plan;
  const groups = new Map();
  for (const p of vm.offered) {
    const label = vm.programName(p);
    if (!groups.has(label)) groups.set(label, []);
    groups.get(label).push(p);
  }
  const summary = vm.planSummary;
  const planId = vm.id('plan');
  return html`
    <section class="ce-card ce-plan">
      <h2 class="ce-h2 ce-sr" id=${vm.id('plan-h')}>${t.heading}</h2>
      <div class="ce-plan-fields">
        <div class="ce-field ce-plan-pick">
          <label for=${planId}>${t.option}</label>
          ${vm.offered.length > 1
            ? html`<select id=${planId} class="ce-input" data-key="plan" .value=${live(state.plan)} @change=${(e) => vm.on.choosePlan(e.target.value)}>
                ${[...groups].map(
                  ([label, plans]) => html`<optgroup label=${label}>
                    ${plans.map((p) => html`<option value=${p.id} ?selected=${p.id === state.plan}>${vm.planNames(p.id).short}</option>`)}
                  </optgroup>`,
                )}
              </select>`
            : html`<p id=${planId} class="ce-plan-only">${vm.planNames(state.plan).short}</p>`}
          <span class="ce-hint">${vm.programName(summary)}${summary?.sample_figures ? html` <span class="ce-badge is-sample">${t.sampleBadge}</span>` : nothing}</span>
        </div>
        ${enrollmentField(vm)} ${payField(vm)}
      </div>
      ${summary?.sample_figures ? html`<p class="ce-notice is-sample" lang="en">${summary.sample_figures}</p>` : nothing}
      ${contributionField(vm)}
    </section>
  `;
}

function enrollmentField(vm) {
  const { w, state } = vm;
  const t = w.t.plan;
  const types = vm.planSummary?.enrollment_types ?? [];
  if (types.includes('per_member') || types.length <= 1) {
    return types.includes('per_member') ? html`<p class="ce-field ce-hint">${t.perMember}</p>` : nothing;
  }
  const id = vm.id('enrollment');
  const error = vm.error('enrollment');
  const used = state.answer.result?.plan === state.plan ? state.answer.result.enrollment : null;
  const follow = used && !state.enrollment ? w.t.enrollment[used] ?? used : t.followsPlain;
  return html`<div class="ce-field" data-field="enrollment">
    <label for=${id}>${t.enrollment}</label>
    <select id=${id} class="ce-input" data-key="enrollment" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${`${id}-hint${error ? ` ${id}-err` : ''}`}
      @change=${(e) => vm.on.setEnrollment(e.target.value)}>
      <option value="" ?selected=${!state.enrollment}>${follow}</option>
      ${types.map((e) => html`<option value=${e} ?selected=${state.enrollment === e}>${w.t.enrollment[e] ?? e}</option>`)}
    </select>
    <span class="ce-hint" id=${`${id}-hint`} data-enrollment-hint
      >${state.enrollmentWaits && used ? t.waits(w.t.enrollment[state.enrollment] ?? state.enrollment, w.t.enrollment[used] ?? used) : state.enrollment ? t.chosenType : t.follows(state.people.length)}</span
    >
    ${fieldError(vm, 'enrollment', `${id}-err`, 'enrollment')}
  </div>`;
}

function payField(vm) {
  const { w, state } = vm;
  const schedules = vm.planSummary?.pay_schedules ?? [];
  if (schedules.length <= 1) return nothing;
  const id = vm.id('pay');
  const value = state.pay || schedules[0];
  return html`<div class="ce-field" data-field="pay">
    <label for=${id}>${w.t.plan.pay}</label>
    <select id=${id} class="ce-input" data-key="pay" @change=${(e) => vm.on.setPay(e.target.value)}>
      ${schedules.map((s) => html`<option value=${s} ?selected=${value === s}>${w.t.pay[s] ?? s}</option>`)}
    </select>
    ${fieldError(vm, 'pay', `${id}-err`, 'pay')}
  </div>`;
}

/** An employer's (or retiree group's) contribution toward the premium, per pay period. */
function contributionField(vm) {
  const { w, state } = vm;
  const t = w.t.plan;
  if (!vm.contributionShown) return nothing;
  const c = state.contribution;
  const id = vm.id('contribution');
  const error = vm.error('contribution');
  const kind = c.kind || 'amount';
  return html`<details class="ce-contribution" data-panel="contribution" ?open=${Boolean(state.open.contribution || c.value)} @toggle=${(e) => vm.on.toggle('contribution', e.target.open)}>
    <summary>${t.contribution}</summary>
    <p class="ce-hint">${t.contributionIntro}</p>
    <div class="ce-field is-inline" data-field="contribution">
      <label for=${`${id}-k`} class="ce-sr">${t.contributionKind}</label>
      <select id=${`${id}-k`} class="ce-input" data-key="contribution-kind" @change=${(e) => vm.on.setContribution(e.target.value, c.value)}>
        <option value="amount" ?selected=${kind === 'amount'}>${t.contributionAmount}</option>
        <option value="percent" ?selected=${kind === 'percent'}>${t.contributionPercent}</option>
      </select>
      <label for=${id} class="ce-sr">${t.contribution}</label>
      <input id=${id} class="ce-input is-money" type="text" inputmode="decimal" autocomplete="off" data-key="contribution" .value=${live(c.value)}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-err` : nothing}
        @input=${(e) => vm.on.setContribution(kind, e.target.value)} />
      <span class="ce-unit">${kind === 'percent' ? t.percentOfPremium : t.perPeriod}</span>
      ${fieldError(vm, 'contribution', `${id}-err`, 'contribution')}
    </div>
  </details>`;
}
