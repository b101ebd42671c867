// The year month by month (docs/domain.md, "A year month by month"): what leaves the household's
// account each month, premium and care (and the Part D drugs' share), as a real table; and, on a
// plan with Part D, "Spread my drug costs over the year": the Medicare Prescription Payment
// Plan's opt-in month and its bills beside what the pharmacy would have charged, with the plan
// document's own words on what it does and does not do. Every figure is the engine's.
import { html, nothing } from 'lit';
import { cite } from './details.js';

const isZero = (d) => /^-?0+(\.0+)?$/.test(String(d ?? '0'));

/** The plan document's lines on the payment plan, by the line of the plan's Part D limit (the
 * two Senior Advantage plans of seed 002 each have their own copy of the words). */
const PAYMENT_PLAN_LINES = {
  9228: { spread: 9307, save: 9310, bill: 9326 },
  15550: { spread: 15684, save: 15687, bill: 15703 },
};
const QUOTES = {
  spread: 'spreading them across monthly payments that vary',
  save: "expenses,but it doesn't save you money or lower your",
  bill: 'the pharmacy).Your monthly bill is based on what you',
};
/** The Spanish page's faithful translation of each quoted line (the page says it is one). */
const QUOTES_ES = {
  spread: 'repartiéndolos en pagos mensuales que varían',
  save: 'gastos, pero no le ahorra dinero ni reduce sus',
  bill: 'la farmacia). Su factura mensual se basa en lo que usted',
};

/** Whether any use of care says when it happens. */
export function careHasMonths(state) {
  return state.care.some((u) => /^(1[0-2]|[1-9])$/.test(String(u.month ?? '')));
}

/** The "Month by month" panel's body (views/details.js), for every plan with an answer. */
export function monthsBody(vm, result) {
  const { w, state } = vm;
  const t = w.t.months;
  if (!result?.months?.length) return nothing;
  const partD = Boolean(vm.plan?.part_d);
  const spread = state.care.length > 0 && !careHasMonths(state);
  return html`
    <p class="ce-hint">${t.intro}</p>
    ${spread ? html`<p class="ce-hint" data-months-spread>${t.spread}</p>` : nothing}
    ${monthsTable(vm, result, partD)} ${partD ? paymentPlanView(vm, result) : nothing}
  `;
}

