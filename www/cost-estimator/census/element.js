// <cost-census>: a group census priced in the browser (issues #12, #20, #21). A broker or an HR
// person picks the options (and an employer contribution), gives a census file (picker or
// drop), and sees the group's totals per option (the employer's and the employees'), the
// households not priced and why (by row and column), the people to check, and each household
// a page at a time, sortable; and downloads the results (the CLI's CSV) and the rows not priced.
//
// The pricing is the engine's, in a Web Worker of this element's own (two elements on a page
// have two, so Cancel in one leaves the other running): the file is read there twice (the order
// check, then the pricing) in pieces, with progress; only totals, counts, the first errors and
// the downloads (Blobs) come back, and the households a page at a time, so the page stays
// responsive and small whatever the file's size (census/host.js). Nothing leaves the browser.
import { LitElement, html, nothing } from 'lit';
import { defaultDataBase } from '../data.js';
import { EngineError, engineClient } from '../engine-client.js';
import { wordsFor } from '../i18n/index.js';
import { styles } from '../styles.js';
import { censusStyles } from './sheet.js';
import { PAGE, SAMPLE_CSV, contributionArg } from './table.js';
import { failure, form, loadFailure, results, status } from './view.js';
import { WORDS } from './words.js';

let serial = 0;

/**
 * A group census priced on several options.
 *
 * @element cost-census
 * @attr {string} plans - Space-separated plan ids to offer (default: every plan in the catalog);
 *   the options of the first program are ticked at first.
 * @attr {string} lang - `en` or `es` (default: the nearest `lang` in the page).
 * @attr {string} data-base - The folder holding catalog.json (default: `data/` beside the script).
 * @fires {CustomEvent<{ totals: object[], errors: object[], notes: object[], households: number, priced: number }>} census-complete - A census was priced.
 */
export class CostCensus extends LitElement {
  static styles = [styles, censusStyles];

  static properties = {
    plans: { type: String, reflect: true },
    lang: { type: String, reflect: true },
    dataBase: { type: String, attribute: 'data-base' },
  };

  #uid = `cc${++serial}`;
  #client = null;
  #data = null;
  /** @type {{ code: string, message: string } | null} why the element could not load */
  #loadError = null;
  #chosen = new Set();
  #settings = { usage: '', asOf: '', contributionKind: '', contributionValue: '' };
  #phase = 'idle'; // idle | reading | done | cancelled | failed
  #fileName = '';
  #progress = null;
  #result = null;
  #error = null;
  #seconds = '';
  #sort = { key: 'file', dir: 1 };
  #page = null;
  #errorsAt = 0;
  #notesAt = 0;
  #over = false;
  #langObserver = null;
  #loading = null;

  constructor() {
    super();
    /** @type {string | undefined} */
    this.plans = undefined;
    /** @type {string | undefined} */
    this.dataBase = undefined;
  }

  /**
   * The last census priced: { households, priced, claims, apart, ignored, totals, errors (the
   * first 10,000), errorCount, notes (the first 10,000), noteCount, csv (a Blob: the CLI's
   * output after a UTF-8 byte order mark), refused (a Blob of the rows not priced, or null) },
   * or null.
   */
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

  #load() {
    this.#loading ??= (async () => {
      const given = this.getAttribute('data-base');
      const base = given ? new URL(given.endsWith('/') ? given : `${given}/`, this.ownerDocument.baseURI) : defaultDataBase();
      // An engine of this element's own (the census's module: the estimator's has no census):
      // Cancel ends this element's census only.
      this.#client = engineClient(base, `census ${this.#uid}`, 'census');
      try {
        this.#data = await this.#client.start();
        // An engine that cannot start is this element's failure to load.
        await this.#client.ready();
        const offered = this.#offered();
        const first = offered[0];
        for (const p of offered) if (first && p.issuer === first.issuer && p.program === first.program && p.year === first.year) this.#chosen.add(p.id);
      } catch (error) {
        this.#loadError = { code: error?.code ?? 'engine_failure', message: String(error?.message ?? error) };
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

  #name(id) {
    const p = this.#offered().find((q) => q.id === id) ?? this.#data?.catalog.plans.find((q) => q.id === id);
    return (this.#lang().lang === 'es' && p?.es?.short_name) || p?.short_name || id;
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
    this.#progress = { phase: 'check', read: 0, size: file ? file.size : input.length, households: 0, errors: 0 };
    this.#result = null;
    this.#error = null;
    this.#page = null;
    this.#errorsAt = 0;
    this.#notesAt = 0;
    this.#sort = { key: 'file', dir: 1 };
    this.requestUpdate();
    const started = performance.now();
    const { usage, asOf, contributionKind, contributionValue } = this.#settings;
    try {
      await Promise.all(plans.map((id) => this.#client.plan(id)));
      const args = { file, text: file ? null : input, plans, asOf: asOf || null, usage: usage || null, contribution: contributionArg(contributionKind, contributionValue) };
      const result = await this.#client.call('census', args, null, (progress) => {
        this.#progress = progress;
        this.requestUpdate();
      });
      this.#seconds = ((performance.now() - started) / 1000).toFixed(1);
      this.#result = result;
      this.#phase = 'done';
      await this.#turnTo(0);
      const { totals, errors, notes, households, priced } = result;
      this.dispatchEvent(new CustomEvent('census-complete', { detail: { totals, errors, notes, households, priced }, bubbles: true, composed: true }));
      return result;
    } catch (error) {
      if (error instanceof EngineError && error.code === 'cancelled') {
        this.#phase = 'cancelled';
      } else {
        this.#phase = 'failed';
        const e = error instanceof EngineError ? error : { code: 'engine_failure', field: null, message: String(error?.message ?? error) };
        this.#error = { text: t.failed(failure(w, t, e)), detail: e.message };
      }
      return null;
    } finally {
      this.requestUpdate();
      await this.updateComplete;
      /** @type {HTMLElement | null} */
      const focus = this.renderRoot.querySelector('[data-census-status]');
      focus?.focus();
    }
  }

  /** Fetches the page of households from `offset` in the current order. */
  async #turnTo(offset) {
    const ids = this.#result.totals.map((x) => x.plan);
    const sort = this.#sort.key === 'file' || this.#sort.key === 'household' ? this.#sort.key : ids.indexOf(this.#sort.key);
    this.#page = await this.#client.call('censusPage', { sort, descending: this.#sort.dir === -1, offset: Math.max(0, offset), count: PAGE });
    this.requestUpdate();
  }

