// How the total is worked out, in four disclosures: each person (progress toward the
// deductible, the out-of-pocket maximum and the Part D limit), each service in order with its
// reason, the total yearly cost by amount of care (the chart), and where every figure comes
// from (the document's words, readable, linked to the document line).
import { html, nothing } from 'lit';
import { svg } from 'lit';
import { monthsBody } from './months.js';
import { chartView } from './chart.js';
import { english } from './fields.js';
import { readableQuote } from './quotes.js';
import { reasonSegments } from './reason.js';

const isZero = (d) => /^-?0+(\.0+)?$/.test(String(d ?? '0'));

export function detailsView(vm) {
  const { w, state } = vm;
  const t = w.t.details;
  const result = state.answer.result;
  if (!result) return nothing;
  const panel = (key, title, body) => html`
    <details class="ce-detail" data-panel=${key} ?open=${Boolean(state.open[key])} @toggle=${(e) => vm.on.toggle(key, e.target.open)}>
      <summary><h3 class="ce-h3">${title}</h3></summary>
      ${state.open[key] ? html`<div class="ce-detail-body">${body()}</div>` : nothing}
    </details>`;
  return html`
    <section class="ce-details">
      <h2 class="ce-h2" id=${vm.id('details-h')}>${t.heading}</h2>
      ${panel('people', t.people, () => peopleView(vm, result))}
      ${panel('months', w.t.months.heading, () => monthsBody(vm, result))}
      ${panel('details', t.lines, () => linesView(vm, result))}
      ${vm.comparing ? panel('chart', w.t.chart.heading, () => chartView(vm)) : nothing}
      ${panel('sources', t.sources, () => sourcesView(vm, result))}
    </section>
  `;
}

function meter(vm, name, progress, key) {
  const { w } = vm;
  const t = w.t.details;
  const nameId = vm.id('meter', key);
  const applied = Number(progress.applied); // the bar's length only; the figures shown are the engine's
  const limit = Number(progress.limit);
  const share = limit > 0 ? Math.min(1, applied / limit) : 0;
  const text = t.progress(w.money(progress.applied), w.money(progress.limit));
  return html`<div class="ce-meter-row">
    <div class="ce-meter-head">
      <span class="ce-meter-name" id=${nameId}>${name}</span>
      <span class="ce-meter-value">${text}${progress.met ? html` · <span class="ce-met">✓ ${t.met}</span>` : nothing}</span>
    </div>
    <div class="ce-meter ${progress.met ? 'is-met' : ''}" role="progressbar" aria-labelledby=${nameId} aria-valuemin="0" aria-valuemax=${String(limit)}
      aria-valuenow=${String(Math.min(applied, limit))} aria-valuetext=${progress.met ? `${text}, ${t.met}` : text}>
      <svg class="ce-meter-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">${svg`<rect class="ce-meter-fill" x="0" y="0" height="6" width=${(share * 100).toFixed(1)}></rect>`}</svg>
    </div>
  </div>`;
}

function peopleView(vm, result) {
  const { w } = vm;
  const t = w.t.details;
  const family = [];
  // Present only where a family amount applies to this household.
  if (result.family_deductible) family.push(meter(vm, t.familyDeductible, result.family_deductible, 'fam-ded'));
  if (result.family_out_of_pocket) family.push(meter(vm, t.familyOop, result.family_out_of_pocket, 'fam-oop'));
  return html`
    ${family.length ? html`<div class="ce-meters" data-family>${family}</div>` : nothing}
    ${!result.family_deductible && !result.members.some((m) => m.deductible) ? html`<p class="ce-hint">${t.noDeductible}</p>` : nothing}
    <div class="ce-people-results">
      ${result.members.map((m) => {
        const meters = [];
        if (m.deductible?.limit) meters.push(meter(vm, t.deductible, m.deductible, `ded-${m.id}`));
        if (m.out_of_pocket?.limit) meters.push(meter(vm, t.oop, m.out_of_pocket, `oop-${m.id}`));
        if (m.part_d?.limit) meters.push(meter(vm, t.partD, m.part_d, `pd-${m.id}`));
        return html`<article class="ce-person-result" data-member=${m.id} aria-labelledby=${vm.id('pr', m.id)}>
          <h4 id=${vm.id('pr', m.id)}>${t.personAge(vm.personName(m.id), m.age)}</h4>
          <p class="ce-person-pays"><span data-amount=${m.member_pays}>${w.money(m.member_pays)}</span> <span class="ce-hint">${t.pays}</span></p>
          ${m.premium_per_period ? html`<p class="ce-hint">${t.premiumEach(w.money(m.premium_per_period))}</p>` : nothing}
          <div class="ce-meters">${meters}</div>
          ${!isZero(m.not_counted) ? html`<p class="ce-hint">${t.notCounted(w.money(m.not_counted))}</p>` : nothing}
        </article>`;
      })}
    </div>
  `;
}

/** Consecutive identical claims (same service, person, amounts and reasons) as one row. */
function groupLines(lines) {
  const rows = [];
  for (const line of lines) {
    // The same claim in another month is the same row here (the months have a table of their own).
    const { month: _month, ...rest } = line;
    const key = JSON.stringify(rest);
    const last = rows.at(-1);
    if (last && last.key === key) last.times += 1;
    else rows.push({ key, line, times: 1 });
  }
  return rows;
}

