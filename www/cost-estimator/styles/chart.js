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
    stroke: var(--_curve-0);
  }
  .ce-curve-1 {
    stroke: var(--_curve-1);
    stroke-dasharray: 10 5;
  }
  .ce-curve-2 {
    stroke: var(--_curve-2);
    stroke-dasharray: 3 4;
  }
  .ce-curve-3 {
    stroke: var(--_curve-3);
    stroke-dasharray: 12 4 3 4;
  }
  .ce-curve-4 {
    stroke: var(--_curve-4);
    stroke-dasharray: 1 3;
  }
  .ce-curve-5 {
    stroke: var(--_curve-5);
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
  /* Forced colours (Windows high contrast): the chart in the visitor's own colours. Its text and
     axes take the text colour, the curves too, told apart by their dash patterns (the legend
     shows each), the first one solid. */
  @media (forced-colors: active) {
    .ce-chart {
      forced-color-adjust: none;
      background: Canvas;
    }
    .ce-chart-tick,
    .ce-chart-label,
    .ce-chart-you-label {
      fill: CanvasText;
    }
    .ce-chart-axis,
    .ce-chart-you,
    .ce-chart-gridline {
      stroke: CanvasText;
    }
    .ce-chart-gridline {
      stroke-opacity: 0.35;
    }
    .ce-curve {
      stroke: Highlight;
    }
    .ce-legend-swatch {
      forced-color-adjust: none;
    }
  }
`;
