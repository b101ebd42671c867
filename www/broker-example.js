// The agent's page hands the element's estimate to its own form. The element fires
// `estimate-share` only after the visitor confirms "Send to my agent"; it never sends anything
// itself. This page has no server, so submitting shows what a real one would receive.
const form = document.getElementById('lead');
const summary = document.getElementById('lead-summary');
const status = document.getElementById('lead-status');

document.getElementById('estimator').addEventListener('estimate-share', (event) => {
  const { scenario, result, comparison, broker } = event.detail;
  const money = (s) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(s);
  const cheapest = comparison?.options.find((o) => o.cheapest);
  summary.textContent =
    `${result.plan_name}: ${money(result.total_annual_cost)} for the year for ${result.members.length} ` +
    `${result.members.length === 1 ? 'person' : 'people'}` +
    (cheapest && cheapest.plan !== result.plan ? `; the cheapest option is ${cheapest.plan_name}.` : '.');
  form.elements.namedItem('estimate').value = JSON.stringify({ scenario, result, comparison, broker });
  form.hidden = false;
  form.querySelector('input[name="name"]').focus();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const sent = JSON.parse(form.elements.namedItem('estimate').value);
  status.textContent = `This example has no server. A real page would now send ${sent.scenario.services.length} kinds of care and the estimate to ${sent.broker.name}.`;
});
