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
          <span class="ce-hint">${vm.programName(summary)}${summary?.sample || vm.plan?.sample_figures ? html` <span class="ce-badge is-sample">${t.sampleBadge}</span>` : nothing}</span>
        </div>
        ${enrollmentField(vm)} ${payField(vm)}
      </div>
      ${vm.plan?.sample_figures ? html`<p class="ce-notice is-sample" lang="en">${vm.plan.sample_figures}</p>` : nothing}
      ${contributionField(vm)}
    </section>
  `;
}

function enrollmentField(vm) {
  const { w, state } = vm;
  const t = w.t.plan;
  const types = vm.enrollmentTypes;
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
      >${state.enrollmentWaits && used ? waitsWords(vm, used) : state.enrollment ? t.chosenType : t.follows(state.people.length)}</span
    >
    ${choiceSaving(vm)}
    ${fieldError(vm, 'enrollment', `${id}-err`, 'enrollment')}
  </div>`;
}

function payField(vm) {
  const { w, state } = vm;
  const schedules = vm.paySchedules;
  if (schedules.length <= 1) return nothing;
  const id = vm.id('pay');
  const value = state.pay || schedules[0];
  const error = vm.error('pay');
  return html`<div class="ce-field" data-field="pay">
    <label for=${id}>${w.t.plan.pay}</label>
    <select id=${id} class="ce-input" data-key="pay" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-err` : nothing}
      @change=${(e) => vm.on.setPay(e.target.value)}>
      ${schedules.map((s) => html`<option value=${s} ?selected=${value === s}>${w.t.pay[s] ?? s}</option>`)}
    </select>
    ${fieldError(vm, 'pay', `${id}-err`, 'pay')}
  </div>`;
}

/** Who pays the premium: an employer's (or retiree group's) contribution per pay period,
 * replacing any published share; and, for an FEHB employee, the tax rate that premium
 * conversion saves at. */
function contributionField(vm) {
  const { w, state } = vm;
  const t = w.t.plan;
  const c = state.contribution;
  const id = vm.id('contribution');
  const error = vm.error('contribution');
  const kind = c.kind || 'amount';
  // What the chosen pay schedule means (the plan view's): what a contribution is given per, and
  // whether its payers pay before tax.
  const schedule = vm.plan?.pay_schedules.find((s) => s.pay_schedule === (state.pay || vm.paySchedules[0])) ?? null;
  const employee = Boolean(schedule?.pre_tax);
  const authority = vm.plan?.pre_tax_rule?.authority ?? [];
  const unit = schedule?.contribution_unit ?? null;
  const taxId = vm.id('tax');
  const taxError = vm.error('taxRate');
  const open = Boolean(state.open.premium || c.value || state.taxRate);
  return html`<details class="ce-contribution" data-panel="premium" ?open=${open} @toggle=${(e) => vm.on.toggle('premium', e.target.open)}>
    <summary>${t.whoPays}</summary>
    <p class="ce-hint">${vm.plan?.government_pays_share ? t.contributionIntroFehb : t.contributionIntro}</p>
    <div class="ce-field is-inline" data-field="contribution">
      <label for=${`${id}-k`}>${t.contribution}</label>
      <select id=${`${id}-k`} class="ce-input is-narrow" data-key="contribution-kind" @change=${(e) => vm.on.setContribution(e.target.value, c.value)}>
        <option value="amount" ?selected=${kind === 'amount'}>${t.contributionAmount}</option>
        <option value="percent" ?selected=${kind === 'percent'}>${t.contributionPercent}</option>
      </select>
      <input id=${id} class="ce-input is-money" type="text" inputmode="decimal" autocomplete="off" data-key="contribution" .value=${live(c.value)}
        aria-label=${kind === 'percent' ? t.contributionPercent : t.contributionAmount}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-err` : nothing}
        @input=${(e) => vm.on.setContribution(kind, e.target.value)} />
      <span class="ce-unit" data-contribution-unit>${kind === 'percent' ? t.percentOfPremium : unit ? w.t.choice.contributionUnit(unit.per, unit.pay_schedule) : t.perPeriod}</span>
      ${fieldError(vm, 'contribution', `${id}-err`, 'contribution')}
    </div>
    ${employee
      ? html`<div class="ce-field is-inline" data-field="taxRate">
          <label for=${taxId}>${t.taxRate}</label>
          <input id=${taxId} class="ce-input is-count" type="text" inputmode="decimal" autocomplete="off" data-key="taxRate" .value=${live(state.taxRate)}
            aria-invalid=${taxError ? 'true' : 'false'} aria-describedby=${`${taxId}-hint${taxError ? ` ${taxId}-err` : ''}`}
            @input=${(e) => vm.on.setTaxRate(e.target.value)} />
          <span class="ce-unit">%</span>
          <span class="ce-hint" id=${`${taxId}-hint`}>${t.taxRateHint}
            ${authority.map((a) => html` <a href=${a.url} target="_blank" rel="noopener noreferrer">${a.cite}</a>`)}</span>
          ${fieldError(vm, 'taxRate', `${taxId}-err`, 'taxRate')}
        </div>`
      : nothing}
  </details>`;
}

/** "Self and Family costs $1,287 less for the two of you" (the result's enrollment options, as
 * the engine priced them: no arithmetic here), where the household may take two or more types. */
function choiceSaving(vm) {
  const { w, state } = vm;
  const result = state.answer.result;
  if (!result || result.plan !== state.plan) return nothing;
  const options = result.enrollment_options ?? [];
  if (options.length < 2) return nothing;
  const cheapest = options.find((o) => o.more_than_cheapest === '0.00' || /^0(\.0+)?$/.test(o.more_than_cheapest));
  const dearer = options.filter((o) => o !== cheapest && !/^0(\.0+)?$/.test(o.more_than_cheapest));
  if (!cheapest || dearer.length === 0) return nothing;
  const name = (e) => w.t.enrollment[e] ?? e;
  return html`<span class="ce-hint" data-enrollment-saving>${dearer.map((o) =>
    w.t.choice.saving(name(cheapest.enrollment), w.money(o.more_than_cheapest), name(o.enrollment), state.people.length),
  )}</span>`;
}

/** Why the chosen type is not priced yet, from the plan view's sizes: it needs more people than
 * are listed (they may be added next), or it covers fewer (Self Only for a family of four: the
 * figures are for the type the household may take). */
function waitsWords(vm, used) {
  const { w, state } = vm;
  const name = (e) => w.t.enrollment[e] ?? e;
  const type = vm.plan?.enrollment.types.find((x) => x.type === state.enrollment);
  const n = state.people.length;
  if (type?.max_people != null && n > type.max_people) return w.t.choice.tooSmall(name(state.enrollment), type.max_people, n, name(used));
  return w.t.plan.waits(name(state.enrollment), name(used));
}