/** The twelve months: premium, care (of it, Part D drugs) and the two added up. */
export function monthsTable(vm, result, partD, part = 'months') {
  const { w } = vm;
  const t = w.t.months;
  const rows = result.months.map((m) => ({ ...m, total: addCents(m.premium, m.member_pays) }));
  const captionId = vm.id(part, 'caption');
  // Focusable, so a keyboard can scroll it where the column is narrower than the table.
  return html`<div class="ce-table-wrap" tabindex="0" role="region" aria-labelledby=${captionId}>
    <table class="ce-months-table" part=${part} data-months>
      <caption id=${captionId}>${t.caption}</caption>
      <thead>
        <tr>
          <th scope="col">${t.month}</th>
          <th scope="col" class="ce-money">${t.premium}</th>
          <th scope="col" class="ce-money">${t.care}</th>
          ${partD ? html`<th scope="col" class="ce-money">${t.drugs}</th>` : nothing}
          <th scope="col" class="ce-money">${t.total}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (m) => html`<tr data-month=${String(m.month)}>
            <th scope="row">${monthName(t.names[m.month - 1])}</th>
            <td class="ce-money" data-premium=${m.premium}>${w.money(m.premium)}</td>
            <td class="ce-money" data-care=${m.member_pays}>${w.money(m.member_pays)}</td>
            ${partD ? html`<td class="ce-money" data-part-d=${m.part_d_member_pays}>${w.money(m.part_d_member_pays)}</td>` : nothing}
            <td class="ce-money" data-total=${m.total}>${w.money(m.total)}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${t.year}</th>
          <td class="ce-money">${w.money(result.premium_annual)}</td>
          <td class="ce-money">${w.money(result.member_pays_total)}</td>
          ${partD ? html`<td class="ce-money">${w.money(sumCents(result.months.map((m) => m.part_d_member_pays)))}</td>` : nothing}
          <td class="ce-money">${w.money(result.total_annual_cost)}</td>
        </tr>
      </tfoot>
    </table>
  </div>`;
}

/** A month's name, three letters where the element is narrow (its full name in `title`). */
function monthName(name) {
  return html`<span class="ce-wide">${name}</span><abbr class="ce-narrow" title=${name}>${name.slice(0, 3)}</abbr>`;
}

/** "Spread my drug costs over the year": the opt-in month, the plan's words, and the bills. */
function paymentPlanView(vm, result) {
  const { w, state } = vm;
  const t = w.t.months.payment;
  const id = vm.id('ppm');
  const lines = PAYMENT_PLAN_LINES[vm.plan?.key_benefits?.part_d_limit?.source?.line];
  const quote = (key) =>
    lines
      ? html`<li>${cite(vm, vm.plan, { line: lines[key], quote: QUOTES[key] })}${w.lang === 'es' ? html` <span class="ce-hint">[${QUOTES_ES[key]}]</span>` : nothing}</li>`
      : nothing;
  return html`<section class="ce-payment-plan" data-payment-plan aria-labelledby=${`${id}-h`}>
    <h4 class="ce-h3" id=${`${id}-h`}>${t.heading}</h4>
    <p class="ce-hint">${t.intro}</p>
    ${lines ? html`<ul class="ce-payment-words">${quote('spread')} ${quote('save')} ${quote('bill')}</ul>` : nothing}
    <div class="ce-field is-inline">
      <label for=${id}>${t.optIn}</label>
      <select id=${id} class="ce-input" data-key="paymentPlan" @change=${(e) => vm.on.setPaymentPlan(e.target.value)}>
        <option value="" ?selected=${!state.paymentPlan}>${t.none}</option>
        ${w.t.months.names.map((name, i) => html`<option value=${String(i + 1)} ?selected=${state.paymentPlan === String(i + 1)}>${name}</option>`)}
      </select>
    </div>
    ${result.payment_plan ? billsTable(vm, result) : nothing}
  </section>`;
}

/** Each month's Part D costs at the pharmacy without the plan, and what is paid with it. */
export function billsTable(vm, result, part = 'payment-plan') {
  const { w } = vm;
  const t = w.t.months.payment;
  const names = w.t.months.names;
  const p = result.payment_plan;
  const costs = result.months.map((m) => m.part_d_member_pays);
  if (costs.every(isZero)) return html`<p class="ce-hint" data-bills="none">${t.none0}</p>`;
  const captionId = vm.id(part, 'caption');
  return html`<div class="ce-table-wrap" tabindex="0" role="region" aria-labelledby=${captionId}>
      <table class="ce-months-table" part=${part} data-bills>
        <caption id=${captionId}>${t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">${w.t.months.month}</th>
            <th scope="col" class="ce-money">${t.pharmacy}</th>
            <th scope="col" class="ce-money">${t.bill}</th>
          </tr>
        </thead>
        <tbody>
          ${costs.map((cost, i) => {
            const paid = addCents(p.bills[i], p.paid_at_pharmacy[i]);
            return html`<tr data-month=${String(i + 1)}>
              <th scope="row">${monthName(names[i])}</th>
              <td class="ce-money" data-pharmacy=${cost}>${w.money(cost)}</td>
              <td class="ce-money" data-bill=${paid}>${w.money(paid)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    <p class="ce-hint">${t.billNote} ${t.billed(w.money(p.total_billed))}</p>`;
}

// Adding the engine's decimal strings for display (a month's premium and care; the year's Part D
// column): in whole cents, exactly, never in floating point.
function cents(d) {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(d ?? '0'));
  if (!m) return 0n;
  const v = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] ? -v : v;
}
function fromCents(c) {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}
export function addCents(a, b) {
  return fromCents(cents(a) + cents(b));
}
export function sumCents(list) {
  return fromCents(list.reduce((s, d) => s + cents(d), 0n));
}

/** The proposal's months: one short table across the page (months as columns), the chosen
 * option's premium, care, Part D drugs and total, and with the payment plan its monthly bills. */
export function printMonths(vm, result) {
  const { w } = vm;
  const t = w.t.months;
  if (!result?.months?.length) return nothing;
  const partD = Boolean(vm.plan?.part_d);
  const p = result.payment_plan;
  const short = (name) => name.slice(0, 3);
  const row = (label, values, key) =>
    html`<tr data-print-row=${key}><th scope="row">${label}</th>${values.map((v) => html`<td class="ce-money">${w.money(v)}</td>`)}</tr>`;
  return html`<h3>${t.heading}</h3>
    <table class="ce-print-table ce-print-months" data-print="months">
      <thead>
        <tr>
          <td></td>
          ${t.names.map((name) => html`<th scope="col" class="ce-money"><abbr title=${name}>${short(name)}</abbr></th>`)}
        </tr>
      </thead>
      <tbody>
        ${row(t.premium, result.months.map((m) => m.premium), 'premium')}
        ${row(t.care, result.months.map((m) => m.member_pays), 'care')}
        ${partD ? row(t.drugs, result.months.map((m) => m.part_d_member_pays), 'part-d') : nothing}
        ${p ? row(`${t.payment.bill} (${t.names[p.opt_in_month - 1]})`, p.bills.map((b, i) => addCents(b, p.paid_at_pharmacy[i])), 'bills') : nothing}
        ${row(t.total, result.months.map((m) => addCents(m.premium, m.member_pays)), 'total')}
      </tbody>
    </table>
    ${p ? html`<p>${t.payment.billNote} ${t.payment.billed(w.money(p.total_billed))}</p>` : nothing}`;
}
