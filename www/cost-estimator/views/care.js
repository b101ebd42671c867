// One person's care: the services of the plan in the vocabulary's groups, each a number of
// visits or stays; and drugs as people think of them: what kind, how often, where, turned into
// fills and days' supply and said in words ("12 fills of 30 days").
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { claimsFor, claimsPrice } from '../state/claims.js';
import { drugFills, drugMonths, monthOf, outOfNetworkTier, own, typedWhole } from '../state/scenario.js';
import { english, fieldError } from './fields.js';

/** The groups of a person's care (each a disclosure, closed until opened). */
export function careView(vm, person) {
  return html`<div class="ce-groups">${vm.groups.map((g) => groupView(vm, person, g))}</div>`;
}

function groupView(vm, person, group) {
  const { w, state } = vm;
  const key = `${person.key}:${group.id}`;
  const open = Boolean(state.open[key]);
  const chosen = group.id === 'rx' ? state.care.filter((u) => u.person === person.key && u.often).length : 0;
  const count = chosen + group.services.filter((s) => s.unit !== 'fill' && countOf(vm, person.key, s.id) > 0).length;
  return html`
    <details class="ce-group" data-group=${key} ?open=${open} @toggle=${(e) => vm.on.toggle(key, e.target.open)}>
      <summary>
        <span>${w.text(group.label)}</span>
        ${count ? html`<span class="ce-chosen">${w.t.care.chosen(count)}</span>` : nothing}
      </summary>
      ${open
        ? html`<div class="ce-group-body">
            ${group.id === 'rx' ? drugsView(vm, person, group) : nothing}
            ${group.services.filter((s) => s.unit !== 'fill').map((s) => serviceRow(vm, person, s))}
          </div>`
        : nothing}
    </details>
  `;
}

function useOf(vm, person, service) {
  return vm.state.care.find((u) => u.person === person && u.service === service && !u.often);
}

function countOf(vm, person, service) {
  const n = typedWhole(useOf(vm, person, service)?.count ?? '');
  return typeof n === 'number' ? n : 0;
}

/** A visit or a stay: how many, and what else it needs (days, admitted, out of network). */
function serviceRow(vm, person, service) {
  const { w } = vm;
  const t = w.t.care;
  const benefit = vm.benefit(service.id);
  const use = useOf(vm, person.key, service.id);
  const rowId = vm.id('svc', person.key, service.id);
  const countKey = use ? `count:${use.key}` : `count:new:${person.key}:${service.id}`;
  const countId = `${rowId}-n`;
  const error = use ? vm.error(countKey) : null;
  const unitWord = service.unit === 'admission' ? t.stays : t.times;
  const notCovered = benefit && benefit.covered === false;
  const claims = use ? claimsFor(use, typedWhole(use.count)) : null;
  return html`
    <div class="ce-service ${use ? 'is-chosen' : ''}" data-row=${`${person.key}:${service.id}`}>
      <div class="ce-service-text">
        <span class="ce-service-label" id=${`${rowId}-l`}>${w.text(service.label)}</span>
        ${benefit
          ? html`<span class="ce-hint" id=${`${rowId}-s`}>${notCovered ? t.notCovered : nothing} ${english(vm, benefit.summary)}</span>`
          : nothing}
      </div>
      <div class="ce-service-fields">
        <div class="ce-field is-inline" data-field=${countKey}>
          <input
            id=${countId}
            class="ce-input is-count"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            data-key=${`count:${person.key}:${service.id}`}
            .value=${live(use?.count ?? '')}
            placeholder="0"
            aria-labelledby=${`${rowId}-l ${countId}-u`}
            aria-describedby=${[benefit ? `${rowId}-s` : '', claims ? `${countId}-c` : '', error ? `${countId}-err` : ''].filter(Boolean).join(' ') || nothing}
            aria-invalid=${error ? 'true' : 'false'}
            @input=${(e) => vm.on.setCount(person.key, service.id, e.target.value, service.unit)}
          />
          <span class="ce-unit" id=${`${countId}-u`}>${unitWord}</span>
          ${claims ? html`<span class="ce-hint ce-claims" id=${`${countId}-c`} data-claims=${use.key}>${claimsWords(vm, claims)}</span>` : nothing}
          ${use ? fieldError(vm, countKey, `${countId}-err`, 'count') : nothing}
        </div>
        ${use ? moreFields(vm, use, service, benefit, rowId) : nothing}
      </div>
    </div>
  `;
}

