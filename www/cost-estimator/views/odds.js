// The odds, beside the ranking and never instead of it (issue #23): closed until the visitor
// opens them (only then is the national table fetched and the odds worked out, in the engine's
// worker); then, per option, how often it costs the least for people like this household, a
// typical year and a bad one, each figure the engine's; the question of sex, asked only here;
// where the figures come from and what they assume, one click away. Figures are shown only for
// the form as it is now (state.odds.revision): while a change is being worked out, none are.
import { html, nothing } from 'lit';

/** "0.62" → 62 (the engine writes chances as hundredths; no arithmetic on the figure). */
export const hundredths = (chance) => Number.parseInt(String(chance).replace('.', ''), 10);

/** The odds' switch, in the ranking's heading row (a line of its own would push the answer
 * past a 1280×800 screen): shows or hides the panel under the ranking. */
export function oddsToggle(vm) {
  const open = Boolean(vm.state.open.odds);
  return html`<button type="button" class="ce-link ce-odds-toggle" data-action="odds" aria-expanded=${open ? 'true' : 'false'} aria-controls=${vm.id('odds')} @click=${() => vm.on.toggle('odds', !open)}>
    ${vm.w.t.odds.toggle}
  </button>`;
}

/** The odds panel, under the ranking (empty and hidden while closed). */
export function oddsView(vm) {
  const { w, state } = vm;
  const t = w.t.odds;
  const open = Boolean(state.open.odds);
  const odds = state.odds;
  const current = odds.revision === state.revision;
  const shown = !open ? 'closed' : current ? odds.outcome : 'working';
  return html`<section class="ce-odds" id=${vm.id('odds')} data-panel="odds" data-odds=${shown} aria-labelledby=${vm.id('odds-h')} ?hidden=${!open}>
    ${open
      ? html`<h4 class="ce-odds-h" id=${vm.id('odds-h')}>${t.summary}</h4>
          <p class="ce-hint">${t.intro}</p>
          ${sexView(vm)}
          <div role="status" class="ce-odds-status">${statusView(vm, shown, current ? odds.progress : null)}</div>
          ${current && odds.outcome === 'ok' ? resultView(vm, odds.result) : nothing}`
      : nothing}
  </section>`;
}

/** The question of sex, for each person: asked here only, never for the estimate. */
function sexView(vm) {
  const { w, state } = vm;
  const t = w.t.odds;
  return html`<fieldset class="ce-odds-sex">
    <legend>${t.sexLegend}</legend>
    <p class="ce-hint" id=${vm.id('odds-sex-why')}>${t.sexWhy}</p>
    <div class="ce-odds-sex-list">
      ${state.people.map((p) => {
        const id = vm.id('sex', p.key);
        const value = p.sex === 'female' || p.sex === 'male' ? p.sex : '';
        return html`<div class="ce-field" data-field=${`sex:${p.key}`}>
          <label for=${id}>${vm.personName(p.key)}</label>
          <select id=${id} class="ce-input" data-key=${`sex:${p.key}`} aria-describedby=${vm.id('odds-sex-why')} @change=${(e) => vm.on.setPersonField(p.key, 'sex', e.target.value)}>
            ${Object.entries(t.sexes).map(([v, label]) => html`<option value=${v} ?selected=${value === v}>${label}</option>`)}
          </select>
        </div>`;
      })}
    </div>
  </fieldset>`;
}

function statusView(vm, shown, progress) {
  const t = vm.w.t.odds;
  if (shown === 'failed') return html`<p class="ce-notice is-error">${t.failed}</p>`;
  if (shown !== 'working') return nothing;
  return html`<p class="ce-hint">${t.working}</p>
    ${progress ? html`<progress class="ce-odds-progress" max=${progress.draws} value=${progress.done} aria-label=${t.progress(vm.w.number(progress.done), vm.w.number(progress.draws))}></progress>` : nothing}`;
}

/** Each option's odds, in the ranking's order, then where they come from. */
function resultView(vm, result) {
  const { w } = vm;
  const t = w.t.odds;
  const rank = new Map((vm.state.answer.comparison?.options ?? []).map((o, i) => [o.plan, i]));
  const options = [...result.options].sort((a, b) => (rank.get(a.plan) ?? 0) - (rank.get(b.plan) ?? 0));
  const oldest = result.assumptions.filter((a) => a.code === 'cms_oldest_group');
  return html`<ul class="ce-odds-list" data-odds-draws=${result.draws}>
      ${options.map((o) => {
        const name = vm.planNames(o.plan).short;
        if (o.error || o.p50 == null) return html`<li class="ce-odds-option" data-odds-plan=${o.plan}><p>${t.notPriced(name)}</p></li>`;
        return html`<li class="ce-odds-option" data-odds-plan=${o.plan} data-chance=${o.chance_cheapest} data-p10=${o.p10} data-p50=${o.p50} data-p90=${o.p90} data-mean=${o.mean}>
          <p>${t.line(name, hundredths(o.chance_cheapest), w.money(o.p50), w.money(o.p90))}</p>
          <p class="ce-hint">${t.more(w.money(o.p10), w.money(o.mean))}</p>
        </li>`;
      })}
    </ul>
    ${oldest.map((a) => html`<p class="ce-notice" data-odds-oldest=${a.member}>${t.oldest(vm.personName(a.member))}</p>`)}
    <details class="ce-odds-about" data-panel="odds-about" ?open=${Boolean(vm.state.open['odds-about'])} @toggle=${(e) => vm.on.toggle('odds-about', e.target.open)}>
      <summary>${t.aboutSummary}</summary>
      ${aboutView(vm, result)}
    </details>`;
}

/** The source and the assumptions, as a list (the proposal prints the same). */
export function aboutView(vm, result) {
  const { w } = vm;
  const t = w.t.odds;
  const factor = result.assumptions.find((a) => a.code === 'price_factor');
  return html`<ul class="ce-odds-notes">
    <li>${t.source}</li>
    <li>${t.method(w.number(result.draws), result.sampled)}</li>
    <li>${t.added}</li>
    <li>${t.typical}</li>
    <li>${factor ? t.priceFactor(factor.factor) : t.noFactor}</li>
  </ul>`;
}
