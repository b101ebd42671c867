// The odds under the ranking (views/odds.js).
import { css } from 'lit';

export const oddsStyles = css`
  /* The switch opens the odds under the ranking, on the line of the worst-case note (in the
     heading row it pushed the third option off a 1280x800 screen once the heading named the
     enrollment; on a line of its own, the answer grew past the screen). */
  .ce-options-foot {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    column-gap: 0.75em;
  }
  .ce-options-foot > details {
    flex: 1 1 16em;
    min-width: 0;
  }
  .ce-options-foot > .ce-odds-toggle {
    flex: none;
  }
  .ce-options-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    column-gap: 0.75em;
  }
  .ce .ce-odds-toggle {
    font-size: 0.875em;
  }
  .ce-odds {
    margin-top: 0.75em;
    border-top: 1px solid var(--_border);
    padding-top: 0.5em;
  }
  .ce-odds[hidden] {
    display: none;
  }
  .ce .ce-odds-h {
    margin: 0 0 0.25em;
    font-size: 1em;
  }
  .ce-odds-about > summary {
    cursor: pointer;
    color: var(--_accent);
  }
  .ce-odds-sex {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0.5em 0;
    padding: 0.5em 0.75em;
  }
  .ce-odds-sex legend {
    font-weight: 600;
  }
  .ce-odds-sex-list {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
  }
  .ce-odds-progress {
    width: 100%;
    max-width: 20em;
  }
  .ce .ce-odds-list {
    list-style: none;
    padding: 0;
    margin: 0.5em 0;
    display: grid;
    gap: 0.5em;
  }
  .ce-odds-option {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
  }
  .ce-odds-option p {
    margin: 0.1em 0;
  }
  .ce-odds-notes {
    margin: 0.5em 0;
    padding-inline-start: 1.25em;
  }
`;
