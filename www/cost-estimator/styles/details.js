// How it is worked out: each person's limits, the lines of each service, the sources (views/details.js).
import { css } from 'lit';

export const detailStyles = css`
  /* How it is worked out */
  .ce-details {
    display: grid;
    gap: 0.25em;
  }
  .ce-detail {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25em 0.9em;
  }
  .ce-detail > summary h3 {
    display: inline;
    margin: 0;
  }
  .ce-detail > summary {
    padding: 0.5em 0;
  }
  .ce-detail-body {
    padding: 0 0 0.75em;
  }
  .ce-people-results {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr));
  }
  .ce-person-result {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
  }
  .ce-person-pays {
    font-weight: 700;
  }
  .ce-meter-row {
    margin: 0.4em 0;
  }
  .ce-meter-head {
    display: flex;
    justify-content: space-between;
    gap: 0.5em;
    font-size: 0.875em;
  }
  .ce-meter {
    height: 0.6em;
    border-radius: 999px;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    overflow: hidden;
  }
  .ce-meter-bar {
    display: block;
    width: 100%;
    height: 100%;
  }
  .ce-meter-fill {
    fill: var(--_accent);
  }
  .ce-meter.is-met .ce-meter-fill {
    fill: var(--_ok);
  }
  .ce-met {
    color: var(--_ok);
    font-weight: 600;
  }
  .ce-table-wrap {
    overflow-x: auto;
  }
  .ce table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.95em;
  }
  .ce caption {
    text-align: start;
    color: var(--_muted);
    font-size: 0.875em;
    padding-bottom: 0.25em;
  }
  .ce th,
  .ce td {
    border-bottom: 1px solid var(--_border);
    padding: 0.4em 0.3em;
    vertical-align: top;
    text-align: start;
  }
  .ce thead th {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .ce-money {
    text-align: end !important;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .ce-each {
    display: block;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .ce-line-service {
    display: block;
  }
  .ce-line-meta,
  .ce-line-reason {
    display: block;
    font-weight: 400;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .ce-line-reason {
    color: var(--_text);
  }
  .ce-narrow {
    display: none;
  }
  @container ce (max-width: 32em) {
    .ce-wide {
      display: none;
    }
    .ce-narrow {
      display: block;
    }
  }
  .ce-sources li {
    margin: 0.3em 0;
  }
  .ce-cite q {
    font-style: italic;
  }
`;
