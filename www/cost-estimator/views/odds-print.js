// The odds in the printed proposal (views/print.js): a small table under the options, printed
// only when the visitor opened the odds and they are worked out for the form as it is, with
// where they come from and what they assume.
import { html, nothing } from 'lit';
import { aboutView, hundredths } from './odds.js';

export function oddsPrint(vm) {
  const { w, state } = vm;
  const t = w.t.odds;
  const odds = state.odds;
  if (!state.open.odds || odds.revision !== state.revision || odds.outcome !== 'ok') return nothing;
  const result = odds.result;
  return html`<h3>${t.print}</h3>
    <table class="ce-print-table" data-print="odds">
      <thead>
        <tr>
          <th scope="col">${t.printOption}</th>
          <th scope="col" class="ce-money">${t.printChance}</th>
          <th scope="col" class="ce-money">${t.printTypical}</th>
          <th scope="col" class="ce-money">${t.printBad}</th>
        </tr>
      </thead>
      <tbody>
        ${result.options.map(
          (o) => html`<tr data-plan=${o.plan}>
            <th scope="row">${vm.planNames(o.plan).short}</th>
            ${o.p50 == null
              ? html`<td colspan="3">${w.t.options.notPriced}</td>`
              : html`<td class="ce-money">${t.printChanceValue(hundredths(o.chance_cheapest))}</td>
                  <td class="ce-money">${w.money(o.p50)}</td>
                  <td class="ce-money">${w.money(o.p90)}</td>`}
          </tr>`,
        )}
      </tbody>
    </table>
    ${result.assumptions.filter((a) => a.code === 'cms_oldest_group').map((a) => html`<p>${t.oldest(vm.personName(a.member))}</p>`)}
    <div class="ce-print-odds-notes">${aboutView(vm, result)}</div>`;
}
