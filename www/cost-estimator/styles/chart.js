// The chart of each option's cost as care grows (views/chart.js).
import { css } from 'lit';

export const chartStyles = css`
  /* The chart */
  .ce-chart-figure {
    margin: 0.5em 0 0;
  }
  .ce-chart {
    display: block;
    max-width: 100%;
    height: auto;
    font-family: inherit;
  }
  .ce-chart-tick {
    font-size: 12px;
    fill: var(--_muted);
  }
  .ce-chart-label {
    font-size: 12px;
    fill: var(--_text);
    font-weight: 600;
  }
  .ce-chart-gridline {
    stroke: var(--_border);
    stroke-width: 1;
  }
  .ce-chart-axis {
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .ce-chart-you {
    stroke: var(--_text);
    stroke-width: 1.5;
    stroke-dasharray: 2 3;
  }
  .ce-chart-you-label {
    font-size: 12px;
    fill: var(--_text);
    font-weight: 700;
  }
  .ce-curve {
    stroke-width: 3;
    fill: none;
    stroke-linejoin: round;
  }
  .ce-curve-0 {
    stroke: #0b5cad;
  }
  .ce-curve-1 {
    stroke: #b3261e;
    stroke-dasharray: 10 5;
  }
  .ce-curve-2 {
    stroke: #1e6b3a;
    stroke-dasharray: 3 4;
  }
  .ce-curve-3 {
    stroke: #7a4a00;
    stroke-dasharray: 12 4 3 4;
  }
  .ce-curve-4 {
    stroke: #6a1b9a;
    stroke-dasharray: 1 3;
  }
  .ce-curve-5 {
    stroke: #333333;
    stroke-dasharray: 16 6;
  }
  .ce-legend {
    list-style: none;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }
  .ce-legend li {
    display: flex;
    align-items: center;
    gap: 0.4em;
  }
  .ce-crossing {
    font-weight: 600;
  }
`;