  #download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    this.renderRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  render() {
    const w = this.#lang();
    const t = WORDS[w.lang];
    const v = this.#view(w, t);
    return html`<div class="ce" part="base" lang=${w.lang}>
      <section class="ce-card">
        <h2 class="ce-h2">${t.heading}</h2>
        <p class="ce-hint">${t.intro}</p>
        <p>
          <button type="button" class="ce-button is-quiet is-small" data-census="sample" @click=${() => this.#download(new Blob([SAMPLE_CSV], { type: 'text/csv;charset=utf-8' }), 'census-sample.csv')}>
            ${t.sample}
          </button>
        </p>
        ${this.#loadError ? loadFailure(w, t, this.#loadError) : this.#data ? form(v) : html`<p role="status">${w.t.loading}</p>`}
      </section>
      ${status(v)} ${this.#phase === 'done' ? results(v) : nothing}
    </div>`;
  }

  /** What the drawing needs: the state, the words, and the actions. */
  #view(w, t) {
    const groups = new Map();
    for (const p of this.#offered()) {
      const key = `${p.issuer} · ${p.program} ${p.year}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(p);
    }
    const busy = this.#phase === 'reading';
    return {
      w,
      t,
      uid: this.#uid,
      id: (s) => `${this.#uid}-${s}`,
      busy,
      phase: this.#phase,
      progress: this.#progress,
      fileName: this.#fileName,
      result: this.#result,
      error: this.#error,
      seconds: this.#seconds,
      page: this.#page,
      sort: this.#sort,
      errorsAt: this.#errorsAt,
      notesAt: this.#notesAt,
      over: this.#over,
      groups: [...groups],
      chosen: this.#chosen,
      presets: Object.entries(this.#data?.presets?.value?.presets ?? {}),
      ...this.#settings,
      name: (id) => this.#name(id),
      choose: (id, on) => {
        if (on) this.#chosen.add(id);
        else this.#chosen.delete(id);
        this.requestUpdate();
      },
      set: (key, value) => {
        this.#settings = { ...this.#settings, [key]: value };
        this.requestUpdate();
      },
      pick: (e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) this.#run(file);
      },
      dragOver: (e) => {
        e.preventDefault();
        if (!this.#over) {
          this.#over = true;
          this.requestUpdate();
        }
      },
      dragLeave: () => {
        this.#over = false;
        this.requestUpdate();
      },
      drop: (e) => {
        e.preventDefault();
        this.#over = false;
        const file = e.dataTransfer?.files?.[0];
        if (file && !busy) this.#run(file);
        else this.requestUpdate();
      },
      cancel: () => this.#client?.cancel(),
      download: () => this.#download(this.#result.csv, 'census-results.csv'),
      downloadRefused: () => this.#download(this.#result.refused, 'census-not-priced.csv'),
      sortBy: (key) => {
        this.#sort = { key, dir: this.#sort.key === key ? -this.#sort.dir : 1 };
        this.#turnTo(0);
      },
      pageTo: (offset) => this.#turnTo(offset),
      errorsTo: (offset) => {
        this.#errorsAt = Math.max(0, offset);
        this.requestUpdate();
      },
      notesTo: (offset) => {
        this.#notesAt = Math.max(0, offset);
        this.requestUpdate();
      },
    };
  }
}

/** Defines <cost-census> unless it already is. */
export function defineCensus(name = 'cost-census', registry = globalThis.customElements) {
  if (!registry) return null;
  if (!registry.get(name)) registry.define(name, class extends CostCensus {});
  return registry.get(name);
}
