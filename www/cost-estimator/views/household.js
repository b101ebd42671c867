// The people covered, named by their role (You, Spouse, Child 1 …), each with an age (and a
// Medicare status where the plan asks), a typical year to start from, and their care.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { MAX_PEOPLE } from '../state/limits.js';
import { careView, careSummary } from './care.js';
import { fieldError } from './fields.js';

export function householdView(vm) {
  const { w, state } = vm;
  const t = w.t.people;
  const hasSpouse = state.people.some((p) => p.role === 'spouse');
  const full = state.people.length >= MAX_PEOPLE;
  return html`
    <section class="ce-card ce-household">
      <h2 class="ce-h2" id=${vm.id('people-h')}>${t.heading}</h2>
      <p class="ce-hint">${vm.medicarePlan ? t.introMedicare : t.intro}</p>
      ${w.lang === 'en' ? nothing : html`<p class="ce-hint" data-plan-words-english>${t.planWordsEnglish}</p>`}
      ${repeat(
        state.people,
        (p) => p.key,
        (p) => personView(vm, p),
      )}
      <div class="ce-add-people">
        ${hasSpouse || full ? nothing : html`<button type="button" class="ce-button is-quiet" data-add="spouse" @click=${() => vm.on.addPerson('spouse')}>${t.addSpouse}</button>`}
        ${full ? html`<p class="ce-hint">${t.full(MAX_PEOPLE)}</p>` : html`<button type="button" class="ce-button is-quiet" data-add="child" @click=${() => vm.on.addPerson('child')}>${t.addChild}</button>`}
        <a class="ce-skip" href="#answer" data-back @click=${vm.on.skipToAnswer}>${w.t.backToAnswer}</a>
      </div>
      ${quickStartView(vm)}
    </section>
  `;
}

function personView(vm, p) {
  const { w, state } = vm;
  const t = w.t.people;
  const name = vm.personName(p.key);
  const ageKey = `age:${p.key}`;
  const ageId = vm.id('age', p.key);
  const ageError = vm.error(ageKey);
  const medKey = `medicare:${p.key}`;
  const medId = vm.id('medicare', p.key);
  const medError = vm.error(medKey);
  const careOpen = Boolean(state.open[`${p.key}:care`]);
  const summary = careSummary(vm, p.key);
  return html`
    <fieldset class="ce-person" data-person=${p.key}>
      <legend class="ce-person-name">${name}</legend>
      <div class="ce-person-fields">
        <div class="ce-field" data-field=${ageKey}>
          <label for=${ageId}>${t.age}</label>
          <input
            id=${ageId}
            class="ce-input is-short"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            data-key=${ageKey}
            .value=${live(p.age)}
            aria-invalid=${ageError ? 'true' : 'false'}
            aria-describedby=${ageError ? `${ageId}-err` : nothing}
            @input=${(e) => vm.on.setPersonField(p.key, 'age', e.target.value)}
            @blur=${() => vm.on.touch(ageKey)}
          />
          <span class="ce-unit">${t.years}</span>
        </div>
        ${vm.medicarePlan
          ? html`<div class="ce-field" data-field=${medKey}>
              <label for=${medId}>${t.medicare}</label>
              <select
                id=${medId}
                class="ce-input"
                data-key=${medKey}
                .value=${live(p.medicare)}
                aria-invalid=${medError ? 'true' : 'false'}
                aria-describedby=${medError ? `${medId}-err` : nothing}
                @change=${(e) => vm.on.setPersonField(p.key, 'medicare', e.target.value)}
              >
                ${Object.entries(t.medicares).map(([value, label]) => html`<option value=${value} ?selected=${p.medicare === value}>${label}</option>`)}
              </select>
            </div>`
          : nothing}
        ${presetPicker(vm, p)}
        ${p.role === 'you'
          ? nothing
          : html`<button type="button" class="ce-button is-small is-quiet ce-remove" data-remove=${p.key} @click=${() => vm.on.removePerson(p.key)}>
              ${t.remove(name)}
            </button>`}
        ${fieldError(vm, ageKey, `${ageId}-err`, 'age')} ${vm.medicarePlan ? fieldError(vm, medKey, `${medId}-err`, 'medicare') : nothing}
      </div>
      ${presetList(vm, p)} ${medicareNotice(vm, p)}
      <details class="ce-care" ?open=${careOpen} @toggle=${(e) => vm.on.toggle(`${p.key}:care`, e.target.open)}>
        <summary>
          <span class="ce-care-title">${t.care(name)}</span>
          <span class="ce-care-summary" data-summary=${p.key}>${summary}</span>
        </summary>
        ${careOpen ? careView(vm, p) : nothing}
      </details>
    </fieldset>
  `;
}

