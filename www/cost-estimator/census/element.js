// <cost-census>: a group census priced in the browser (issue #12). A broker picks the options,
// gives a census file (picker or drop), and sees the group's totals per option, each household
// sortable, the rows that could not be priced (by row and column), and downloads the results as
// the CLI's CSV. The pricing is the engine's (`censusStart/Push/Finish`), in a Web Worker of its
// own, piece by piece with progress; Cancel ends that worker at once. Nothing leaves the page.
import { LitElement, css, html, nothing } from 'lit';
import { defaultDataBase } from '../data.js';
import { EngineError, engineClient } from '../engine-client.js';
import { wordsFor } from '../i18n/index.js';
import { styles } from '../styles.js';
import { SAMPLE_CSV, csvOf, households, sortHouseholds } from './table.js';
import { WORDS } from './words.js';

let serial = 0;
const PAGE = 100;

/**
 * A group census priced on several options.
 *
 * @element cost-census
 * @attr {string} plans - Space-separated plan ids to offer (default: every plan in the catalog);
 *   the options of the first program are ticked at first.
 * @attr {string} lang - `en` or `es` (default: the nearest `lang` in the page).
 * @attr {string} data-base - The folder holding catalog.json (default: `data/` beside the script).
 * @fires {CustomEvent<{ rows: object[], errors: object[], totals: object[] }>} census-complete - A census was priced.
 */
export class CostCensus extends LitElement {
  static styles = [
    styles,
    css`
      .cc-options {
        border: 0;
        padding: 0;
        margin: 0 0 1em;
      }
      .cc-options label {
        display: flex;
        gap: 0.5em;
        align-items: center;
        min-height: 2.2em;
      }
      .cc-options legend {
        font-weight: 600;
        padding: 0;
        margin-bottom: 0.3em;
      }
      .cc-group {
        margin: 0.3em 0 0.6em;
      }
      .cc-group-name {
        color: var(--_muted);
        font-size: 0.9em;
        margin: 0;
      }
      .cc-settings {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1.5em;
      }
      .cc-drop {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em 1em;
        margin: 1em 0;
        padding: 1.25em;
        border: 2px dashed var(--_border);
        border-radius: var(--_radius);
      }
      .cc-drop.is-over {
        border-color: var(--_accent);
        background: var(--_surface-alt);
      }
      .cc-file {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }
      .cc-file:focus-visible + label {
        outline: 3px solid var(--_accent);
        outline-offset: 2px;
      }
      .cc-progress {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em 1em;
      }
      .cc-progress progress {
        width: min(24em, 100%);
        height: 1em;
        accent-color: var(--_accent);
      }
      .cc-table {
        width: 100%;
        border-collapse: collapse;
        margin: 0.5em 0 1em;
        font-variant-numeric: tabular-nums;
      }
      .cc-table th,
      .cc-table td {
        padding: 0.35em 0.5em;
        border-bottom: 1px solid var(--_border);
        text-align: start;
      }
      .cc-table .ce-money {
        text-align: end;
      }
      .cc-scroll {
        overflow-x: auto;
      }
      .cc-sort {
        all: unset;
        cursor: pointer;
        font-weight: 600;
        color: var(--_accent);
        text-decoration: underline;
      }
      .cc-sort:focus-visible {
        outline: 3px solid var(--_accent);
        outline-offset: 2px;
      }
      .cc-bad li {
        margin: 0.2em 0;
      }
      .cc-cheapest {
        font-weight: 600;
      }
    `,
  ];

  static properties = {
    plans: { type: String, reflect: true },
    lang: { type: String, reflect: true },
    dataBase: { type: String, attribute: 'data-base' },
  };

