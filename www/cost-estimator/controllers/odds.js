// The odds conversation (issue #23; docs/embedding.md, "Odds (engine API)"): once the visitor
// opens the odds, and for every revision whose estimate is in, the CMS table's years are loaded
// (the first time only: data/cms-years.json is not fetched for visitors who never open them),
// and the engine works out the household's odds on the options the answer ranks, in its worker,
// a slice at a time, with progress. Any change of the form stops the odds under way at once
// (`stop` on their channel): the store keeps odds only for the revision they were asked about,
// and the view shows them only for the current one, so stale figures never show.
import { StaleAnswer } from '../engine-client.js';
import { toScenario } from '../state/scenario.js';

const SEXES = new Set(['female', 'male']);

/** The odds' scenario: the estimate's (the same function, the same plan), with each member's
 * sex where the visitor gave it (left out: the mean of the table's two rows). */
export function oddsScenario(state, plan, units) {
  const { scenario, people } = toScenario(state, plan, units);
  scenario.members.forEach((m, i) => {
    const sex = state.people.find((p) => p.key === people[i])?.sex;
    if (SEXES.has(sex)) m.sex = sex;
  });
  return scenario;
}

export class OddsController {
  #asked = 0; // the revision last asked about
  #given = new WeakSet(); // the engine clients that have the CMS table

  /** `options`: store, engine (EngineController), uid. */
  constructor(host, { store, engine, uid }) {
    this.host = host;
    this.store = store;
    this.engine = engine;
    this.channel = `${uid}:odds`;
    host.addController(this);
    store.subscribe((state, before) => {
      if (!state.open.odds) {
        if (before.open.odds) this.#stop();
        return;
      }
      if (state.revision !== before.revision) this.#stop();
      const a = state.answer;
      const have = state.odds.revision === state.revision && state.odds.outcome !== 'working';
      if (a.revision === state.revision && a.outcome === 'ok' && !have && this.#asked !== state.revision) this.#ask(state.revision);
    });
  }

  /** The odds under way stop at the engine's next slice (a newer question, or the panel shut). */
  #stop() {
    if (this.#asked === 0) return;
    this.#asked = 0;
    this.engine.client().then((client) => client.stop(this.channel), () => {});
  }

  async #ask(revision) {
    const { store, engine } = this;
    this.#asked = revision;
    store.dispatch('oddsWorking', revision);
    try {
      const client = await engine.client();
      if (!this.#given.has(client)) {
        await client.setCmsYears(await engine.data.cmsYears());
        this.#given.add(client);
      }
      const plan = engine.currentPlan();
      if (store.state.revision !== revision || !plan) return;
      const ids = await engine.idsToCompare(store.state.plan);
      if (store.state.revision !== revision) return;
      const scenario = oddsScenario(store.state, plan, engine.data.services.units);
      const plans = ids.length > 1 ? ids : [store.state.plan];
      const result = await client.odds(scenario, plans, (progress) => store.dispatch('oddsProgress', revision, progress), this.channel);
      store.dispatch('oddsDone', revision, result);
    } catch (error) {
      if (error instanceof StaleAnswer) return;
      store.dispatch('oddsFailed', revision, { code: error?.code ?? 'engine_failure', params: error?.params ?? {} });
    }
  }
}
