// The agent presenting the estimate (broker-* attributes and the broker-logo slot): on screen
// at the top of the element and at the head of the printed proposal; and "Send to my agent",
// drawn with the answer's actions, which asks first and then hands the estimate to the host
// page as an `estimate-share` event.
import { html, nothing } from 'lit';
import { isolated } from './fields.js';

export function brokerView(vm) {
  const { w, broker } = vm;
  if (!broker) return nothing;
  const t = w.t.broker;
  // Every attribute is shown isolated (<bdi>) and linked only as what it is (broker.js).
  const phone = html`<bdi>${broker.phone}</bdi>${broker.dialed ? html` (<bdi>${broker.dialed}</bdi>)` : nothing}`;
  return html`<section class="ce-broker" part="broker" aria-labelledby=${vm.id('broker-h')} data-broker>
    <div class="ce-broker-who">
      <slot name="broker-logo" class="ce-broker-logo"></slot>
      <div>
        <h2 class="ce-broker-name" id=${vm.id('broker-h')}>
          <span class="ce-broker-role">${t.presentedBy}</span> <bdi>${broker.name || broker.email}</bdi>
        </h2>
        <p class="ce-broker-contact">
          ${broker.id ? html`<span data-broker-id>${/^[A-Za-z]/.test(broker.id) ? html`<bdi>${broker.id}</bdi>` : isolated(t.licence, broker.id)}</span>` : nothing}
          ${broker.phone ? (broker.tel ? html`<a href=${broker.tel} data-broker-phone>${phone}</a>` : html`<span data-broker-phone>${phone}</span>`) : nothing}
          ${broker.email ? (broker.mailto ? html`<a href=${broker.mailto} data-broker-email><bdi>${broker.email}</bdi></a>` : html`<span data-broker-email><bdi>${broker.email}</bdi></span>`) : nothing}
        </p>
      </div>
    </div>
  </section>`;
}

/** "Send to my agent": with the answer's actions (views/answer.js), so that on a phone it is
 * beside the figures it sends, not three screens above them at the agent's name. */
export function shareView(vm) {
  const { w, broker, state } = vm;
  const t = w.t.broker;
  if (!broker || !state.answer.result || !(broker.name || broker.email)) return nothing;
  const who = broker.name || broker.email;
  if (vm.share === 'confirming') {
    return html`<div class="ce-share" role="group" aria-labelledby=${vm.id('share-q')} data-share-confirm>
      <p id=${vm.id('share-q')}><strong>${isolated(t.confirmQuestion, who)}</strong></p>
      <p class="ce-hint">${t.confirmWhat}</p>
      <div class="ce-actions">
        <button type="button" class="ce-button" data-share="confirm" @click=${() => vm.on.share('confirm')}>${isolated(t.confirm, who)}</button>
        <button type="button" class="ce-button is-quiet" data-share="cancel" @click=${() => vm.on.share('cancel')}>${t.cancel}</button>
      </div>
    </div>`;
  }
  return html`<div class="ce-share">
    <button type="button" class="ce-button is-quiet is-small" data-share="open" aria-describedby=${vm.id('share-note')} @click=${() => vm.on.share('open')}>${t.send}</button>
    <span class="ce-hint" id=${vm.id('share-note')} role="status" tabindex="-1" data-share-status>${vm.share === 'sent' ? isolated(t.sent, who, vm.sharedAt, broker.phone) : t.nothingSent}</span>
  </div>`;
}