function moreFields(vm, use, service, benefit, rowId) {
  const { w } = vm;
  const t = w.t.care;
  const parts = [monthField(vm, use, `${rowId}-m`, false)];
  if (service.unit === 'admission') {
    const key = `days:${use.key}`;
    const id = `${rowId}-d`;
    parts.push(html`<div class="ce-field is-inline" data-field=${key}>
      <label for=${id}>${t.days}</label>
      <input id=${id} class="ce-input is-count" type="text" inputmode="numeric" autocomplete="off" data-key=${key} .value=${live(use.days)}
        aria-invalid=${vm.error(key) ? 'true' : 'false'} aria-describedby=${vm.error(key) ? `${id}-err` : nothing}
        @input=${(e) => vm.on.setUseField(use.key, 'days', e.target.value)} />
      ${fieldError(vm, key, `${id}-err`, 'days')}
    </div>`);
  }
  if (benefit?.waived_if_admitted) {
    const id = `${rowId}-a`;
    parts.push(html`<div class="ce-field is-check">
      <input id=${id} type="checkbox" data-key=${`admitted:${use.key}`} .checked=${live(use.admitted)} @change=${(e) => vm.on.setUseField(use.key, 'admitted', e.target.checked)} />
      <label for=${id}>${t.admitted}</label>
    </div>`);
  }
  const tier = outOfNetworkTier(benefit);
  if (tier) {
    const id = `${rowId}-o`;
    parts.push(html`<div class="ce-field is-check">
      <input id=${id} type="checkbox" data-key=${`oon:${use.key}`} .checked=${live(use.oon)} @change=${(e) => vm.on.setUseField(use.key, 'oon', e.target.checked)} />
      <label for=${id}>${t.outOfNetwork}</label>
      ${tier.sample ? html`<span class="ce-badge is-sample">${w.t.plan.sampleBadge}</span>` : nothing}
    </div>`);
    if (use.oon) {
      const key = `billed:${use.key}`;
      const bid = `${rowId}-b`;
      parts.push(html`<div class="ce-field is-inline" data-field=${key}>
        <label for=${bid}>${t.billed}</label>
        <input id=${bid} class="ce-input is-money" type="text" inputmode="decimal" autocomplete="off" data-key=${key} .value=${live(use.billed)}
          aria-invalid=${vm.error(key) ? 'true' : 'false'} aria-describedby=${vm.error(key) ? `${bid}-err` : nothing}
          @input=${(e) => vm.on.setUseField(use.key, 'billed', e.target.value)} />
        ${fieldError(vm, key, `${bid}-err`, 'billed')}
      </div>`);
    }
  }
  return parts;
}

// ---- drugs -----------------------------------------------------------------------------------

function drugsView(vm, person, group) {
  const { w, state } = vm;
  const t = w.t.drugs;
  const tiers = group.services.filter((s) => s.unit === 'fill' && vm.benefit(s.id));
  const drugs = state.care.filter((u) => u.person === person.key && u.often);
  return html`<div class="ce-drugs">
    <p class="ce-hint">${t.intro}</p>
    ${repeat(
      drugs,
      (u) => u.key,
      (u, i) => drugView(vm, person, u, i, tiers),
    )}
    <button type="button" class="ce-button is-small" data-add-drug=${person.key} @click=${() => vm.on.addDrug(person.key)}>${drugs.length ? t.addAnother : t.add}</button>
  </div>`;
}

