// The page: loads the engine (WebAssembly), the plan catalog and typical prices, and shows one
// example estimate. All arithmetic happens in the engine; this file only formats its decimal
// strings for display.
import init, { Engine } from './pkg/costshare.js';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Formats a decimal string ("1234.50") as money without converting it to a float first. */
function formatMoney(decimal) {
  return usd.format(decimal); // Intl.NumberFormat reads a string as an exact decimal
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status} ${response.statusText}`);
  return response.text();
}

async function loadEngine() {
  const catalogUrl = new URL('data/catalog.json', document.baseURI);
  const [, catalogText] = await Promise.all([init(), fetchText(catalogUrl)]);
  const catalog = JSON.parse(catalogText);
  const [pricesText, ...planTexts] = await Promise.all([
    fetchText(new URL(catalog.prices, catalogUrl)),
    ...catalog.plans.map((p) => fetchText(new URL(p.file, catalogUrl))),
  ]);
  const engine = new Engine();
  engine.setPrices(pricesText);
  catalog.plans.forEach((p, i) => engine.addPlan(`data/${p.file}`, planTexts[i]));
  return engine;
}

function cell(tag, text, className) {
  const el = document.createElement(tag);
  el.textContent = text;
  if (className) el.className = className;
  return el;
}

function showEstimate(plan, result) {
  const labels = plan?.services ?? {};
  document.getElementById('plan-name').textContent = plan?.name ?? result.plan ?? '';
  const tbody = document.querySelector('#lines tbody');
  tbody.replaceChildren(
    ...result.lines.map((line) => {
      const row = document.createElement('tr');
      const service = cell('th', labels[line.service]?.label ?? line.service);
      service.scope = 'row';
      if (line.note) service.append(cell('span', line.note, 'note'));
      row.append(
        service,
        cell('td', formatMoney(line.allowed), 'money'),
        cell('td', formatMoney(line.member_pays), 'money'),
        cell('td', formatMoney(line.plan_pays), 'money'),
      );
      return row;
    }),
  );
  const amounts = {
    'member-pays-total': result.member_pays_total,
    'premium-annual': result.premium_annual,
    total: result.total_annual_cost,
  };
  for (const [id, amount] of Object.entries(amounts)) {
    const el = document.getElementById(id);
    el.textContent = formatMoney(amount);
    el.dataset.amount = amount; // the engine's exact decimal, for tests and integrators
  }
  document.getElementById('estimate').hidden = false;
}

async function main() {
  const status = document.getElementById('status');
  try {
    const [engine, demo] = await Promise.all([
      loadEngine(),
      fetchText(new URL('demo-scenario.json', document.baseURI)).then(JSON.parse),
    ]);
    const { scenario, description } = demo;
    const result = engine.estimate(scenario);
    const plan = engine.plans().find((p) => p.id === scenario.plan);
    showEstimate(plan, result);
    status.textContent = description;
  } catch (error) {
    status.setAttribute('role', 'alert');
    status.classList.add('error');
    status.textContent = `The estimate could not be made: ${error.message}`;
    throw error;
  }
}

main();