/** Said when a person's age makes a Medicare Advantage plan unlikely (the view model's words). */
function medicareNotice(vm, p) {
  const text = vm.medicareWarning(p);
  return text ? html`<p class="ce-notice" data-medicare-warning=${p.key}>${text}</p>` : nothing;
}

/** "Start from a typical year": a button that opens the list of years, each a button that
 * replaces this person's care. Not a <select>: its arrow keys would apply the first year they
 * reached, so a keyboard or screen-reader user could never get past it to "Having a baby". */
function presetPicker(vm, p) {
  const { w, state } = vm;
  if (!vm.presets.length) return nothing;
  const id = vm.id('preset', p.key);
  const open = state.ui.presets === p.key;
  return html`<div class="ce-field ce-preset">
    <button type="button" class="ce-button is-quiet ce-preset-toggle" data-key=${`preset:${p.key}`} aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${open ? `${id}-list` : nothing} @click=${() => vm.on.presetList(p.key, !open)}>
      ${w.t.people.preset}<span class="ce-caret" aria-hidden="true">${open ? '▴' : '▾'}</span>
    </button>
  </div>`;
}

/** The typical years of one person, open under their fields. */
function presetList(vm, p) {
  const { w, state } = vm;
  const t = w.t.people;
  if (state.ui.presets !== p.key || !vm.presets.length) return nothing;
  const id = vm.id('preset', p.key);
  const years = vm.presetsFor(p.key);
  return html`<div class="ce-preset-list" id=${`${id}-list`} role="group" aria-labelledby=${`${id}-h`} data-presets=${p.key}
    @keydown=${(e) => e.key === 'Escape' && vm.on.presetList(p.key, false)}>
    <p class="ce-hint" id=${`${id}-h`}>${t.presetHint}</p>
    ${years.some((y) => y.needsAge) ? html`<p class="ce-hint" data-preset-needs-age>${t.presetNeedsAge}</p>` : nothing}
    ${years.some((y) => y.oldest) ? html`<p class="ce-hint" data-preset-oldest>${t.presetOldest}</p>` : nothing}
    <ul>
      ${years.map(
        ({ id: presetId, label, illustrative, total, needsAge }) => html`<li>
          <button type="button" class="ce-button is-small is-quiet" data-preset=${presetId} ?disabled=${needsAge} @click=${() => vm.on.applyPreset(p.key, presetId)}>
            ${label}${illustrative ? html` <span class="ce-hint">(${t.illustrative})</span>` : nothing}${total ? html` <span class="ce-hint">· ${t.presetTotal(w.money(total))}</span>` : nothing}
          </button>
        </li>`,
      )}
    </ul>
  </div>`;
}

/** A whole-household example, only after a clear choice when there is something to replace. */
function quickStartView(vm) {
  const { w, state } = vm;
  const t = w.t.people;
  const empty = state.people.length === 1 && state.care.length === 0;
  if (vm.confirmExample) {
    return html`<div class="ce-confirm" role="group" aria-labelledby=${vm.id('confirm-q')}>
      <p id=${vm.id('confirm-q')}>${t.exampleConfirm}</p>
      <button type="button" class="ce-button" data-confirm="replace" @click=${() => vm.on.example(true)}>${t.exampleReplace}</button>
      <button type="button" class="ce-button is-quiet" data-confirm="cancel" @click=${() => vm.on.exampleCancel()}>${t.exampleKeep}</button>
    </div>`;
  }
  return html`<p class="ce-quick">
    <span class="ce-hint">${empty ? t.exampleIntro : t.exampleIntroReplace}</span>
    <button type="button" class="ce-button is-small is-quiet" data-example="family" @click=${() => vm.on.example(empty)}>${t.example}</button>
  </p>`;
}
