// An embedder's React 19 component: the element in TSX with its typed attributes and events
// (costshare/react), its class and types from the main entry, registered by costshare/define.
import { useRef, useState } from 'react';
import 'costshare/define';
import type {} from 'costshare/react';
import type { CostEstimator, EstimateChangeDetail, EstimateResult, Scenario } from 'costshare';

const scenario: Scenario = {
  plan: 'kp-co-fehb-2022-standard',
  enrollment: 'self_only',
  pay_schedule: 'biweekly',
  members: [{ id: 'you', age: 40 }],
  services: [{ member: 'you', service: 'primary_care_visit', count: 2 }],
};

export function App() {
  const element = useRef<CostEstimator>(null);
  const [shown, setShown] = useState<string>('');
  const [asked, setAsked] = useState<EstimateResult | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);

  const onChange = (event: CustomEvent<EstimateChangeDetail>) => {
    const total: string | undefined = event.detail.result?.total_annual_cost;
    if (total) setShown(total);
  };

  const ask = async () => {
    const result = await element.current!.estimate(scenario);
    setAsked(result);
  };

  return (
    <main>
      <h1>Your plan's cost for the year</h1>
      <p>
        Shown by the element: <output id="shown">{shown}</output>; asked by the app:{' '}
        <output id="asked">{asked ? `${asked.total_annual_cost} (${asked.member_pays_total} for care)` : ''}</output>
      </p>
      <p id="warnings">{warnings.join(' ')}</p>
      <button type="button" id="ask" onClick={ask}>
        Price two doctor visits
      </button>
      <cost-estimator
        ref={element}
        plans="kp-co-fehb-2022-high kp-co-fehb-2022-standard kp-co-fehb-2022-prosper"
        plan="kp-co-fehb-2022-standard"
        lang="en"
        broker-name="Dana Whitfield"
        onestimate-change={onChange}
        onestimate-warning={(event) => setWarnings((w) => [...w, event.detail.code])}
      />
    </main>
  );
}
