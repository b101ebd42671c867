// Must NOT type-check (tests/types.test.mjs): money is a decimal string in every shape.
import type { Scenario } from '../../dist/cost-estimator.js';

export const wrong: Scenario = {
  plan: 'kp-co-fehb-2022-standard',
  members: [{ id: 'ana', age: 41 }],
  services: [{ member: 'ana', service: 'urgent_care_visit', allowed: 180 }],
};
