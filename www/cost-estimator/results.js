// The results panel of <cost-estimator>: the year's total, premium and care apart, each person
// with progress toward the deductible, the out-of-pocket maximum and the Part D limit, each line
// with its reason, "How this is worked out" (the document's words and line numbers), and the
// print / copy-link actions. Pure rendering: data in, DOM out, through dom.js (text only).
//
// ctx: { words, result, plan, priceTable, outcome, personName(id), id(...parts), workedOpen,
//        onWorkedToggle(open), onRetry(), copyLink() | null }
import { append, english, h, srOnly } from './dom.js';
import { reasonSegments } from './reason.js';
import { siteUrl } from './site.js';

const documentViewer = () => siteUrl('document.html');
const isZero = (decimal) => /^-?0+(\.0+)?$/.test(String(decimal));

export function outOfNetworkTier(benefit) {
  return benefit?.out_of_network && typeof benefit.out_of_network === 'object' ? benefit.out_of_network.tier : null;
}

/** Fills the results box: status (stale / loading / failed), then the figures, or "no estimate yet". */
export function renderResults(box, ctx) {
  const { t } = ctx.words;
  const { result, outcome } = ctx;
  box.dataset.state = outcome;
  box.classList.toggle('is-stale', outcome === 'stale' || outcome === 'loading' || outcome === 'failed');
  const status = h('div', { class: 'ce-status', role: 'status' });
  if (outcome === 'stale' && result) append(status, h('p', { class: 'ce-notice' }, t.stale));
  if (outcome === 'loading' && result) append(status, h('p', { class: 'ce-notice' }, t.loadingPlan));
  if (outcome === 'failed') {
    append(status, 
      h(
        'div',
        { class: 'ce-notice is-error', dataset: { failed: '' } },
        h('p', {}, t.failed),
        h('button', { type: 'button', class: 'ce-button is-small', onclick: () => ctx.onRetry() }, t.tryAgain),
      ),
    );
  }
  const heading = h('h2', { id: ctx.id('results-h') }, t.resultsHeading);
  if (!result) {
    box.replaceChildren(heading, status, h('p', {}, t.noEstimate));
    return;
  }
  const plan = ctx.plan;
  box.replaceChildren();
  append(
    box,
    heading,
    status,
    h('div', { class: 'ce-figures' }, renderSummary(ctx, result, plan), renderPeopleResults(ctx, result), renderLines(ctx, result, plan)),
    renderWorkedOut(ctx, result, plan),
    renderActions(ctx),
    h('p', { class: 'ce-print-only ce-hint' }, t.printedOn),
  );
}

function renderSummary(ctx, result, plan) {
  const { t, money } = ctx.words;
  const perMember = result.enrollment === 'per_member';
  const people = result.members.map((m) => t.personAge(ctx.personName(m.id), m.age)).join(', ');
  const summary = h(
    'div',
    { class: 'ce-summary', part: 'summary' },
    h('p', { class: 'ce-total-label', id: ctx.id('total-label') }, t.totalLabel),
    h('data', { class: 'ce-total-amount', value: result.total_annual_cost, dataset: { amount: result.total_annual_cost }, 'aria-describedby': ctx.id('total-label') }, money(result.total_annual_cost)),
    h('p', { class: 'ce-total-sub' }, t.totalSub),
    h(
      'dl',
      { class: 'ce-split' },
      h(
        'div',
        {},
        h('dt', {}, t.premiumLabel),
        h(
          'dd',
          {},
          h('span', { class: 'ce-amount', dataset: { amount: result.premium_annual, figure: 'premium' } }, money(result.premium_annual)),
          h('span', { class: 'ce-hint' }, perMember ? t.premiumPerPerson : t.premiumDetail(result.periods_per_year, money(result.premium_per_period))),
        ),
      ),
      h(
        'div',
        {},
        h('dt', {}, t.careLabel),
        h(
          'dd',
          {},
          h('span', { class: 'ce-amount', dataset: { amount: result.member_pays_total, figure: 'care' } }, money(result.member_pays_total)),
          h('span', { class: 'ce-hint' }, t.careDetail(money(result.allowed_total), money(result.plan_pays_total))),
        ),
      ),
    ),
    h(
      'p',
      { class: 'ce-scenario-line' },
      english(plan?.short_name ?? result.plan, ctx.words.lang !== 'en'),
      plan?.sample_figures ? [' ', h('span', { class: 'ce-badge is-sample' }, t.sampleBadge)] : null,
      ' · ', t.scenarioLine(people, t.enrollment[result.enrollment] ?? result.enrollment, t.pay[result.pay_schedule] ?? result.pay_schedule)),
  );
  if (result.members.length > 1) {
    const meters = [];
    if (result.deductible?.limit) meters.push(meter(ctx, `${t.deductible}`, result.deductible, 'fam-ded'));
    if (result.out_of_pocket?.limit) meters.push(meter(ctx, `${t.oop}`, result.out_of_pocket, 'fam-oop'));
    if (meters.length) append(summary, h('h3', { class: 'ce-meters-h' }, t.familyHeading), h('div', { class: 'ce-meters' }, meters));
  }
  return summary;
}

