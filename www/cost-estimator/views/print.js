// The printed proposal (shown only in print; the agent's block, when there is one, prints above
// it): the date and the disclaimer; the household and its care; every option ranked with its
// premium, care, total and worst case; the cost chart; each option's key benefits side by side,
// from the plan files, each citing its document line; the assumptions. On Letter or A4, every
// word at 9 pt or more.
import { html, nothing } from 'lit';
import { assumptionsView } from './details.js';
import { chartFigure, chartSentences } from './chart.js';
import { english, isolated } from './fields.js';
import { oddsPrint } from './odds-print.js';
import { printMonths } from './months.js';

/** The rows of the key benefits table: the plan-wide limits, then these services, then the drug
 * tiers of the household's drugs (with none, these two, as examples). Every tier any option
 * prices made six rows of much the same words, a page of its own at a readable size. */
const KEY_SERVICES = ['primary_care_visit', 'specialist_visit', 'emergency_room_visit', 'inpatient_stay'];
const EXAMPLE_TIERS = ['rx_generic', 'rx_preferred_brand'];

export function printView(vm) {
  const { w, state } = vm;
  const t = w.t.print;
  const result = state.answer.result;
  if (!result || !vm.printable) return nothing;
  const summary = vm.planSummary;
  const comparison = vm.comparing && state.answer.comparedFor === state.revision ? state.answer.comparison : null;
  const options = comparison?.options ?? [{ plan: result.plan, rank: 1, cheapest: true, estimate: result, worst_case: null }];
  const curves = state.answer.curvesFor === state.revision ? state.answer.curves : null;
  // Not aria-hidden: on screen it is display:none (hidden from everyone), and in print it is the
  // whole of the element, its links included (aria-hidden around links fails axe's
  // aria-hidden-focus under print media).
  return html`<section class="ce-print" data-proposal>
    <header class="ce-print-head">
      <h2>${comparison ? t.titleCompare : t.title}</h2>
      <p class="ce-print-program">${t.program(vm.plan?.issuer ?? '', vm.plan?.program ?? '', vm.plan?.year ?? '')}</p>
      <p>${t.date(vm.today())}${vm.broker ? html` · ${isolated(t.preparedBy, vm.broker.name || vm.broker.email)}` : nothing}</p>
    </header>
    <p class="ce-print-note" data-print="note">${t.note}${vm.broker ? ` ${t.brokerNote}` : ''}</p>
    <h3>${t.household}</h3>
    <ul class="ce-print-people">
      ${state.people.map((p) => html`<li><strong>${vm.personName(p.key)}</strong> (${w.t.print.age(p.age)}): ${vm.careInWords(p.key)}</li>`)}
    </ul>
    <p>${vm.householdLine(result)}</p>
    <h3>${comparison ? t.options : t.estimate}</h3>
    <table class="ce-print-table" data-print="options">
      <thead>
        <tr>
          <th scope="col">${t.rank}</th>
          <th scope="col">${t.option}</th>
          <th scope="col" class="ce-money">${t.premium}</th>
          <th scope="col" class="ce-money">${t.care}</th>
          <th scope="col" class="ce-money">${t.total}</th>
          <th scope="col" class="ce-money">${t.worst}</th>
        </tr>
      </thead>
      <tbody>
        ${options.map(
          (o) => html`<tr data-plan=${o.plan}>
            <td>${o.rank ?? '–'}</td>
            <th scope="row">${vm.planNames(o.plan).short}${o.plan === state.plan ? html` <em>(${t.chosen})</em>` : nothing}${o.estimate
                ? html`<br /><span class="ce-print-enrollment">${w.t.enrollment[o.estimate.enrollment] ?? o.estimate.enrollment}</span>`
                : nothing}</th>
            ${o.estimate
              ? html`<td class="ce-money">${w.money(o.estimate.premium_annual)}</td>
                  <td class="ce-money">${w.money(o.estimate.member_pays_total)}</td>
                  <td class="ce-money"><strong data-amount=${o.estimate.total_annual_cost}>${w.money(o.estimate.total_annual_cost)}</strong></td>
                  <td class="ce-money">${o.worst_case ? w.money(o.worst_case.total) : '–'}</td>`
              : o.closed
                ? html`<td colspan="4" data-closed=${o.closed.reason.code}>${w.t.choice.closedHeading}: ${Object.hasOwn(w.t.choice.closedReason, o.closed.reason.code) ? w.t.choice.closedReason[o.closed.reason.code] : w.error('option', o.closed.reason)}${o.closed.source ? source(vm, vm.planById(o.plan), o.closed.source) : nothing}</td>`
                : html`<td colspan="4">${w.t.options.notPriced} ${o.error ? w.error('option', o.error) : ''}</td>`}
          </tr>`,
        )}
      </tbody>
    </table>
    <p data-print="monthly">${w.t.choice.monthlyFor(vm.planNames(result.plan).short, w.money(result.premium_monthly), result.members.length)}${(result.assumptions ?? []).some((a) => a.code === 'premium_before_contribution') ? html` ${w.t.choice.wholeGroupCaveat}` : nothing}${result.medicare_part_b_monthly
        ? html` ${w.t.choice.partB(w.money(result.medicare_part_b_monthly.amount), result.medicare_part_b_monthly.members.length, result.medicare_part_b_monthly.year)}`
        : nothing}</p>
    ${comparison && curves && result.lines.length
      ? html`<div class="ce-print-chart" data-print="chart">${chartFigure(vm, curves, 640, 'print-chart')}</div>`
      : curves
        ? html`<p>${chartSentences(vm, curves).join(' ')}</p>`
        : nothing}
    ${printMonths(vm, result)} ${oddsPrint(vm)} ${keyBenefits(vm, options.map((o) => o.plan))}
    ${assumptionsView(vm, vm.plan, result, (plan, src) => source(vm, plan, src))}
  </section>`;
}

