// The prices the estimate uses, which the visitor may change (views/prices.js).
import { css } from 'lit';

export const priceStyles = css`
  /* Prices */
  .ce-prices > summary {
    display: flex;
    gap: 0.75em;
    align-items: baseline;
    list-style: none;
  }
  .ce-prices > summary h2 {
    margin: 0;
  }
  .ce-price {
    border-bottom: 1px dashed var(--_border);
    padding: 0.25em 0;
  }
  .ce-price label {
    flex: 1 1 12em;
  }
`;
