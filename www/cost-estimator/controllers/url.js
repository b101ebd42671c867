// The state in the page URL's fragment (the `url-state` attribute), as a Lit ReactiveController:
// a shared link's state to open on, the visitor's own changes written back (a quarter second
// after the last one, replacing the history entry), and a link opened later (hashchange) read in.
// Reading and writing the fragment is state/url-state.js; this is when.
import { decodeState, encodeState } from '../state/url-state.js';

export class UrlController {
  #timer = 0;
  #userChanged = false;
  #onHashChange = () => this.read();

  /** `options`: store, prefix() (the url-state attribute's key prefix, or null when off),
   * known() (the plans offered and the services, for reading a link; null before they are in). */
  constructor(host, options) {
    this.host = host;
    this.options = options;
    host.addController(this);
    options.store.subscribe((state, before) => {
      if (state.revision !== before.revision) {
        // The visitor's own change (not the state a page opens on, before its first answer)
        // goes into the URL.
        if (before.answer.revision !== 0) this.#userChanged = true;
        this.schedule();
      } else if (state.open !== before.open) {
        this.schedule();
      }
    });
  }

  hostConnected() {
    if (this.options.prefix() !== null) window.addEventListener('hashchange', this.#onHashChange);
  }

  hostDisconnected() {
    window.removeEventListener('hashchange', this.#onHashChange);
    clearTimeout(this.#timer);
  }

  /** The state a shared link holds for this element, or null (none, or url-state is off). */
  initial(known) {
    const prefix = this.options.prefix();
    return prefix === null ? null : decodeState(location.hash, prefix, known);
  }

  schedule() {
    if (this.options.prefix() === null || !this.#userChanged) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.write(), 250);
  }

  /** Writes the state into the fragment now (Copy link does, then copies the address). */
  write() {
    this.#userChanged = true;
    const prefix = this.options.prefix() ?? '';
    const hash = encodeState(location.hash, this.options.store.state, prefix);
    if (hash !== location.hash) history.replaceState(history.state, '', hash);
  }

  /** A link opened while the element is on the page (another fragment): its state shown. */
  read() {
    const prefix = this.options.prefix();
    const known = this.options.known();
    if (prefix === null || !known) return;
    // A plan the element does not offer is not used (and said): the plan shown stays.
    const state = decodeState(location.hash, prefix, { ...known, fallback: this.options.store.state.plan });
    if (!state) return;
    if (encodeState('', state, prefix) === encodeState('', this.options.store.state, prefix)) return;
    this.options.store.dispatch('load', state);
  }
}
