// The printed proposal (views/print.js draws it), as a Lit ReactiveController: it is a third of
// the first render's work, so it is drawn once the first estimate is on screen, or at once when
// the page is printed before that (beforeprint, or a print media change).
export class PrintController {
  #media = null;
  #onPrint = () => {
    this.store.dispatch('printable');
    // Drawn now: print() called from a script lays the page out before any microtask runs.
    if (this.host.isUpdatePending) this.host.performUpdate();
  };

  constructor(host, store) {
    this.host = host;
    this.store = store;
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('beforeprint', this.#onPrint);
    this.#media ??= window.matchMedia?.('print') ?? null;
    this.#media?.addEventListener?.('change', this.#onPrint);
  }

  hostDisconnected() {
    window.removeEventListener('beforeprint', this.#onPrint);
    this.#media?.removeEventListener?.('change', this.#onPrint);
  }

  /** The first estimate is on screen: the proposal follows, after this task. */
  afterFirstEstimate() {
    setTimeout(() => this.store.dispatch('printable'), 0);
  }

  print() {
    window.print();
  }
}
