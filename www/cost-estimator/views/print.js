// The printed sheet (shown only in print): who offers the plan, which program and year; the
// household and its care in words; every option's premium, care, total and worst case; the
// assumptions; the date. What a visitor hands to someone else, on Letter or A4.
import { html, nothing } from 'lit';
import { assumptionsView } from './details.js';
import { chartSentences } from './chart.js';

export function printView(vm) {
  const { w, state } = vm;
  const t = w.t.print;
  const result = state.answer.result;
  if (!result) return nothing;
  const summary = vm.planSummary;
  const comparison = vm.comparing ? state.answer.comparison : null;
  const options = comparison?.options ?? [{ plan: result.plan, rank: 1, cheapest: true, estimate: result, worst_case: null }];
  const curves = state.answer.curvesFor === state.revision ? state.answer.curves : null;
  return html`<section class="ce-print" aria-hidden="true">
    <header class="ce-print-head">
      <h2>${comparison ? t.titleCompare : t.title}</h2>
      <p class="ce-print-program">${t.program(summary?.issuer ?? '', summary?.program ?? '', summary?.year ?? '')}</p>
      <p>${t.date(vm.today())}</p>
    </header>
    <h3>${t.household}</h3>
    <ul class="ce-print-people">
      ${state.people.map((p) => html`<li><strong>${vm.personName(p.key)}</strong> (${w.t.print.age(p.age)}): ${vm.careInWords(p.key)}</li>`)}
    </ul>
    <p>${vm.householdLine(result)}</p>
    <h3>${comparison ? t.options : t.estimate}</h3>
    <table class="ce-print-table">
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
            <th scope="row">${vm.planNames(o.plan).short}${o.plan === state.plan ? html` <em>(${t.chosen})</em>` : nothing}</th>
            ${o.estimate
              ? html`<td class="ce-money">${w.money(o.estimate.premium_annual)}</td>
                  <td class="ce-money">${w.money(o.estimate.member_pays_total)}</td>
                  <td class="ce-money"><strong data-amount=${o.estimate.total_annual_cost}>${w.money(o.estimate.total_annual_cost)}</strong></td>
                  <td class="ce-money">${o.worst_case ? w.money(o.worst_case.total) : '–'}</td>`
              : html`<td colspan="4">${w.t.options.notPriced}</td>`}
          </tr>`,
        )}
      </tbody>
    </table>
    ${curves ? html`<p>${chartSentences(vm, curves).join(' ')}</p>` : nothing}
    ${assumptionsView(vm, vm.plan, result)}
    <p class="ce-print-note">${t.note}</p>
  </section>`;
}
