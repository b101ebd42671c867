// The estimator's layout: one column on a phone (plan, answer, household, with the total in a bar
// at the bottom while the form scrolls); on a wide element the answer beside the form. And the
// card every section sits in.
import { css } from 'lit';

export const layoutStyles = css`
  /* Layout: one column on a phone (plan, answer, household); on a wide element the answer sits
     beside the form and stays in view while the form scrolls (no scrolling of its own). */
  .ce-layout {
    position: relative;
    display: grid;
    gap: 1em;
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: 'top' 'side' 'main';
  }
  .ce-top {
    grid-area: top;
    min-width: 0;
  }
  .ce-side {
    grid-area: side;
    min-width: 0;
  }
  .ce-main {
    grid-area: main;
    min-width: 0;
    display: grid;
    gap: 1em;
    align-content: start;
  }
  @container ce (min-width: 52em) {
    .ce-layout {
      grid-template-columns: minmax(0, 1fr) minmax(20em, 30em);
      grid-template-areas: 'top side' 'main side';
      grid-template-rows: auto 1fr;
      column-gap: 1.5em;
    }
    .ce-side {
      position: sticky;
      top: var(--ce-sticky-top, 0.5em);
      align-self: start;
    }
  }

  .ce-totalbar {
    position: sticky;
    bottom: 0;
    z-index: 2;
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.25em 0.75em;
    padding: 0.5em 0.75em;
    background: var(--_surface);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius) var(--_radius) 0 0;
    box-shadow: 0 -2px 8px rgba(0, 0, 0, 0.12);
  }
  .ce-totalbar p {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
    align-items: baseline;
  }
  .ce-totalbar-amount {
    font-size: 1.25em;
    font-variant-numeric: tabular-nums;
  }
  .ce-totalbar-amount.is-stale {
    text-decoration: line-through;
    opacity: 0.65;
  }
  @container ce (min-width: 52em) {
    .ce-totalbar {
      display: none;
    }
  }
  .ce-card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1em;
    background: var(--_surface);
    min-width: 0;
  }
`;