function meter(ctx, name, progress, key) {
  const { t, money } = ctx.words;
  const nameId = ctx.id('meter', key);
  const applied = Number(progress.applied); // for the bar's length only; the figures shown are the engine's
  const limit = Number(progress.limit);
  const share = limit > 0 ? Math.min(1, applied / limit) : 0;
  const text = t.progressText(money(progress.applied), money(progress.limit));
  const fill = h('div', { class: 'ce-meter-fill' });
  fill.style.width = `${(share * 100).toFixed(1)}%`; // CSSOM, allowed by the CSP (no style attribute)
  return h(
    'div',
    { class: 'ce-meter-row' },
    h(
      'div',
      { class: 'ce-meter-head' },
      h('span', { class: 'ce-meter-name', id: nameId }, name),
      h('span', { class: 'ce-meter-value' }, text, progress.met ? [' · ', h('span', { class: 'ce-met' }, `✓ ${t.met}`)] : null),
    ),
    h(
      'div',
      {
        class: `ce-meter${progress.met ? ' is-met' : ''}`,
        role: 'progressbar',
        'aria-labelledby': nameId,
        'aria-valuemin': '0',
        'aria-valuemax': String(limit),
        'aria-valuenow': String(Math.min(applied, limit)),
        'aria-valuetext': progress.met ? `${text}, ${t.met}` : text,
      },
      fill,
    ),
  );
}

function renderPeopleResults(ctx, result) {
  const { t, money } = ctx.words;
  const headingId = ctx.id('people-results-h');
  const cards = result.members.map((m) => {
    const meters = [];
    if (m.deductible?.limit) meters.push(meter(ctx, t.deductible, m.deductible, `ded-${m.id}`));
    if (m.out_of_pocket?.limit) meters.push(meter(ctx, t.oop, m.out_of_pocket, `oop-${m.id}`));
    if (m.part_d?.limit) meters.push(meter(ctx, t.partD, m.part_d, `pd-${m.id}`));
    return h(
      'article',
      { class: 'ce-person-result', dataset: { member: m.id }, 'aria-labelledby': ctx.id('pr', m.id) },
      h('h4', { id: ctx.id('pr', m.id) }, t.personAge(ctx.personName(m.id), m.age)),
      h('p', { class: 'ce-person-pays' }, h('span', { dataset: { amount: m.member_pays } }, money(m.member_pays)), ' ', h('span', { class: 'ce-hint' }, t.pays)),
      m.premium_per_period ? h('p', { class: 'ce-hint' }, t.premiumEach(money(m.premium_per_period))) : null,
      h('div', { class: 'ce-meters' }, meters),
      !isZero(m.not_counted) ? h('p', { class: 'ce-hint' }, t.notCounted(money(m.not_counted))) : null,
    );
  });
  return h(
    'section',
    { class: 'ce-people-section' },
    h('h3', { id: headingId }, t.perPersonHeading),
    !result.deductible && !result.members.some((m) => m.deductible) ? h('p', { class: 'ce-hint' }, t.noDeductible) : null,
    h('div', { class: 'ce-people-results' }, cards),
  );
}

/** Consecutive identical claims (same service, person, amounts and reasons) as one row. */
function groupLines(lines) {
  const rows = [];
  for (const line of lines) {
    const key = JSON.stringify(line);
    const last = rows.at(-1);
    if (last && last.key === key) last.times += 1;
    else rows.push({ key, line, times: 1 });
  }
  return rows;
}