/** Each option's deductible, out-of-pocket maximum, key services and drug tiers, side by side,
 * each as its plan file summarises it with the document line it comes from. */
function keyBenefits(vm, ids) {
  const { w } = vm;
  const t = w.t.print;
  const plans = ids.map((id) => vm.planById(id)).filter(Boolean);
  if (plans.length === 0) return nothing;
  const tiers = (vm.groups.length ? [...vm.services.values()] : []).filter((s) => s.group === 'rx' && plans.some((p) => benefitOf(p, s.id)?.tier)).map((s) => s.id);
  const taken = new Set(vm.state.care.filter((u) => u.often).map((u) => u.service));
  const drugs = tiers.filter((id) => taken.has(id)).length ? tiers.filter((id) => taken.has(id)) : tiers.filter((id) => EXAMPLE_TIERS.includes(id));
  const limit = (plan, value) => {
    if (!value) return html`${t.none}`;
    const amount = (a) => (/\.00$/.test(a) ? w.wholeMoney(a) : w.money(a));
    const amounts = value.family ? t.personFamily(amount(value.individual), amount(value.family)) : t.perPerson(amount(value.individual));
    return html`${amounts}${source(vm, plan, value.source)}`;
  };
  const service = (plan, id) => {
    const b = benefitOf(plan, id);
    if (!b) return html`${t.notCovered}`;
    return html`<span lang="en">${b.summary}</span>${source(vm, plan, b.source)}`;
  };
  const rows = [
    [t.deductible, (p) => limit(p, p.key_benefits.deductible)],
    [t.oopMax, (p) => limit(p, p.key_benefits.out_of_pocket_limit)],
    ...KEY_SERVICES.map((id) => [vm.serviceName(id), (p) => service(p, id)]),
    ...drugs.map((id) => [vm.serviceName(id), (p) => service(p, id)]),
  ];
  return html`<h3>${t.keyBenefits}</h3>
    <table class="ce-print-table ce-print-benefits" data-print="benefits">
      <thead>
        <tr>
          <td></td>
          ${plans.map((p) => html`<th scope="col" data-plan=${p.id}>${vm.planNames(p.id).short}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(([label, cell]) => html`<tr><th scope="row">${label}</th>${plans.map((p) => html`<td>${cell(p)}</td>`)}</tr>`)}
      </tbody>
    </table>
    <p class="ce-print-sources">${t.benefitSources} ${documents(plans).map(({ title, names }, i) => html`${i ? '; ' : ''}${english(vm, title)} (${names.map((id) => vm.planNames(id).short).join(', ')})`)}.</p>`;
}

/** A plan view's rule for a service, or undefined. */
const benefitOf = (plan, id) => plan.services.find((b) => b.id === id);

/** The documents the plans cite, each with the plans citing it. */
function documents(plans) {
  const byTitle = new Map();
  for (const p of plans) {
    const title = p.document?.title ?? '';
    if (!byTitle.has(title)) byTitle.set(title, []);
    byTitle.get(title).push(p.id);
  }
  return [...byTitle].map(([title, names]) => ({ title, names }));
}

/** " [line 925]", linked to the document viewer at that line. */
function source(vm, plan, src) {
  if (!src) return nothing;
  const file = src.file ?? plan?.document?.file;
  const label = vm.w.t.print.line(src.line);
  return html` <span class="ce-print-cite">[${file ? html`<a href=${vm.documentLink(file, src.line)}>${label}</a>` : label}]</span>`;
}
