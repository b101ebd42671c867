// The answer: the total, its split, the ranked options (views/answer.js).
import { css } from 'lit';

export const answerStyles = css`
  /* The answer */
  .ce-answer {
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 1em;
    background: var(--_surface);
  }
  .ce-answer:focus {
    outline: 3px solid var(--_accent);
  }
  .ce-total.is-stale .ce-total-amount,
  .ce-total.is-stale .ce-amount {
    text-decoration: line-through;
    opacity: 0.65;
  }
  .ce-total-label {
    margin: 0;
    font-weight: 600;
  }
  .ce-total-amount {
    display: block;
    font-size: 2em;
    font-weight: 700;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
  }
  .ce-split {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.5em;
    margin: 0.5em 0;
  }
  .ce-split dt {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .ce-split dd {
    margin: 0;
    display: grid;
  }
  .ce-amount {
    font-weight: 700;
    font-size: 1.1em;
    font-variant-numeric: tabular-nums;
  }
  .ce-options {
    margin-top: 0.75em;
    border-top: 1px solid var(--_border);
    padding-top: 0.75em;
  }
  .ce-options.is-stale .ce-option-total {
    color: var(--_muted);
    text-decoration: line-through;
  }
  .ce .ce-option-list {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.5em;
  }
  /* An option in two lines: its name and total, then its premium and care and its "at most". */
  .ce-option {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    column-gap: 0.75em;
    align-items: baseline;
  }
  .ce-option.is-chosen {
    border: 2px solid var(--_accent);
    background: var(--_surface-alt);
  }
  .ce-option-name {
    margin: 0 !important;
    font-weight: 600;
  }
  .ce-option-total {
    font-weight: 700;
    font-size: 1.15em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .ce-option .ce-hint {
    margin: 0.1em 0;
  }
  .ce-option-head,
  .ce-option-split {
    display: contents;
  }
  .ce-option > :not(.ce-option-head):not(.ce-option-split),
  .ce-option.is-unpriced > * {
    grid-column: 1 / -1;
  }
  .ce-option-worst {
    text-align: end;
    white-space: nowrap;
  }
  .ce-worst-note {
    margin-top: 0.5em;
  }
  .ce-closed {
    margin-top: 0.75em;
  }
  .ce-closed .ce-h4 {
    margin: 0 0 0.25em;
    font-size: 1em;
  }
  .ce-worst-note > summary {
    cursor: pointer;
    color: var(--_accent);
  }
  .ce-answer .ce-share {
    margin-top: 0.5em;
  }
  .ce-rank {
    color: var(--_muted);
  }
  .ce-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin-top: 0.75em;
  }
`;
