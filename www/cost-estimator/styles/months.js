// The year month by month and the payment plan (views/months.js).
import { css } from 'lit';

export const monthStyles = css`
  /* A grid item grows to its table's width unless told it may be narrower: the table scrolls
     in its own region instead. */
  .ce-details > [data-panel='months'],
  [data-panel='months'] > .ce-detail-body {
    min-width: 0;
  }
  .ce-months-table {
    font-size: 0.875em;
  }
  .ce-months-table th,
  .ce-months-table td {
    padding: 0.3em 0.25em;
  }
  .ce-months-table thead th {
    white-space: normal;
    vertical-align: bottom;
  }
  .ce-months-table tfoot th,
  .ce-months-table tfoot td {
    font-weight: 700;
    border-bottom: 0;
  }
  .ce-payment-plan {
    border-top: 1px solid var(--_border);
    padding-top: 0.5em;
    display: grid;
    gap: 0.5em;
  }
  .ce-payment-words {
    margin: 0;
    padding-inline-start: 1.1em;
    font-size: 0.9em;
  }
  .ce-when select {
    max-width: 12em;
  }
  .ce-print-months th,
  .ce-print-months td {
    padding: 0.1em 0.15em;
  }
`;
