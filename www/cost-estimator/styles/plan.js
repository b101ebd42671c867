// The plan option, the enrollment type and pay schedule, who pays the premium (views/plan.js).
import { css } from 'lit';

export const planStyles = css`
  /* The plan */
  .ce-plan-fields {
    display: grid;
    gap: 0 1em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
  }
  .ce-plan-only {
    font-weight: 600;
    margin: 0.3em 0;
  }
  .ce-contribution summary {
    font-weight: 600;
    color: var(--_accent);
  }
`;
