// The census element's drawing: pure functions of a view (the element's state, its words and
// its actions) to Lit templates. Nothing here holds state or reaches the engine.
import { html, nothing } from 'lit';
import { fileError } from './words.js';
import { enrollments, pageOf, PAGE } from './table.js';

/** The form: options, settings and the file. */
export function form(v) {
  const { w, t, busy, id } = v;
  return html`
    <fieldset class="cc-options" ?disabled=${busy}>
      <legend>${t.options}</legend>
      ${v.groups.map(
        ([name, plans]) => html`<div class="cc-group">
          <p class="cc-group-name">${name}</p>
          ${plans.map(
            (p) => html`<label><input type="checkbox" data-census-plan=${p.id} .checked=${v.chosen.has(p.id)} @change=${(e) => v.choose(p.id, e.target.checked)} />${v.name(p.id)}</label>`,
          )}
        </div>`,
      )}
    </fieldset>
    <div class="cc-settings">
      <div class="ce-field">
        <label for=${id('usage')}>${t.usage}</label>
        <select id=${id('usage')} class="ce-input" data-census="usage" ?disabled=${busy} @change=${(e) => v.set('usage', e.target.value)}>
          <option value="" ?selected=${!v.usage}>${t.usageFromFile}</option>
          <option value="none" ?selected=${v.usage === 'none'}>${t.usageNone}</option>
          ${v.presets.map(([pid, p]) => html`<option value=${pid} ?selected=${v.usage === pid}>${w.text(p.label)}</option>`)}
        </select>
      </div>
      <div class="ce-field">
        <label for=${id('asof')}>${t.asOf}</label>
        <input id=${id('asof')} class="ce-input" type="date" data-census="as-of" .value=${v.asOf} ?disabled=${busy} aria-describedby=${id('asof-hint')} @change=${(e) => v.set('asOf', e.target.value)} />
        <span class="ce-hint" id=${id('asof-hint')}>${t.asOfHint}</span>
      </div>
      <fieldset class="ce-field" ?disabled=${busy}>
        <legend>${t.contribution}</legend>
        <select class="ce-input" data-census="contribution-kind" aria-label=${t.contribution} aria-describedby=${id('contribution-hint')} @change=${(e) => v.set('contributionKind', e.target.value)}>
          <option value="" ?selected=${!v.contributionKind}>${t.contributionNone}</option>
          <option value="amount" ?selected=${v.contributionKind === 'amount'}>${t.contributionAmount}</option>
          <option value="percent" ?selected=${v.contributionKind === 'percent'}>${t.contributionPercent}</option>
        </select>
        ${v.contributionKind
          ? html`<input class="ce-input" data-census="contribution-value" inputmode="decimal" aria-label=${t.contributionValue} .value=${v.contributionValue} @change=${(e) => v.set('contributionValue', e.target.value)} />`
          : nothing}
        <span class="ce-hint" id=${id('contribution-hint')}>${t.contributionHint}</span>
      </fieldset>
    </div>
    <div class="cc-drop ${v.over ? 'is-over' : ''}" data-census="drop" @dragover=${v.dragOver} @dragleave=${v.dragLeave} @drop=${v.drop}>
      <input id=${id('file')} class="cc-file" type="file" accept=".csv,text/csv,text/plain" data-census="file" ?disabled=${busy} @change=${v.pick} />
      <label for=${id('file')} class="ce-button">${t.file}</label>
      <span class="ce-hint">${t.drop}</span>
    </div>
  `;
}

/** The status line: progress and Cancel, the outcome, or why the file was refused. */
export function status(v) {
  const { w, t, phase, progress: p } = v;
  const pct = p && p.size ? Math.min(100, Math.floor((p.read / p.size) * 100)) : 0;
  const checking = p?.phase === 'check';
  let message = '';
  if (phase === 'reading') message = checking ? t.checking(v.fileName) : t.pricing(v.fileName);
  if (phase === 'done') message = t.done(w.number(v.result.priced), w.number(v.result.households), v.result.totals.length, v.seconds);
  if (phase === 'cancelled') message = t.cancelled;
  if (phase === 'failed') message = v.error?.text ?? '';
  return html`<section class="ce-card cc-status" ?hidden=${phase === 'idle'}>
    <p role="status" tabindex="-1" data-census-status=${phase} class=${phase === 'failed' ? 'ce-notice is-error' : ''}>${message}</p>
    ${phase === 'failed' && v.error?.detail ? html`<p class="ce-hint" lang="en">${v.error.detail}</p>` : nothing}
    ${phase === 'reading'
      ? html`<div class="cc-progress">
          <progress max="100" value=${pct} aria-label=${message} data-census="progress" data-phase=${p?.phase ?? 'check'}></progress>
          <span aria-hidden="true" data-census="progress-text">${t.progress(p?.phase, pct, w.number(p?.households ?? 0))}</span>
          <button type="button" class="ce-button is-quiet" data-census="cancel" @click=${v.cancel}>${t.cancel}</button>
        </div>`
      : nothing}
    ${phase === 'done' && v.result.ignored?.length ? html`<p class="ce-hint">${t.ignored(v.result.ignored.join(', '))}</p>` : nothing}
  </section>`;
}