function drugView(vm, person, use, i, tiers) {
  const { w } = vm;
  const t = w.t.drugs;
  const id = vm.id('drug', use.key);
  const service = vm.services.get(use.service);
  const benefit = vm.benefit(use.service);
  const channels = vm.channels;
  const fills = drugFills(use);
  // Starting later in the year: the fills from that month on (what the scenario sends).
  const started = monthOf(use.month) ? drugMonths(use.often, fills.count, monthOf(use.month)) : null;
  if (started) fills.count = started.length;
  const claims = claimsFor(use, fills.count, started);
  const countKey = `count:${use.key}`;
  const supplyKey = `supply:${use.key}`;
  const oftenKey = `often:${use.key}`;
  const channelKey = `channel:${use.key}`;
  return html`<fieldset class="ce-drug" data-use=${use.key} data-service=${use.service}>
    <legend>${t.legend(i + 1)}</legend>
    <div class="ce-field ce-drug-kind">
      <label for=${`${id}-k`}>${t.kind}</label>
      <select id=${`${id}-k`} class="ce-input" data-key=${`service:${use.key}`} aria-describedby=${`${id}-x`} @change=${(e) => vm.on.setUseField(use.key, 'service', e.target.value)}>
        ${tiers.map((s) => html`<option value=${s.id} ?selected=${s.id === use.service}>${w.text(s.label)}</option>`)}
      </select>
      <span class="ce-hint" id=${`${id}-x`}>${service?.examples ? html`${w.text(service.examples)}.<br />` : nothing}${benefit ? english(vm, benefit.summary) : nothing}</span>
    </div>
    <div class="ce-field">
      <label for=${`${id}-f`}>${t.often}</label>
      <select id=${`${id}-f`} class="ce-input" data-key=${oftenKey} aria-invalid=${vm.error(oftenKey) ? 'true' : 'false'}
        aria-describedby=${vm.error(oftenKey) ? `${id}-f-err` : nothing} @change=${(e) => vm.on.setUseField(use.key, 'often', e.target.value)}>
        ${Object.entries(t.oftens).map(([value, label]) => html`<option value=${value} ?selected=${value === use.often}>${label}</option>`)}
      </select>
      ${fieldError(vm, oftenKey, `${id}-f-err`, 'often')}
    </div>
    ${channels.length > 1
      ? html`<div class="ce-field">
          <label for=${`${id}-w`}>${t.where}</label>
          <select id=${`${id}-w`} class="ce-input" data-key=${channelKey} aria-invalid=${vm.error(channelKey) ? 'true' : 'false'}
            aria-describedby=${vm.error(channelKey) ? `${id}-w-err` : nothing} @change=${(e) => vm.on.setUseField(use.key, 'channel', e.target.value)}>
            ${channels.map((c) => html`<option value=${c} ?selected=${c === (use.channel || 'retail')}>${t.places[c]}</option>`)}
          </select>
          ${fieldError(vm, channelKey, `${id}-w-err`, 'channel')}
        </div>`
      : nothing}
    ${use.often === 'custom'
      ? html`<div class="ce-field is-inline" data-field=${countKey}>
            <label for=${`${id}-n`}>${t.fills}</label>
            <input id=${`${id}-n`} class="ce-input is-count" type="text" inputmode="numeric" data-key=${countKey} .value=${live(use.count)}
              aria-invalid=${vm.error(countKey) ? 'true' : 'false'} aria-describedby=${vm.error(countKey) ? `${id}-n-err` : nothing}
              @input=${(e) => vm.on.setUseField(use.key, 'count', e.target.value)} />
            ${fieldError(vm, countKey, `${id}-n-err`, 'count')}
          </div>
          <div class="ce-field is-inline" data-field=${supplyKey}>
            <label for=${`${id}-s`}>${t.supply}</label>
            <input id=${`${id}-s`} class="ce-input is-count" type="text" inputmode="numeric" data-key=${supplyKey} .value=${live(use.supply ?? '')}
              aria-invalid=${vm.error(supplyKey) ? 'true' : 'false'} aria-describedby=${vm.error(supplyKey) ? `${id}-s-err` : nothing}
              @input=${(e) => vm.on.setUseField(use.key, 'supply', e.target.value)} />
            ${fieldError(vm, supplyKey, `${id}-s-err`, 'supply')}
          </div>`
      : nothing}
    ${monthField(vm, use, `${id}-m`, true)}
    <p class="ce-drug-words" data-fills=${use.key}>${typeof fills.count === 'number' && typeof fills.supply === 'number' ? t.inWords(fills.count, fills.supply, own(t.channels, use.channel || 'retail') ?? '') : nothing}</p>
    ${claims ? html`<p class="ce-hint ce-claims" data-claims=${use.key}>${claimsWords(vm, claims)}</p>` : nothing}
    <div class="ce-drug-actions">
      <button type="button" class="ce-button is-small is-quiet" data-add-like=${use.key} @click=${() => vm.on.addDrugLike(use.key)}
        >${t.addLike}<span class="ce-sr"> (${t.legend(i + 1)})</span></button
      >
      <button type="button" class="ce-button is-small is-quiet" data-remove-use=${use.key} @click=${() => vm.on.removeUse(use.key)}>${t.remove(i + 1)}</button>
    </div>
  </fieldset>`;
}

