// An embedder's page script, written against dist/cost-estimator.d.ts as a host page would:
// typed attributes and members, the event's detail, the scenario and result shapes. Each line
// under an expect-error directive must be refused by the declarations; were the types `any`, tsc
// would report the directive unused and the test would fail.
import { CostEstimator, define } from '../../dist/cost-estimator.js';
import type { Comparison, ElementErrorDetail, EngineErrorInfo, EstimateChangeDetail, EstimateResult, EstimateShareDetail, Money, Scenario } from '../../dist/cost-estimator.js';
import type { CostCensus } from '../../dist/cost-census.js';

const Defined: CustomElementConstructor | null = define();
void Defined;

const element = document.querySelector('cost-estimator');
if (!element) throw new Error('no <cost-estimator> on the page');
const typed: CostEstimator = element; // the tag map names the class
typed.plans = 'kp-co-fehb-2022-high kp-co-fehb-2022-standard kp-co-fehb-2022-prosper';
typed.plan = 'kp-co-fehb-2022-standard';
typed.employerContribution = '75%';
// @ts-expect-error plans is a space-separated string, not an array
typed.plans = ['kp-co-fehb-2022-high'];

element.addEventListener('estimate-change', (event) => {
  const detail: EstimateChangeDetail = event.detail;
  if (detail.error) {
    const why: EngineErrorInfo = detail.error;
    console.log(why.code, why.field);
  } else if (detail.result && !detail.stale) {
    const total: Money = detail.result.total_annual_cost;
    // @ts-expect-error money is a decimal string, never a number
    const wrong: number = detail.result.total_annual_cost;
    console.log(total, wrong);
  }
});

// A broker's page: the agent's identity, and the lead handed to the page's own form.
typed.brokerName = 'Dana Whitfield';
typed.brokerId = 'NPN 17720456';
element.addEventListener('estimate-share', (event) => {
  const lead: EstimateShareDetail = event.detail;
  const total: Money = lead.result.total_annual_cost;
  console.log(lead.broker?.email, lead.scenario?.members.length, lead.comparison?.cheapest, total);
});

// What the element refused of what the page's script gave it.
element.addEventListener('estimate-error', (event) => {
  const refused: ElementErrorDetail = event.detail;
  const where: (string | number)[] = refused.path;
  console.log(refused.code, refused.field, where.length);
});

const census: CostCensus | null = document.querySelector('cost-census');
census?.addEventListener('census-complete', (event) => console.log(event.detail.totals.length));
void census?.price('household,relationship,age,usage\nH1,subscriber,40,low\n');

const family: Scenario = {
  plan: 'kp-co-fehb-2022-standard',
  enrollment: 'self_and_family',
  members: [
    { id: 'ana', age: 41 },
    { id: 'ben', age: 9, relationship: 'child' },
  ],
  services: [
    { member: 'ana', service: 'primary_care_visit', count: 3 },
    { member: 'ben', service: 'urgent_care_visit', allowed: '180.00' },
  ],
  employer_contribution: { percent: '72' },
};

// @ts-expect-error an enrollment type the engine does not know
const wrongEnrollment: Scenario = { plan: 'x', enrollment: 'family', members: [] };
void wrongEnrollment;

async function priceIt(): Promise<string> {
  await typed.ready;
  const year: EstimateResult = await typed.estimate(family);
  const first = year.lines[0];
  const ranked: Comparison = await typed.compare(family);
  const best = ranked.options.find((o) => o.cheapest);
  // @ts-expect-error a compared option's estimate carries no lines
  void best?.estimate?.lines;
  const perPerson = year.members.map((m) => `${m.id}: ${m.member_pays}`).join(', ');
  return `${year.plan_name}: ${year.total_annual_cost} (${perPerson}); first line ${first?.service}; cheapest ${ranked.cheapest ?? 'none'}`;
}

void priceIt();
// @ts-expect-error estimate takes a scenario object
void typed.estimate('kp-co-fehb-2022-standard');
console.log(typed.summaryText(), typed.result?.family_out_of_pocket?.met);