function renderLines(ctx, result, plan) {
  const { t, money } = ctx.words;
  const headingId = ctx.id('lines-h');
  const section = h('section', { class: 'ce-lines-section' }, h('h3', { id: headingId }, t.linesHeading));
  if (result.lines.length === 0) {
    append(section, h('p', {}, t.noLines));
    return section;
  }
  const several = result.members.length > 1;
  const body = h('tbody');
  for (const { line, times } of groupLines(result.lines)) {
    const label = ctx.words.serviceLabel(line.service, plan);
    const each = times > 1 ? h('span', { class: 'ce-each' }, t.each) : null;
    const reason = reasonSegments(line, ctx.words).map((s) => (typeof s === 'string' ? s : h('q', { lang: 'en' }, s.quote)));
    append(body, 
      h(
        'tr',
        { dataset: { service: line.service, member: line.member, times: String(times) } },
        h(
          'th',
          { scope: 'row' },
          h('span', { class: 'ce-line-service' }, english(label.text, label.english), times > 1 ? ` ${t.times(times)}` : ''),
          several ? h('span', { class: 'ce-line-meta' }, t.forWhom(ctx.personName(line.member))) : null,
          h('span', { class: 'ce-line-meta ce-line-narrow' }, `${t.colPrice}: ${money(line.allowed)}${times > 1 ? ` ${t.each}` : ''} · ${t.colPlanPays}: ${money(line.plan_pays)}`),
          h('span', { class: 'ce-line-reason' }, reason),
        ),
        h('td', { class: 'ce-money ce-wide' }, money(line.allowed), each),
        h('td', { class: 'ce-money', dataset: { amount: line.member_pays } }, money(line.member_pays), times > 1 ? h('span', { class: 'ce-each' }, t.each) : null),
        h('td', { class: 'ce-money ce-wide' }, money(line.plan_pays), times > 1 ? h('span', { class: 'ce-each' }, t.each) : null),
      ),
    );
  }
  const captionId = ctx.id('lines-caption');
  append(section, 
    h(
      'div',
      { class: 'ce-table-wrap' },
      h(
        'table',
        { part: 'lines' },
        h('caption', { id: captionId }, t.linesCaption),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t.colService),
            h('th', { scope: 'col', class: 'ce-money ce-wide' }, t.colPrice),
            h('th', { scope: 'col', class: 'ce-money' }, t.colYouPay),
            h('th', { scope: 'col', class: 'ce-money ce-wide' }, t.colPlanPays),
          ),
        ),
        body,
      ),
    ),
    h('p', { class: 'ce-hint' }, t.pricesNote),
  );
  return section;
}

/** "document line 925: “$30 per primary care office visit”", linked to the document. */
function cite(ctx, plan, source) {
  if (!source) return null;
  const t = ctx.words.t;
  const file = source.file ?? plan.document?.file;
  const where = source.file && source.file !== plan.document?.file ? t.otherDocumentLine(source.file, source.line) : t.documentLine(source.line);
  const link = file
    ? h(
        'a',
        { href: `${documentViewer().href}?file=${encodeURIComponent(file)}&line=${encodeURIComponent(source.line)}`, target: '_blank', rel: 'noopener' },
        where,
        srOnly(` ${t.newTab}`),
      )
    : where;
  return h('span', { class: 'ce-cite' }, link, ': ', h('q', { lang: 'en' }, source.quote));
}