function linesView(vm, result) {
  const { w } = vm;
  const t = w.t.details;
  if (!result.lines.length) return html`<p>${t.noLines}</p>`;
  const several = result.members.length > 1;
  return html`
    <div class="ce-table-wrap">
      <table part="lines">
        <caption>${t.linesCaption}</caption>
        <thead>
          <tr>
            <th scope="col">${t.colService}</th>
            <th scope="col" class="ce-money ce-wide">${t.colPrice}</th>
            <th scope="col" class="ce-money">${t.colYouPay}</th>
            <th scope="col" class="ce-money ce-wide">${t.colPlanPays}</th>
          </tr>
        </thead>
        <tbody>
          ${groupLines(result.lines).map(({ line, times }) => {
            const each = times > 1 ? html`<span class="ce-each">${t.each}</span>` : nothing;
            const reason = reasonSegments(line, w).map((s) => (typeof s === 'string' ? s : html`<q lang="en">${s.quote}</q>`));
            return html`<tr data-service=${line.service} data-member=${line.member} data-times=${String(times)}>
              <th scope="row">
                <span class="ce-line-service">${vm.serviceName(line.service)}${times > 1 ? ` ${t.times(times)}` : ''}</span>
                ${several ? html`<span class="ce-line-meta">${t.forWhom(vm.personName(line.member))}</span>` : nothing}
                <span class="ce-line-meta ce-narrow">${t.narrow(w.money(line.allowed), w.money(line.plan_pays), times > 1)}</span>
                <span class="ce-line-reason">${reason}</span>
              </th>
              <td class="ce-money ce-wide">${w.money(line.allowed)}${each}</td>
              <td class="ce-money" data-amount=${line.member_pays}>${w.money(line.member_pays)}${each}</td>
              <td class="ce-money ce-wide">${w.money(line.plan_pays)}${each}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
    <p class="ce-hint">${t.pricesNote}</p>
  `;
}

/** "document line 925: “$30 per primary care office visit”", linked to the document. */
export function cite(vm, plan, source) {
  if (!source) return nothing;
  const { w } = vm;
  const t = w.t.details;
  const file = source.file ?? plan?.document?.file;
  const where = source.file && source.file !== plan?.document?.file ? t.otherLine(source.file, source.line) : t.line(source.line);
  const href = file ? vm.documentLink(file, source.line) : null;
  return html`<span class="ce-cite">
    ${href ? html`<a href=${href} target="_blank" rel="noopener">${where}<span class="ce-sr"> ${t.newTab}</span></a>` : where}:
    <q lang="en">${readableQuote(source.quote)}</q>
  </span>`;
}

function sourcesView(vm, result) {
  const { w } = vm;
  const t = w.t.details;
  const plan = vm.plan;
  if (!plan) return nothing;
  const items = [];
  const premium = plan.published_premiums.find((p) => p.enrollment === result.enrollment);
  if (premium) items.push(html`<li>${t.premiumSource}: ${cite(vm, plan, premium.source)}</li>`);
  if (plan.rate_rows.length) {
    const lines = plan.rate_rows.map((r) => r.source.line);
    items.push(html`<li>${t.memberPremiums(Math.min(...lines), Math.max(...lines))}</li>`);
  }
  const kb = plan.key_benefits;
  if (kb.deductible) items.push(html`<li>${t.deductible}: ${cite(vm, plan, kb.deductible.source)}</li>`);
  items.push(html`<li>${t.oop}: ${cite(vm, plan, kb.out_of_pocket_limit.source)}</li>`);
  if (kb.part_d_limit) items.push(html`<li>${t.partD}: ${cite(vm, plan, kb.part_d_limit.source)}</li>`);
  const used = [...new Set(result.lines.map((l) => l.service))];
  return html`
    <p class="ce-hint">${t.sourcesIntro}</p>
    <p>${t.document}: ${english(vm, plan.document.title)}</p>
    <ul class="ce-sources">${items}</ul>
    ${used.length
      ? html`<h4>${t.rulesHeading}</h4>
          <ul class="ce-sources">
            ${used.map((id) => {
              const b = vm.benefit(id);
              return b ? html`<li data-rule=${id}><strong>${vm.serviceName(id)}</strong>: ${english(vm, b.summary)}. ${cite(vm, plan, b.source)}</li>` : nothing;
            })}
          </ul>`
      : nothing}
    ${assumptionsView(vm, plan, result)}
    ${plan.sample_figures ? html`<h4>${w.t.plan.sampleBadge}</h4><p lang="en">${plan.sample_figures}</p>` : nothing}
    <p class="ce-hint">${t.oneYear}</p>
  `;
}

/**
 * The plan's assumptions (the document leaves a choice) and the engine's about this household.
 * `line(plan, source)`: how each cites its document line (on screen, the line and its words; the
 * printout passes a shorter "[line 516]").
 * @param {any} vm
 * @param {any} plan
 * @param {any} result
 * @param {(plan: any, source: any) => unknown} [line]
 */
export function assumptionsView(vm, plan, result, line = (p, source) => html` ${cite(vm, p, source)}`) {
  const { w } = vm;
  const t = w.t.details;
  const own = vm.engineAssumptions(result);
  if (!plan?.assumptions?.length && !own.length) return nothing;
  return html`<h4>${t.assumptions}</h4>
    <ul class="ce-sources" data-assumptions>
      ${own.map((text) => html`<li>${text}</li>`)}
      ${(plan?.assumptions ?? []).map((a) => html`<li>${english(vm, a.text)}${a.source ? line(plan, a.source) : nothing}</li>`)}
    </ul>`;
}