  #uid = `cc${++serial}`;
  #client = null;
  #data = null;
  #loadError = '';
  #chosen = new Set();
  #usage = '';
  #asOf = '';
  #phase = 'idle'; // idle | reading | done | cancelled | failed
  #fileName = '';
  #progress = null;
  #result = null;
  #households = [];
  #error = null;
  #seconds = '';
  #sort = { key: 'file', dir: 1 };
  #shown = PAGE;
  #over = false;
  #langObserver = null;

  constructor() {
    super();
    /** @type {string | undefined} */
    this.plans = undefined;
    /** @type {string | undefined} */
    this.dataBase = undefined;
  }

  /** The last census priced ({ rows, errors, households, claims, ignored, totals }), or null. */
  get result() {
    return this.#result;
  }

  /**
   * Prices a census (a File, or the CSV's text) on the ticked options, as the file picker does.
   * @param {File | string} input
   * @returns {Promise<object | null>} the result, or null if cancelled or refused (the element says why)
   */
  async price(input) {
    // Anything but a File or the CSV's text is refused with a code (issue #21), not thrown on.
    if (typeof input !== 'string' && !(input instanceof Blob)) throw new EngineError({ message: 'price(): a File or the CSV text', code: 'wrong_argument', field: 'input' });
    await this.#load();
    return this.#run(input);
  }

