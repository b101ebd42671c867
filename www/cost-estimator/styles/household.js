// The people covered and their care: visits, stays and drugs (views/household.js, views/care.js).
import { css } from 'lit';

export const householdStyles = css`
  /* People and care */
  .ce-person {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.9em 0.75em;
    margin: 0 0 0.75em;
    min-width: 0;
  }
  .ce-person-name {
    font-weight: 700;
    padding: 0 0.3em;
  }
  .ce-person-fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    align-items: end;
  }
  .ce-person-fields .ce-field {
    margin-bottom: 0.5em;
  }
  /* The row's messages (age, Medicare) come after its fields, on a line of their own: inside a
     field they made it taller, and the row's end alignment moved the buttons beside it down as
     the visitor left the field for one of them, so the click landed on nothing. */
  .ce-person-fields > .ce-err {
    flex-basis: 100%;
    margin: -0.25em 0 0.5em;
  }
  .ce-person-fields .ce-field:first-child {
    display: grid;
    grid-template-columns: auto auto;
    align-items: center;
    column-gap: 0.4em;
  }
  .ce-person-fields .ce-field:first-child > label {
    grid-column: 1 / -1;
  }
  .ce-remove,
  .ce-preset-toggle {
    margin-bottom: 0.5em;
  }
  .ce-caret {
    margin-inline-start: 0.4em;
  }
  .ce-preset-list {
    margin: 0 0 0.5em;
    padding: 0.25em 0.75em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .ce-preset-list ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .ce-preset-list .ce-button .ce-hint {
    font-size: 0.85em;
  }
  /* A year that goes by age while the age is missing: plainly not a button to press. */
  .ce-preset-list .ce-button:disabled {
    color: var(--_muted);
    border-style: dashed;
    cursor: not-allowed;
  }
  .ce-add-people,
  .ce-quick {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .ce-confirm {
    padding: 0.6em 0.8em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .ce-care > summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75em;
    align-items: baseline;
    padding: 0.4em 0;
    font-weight: 600;
    color: var(--_accent);
    list-style: none;
  }
  .ce-care > summary::before {
    content: '▸';
    color: var(--_accent);
  }
  .ce-care[open] > summary::before {
    content: '▾';
  }
  .ce-care-summary {
    color: var(--_muted);
    font-weight: 400;
    font-size: 0.9em;
  }
  .ce-group {
    border-top: 1px solid var(--_border);
  }
  .ce-group > summary {
    padding: 0.5em 0;
    font-weight: 600;
  }
  .ce-chosen {
    margin-inline-start: 0.5em;
    font-weight: 400;
    font-size: 0.85em;
    color: var(--_ok);
  }
  .ce-group-body {
    padding: 0 0 0.5em;
  }
  .ce-service {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25em 1em;
    padding: 0.5em 0;
    border-bottom: 1px dashed var(--_border);
  }
  .ce-service.is-chosen {
    background: linear-gradient(90deg, var(--_surface-alt), transparent);
  }
  .ce-service-text {
    display: grid;
  }
  .ce-service-label {
    font-weight: 600;
  }
  .ce-service-fields {
    display: grid;
    justify-items: end;
    align-content: start;
  }
  .ce-drug {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
    margin: 0.5em 0;
  }
  @container ce (min-width: 40em) {
    .ce-drug {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      column-gap: 1em;
    }
    .ce-drug > legend,
    .ce-drug > .ce-drug-kind,
    .ce-drug > .ce-drug-words {
      grid-column: 1 / -1;
    }
    .ce-drug > .ce-drug-actions {
      grid-column: 1 / -1;
    }
  }
  .ce-drug legend {
    font-weight: 700;
    padding: 0 0.3em;
  }
  .ce-drug-words {
    font-weight: 600;
  }
  .ce-drug-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  @container ce (max-width: 30em) {
    .ce-service {
      grid-template-columns: minmax(0, 1fr);
    }
    .ce-service-fields {
      justify-items: start;
    }
  }
`;
