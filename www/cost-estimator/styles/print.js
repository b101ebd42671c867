// The printed proposal (views/print.js): hidden on screen; in print, the sheet and nothing else
// of the element. And no motion for those who ask for none.
import { css } from 'lit';

export const printStyles = css`
  /* Print: the sheet, and nothing else of the element */
  .ce-print {
    display: none;
  }
  @media print {
    /* Paper is light, whatever the screen was (dark mode: styles/base.js). */
    .ce {
      color-scheme: light;
    }
    .ce-share,
    .ce-layout,
    .ce-skip,
    [data-live] {
      display: none !important;
    }
    .ce-print {
      display: block;
      color: #000;
      font-size: 11pt;
    }
    .ce-print-table {
      page-break-inside: avoid;
    }
    .ce-print h2 {
      font-size: 16pt;
    }
    .ce-print h3,
    .ce-print h4 {
      font-size: 12pt;
      margin: 0.8em 0 0.3em;
      break-after: avoid;
      page-break-after: avoid;
    }
    /* The disclaimer comes first, under the title: at the end it could fall onto a page of its
       own (Chromium does not keep it with a two-column list above it). */
    .ce-print-note {
      margin: 0.4em 0 0.6em;
      padding: 0.3em 0.5em;
      border: 1px solid #555;
      font-size: 9pt;
    }
    /* Every printed word at 9 pt or more (the assumptions were 7 pt). */
    .ce-print .ce-sources {
      font-size: 9pt;
      line-height: 1.25;
      padding-inline-start: 1em;
      columns: 2;
      column-gap: 1.5em;
    }
    .ce-print .ce-sources li {
      margin: 0.1em 0;
    }
    .ce-print-table td,
    .ce-print-table th {
      padding: 0.2em 0.3em;
    }
    .ce-print-table,
    .ce-print-table thead th,
    .ce-print-chart figcaption,
    .ce-print-chart .ce-legend {
      font-size: 9pt;
    }
    .ce-print {
      font-size: 10pt;
    }
    .ce-print-head h2 {
      margin: 0.2em 0;
    }
    .ce-print-head p,
    .ce-print-people {
      margin: 0.2em 0;
    }
    .ce-print-chart {
      page-break-inside: avoid;
      break-inside: avoid;
    }
    .ce-print-chart svg {
      width: 100%;
      max-width: 11.5cm;
      height: auto;
    }
    .ce-print-chart figure {
      margin: 0.4em 0;
    }
    .ce-print-chart .ce-hint {
      display: none;
    }
    .ce-print-chart .ce-legend li {
      white-space: nowrap;
    }
    .ce-print-benefits {
      break-inside: auto;
      page-break-inside: auto;
      font-size: 9pt;
      line-height: 1.25;
      table-layout: fixed;
      width: 100%;
      border-collapse: collapse;
    }
    .ce-print-benefits th,
    .ce-print-benefits td {
      vertical-align: top;
      text-align: start;
      border-bottom: 1px solid #bbb;
      overflow-wrap: anywhere;
    }
    .ce-print-benefits tbody th,
    .ce-print-benefits thead td {
      width: 15%;
    }
    .ce-print-benefits tr {
      break-inside: avoid;
    }
    .ce-print-cite,
    .ce-print-sources {
      font-size: 9pt;
      color: #333;
    }
    .ce-print-cite a,
    .ce-print a {
      color: inherit;
    }
    .ce-broker {
      border: 0;
      border-bottom: 2px solid #000;
      border-radius: 0;
      background: none;
      padding: 0 0 0.4em;
      margin-block-end: 0.6em;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .ce * {
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