/** Why the element could not load (`e`: { code, message }), in the page's words: a page whose
 * policy refuses WebAssembly is told so plainly, for the census has no JavaScript engine. */
export function loadFailure(w, t, e) {
  return html`<p class="ce-notice is-error" role="alert" data-load-error=${e.code}>${e.code === 'wasm_refused' ? t.wasmRefused : w.t.loadFailed(e.message)}</p>`;
}

/** Why the file as a whole was refused, in the page's words. */
export function failure(w, t, e) {
  return fileError(t, e) ?? w.error('census', e);
}

/** The results: totals, the households not priced, the people to check, each household. */
export function results(v) {
  return html`${totals(v)} ${refused(v)} ${notes(v)} ${households(v)}`;
}

function totals(v) {
  const { w, t, uid, result: r } = v;
  const cell = (label, amount, strong = false) =>
    html`<td role="cell" class="ce-money" data-label=${label}>${strong ? html`<strong data-amount=${amount}>${w.money(amount)}</strong>` : w.money(amount)}</td>`;
  return html`<section class="ce-card cc-totals" data-census="totals">
    <h3 id=${`${uid}-totals`}>${t.totalsHeading}</h3>
    <table class="cc-table cc-totals-table" role="table" aria-labelledby=${`${uid}-totals`}>
      <thead>
        <tr role="row">
          <th role="columnheader" scope="col">${t.option}</th>
          <th role="columnheader" scope="col" class="ce-money">${t.households}</th>
          <th role="columnheader" scope="col" class="ce-money">${t.employer}</th>
          <th role="columnheader" scope="col" class="ce-money">${t.premium}</th>
          <th role="columnheader" scope="col" class="ce-money">${t.care}</th>
          <th role="columnheader" scope="col" class="ce-money">${t.total}</th>
          <th role="columnheader" scope="col" class="ce-money">${t.cheapestFor}</th>
        </tr>
      </thead>
      <tbody>
        ${r.totals.map(
          (x) => html`<tr role="row" data-plan=${x.plan}>
            <th role="rowheader" scope="row">${v.name(x.plan)}<span class="cc-id">${x.plan}</span></th>
            <td role="cell" class="ce-money" data-label=${t.households}>${w.number(x.households)}</td>
            ${cell(t.employer, x.contribution_annual)} ${cell(t.premium, x.premium_annual)} ${cell(t.care, x.member_pays_total)} ${cell(t.total, x.total_annual_cost, true)}
            <td role="cell" class="ce-money" data-label=${t.cheapestFor}>${w.number(x.cheapest)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    <p class="ce-hint">${t.totalsNote}</p>
    <div class="cc-actions">
      <button type="button" class="ce-button" data-census="download" @click=${v.download}>${t.download}</button>
      <span class="ce-hint">${t.downloadHint}</span>
    </div>
  </section>`;
}

/** Previous / next for a list drawn a page at a time: items `from` to `to` (from 1) of `all`. */
function pager({ w, t }, { from, to, all, offset }, go, name) {
  if (all <= PAGE) return nothing;
  return html`<div class="cc-pager" data-census=${`${name}-pager`}>
    <button type="button" class="ce-button is-quiet is-small" data-census=${`${name}-previous`} ?disabled=${offset === 0} @click=${() => go(offset - PAGE)}>${t.previous}</button>
    <span class="ce-hint" aria-live="polite">${t.showing(w.number(from), w.number(to), w.number(all))}</span>
    <button type="button" class="ce-button is-quiet is-small" data-census=${`${name}-next`} ?disabled=${to >= all} @click=${() => go(offset + PAGE)}>${t.next}</button>
  </div>`;
}

function refused(v) {
  const { w, t, result: r } = v;
  if (!r.errorCount) return nothing;
  const { items, from, to, offset } = pageOf(r.errors, v.errorsAt);
  return html`<section class="ce-card" data-census="errors">
    <h3>${t.refusedHeading(w.number(r.households - r.priced), w.number(r.errorCount))}</h3>
    <p class="ce-hint">${t.refusedIntro}</p>
    <ul class="cc-list">
      ${items.map(
        (e) => html`<li data-row=${e.row} data-column=${e.column ?? ''} data-household=${e.household ?? ''} data-code=${e.code}>
          <strong>${e.household ?? t.noHousehold}</strong> · ${t.badRow(w.number(e.row), e.column)}${e.plan ? html` · ${v.name(e.plan)}` : nothing}: ${t.row[e.code] ?? w.error('census', e)}
          <span class="ce-hint" lang="en">(${e.message})</span>
        </li>`,
      )}
    </ul>
    ${r.errorCount > r.errors.length ? html`<p class="ce-hint">${t.kept(w.number(r.errors.length), w.number(r.errorCount))}</p>` : nothing}
    ${pager(v, { from, to, all: r.errors.length, offset }, v.errorsTo, 'errors')}
    <button type="button" class="ce-button" data-census="download-refused" @click=${v.downloadRefused}>${t.downloadRefused}</button>
  </section>`;
}

function notes(v) {
  const { w, t, result: r } = v;
  if (!r.noteCount) return nothing;
  const { items, from, to, offset } = pageOf(r.notes, v.notesAt);
  return html`<section class="ce-card" data-census="notes">
    <h3>${t.notesHeading(w.number(r.noteCount))}</h3>
    <p class="ce-hint">${t.notesIntro}</p>
    <ul class="cc-list">
      ${items.map(
        (n) => html`<li data-row=${n.row} data-household=${n.household}>
          <strong>${n.household}</strong> · ${t.badRow(w.number(n.row), n.column)}: ${t.note(n.age, n.plans.map((p) => v.name(p)).join(', '))}
        </li>`,
      )}
    </ul>
    ${r.noteCount > r.notes.length ? html`<p class="ce-hint">${t.kept(w.number(r.notes.length), w.number(r.noteCount))}</p>` : nothing}
    ${pager(v, { from, to, all: r.notes.length, offset }, v.notesTo, 'notes')}
  </section>`;
}

function households(v) {
  const { w, t, uid, result: r, page, sort } = v;
  if (!r.priced) return nothing;
  const ids = r.totals.map((x) => x.plan);
  const ariaSort = (key) => (sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none');
  const sortButton = (key, label) => html`<button type="button" class="cc-sort" data-sort=${key} @click=${() => v.sortBy(key)}>${label}</button>`;
  const rows = page?.rows ?? [];
  const from = rows.length ? page.offset + 1 : 0;
  const sortedBy = sort.key === 'file' ? t.inFileOrder : t.sorted(sort.key === 'household' ? t.household : v.name(sort.key), sort.dir);
  return html`<section class="ce-card" data-census="households">
    <h3 id=${`${uid}-hh`}>${t.householdsHeading}</h3>
    <p class="ce-hint" role="status">${sortedBy}</p>
    <div class="cc-scroll" role="region" tabindex="0" aria-labelledby=${`${uid}-hh`}>
      <table class="cc-table" aria-labelledby=${`${uid}-hh`}>
        <thead>
          <tr>
            <th scope="col" aria-sort=${ariaSort('household')}>${sortButton('household', t.household)}</th>
            <th scope="col">${t.enrollment}</th>
            ${ids.map((id) => html`<th scope="col" class="ce-money" aria-sort=${ariaSort(id)}>${sortButton(id, v.name(id))}</th>`)}
            <th scope="col">${t.cheapest}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (h) => html`<tr data-household=${h.household}>
              <th scope="row">${h.household}</th>
              <td>${enrollments(h.plans).map((e) => w.t.enrollment[e] ?? e).join(' · ')}</td>
              ${h.plans.map((c) => html`<td class="ce-money ${c.cheapest ? 'cc-cheapest' : ''}" data-amount=${c.total_annual_cost}>${w.money(c.total_annual_cost)}</td>`)}
              <td>${ids.filter((_, i) => h.plans[i].cheapest).map((id) => v.name(id)).join(', ')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${pager(v, { from, to: page ? page.offset + rows.length : 0, all: page?.total ?? 0, offset: page?.offset ?? 0 }, v.pageTo, 'households')}
  </section>`;
}