/** The lowest and highest amount of some claims: "$23.94–$23.95", or one amount. */
export function claimsRange(vm, claims) {
  const { low, high } = claimsPrice(claims);
  return low === high ? vm.w.money(low) : `${vm.w.money(low)}–${vm.w.money(high)}`;
}

/** A line's claims in words: "$23.94–$23.95 each, $526.75 in all"; one claim: "$4,471.44 allowed". */
function claimsWords(vm, claims) {
  const { total } = claimsPrice(claims);
  if (claims.length === 1 && claims[0].count === 1) return vm.w.t.care.claim(vm.w.money(total));
  return vm.w.t.care.claims(claimsRange(vm, claims), vm.w.money(total));
}

/** When a use happens (rule 1): a visit's month, or the month a drug starts; none = spread over
 * the year. */
function monthField(vm, use, id, drug) {
  const t = vm.w.t.months;
  const key = `month:${use.key}`;
  const names = t.names;
  return html`<div class="ce-field is-inline ce-when" data-field=${key}>
    <label for=${id}>${drug ? t.starts : t.when}</label>
    <select id=${id} class="ce-input" data-key=${key} aria-invalid=${vm.error(key) ? 'true' : 'false'}
      aria-describedby=${vm.error(key) ? `${id}-err` : nothing} @change=${(e) => vm.on.setUseField(use.key, 'month', e.target.value)}>
      <option value="" ?selected=${!use.month}>${drug ? t.allYear : t.through}</option>
      ${names.map((name, i) => (drug && i === 0 ? nothing : html`<option value=${String(i + 1)} ?selected=${use.month === String(i + 1)}>${drug ? name : t.inMonth(name)}</option>`))}
    </select>
    ${fieldError(vm, key, `${id}-err`, 'month')}
  </div>`;
}

/** A person's care in a few words, for the summary of their care disclosure. */
export function careSummary(vm, personKey) {
  const { w, state } = vm;
  const t = w.t.care;
  let visits = 0;
  let stays = 0;
  let fills = 0;
  for (const u of state.care) {
    if (u.person !== personKey || (vm.plan && !vm.benefit(u.service))) continue;
    if (u.often) {
      const f = drugFills(u).count;
      if (typeof f === 'number') fills += f;
      continue;
    }
    const n = typedWhole(u.count);
    if (typeof n !== 'number') continue;
    if (vm.services.get(u.service)?.unit === 'admission') stays += n;
    else visits += n;
  }
  return t.summary(visits, stays, fills);
}