function renderWorkedOut(ctx, result, plan) {
  const { t } = ctx.words;
  const en = ctx.words.lang !== 'en';
  if (!plan) return null;
  const body = h('div', { class: 'ce-worked-body' }, h('p', {}, t.workedOutIntro));
  if (plan.sample_figures) {
    append(body, h('h4', {}, t.sampleHeading, ' ', h('span', { class: 'ce-badge is-sample' }, t.sampleBadge)), h('p', { class: 'ce-sample-note' }, english(plan.sample_figures, en)));
  }
  const docLink = plan.document?.file
    ? h('a', { href: `${documentViewer().href}?file=${encodeURIComponent(plan.document.file)}`, target: '_blank', rel: 'noopener' }, english(plan.document.title ?? plan.document.file, en), srOnly(` ${t.newTab}`))
    : null;
  append(body, h('h4', {}, t.document), h('p', {}, docLink));

  const figures = h('ul', { class: 'ce-rules' });
  if (result.enrollment === 'per_member') {
    const lines = (plan.member_premiums ?? []).map((r) => r.source?.line).filter(Number.isFinite);
    if (lines.length) append(figures, h('li', {}, h('strong', {}, t.premiumSource), ': ', t.memberPremiumSource(Math.min(...lines), Math.max(...lines))));
  } else if (plan.premiums?.[result.enrollment]) {
    append(figures, h('li', {}, h('strong', {}, t.premiumSource), ' (', t.enrollment[result.enrollment], '): ', cite(ctx, plan, plan.premiums[result.enrollment].source)));
  }
  if (plan.deductible) append(figures, h('li', {}, h('strong', {}, t.deductibleSource), ': ', cite(ctx, plan, plan.deductible.source)));
  if (plan.out_of_pocket_max) append(figures, h('li', {}, h('strong', {}, t.oopSource), ': ', cite(ctx, plan, plan.out_of_pocket_max.source)));
  if (plan.part_d_out_of_pocket_max) append(figures, h('li', {}, h('strong', {}, t.partDSource), ': ', cite(ctx, plan, plan.part_d_out_of_pocket_max.source)));
  append(body, figures);

  const used = [...new Set(result.lines.map((l) => l.service))];
  if (used.length) {
    const rules = h('ul', { class: 'ce-rules' });
    for (const service of used) {
      const benefit = plan.services[service];
      if (!benefit) continue;
      const label = ctx.words.serviceLabel(service, plan);
      const lines = result.lines.filter((l) => l.service === service);
      const item = h('li', { dataset: { rule: service } }, h('strong', {}, english(label.text, label.english)), ': ', english(benefit.summary, en), h('br'), cite(ctx, plan, benefit.source));
      const variants = new Set(lines.flatMap((l) => l.events.filter((e) => e.kind === 'rule_variant').map((e) => e.label)));
      for (const v of benefit.variants ?? []) if (variants.has(v.label)) append(item, h('br'), cite(ctx, plan, v.source));
      if (benefit.if_admitted && lines.some((l) => l.events.some((e) => e.kind === 'copay_waived_admitted'))) append(item, h('br'), cite(ctx, plan, benefit.if_admitted.source));
      if (benefit.limit && plan.limits?.[benefit.limit]) append(item, h('br'), cite(ctx, plan, plan.limits[benefit.limit].source));
      const tier = outOfNetworkTier(benefit);
      if (tier && lines.some((l) => l.events.some((e) => e.kind === 'out_of_network_tier'))) {
        append(item, h('br'), tier.sample ? [h('span', { class: 'ce-badge is-sample' }, t.sampleBadge), ' '] : null, english(tier.summary, en), ' ', cite(ctx, plan, tier.source));
      }
      append(rules, item);
    }
    append(body, h('h4', {}, t.servicesUsedHeading), rules);
  }
  if (plan.assumptions?.length) {
    append(body, 
      h('h4', {}, t.assumptionsHeading),
      h(
        'ul',
        { class: 'ce-rules' },
        plan.assumptions.map((a) => h('li', { dataset: { assumption: a.id } }, english(a.text, en), a.source ? [h('br'), cite(ctx, plan, a.source)] : null)),
      ),
    );
  }
  const allIllustrative = Object.values(ctx.priceTable?.prices ?? {}).every((p) => p.illustrative);
  append(body, 
    h('h4', {}, t.pricesSourceHeading, allIllustrative ? [' ', h('span', { class: 'ce-badge is-illustrative' }, t.illustrative)] : null),
    h('p', {}, english(ctx.priceTable?.description ?? '', en)),
    h('p', { class: 'ce-hint' }, t.oneYearNote),
  );
  const details = h('details', { class: 'ce-worked', part: 'worked-out', open: ctx.workedOpen }, h('summary', {}, t.workedOutHeading), body);
  details.addEventListener('toggle', () => ctx.onWorkedToggle(details.open));
  return details;
}

function renderActions(ctx) {
  const t = ctx.words.t;
  const note = h('span', { class: 'ce-hint', role: 'status' });
  const actions = h(
    'div',
    { class: 'ce-actions' },
    h('button', { type: 'button', class: 'ce-button', dataset: { key: 'print' }, onclick: () => window.print() }, t.printButton),
  );
  if (ctx.copyLink) {
    append(actions, 
      h(
        'button',
        {
          type: 'button',
          class: 'ce-button is-quiet',
          dataset: { key: 'copy-link' },
          onclick: async () => {
            const href = ctx.copyLink();
            try {
              await navigator.clipboard.writeText(href);
              note.textContent = t.linkCopied;
            } catch {
              note.textContent = href;
            }
          },
        },
        t.copyLink,
      ),
    );
  }
  append(actions, note);
  return actions;
}
