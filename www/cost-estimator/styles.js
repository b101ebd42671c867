// The element's styles: one constructed stylesheet adopted into its shadow root (no <style> tag,
// no style attributes), so a strict Content-Security-Policy on the host page is no obstacle.
//
// Theming: the --ce-* custom properties (docs/embedding.md) inherit from the host page into the
// shadow tree; nothing else does. The wrapper resets every inherited property (`all: initial`),
// so a host page's fonts, colours or text-align do not leak in, and sizes are in em (never rem),
// so a host's `html { font-size }` changes nothing either.
import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    contain: layout style;
  }
  :host([hidden]) {
    display: none !important;
  }
  .ce {
    all: initial;
    display: block;
    direction: ltr;
    container: ce / inline-size;
    --_accent: var(--ce-accent, #0b5cad);
    --_accent-text: var(--ce-accent-text, #ffffff);
    --_text: var(--ce-text, #1b1f24);
    --_muted: var(--ce-muted, #4a5360);
    --_surface: var(--ce-surface, #ffffff);
    --_surface-alt: var(--ce-surface-alt, #f3f5f8);
    --_border: var(--ce-border, #c9d0d9);
    --_danger: var(--ce-error, #a4161a);
    --_ok: var(--ce-ok, #1e6b3a);
    --_warn-bg: var(--ce-warn-bg, #fff3cd);
    --_radius: var(--ce-radius, 8px);
    font-family: var(--ce-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', Arial, sans-serif);
    font-size: var(--ce-font-size, medium);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_surface);
    text-align: start;
    overflow-wrap: break-word;
  }
  .ce *,
  .ce *::before,
  .ce *::after {
    box-sizing: border-box;
  }
  .ce [hidden] {
    display: none !important;
  }
  .ce-sr {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .ce h2,
  .ce h3,
  .ce h4 {
    margin: 0 0 0.5em;
    line-height: 1.25;
    color: var(--_text);
    font-family: inherit;
  }
  .ce-h2 {
    font-size: 1.2em;
  }
  .ce-h3,
  .ce h3 {
    font-size: 1.05em;
  }
  .ce h4 {
    font-size: 1em;
  }
  .ce p {
    margin: 0.4em 0;
  }
  .ce ul,
  .ce ol {
    margin: 0.4em 0;
    padding-inline-start: 1.4em;
  }
  .ce a {
    color: var(--_accent);
    text-decoration: underline;
  }
  .ce :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .ce-skip:not(:focus) {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .ce-skip:focus {
    display: inline-block;
    margin: 0 0 0.5em;
    padding: 0.5em 0.9em;
    background: var(--_accent);
    color: var(--_accent-text) !important;
    border-radius: var(--_radius);
  }

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
      grid-template-columns: minmax(0, 1fr) minmax(20em, 27em);
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
  .ce-broker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1.5em;
    margin-block-end: 1em;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .ce-broker-who {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-width: 0;
  }
  .ce-broker-logo::slotted(img),
  .ce-broker-logo::slotted(svg) {
    display: block;
    max-height: 3em;
    max-width: min(8em, 30cqi);
    object-fit: contain;
  }
  .ce-broker-name {
    margin: 0;
    font-size: 1.05em;
    overflow-wrap: anywhere;
  }
  .ce-broker-role {
    font-weight: normal;
    color: var(--_muted);
  }
  .ce-broker-contact {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0.2em 0 0;
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .ce-share {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    max-width: 36em;
  }
  .ce-share p {
    margin: 0;
  }
  .ce-share[role='group'] {
    display: block;
    padding: 0.75em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .ce-share[role='group'] .ce-actions {
    margin-block-start: 0.5em;
  }
  @container ce (max-width: 30em) {
    .ce-broker {
      padding: 0.5em 0.75em;
      font-size: 0.9em;
      margin-block-end: 0.75em;
    }
    .ce-broker-logo::slotted(img),
    .ce-broker-logo::slotted(svg) {
      max-height: 2.2em;
      max-width: 5em;
    }
    .ce-broker-contact {
      gap: 0 0.75em;
    }
  }
  .ce-status:empty {
    display: none;
  }
  .ce-notice {
    padding: 0.6em 0.8em;
    border-radius: var(--_radius);
    background: var(--_warn-bg);
    color: #3d2e00;
    border: 1px solid #e0c36a;
    margin: 0.5em 0;
  }
  .ce-notice.is-error {
    background: #fde8e8;
    color: var(--_danger);
    border-color: #f0b4b4;
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
    border: 1px solid #767f8b;
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
    background: #fff7f7;
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
    color: #fff;
  }
  .ce-badge.is-sample,
  .ce-badge.is-illustrative {
    background: var(--_warn-bg);
    color: #3d2e00;
    border-color: #e0c36a;
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

  /* The plan */
  .ce-plan-fields {
    display: grid;
    gap: 0 1em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
  }
  .ce-plan-only {
    font-weight: 600;
    margin: 0.3em 0;
  }
  .ce-contribution summary {
    font-weight: 600;
    color: var(--_accent);
  }

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
  .ce-option {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
  }
  .ce-option.is-chosen {
    border: 2px solid var(--_accent);
    background: var(--_surface-alt);
  }
  .ce-option-head {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.5em;
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
  .ce-person-fields .ce-field:first-child {
    display: grid;
    grid-template-columns: auto auto;
    align-items: center;
    column-gap: 0.4em;
  }
  .ce-person-fields .ce-field:first-child > label {
    grid-column: 1 / -1;
  }
  .ce-remove {
    margin-bottom: 0.5em;
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
    .ce-drug > button {
      justify-self: start;
    }
  }
  .ce-drug legend {
    font-weight: 700;
    padding: 0 0.3em;
  }
  .ce-drug-words {
    font-weight: 600;
  }
  @container ce (max-width: 30em) {
    .ce-service {
      grid-template-columns: minmax(0, 1fr);
    }
    .ce-service-fields {
      justify-items: start;
    }
  }

  /* Prices */
  .ce-prices > summary {
    display: flex;
    gap: 0.75em;
    align-items: baseline;
    list-style: none;
  }
  .ce-prices > summary h2 {
    margin: 0;
  }
  .ce-price {
    border-bottom: 1px dashed var(--_border);
    padding: 0.25em 0;
  }
  .ce-price label {
    flex: 1 1 12em;
  }

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

  /* Print: the sheet, and nothing else of the element */
  .ce-print {
    display: none;
  }
  @media print {
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
    .ce-print-note {
      margin-top: 1em;
      font-size: 9pt;
    }
    .ce-print .ce-sources {
      font-size: 7pt;
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
      font-size: 7.5pt;
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
      font-size: 7.5pt;
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
