// The agent presenting the estimate (broker-* attributes and the broker-logo slot): on screen
// at the top of the element and at the head of the printed proposal; with "Send to my agent",
// which asks first and then hands the estimate to the host page as an `estimate-share` event.
import { html, nothing } from 'lit';

export function brokerView(vm) {
  const { w, broker } = vm;
  if (!broker) return nothing;
  const t = w.t.broker;
  const tel = broker.phone.replace(/[^\d+]/g, '');
  return html`<section class="ce-broker" part="broker" aria-labelledby=${vm.id('broker-h')} data-broker>
    <div class="ce-broker-who">
      <slot name="broker-logo" class="ce-broker-logo"></slot>
      <div>
        <h2 class="ce-broker-name" id=${vm.id('broker-h')}>
          <span class="ce-broker-role">${t.presentedBy}</span> ${broker.name || broker.email}
        </h2>
        <p class="ce-broker-contact">
          ${broker.id ? html`<span data-broker-id>${/^[A-Za-z]/.test(broker.id) ? broker.id : t.licence(broker.id)}</span>` : nothing}
          ${broker.phone ? html`<a href=${`tel:${tel}`} data-broker-phone>${broker.phone}</a>` : nothing}
          ${broker.email ? html`<a href=${`mailto:${broker.email}`} data-broker-email>${broker.email}</a>` : nothing}
        </p>
      </div>
    </div>
    ${shareView(vm)}
  </section>`;
}

function shareView(vm) {
  const { w, broker, state } = vm;
  const t = w.t.broker;
  if (!state.answer.result || !(broker.name || broker.email)) return nothing;
  const who = broker.name || broker.email;
  if (vm.share === 'confirming') {
    return html`<div class="ce-share" role="group" aria-labelledby=${vm.id('share-q')} data-share-confirm>
      <p id=${vm.id('share-q')}><strong>${t.confirmQuestion(who)}</strong></p>
      <p class="ce-hint">${t.confirmWhat}</p>
      <div class="ce-actions">
        <button type="button" class="ce-button" data-share="confirm" @click=${() => vm.on.share('confirm')}>${t.confirm(who)}</button>
        <button type="button" class="ce-button is-quiet" data-share="cancel" @click=${() => vm.on.share('cancel')}>${t.cancel}</button>
      </div>
    </div>`;
  }
  return html`<div class="ce-share">
    <button type="button" class="ce-button is-quiet is-small" data-share="open" aria-describedby=${vm.id('share-note')} @click=${() => vm.on.share('open')}>${t.send}</button>
    <span class="ce-hint" id=${vm.id('share-note')} role="status" tabindex="-1" data-share-status>${vm.share === 'sent' ? t.sent(who, vm.sharedAt, broker.phone) : t.nothingSent}</span>
  </div>`;
}
