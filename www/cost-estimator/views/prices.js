// The prices the estimate uses: for each service someone uses, the typical allowed amount (each,
// a day, or per 30 days' supply), marked illustrative where no public source gives it, and a
// field to put in one's own.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { lineClaims } from '../state/scenario.js';
import { claimsRange } from './care.js';
import { fieldError } from './fields.js';

const KIND = { visit: 'allowed', admission: 'per_day', fill: 'per_30_days_supply' };

export function pricesView(vm) {
  const { w, state } = vm;
  const t = w.t.prices;
  const used = [...new Set(state.care.filter((u) => !vm.plan || vm.benefit(u.service)).map((u) => u.service))];
  const order = vm.groups.flatMap((g) => g.services.map((s) => s.id));
  used.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const open = Boolean(state.open.prices);
  return html`<details class="ce-card ce-prices" data-panel="prices" ?open=${open} @toggle=${(e) => vm.on.toggle('prices', e.target.open)}>
    <summary><h2 class="ce-h2">${t.heading}</h2> <span class="ce-hint">${t.summary(used.length)}</span></summary>
    ${open
      ? html`<p class="ce-hint">${t.intro}</p>
          ${used.length ? html`<div class="ce-price-list">${used.map((id) => priceRow(vm, id))}</div>` : html`<p>${t.none}</p>`}`
      : nothing}
  </details>`;
}

function priceRow(vm, service) {
  const { w, state } = vm;
  const t = w.t.prices;
  const unit = vm.services.get(service)?.unit ?? 'visit';
  const kind = KIND[unit];
  const typical = vm.typicalPrices[service];
  const own = state.prices[service];
  const key = `price:${service}`;
  const id = vm.id('price', service);
  const error = vm.error(key);
  const shown = own ?? typical?.[kind] ?? '';
  // Lines that keep a typical year's claims are priced by them, not by this field.
  const kept = state.care.filter((u) => u.service === service).flatMap((u) => lineClaims(u) ?? []);
  return html`<div class="ce-price" data-price=${service}>
    <div class="ce-field is-inline" data-field=${key}>
      <label for=${id}>${vm.serviceName(service)}</label>
      <span class="ce-unit">$</span>
      <input id=${id} class="ce-input is-money" type="text" inputmode="decimal" autocomplete="off" data-key=${key} .value=${live(shown)}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${`${id}-m${error ? ` ${id}-err` : ''}`}
        @input=${(e) => vm.on.setPrice(service, e.target.value)} />
      <span class="ce-unit">${t.unit[kind]}</span>
      ${fieldError(vm, key, `${id}-err`, 'price')}
    </div>
    <p class="ce-hint" id=${`${id}-m`}>
      ${own != null
        ? html`${t.yours} ${typical ? t.typicalWas(w.money(typical[kind]), t.unit[kind]) : nothing}
            <button type="button" class="ce-button is-small is-quiet" @click=${() => vm.on.resetPrice(service)}>${t.reset}</button>`
        : typical?.illustrative
          ? html`<span class="ce-badge is-illustrative">${t.illustrative}</span> ${t.illustrativeNote}`
          : typical?.source ?? nothing}
      ${kept.length ? html`<span class="ce-claims-kept" data-claims-kept=${service}>${t.claimsKept(claimsRange(vm, kept))}</span>` : nothing}
    </p>
  </div>`;
}

