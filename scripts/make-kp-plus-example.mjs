#!/usr/bin/env node
// Writes data/plans/kp-plus-example-co-2022-standard.json: a KP Plus example built on the KP
// Colorado 2022 Standard Option. The KP Plus document (docs/sources/000_…) gives the
// out-of-network limits (10 visits or services, 5 fills a year) and says providers may bill
// above the maximum allowable charge, but no dollar figures; so the out-of-network cost shares
// here are SAMPLE values for a broker to replace, flagged as such in the data and on the page.
//
//   node scripts/make-kp-plus-example.mjs          write the file
//   node scripts/make-kp-plus-example.mjs --check  exit 1 if the committed file is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const basePath = join(root, 'data/plans/kp-co-fehb-2022-standard.json');
const servicesPath = join(root, 'data/services.json');
const outPath = join(root, 'data/plans/kp-plus-example-co-2022-standard.json');
const KP_PLUS = '000_68ef6c3b3d170a51.txt';

// Sample out-of-network cost shares: plainly not from any document.
const SAMPLE_VISIT_PERCENT = '30';
const SAMPLE_FILL_PERCENT = '50';

/** `units`: service id → unit, from data/services.json (plan files take units from there). */
export function makeExample(base, units) {
  const plan = structuredClone(base);
  plan.id = 'kp-plus-example-co-2022-standard';
  plan.name = 'KP Plus example on Kaiser Permanente Colorado 2022 Standard Option (sample out-of-network figures)';
  plan.short_name = 'KP Plus example';
  plan.es = {
    name: 'Ejemplo de KP Plus sobre la Opción Estándar de Kaiser Permanente Colorado 2022 (cifras de ejemplo fuera de la red)',
    short_name: 'Ejemplo de KP Plus',
  };
  plan.program = 'KP Plus (example)';
  // An offer of its own: a KP Plus plan is an employer's choice, not one of the FEHB brochure's
  // options, so it is not ranked beside them by default.
  plan.offer = {
    id: 'kp-plus-example-co-2022',
    name: 'KP Plus example (Kaiser Permanente Colorado 2022)',
    es: 'Ejemplo de KP Plus (Kaiser Permanente Colorado 2022)',
  };
  // FEHB premium conversion (5 CFR 892) is a rule of the FEHB program, not of KP Plus: an
  // employer's own pre-tax arrangement would be its own, so the example makes no such claim.
  delete plan.premium_conversion;
  plan.sample_figures =
    'Example only: the in-network figures are the KP Colorado 2022 Standard Option. The out-of-network ' +
    `cost shares (${SAMPLE_VISIT_PERCENT}% of the maximum allowable charge for a visit or service, ` +
    `${SAMPLE_FILL_PERCENT}% for a prescription fill) are sample values for a broker to replace; the KP Plus ` +
    'document gives no dollar figures. The premiums, and the share an employer pays toward them, are the ' +
    'Standard Option FEHB figures (Your share and Gov\'t share), not KP Plus rates. ' +
    'The limits (10 out-of-network visits or services and 5 fills a year) and balance billing are KP Plus’s own.';
  plan.limits.out_of_network_visits = {
    label: 'Out-of-network visits and services',
    max: 10,
    unit: 'visits',
    source: { file: KP_PLUS, line: 31, quote: 'Each out-of-network office visit and medical service counts toward the 10-visit maximum.' },
  };
  plan.limits.out_of_network_fills = {
    label: 'Out-of-network prescription fills',
    max: 5,
    unit: 'visits',
    source: { file: KP_PLUS, line: 31, quote: 'Each prescription filled or refilled at an out-of-network pharmacy counts toward the 5-prescription maximum.' },
  };
  for (const [id, benefit] of Object.entries(plan.services)) {
    const coveredSomewhere = benefit.covered !== false;
    const emergency = benefit.out_of_network === 'in_network_cost_share';
    const unit = units[id];
    if (!unit) throw new Error(`${id}: not in data/services.json`);
    if (!coveredSomewhere || emergency || unit === 'admission') continue;
    const fill = unit === 'fill';
    benefit.out_of_network = {
      tier: {
        summary: fill
          ? `Sample: ${SAMPLE_FILL_PERCENT}% of the maximum allowable charge, up to 5 fills a year`
          : `Sample: ${SAMPLE_VISIT_PERCENT}% of the maximum allowable charge, up to 10 visits or services a year`,
        cost_share: [{ coinsurance: { percent: fill ? SAMPLE_FILL_PERCENT : SAMPLE_VISIT_PERCENT } }],
        limit: fill ? 'out_of_network_fills' : 'out_of_network_visits',
        counts_toward_oop: true,
        sample: true,
        source: fill
          ? { file: KP_PLUS, line: 17, quote: '5 prescription fills or refills per year' }
          : { file: KP_PLUS, line: 17, quote: 'Care out of network includes 10 doctor visits or other medical services' },
      },
    };
  }
  plan.assumptions = [
    {
      id: 'kp-plus-sample-figures',
      text: plan.sample_figures,
      source: { file: KP_PLUS, line: 7, quote: 'plus the option to see out-of-network providers for up to 10 physician visits or medical services and 5 prescription fills or refills per year' },
    },
    {
      id: 'kp-plus-balance-billing',
      text: 'Out of network, the member pays the cost share on the maximum allowable charge (the allowed amount) plus whatever the provider bills above it; that excess counts toward nothing. Emergencies keep their in-network cost share and are protected from balance billing.',
      source: { file: KP_PLUS, line: 23, quote: 'may bill members for any difference between their billed rate and the maximum allowable charge' },
    },
    {
      id: 'kp-plus-each-service-counts',
      text: 'Each out-of-network claim counts as one visit toward the limit of 10, so several services in one visit count several times. Claims past the limit are not covered. Hospital admissions are not part of the out-of-network benefit.',
      source: { file: KP_PLUS, line: 31, quote: 'Multiple services in the same office visit may be counted as multiple visits.' },
    },
    ...plan.assumptions.filter((a) => a.id !== 'plan-providers-only'),
  ];
  return plan;
}

const units = Object.fromEntries(JSON.parse(readFileSync(servicesPath, 'utf8')).services.map((s) => [s.id, s.unit]));
const text = JSON.stringify(makeExample(JSON.parse(readFileSync(basePath, 'utf8')), units), null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (readFileSync(outPath, 'utf8') !== text) {
    console.error(`${outPath} is stale: run node scripts/make-kp-plus-example.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(outPath, text);
  console.log(`wrote ${outPath}`);
}
