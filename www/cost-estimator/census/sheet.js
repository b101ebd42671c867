// The census element's own styles, over the estimator's shared sheet (cards, buttons, fields,
// notices). The totals table becomes one card per option where the element is narrower than
// 40em (a phone), so "Total for the year" is never off to the side.
import { css } from 'lit';

export const censusStyles = css`
  .cc-options {
    border: 0;
    padding: 0;
    margin: 0 0 1em;
  }
  .cc-options label {
    display: flex;
    gap: 0.5em;
    align-items: center;
    min-height: 2.2em;
  }
  .cc-options legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.3em;
  }
  .cc-group {
    margin: 0.3em 0 0.6em;
  }
  .cc-group-name,
  .cc-id {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0;
  }
  .cc-id {
    display: block;
    font-weight: 400;
    overflow-wrap: anywhere;
  }
  .cc-settings {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
  }
  .cc-settings fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  .cc-settings legend {
    padding: 0;
    margin-bottom: 0.25em;
    font-weight: 600;
  }
  .cc-drop {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin: 1em 0;
    padding: 1.25em;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .cc-drop.is-over {
    border-color: var(--_accent);
    background: var(--_surface-alt);
  }
  .cc-file {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
  }
  .cc-file:focus-visible + label {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .cc-progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .cc-progress progress {
    width: min(24em, 100%);
    height: 1em;
    accent-color: var(--_accent);
  }
  .cc-table {
    width: 100%;
    border-collapse: collapse;
    margin: 0.5em 0 1em;
    font-variant-numeric: tabular-nums;
  }
  .cc-table th,
  .cc-table td {
    padding: 0.35em 0.5em;
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  .cc-table .ce-money {
    text-align: end;
  }
  .cc-scroll {
    overflow-x: auto;
  }
  .cc-sort {
    all: unset;
    cursor: pointer;
    font-weight: 600;
    color: var(--_accent);
    text-decoration: underline;
  }
  .cc-sort:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .cc-list li {
    margin: 0.3em 0;
  }
  .cc-cheapest {
    font-weight: 600;
  }
  .cc-pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .cc-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
  }
  .cc-totals {
    container-type: inline-size;
  }
  @container (max-width: 40em) {
    .cc-totals-table thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .cc-totals-table,
    .cc-totals-table tbody,
    .cc-totals-table tr,
    .cc-totals-table th,
    .cc-totals-table td {
      display: block;
      width: auto;
    }
    .cc-totals-table tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin: 0 0 0.75em;
      padding: 0.25em 0.5em;
    }
    .cc-totals-table th,
    .cc-totals-table td {
      border-bottom: 0;
    }
    .cc-totals-table td {
      display: flex;
      justify-content: space-between;
      gap: 1em;
    }
    .cc-totals-table td::before {
      content: attr(data-label);
      text-align: start;
      color: var(--_muted);
    }
  }
`;