  connectedCallback() {
    super.connectedCallback();
    this.#load();
    if (!this.#langObserver) {
      this.#langObserver = new MutationObserver(() => this.requestUpdate());
      this.#langObserver.observe(this.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
    this.#langObserver = null;
  }

  #loading = null;

  #load() {
    this.#loading ??= (async () => {
      const given = this.getAttribute('data-base');
      const base = given ? new URL(given.endsWith('/') ? given : `${given}/`, this.ownerDocument.baseURI) : defaultDataBase();
      this.#client = engineClient(base, 'census');
      try {
        this.#data = await this.#client.start();
        // An engine that cannot start is this element's failure to load.
        await this.#client.ready();
        const offered = this.#offered();
        const first = offered[0];
        for (const p of offered) if (first && p.issuer === first.issuer && p.program === first.program && p.year === first.year) this.#chosen.add(p.id);
      } catch (error) {
        this.#loadError = String(error?.message ?? error);
      }
      this.requestUpdate();
    })();
    return this.#loading;
  }

  #offered() {
    const all = this.#data?.catalog.plans ?? [];
    const wanted = (this.getAttribute('plans') ?? '').split(/\s+/).filter(Boolean);
    return wanted.length ? wanted.map((id) => all.find((p) => p.id === id)).filter(Boolean) : all;
  }

  #lang() {
    const tag = this.getAttribute('lang') || this.parentElement?.closest('[lang]')?.getAttribute('lang') || this.ownerDocument.documentElement.getAttribute('lang') || 'en';
    return wordsFor(tag);
  }

  async #run(input) {
    const w = this.#lang();
    const t = WORDS[w.lang];
    const plans = this.#offered().map((p) => p.id).filter((id) => this.#chosen.has(id));
    if (!plans.length) {
      this.#phase = 'failed';
      this.#error = { text: t.needOptions };
      this.requestUpdate();
      return null;
    }
    const file = typeof input === 'string' ? null : input;
    this.#fileName = file?.name ?? 'census.csv';
    this.#phase = 'reading';
    this.#progress = { read: 0, size: file ? file.size : input.length, households: 0, errors: 0 };
    this.#result = null;
    this.#error = null;
    this.#shown = PAGE;
    this.requestUpdate();
    const started = performance.now();
    try {
      const result = await this.#client.census(
        { file, text: file ? null : input, plans, asOf: this.#asOf || null, usage: this.#usage || null },
        (progress) => {
          this.#progress = progress;
          this.requestUpdate();
        },
      );
      this.#seconds = ((performance.now() - started) / 1000).toFixed(1);
      this.#result = result;
      this.#households = households(result.rows);
      this.#phase = 'done';
      this.dispatchEvent(new CustomEvent('census-complete', { detail: { rows: result.rows, errors: result.errors, totals: result.totals }, bubbles: true, composed: true }));
      return result;
    } catch (error) {
      if (error instanceof EngineError && error.code === 'cancelled') {
        this.#phase = 'cancelled';
      } else {
        this.#phase = 'failed';
        const e = error instanceof EngineError ? error : { code: 'engine_failure', field: null, message: String(error?.message ?? error) };
        this.#error = { text: t.failed(`${w.error('census', e)}${e.field ? ` (${e.field})` : ''}`), detail: e.message };
      }
      return null;
    } finally {
      this.requestUpdate();
      await this.updateComplete;
      /** @type {HTMLElement | null} */
      const status = this.renderRoot.querySelector('[data-census-status]');
      status?.focus();
    }
  }

  #cancel() {
    this.#client?.cancel();
  }

  #download(text, name) {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    this.renderRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  #sortBy(key) {
    this.#sort = { key, dir: this.#sort.key === key ? -this.#sort.dir : 1 };
    this.requestUpdate();
  }

  render() {
    const w = this.#lang();
    const t = WORDS[w.lang];
    return html`<div class="ce" part="base" lang=${w.lang}>
      <section class="ce-card">
        <h2 class="ce-h2">${t.heading}</h2>
        <p class="ce-hint">${t.intro}</p>
        <p><button type="button" class="ce-button is-quiet is-small" data-census="sample" @click=${() => this.#download(SAMPLE_CSV, 'census-sample.csv')}>${t.sample}</button></p>
        ${this.#loadError ? html`<p class="ce-notice is-error" role="alert">${w.t.loadFailed(this.#loadError)}</p>` : this.#data ? this.#form(w, t) : html`<p role="status">${w.t.loading}</p>`}
      </section>
      ${this.#status(w, t)} ${this.#phase === 'done' ? this.#results(w, t) : nothing}
    </div>`;
  }

  #form(w, t) {
    const groups = new Map();
    for (const p of this.#offered()) {
      const key = `${p.issuer} · ${p.program} ${p.year}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(p);
    }
    const busy = this.#phase === 'reading';
    const presets = Object.entries(this.#data.presets?.value?.presets ?? {});
    const id = (s) => `${this.#uid}-${s}`;
    return html`
      <fieldset class="cc-options" ?disabled=${busy}>
        <legend>${t.options}</legend>
        ${[...groups].map(
          ([name, plans]) => html`<div class="cc-group">
            <p class="cc-group-name">${name}</p>
            ${plans.map(
              (p) => html`<label><input type="checkbox" data-census-plan=${p.id} .checked=${this.#chosen.has(p.id)}
                  @change=${(e) => {
                    if (e.target.checked) this.#chosen.add(p.id);
                    else this.#chosen.delete(p.id);
                    this.requestUpdate();
                  }} />${(w.lang === 'es' && p.es?.short_name) || p.short_name}</label>`,
            )}
          </div>`,
        )}
      </fieldset>
      <div class="cc-settings">
        <div class="ce-field">
          <label for=${id('usage')}>${t.usage}</label>
          <select id=${id('usage')} class="ce-input" data-census="usage" ?disabled=${busy} @change=${(e) => (this.#usage = e.target.value)}>
            <option value="" ?selected=${!this.#usage}>${t.usageFromFile}</option>
            <option value="none" ?selected=${this.#usage === 'none'}>${t.usageNone}</option>
            ${presets.map(([pid, p]) => html`<option value=${pid} ?selected=${this.#usage === pid}>${w.text(p.label)}</option>`)}
          </select>
        </div>
        <div class="ce-field">
          <label for=${id('asof')}>${t.asOf}</label>
          <input id=${id('asof')} class="ce-input" type="date" data-census="as-of" .value=${this.#asOf} ?disabled=${busy} aria-describedby=${id('asof-hint')}
            @change=${(e) => (this.#asOf = e.target.value)} />
          <span class="ce-hint" id=${id('asof-hint')}>${t.asOfHint}</span>
        </div>
      </div>
      <div class="cc-drop ${this.#over ? 'is-over' : ''}" data-census="drop"
        @dragover=${(e) => {
          e.preventDefault();
          if (!this.#over) {
            this.#over = true;
            this.requestUpdate();
          }
        }}
        @dragleave=${() => {
          this.#over = false;
          this.requestUpdate();
        }}
        @drop=${(e) => {
          e.preventDefault();
          this.#over = false;
          const file = e.dataTransfer?.files?.[0];
          if (file && !busy) this.#run(file);
          else this.requestUpdate();
        }}>
        <input id=${id('file')} class="cc-file" type="file" accept=".csv,text/csv,text/plain" data-census="file" ?disabled=${busy}
          @change=${(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) this.#run(file);
          }} />
        <label for=${id('file')} class="ce-button">${t.file}</label>
        <span class="ce-hint">${t.drop}</span>
      </div>
    `;
  }

  #status(w, t) {
    const p = this.#progress;
    const pct = p && p.size ? Math.min(100, Math.floor((p.read / p.size) * 100)) : 0;
    let message = '';
    if (this.#phase === 'reading') message = t.reading(this.#fileName);
    if (this.#phase === 'done') message = t.done(w.number(this.#households.length), this.#result.totals.length, this.#seconds);
    if (this.#phase === 'cancelled') message = t.cancelled;
    if (this.#phase === 'failed') message = this.#error?.text ?? '';
    return html`<section class="ce-card cc-status" ?hidden=${this.#phase === 'idle'}>
      <p role="status" tabindex="-1" data-census-status=${this.#phase} class=${this.#phase === 'failed' ? 'ce-notice is-error' : ''}>${message}</p>
      ${this.#phase === 'failed' && this.#error?.detail ? html`<p class="ce-hint" lang="en">${this.#error.detail}</p>` : nothing}
      ${this.#phase === 'reading'
        ? html`<div class="cc-progress">
            <progress id=${`${this.#uid}-progress`} max="100" value=${pct} aria-label=${t.reading(this.#fileName)} data-census="progress"></progress>
            <span aria-hidden="true" data-census="progress-text">${t.progress(pct, w.number(p?.households ?? 0))}</span>
            <button type="button" class="ce-button is-quiet" data-census="cancel" @click=${() => this.#cancel()}>${t.cancel}</button>
          </div>`
        : nothing}
      ${this.#phase === 'done' && this.#result.ignored?.length ? html`<p class="ce-hint">${t.ignored(this.#result.ignored.join(', '))}</p>` : nothing}
    </section>`;
  }

  #name(id) {
    const p = this.#offered().find((q) => q.id === id) ?? this.#data?.catalog.plans.find((q) => q.id === id);
    return (this.#lang().lang === 'es' && p?.es?.short_name) || p?.short_name || id;
  }

  #results(w, t) {
    const r = this.#result;
    const ids = r.totals.map((x) => x.plan);
    const sorted = sortHouseholds(this.#households, this.#sort.key, this.#sort.dir);
    const shown = sorted.slice(0, this.#shown);
    const ariaSort = (key) => (this.#sort.key === key ? (this.#sort.dir === 1 ? 'ascending' : 'descending') : 'none');
    const sortButton = (key, label) => html`<button type="button" class="cc-sort" data-sort=${key} @click=${() => this.#sortBy(key)}>${label}</button>`;
    return html`
      <section class="ce-card" data-census="totals">
        <h3 id=${`${this.#uid}-totals`}>${t.totalsHeading}</h3>
        <div class="cc-scroll" role="region" tabindex="0" aria-labelledby=${`${this.#uid}-totals`}>
          <table class="cc-table" aria-labelledby=${`${this.#uid}-totals`}>
            <thead>
              <tr>
                <th scope="col">${t.option}</th>
                <th scope="col" class="ce-money">${t.households}</th>
                <th scope="col" class="ce-money">${t.premium}</th>
                <th scope="col" class="ce-money">${t.care}</th>
                <th scope="col" class="ce-money">${t.total}</th>
                <th scope="col" class="ce-money">${t.cheapestFor}</th>
              </tr>
            </thead>
            <tbody>
              ${r.totals.map(
                (x) => html`<tr data-plan=${x.plan}>
                  <th scope="row">${this.#name(x.plan)}</th>
                  <td class="ce-money">${w.number(x.households)}</td>
                  <td class="ce-money">${w.money(x.premium_annual)}</td>
                  <td class="ce-money">${w.money(x.member_pays_total)}</td>
                  <td class="ce-money"><strong data-amount=${x.total_annual_cost}>${w.money(x.total_annual_cost)}</strong></td>
                  <td class="ce-money">${w.number(x.cheapest)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <button type="button" class="ce-button" data-census="download" @click=${() => this.#download(csvOf(r.rows), 'census-results.csv')}>${t.download}</button>
      </section>
      ${r.errors.length
        ? html`<section class="ce-card" data-census="errors">
            <h3>${t.badHeading(r.errors.length)}</h3>
            <p class="ce-hint">${t.badIntro}</p>
            <ul class="cc-bad">
              ${r.errors.map(
                (e) => html`<li data-row=${e.row} data-column=${e.column ?? ''}>
                  <strong>${t.badRow(e.row, e.column)}</strong>: ${w.error('census', e)} <span class="ce-hint" lang="en">(${e.message})</span>
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}
      <section class="ce-card" data-census="households">
        <h3 id=${`${this.#uid}-hh`}>${t.householdsHeading}</h3>
        <p class="ce-hint" role="status">${this.#sort.key === 'file' ? t.inFileOrder : t.sorted(this.#sort.key === 'household' ? t.household : this.#name(this.#sort.key), this.#sort.dir)}</p>
        <div class="cc-scroll" role="region" tabindex="0" aria-labelledby=${`${this.#uid}-hh`}>
          <table class="cc-table" aria-labelledby=${`${this.#uid}-hh`}>
            <thead>
              <tr>
                <th scope="col" aria-sort=${ariaSort('household')}>${sortButton('household', t.household)}</th>
                <th scope="col">${t.enrollment}</th>
                ${ids.map((id) => html`<th scope="col" class="ce-money" aria-sort=${ariaSort(id)}>${sortButton(id, this.#name(id))}</th>`)}
                <th scope="col">${t.cheapest}</th>
              </tr>
            </thead>
            <tbody>
              ${shown.map(
                (h) => html`<tr data-household=${h.household}>
                  <th scope="row">${h.household}</th>
                  <td>${w.t.enrollment[h.enrollment] ?? h.enrollment}</td>
                  ${ids.map((id) => html`<td class="ce-money ${h.cheapest.includes(id) ? 'cc-cheapest' : ''}" data-amount=${h.totals[id]?.total_annual_cost ?? ''}>${h.totals[id] ? w.money(h.totals[id].total_annual_cost) : '–'}</td>`)}
                  <td>${h.cheapest.map((id) => this.#name(id)).join(', ')}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <p class="ce-hint">${t.showing(w.number(shown.length), w.number(sorted.length))}</p>
        ${shown.length < sorted.length
          ? html`<button type="button" class="ce-button is-quiet" data-census="more" @click=${() => {
              this.#shown += PAGE;
              this.requestUpdate();
            }}>${t.more}</button>`
          : nothing}
      </section>
    `;
  }
}

/** Defines <cost-census> unless it already is. */
export function defineCensus(name = 'cost-census', registry = globalThis.customElements) {
  if (!registry) return null;
  if (!registry.get(name)) registry.define(name, class extends CostCensus {});
  return registry.get(name);
}
