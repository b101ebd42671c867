// The year month by month and the payment plan (views/months.js).
import { css } from 'lit';

export const monthStyles = css`
  .ce-months {
    margin: 0.5em 0;
  }
  .ce-months > summary {
    cursor: pointer;
    padding: 0.25em 0;
  }
  .ce-months-body {
    display: grid;
    gap: 0.5em;
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
