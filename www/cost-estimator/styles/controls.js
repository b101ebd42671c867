// The controls every view uses, shared with <cost-census>: status lines and notices, hints, fields,
// inputs and their errors, buttons, badges, disclosures and link-like buttons.
import { css } from 'lit';

export const controlStyles = css`
  .ce-status:empty {
    display: none;
  }
  .ce-notice {
    padding: 0.6em 0.8em;
    border-radius: var(--_radius);
    background: var(--_warn-bg);
    color: var(--_warn-text);
    border: 1px solid var(--_warn-border);
    margin: 0.5em 0;
  }
  .ce-notice.is-error {
    background: var(--_error-bg);
    color: var(--_danger);
    border-color: var(--_error-border);
  }
  .ce-notice.is-info {
    background: var(--_surface-alt);
    color: var(--_text);
    border-color: var(--_border);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  .ce-notice.is-info p {
    margin: 0;
    flex: 1 1 12em;
  }
  .ce-muted,
  .ce-hint {
    color: var(--_muted);
  }
  .ce-hint {
    font-size: 0.875em;
  }

  /* Fields */
  .ce-field {
    display: grid;
    gap: 0.25em;
    margin: 0 0 0.75em;
    min-width: 0;
    align-content: start;
  }
  .ce-field > label {
    font-weight: 600;
  }
  .ce-field.is-inline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
    margin: 0.25em 0;
  }
  .ce-field.is-inline > label {
    font-weight: 400;
  }
  .ce-field.is-check {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.75em;
    margin: 0;
  }
  .ce-field.is-check > label {
    font-weight: 400;
  }
  .ce-field .ce-err {
    flex-basis: 100%;
  }
  .ce input,
  .ce select,
  .ce button {
    font: inherit;
    color: var(--_text);
    letter-spacing: normal;
    text-transform: none;
    margin: 0;
  }
  .ce-input {
    display: block;
    width: 100%;
    min-height: 2.75em;
    padding: 0.4em 0.6em;
    border: 1px solid var(--_input-border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_surface);
  }
  select.ce-input {
    padding-inline-end: 1.8em;
  }
  .ce-input.is-short {
    width: 5em;
    display: inline-block;
  }
  .ce-input.is-count {
    width: 4.5em;
    display: inline-block;
    text-align: end;
  }
  .ce-input.is-money {
    width: 8em;
    display: inline-block;
    text-align: end;
  }
  .ce-input[aria-invalid='true'] {
    border: 2px solid var(--_danger);
    background: var(--_invalid-bg);
  }
  .ce input[type='checkbox'] {
    width: 1.25em;
    height: 1.25em;
    accent-color: var(--_accent);
    flex: none;
  }
  .ce-unit {
    color: var(--_muted);
  }
  .ce-err {
    color: var(--_danger);
    font-weight: 600;
    font-size: 0.9em;
    margin: 0.25em 0 0;
  }
  .ce-err::before {
    content: '⚠ ';
  }
  .ce .ce-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.75em;
    padding: 0.4em 0.9em;
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    cursor: pointer;
    text-align: center;
  }
  .ce .ce-button.is-quiet {
    background: var(--_surface);
    color: var(--_accent);
  }
  .ce .ce-button.is-small {
    min-height: 2.5em;
    padding: 0.25em 0.7em;
    font-size: 0.92em;
  }
  .ce .ce-button:hover {
    filter: brightness(0.95);
  }
  .ce-badge {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.78em;
    font-weight: 600;
    white-space: nowrap;
    vertical-align: 0.1em;
  }
  .ce-badge.is-cheapest {
    background: var(--_ok);
    border-color: var(--_ok);
    color: var(--_on-ok);
  }
  .ce-badge.is-sample,
  .ce-badge.is-illustrative {
    background: var(--_warn-bg);
    color: var(--_warn-text);
    border-color: var(--_warn-border);
  }
  .ce details > summary {
    cursor: pointer;
    list-style-position: inside;
  }
  .ce .ce-link {
    background: none;
    border: 0;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
    font-weight: 600;
    cursor: pointer;
    min-height: 1.5em;
    text-align: start;
  }
`;
