// The element's styles, adopted into its shadow root (a constructed stylesheet: no <style> tag,
// no style attributes, so a strict Content-Security-Policy on the host page is no obstacle).
//
// Theming: the custom properties below (documented in docs/embedding.md) inherit from the host
// page into the shadow tree; nothing else does. The root wrapper resets every inherited property
// (`all: initial`), so a host page's fonts, colours, letter-spacing or text-align do not leak in,
// and sizes are in em (never rem), so a host's `html { font-size }` changes nothing either.

export const CSS = String.raw`
:host {
  display: block;
  contain: content;
}
:host([hidden]) { display: none !important; }

.ce {
  all: initial;
  display: block;
  direction: ltr;
  container-type: inline-size;
  container-name: ce;
  --_accent: var(--ce-accent, #0b5cad);
  --_accent-text: var(--ce-accent-text, #ffffff);
  --_text: var(--ce-text, #1b1f24);
  --_muted: var(--ce-muted, #4a5360);
  --_surface: var(--ce-surface, #ffffff);
  --_surface-alt: var(--ce-surface-alt, #f3f5f8);
  --_border: var(--ce-border, #c9d0d9);
  --_danger: var(--ce-danger, #a4161a);
  --_ok: var(--ce-ok, #1e6b3a);
  --_warn-bg: var(--ce-warn-bg, #fff3cd);
  --_radius: var(--ce-radius, 8px);
  font-family: var(--ce-font, system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif);
  font-size: var(--ce-font-size, medium);
  line-height: 1.5;
  color: var(--_text);
  background: var(--_surface);
  text-align: start;
  overflow-wrap: break-word;
}
.ce *, .ce *::before, .ce *::after { box-sizing: border-box; }
.ce [hidden] { display: none !important; }

.ce-sr {
  position: absolute !important;
  width: 1px; height: 1px;
  margin: -1px; padding: 0; border: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  clip-path: inset(50%);
  white-space: nowrap;
}

.ce h2, .ce h3, .ce h4 { margin: 0 0 0.5em; line-height: 1.25; color: var(--_text); font-family: inherit; }
.ce h2 { font-size: 1.2em; }
.ce h3 { font-size: 1.05em; }
.ce h4 { font-size: 1em; }
.ce p { margin: 0.4em 0; }
.ce ul, .ce ol { margin: 0.4em 0; padding-inline-start: 1.4em; }
.ce a { color: var(--_accent); text-decoration: underline; }

.ce :focus-visible {
  outline: 3px solid var(--_accent);
  outline-offset: 2px;
}

.ce-status { margin: 0 0 0.75em; }
.ce-status:empty { display: none; }
.ce-notice {
  padding: 0.6em 0.8em;
  border-radius: var(--_radius);
  background: var(--_warn-bg);
  color: #3d2e00;
  border: 1px solid #e0c36a;
}
.ce-notice.is-error { background: #fde8e8; color: var(--_danger); border-color: #f0b4b4; }

.ce-layout { display: grid; gap: 1em; grid-template-columns: minmax(0, 1fr); }
.ce-inputs { display: grid; gap: 1em; align-content: start; min-width: 0; }

.ce-card {
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
  padding: 1em;
  background: var(--_surface);
  min-width: 0;
}
.ce-card > h2 { display: flex; align-items: center; gap: 0.5em; }
.ce-step {
  display: inline-grid; place-items: center;
  width: 1.6em; height: 1.6em; border-radius: 50%;
  background: var(--_accent); color: var(--_accent-text);
  font-size: 0.85em; flex: none;
}

/* Fields */
.ce-field { display: grid; gap: 0.25em; margin: 0 0 0.75em; min-width: 0; }
.ce-field > label, .ce-label { font-weight: 600; }
.ce-fields { display: grid; gap: 0 1em; grid-template-columns: repeat(auto-fit, minmax(min(100%, 13em), 1fr)); }
.ce input, .ce select, .ce button, .ce textarea {
  font: inherit;
  color: var(--_text);
  letter-spacing: normal;
  text-transform: none;
  margin: 0;
}
.ce input[type="number"], .ce input[type="text"], .ce select {
  display: block;
  width: 100%;
  min-height: 2.75em;
  padding: 0.4em 0.6em;
  border: 1px solid #767f8b;
  border-radius: calc(var(--_radius) * 0.75);
  background: var(--_surface);
}
.ce select { padding-inline-end: 1.8em; }
.ce input[aria-invalid="true"], .ce select[aria-invalid="true"] {
  border: 2px solid var(--_danger);
  background: #fff7f7;
}
.ce input[type="checkbox"] { width: 1.25em; height: 1.25em; accent-color: var(--_accent); flex: none; }
.ce-check { display: flex; align-items: center; gap: 0.5em; min-height: 2.75em; }
.ce-hint { color: var(--_muted); font-size: 0.875em; }
.ce-err {
  color: var(--_danger);
  font-weight: 600;
  font-size: 0.9em;
  margin: 0.25em 0 0;
}
.ce-err::before { content: "⚠ "; }

.ce-button {
  display: inline-flex; align-items: center; justify-content: center; gap: 0.4em;
  min-height: 2.75em;
  padding: 0.4em 0.9em;
  border-radius: calc(var(--_radius) * 0.75);
  border: 1px solid var(--_accent);
  background: var(--_surface);
  color: var(--_accent);
  cursor: pointer;
  font-weight: 600;
  text-align: center;
}
.ce-button:hover { background: var(--_surface-alt); }
.ce-button.is-primary { background: var(--_accent); color: var(--_accent-text); }
.ce-button.is-small { min-height: 2.25em; padding: 0.2em 0.7em; font-size: 0.9em; }
.ce-button.is-quiet { border-color: transparent; text-decoration: underline; padding-inline: 0.3em; }
.ce-buttons { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; }

.ce-badge {
  display: inline-block;
  padding: 0.05em 0.5em;
  border-radius: 999px;
  font-size: 0.8em;
  font-weight: 700;
  line-height: 1.5;
  vertical-align: baseline;
  white-space: nowrap;
}
.ce-badge.is-illustrative { background: #fff0c2; color: #5c4300; border: 1px solid #d9b649; }
.ce-badge.is-sample { background: #f1e6ff; color: #4b2180; border: 1px solid #b596e0; }
.ce-badge.is-own { background: #e3f4e8; color: #17502c; border: 1px solid #8cc5a0; }

/* Plan */
.ce-plan-name { font-weight: 700; margin: 0.2em 0 0.5em; }
.ce-sample-note {
  border-inline-start: 4px solid #7b4fc0;
  background: #f7f1ff;
  padding: 0.5em 0.75em;
  border-radius: calc(var(--_radius) * 0.5);
}

/* People */
.ce-people { display: grid; gap: 0.75em; margin-bottom: 0.75em; }
.ce-person {
  border: 1px solid var(--_border);
  border-radius: calc(var(--_radius) * 0.75);
  padding: 0.5em 0.75em 0.25em;
  margin: 0;
  min-width: 0;
  display: grid;
  gap: 0 1em;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 10em), 1fr));
  align-items: end;
}
.ce-person > legend { font-weight: 700; padding: 0 0.3em; }
.ce-person .ce-field { margin-bottom: 0.5em; }
.ce-person .ce-remove { margin-bottom: 0.5em; justify-self: start; }

/* Care */
.ce-quick { margin: 0.5em 0 1em; }
.ce-care-person { border: 0; padding: 0; margin: 1em 0 0; min-width: 0; }
.ce-preset { max-width: 32em; }
.ce-preset .ce-hint { margin: 0; }
.ce-care-person > legend { font-weight: 700; font-size: 1.05em; padding: 0; margin-bottom: 0.4em; }
.ce-group {
  border: 1px solid var(--_border);
  border-radius: calc(var(--_radius) * 0.75);
  margin: 0 0 0.5em;
  background: var(--_surface);
}
.ce-group > summary, .ce-worked > summary {
  cursor: pointer;
  padding: 0.6em 0.75em;
  font-weight: 600;
  display: flex; align-items: center; gap: 0.5em;
  list-style: none;
}
.ce-group-name { flex: 0 1 auto; min-width: 0; }
.ce-group > summary::-webkit-details-marker, .ce-worked > summary::-webkit-details-marker { display: none; }
.ce-group > summary::before, .ce-worked > summary::before {
  content: "";
  flex: none;
  width: 0.5em; height: 0.5em;
  border-right: 2px solid var(--_accent);
  border-bottom: 2px solid var(--_accent);
  transform: rotate(-45deg);
  margin-inline-end: 0.15em;
  transition: transform 0.15s;
}
.ce-group[open] > summary::before, .ce-worked[open] > summary::before { transform: rotate(45deg); }
.ce-group[open] > summary { border-bottom: 1px solid var(--_border); }
.ce-group .ce-chosen { white-space: nowrap; flex: none; font-weight: 600; font-size: 0.8em; color: var(--_accent-text); background: var(--_accent); border-radius: 999px; padding: 0 0.6em; }
.ce-svc {
  display: grid;
  grid-template-columns: minmax(0, 1fr) 6.5em;
  gap: 0.25em 0.75em;
  padding: 0.6em 0.75em;
  border-top: 1px solid var(--_surface-alt);
  align-items: center;
}
.ce-svc:first-of-type { border-top: 0; }
.ce-svc.is-chosen { background: #f1f7fe; }
.ce-svc-text { min-width: 0; }
.ce-svc-label { font-weight: 600; display: block; }
.ce-svc-summary { display: block; color: var(--_muted); font-size: 0.85em; }
.ce-svc-count input { text-align: end; }
.ce-svc-more {
  grid-column: 1 / -1;
  display: grid; gap: 0 0.75em;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 11em), 1fr));
  align-items: end;
}
.ce-svc-more .ce-field { margin: 0.25em 0; }
.ce-svc-err { grid-column: 1 / -1; }

/* Prices */
.ce-prices { display: grid; gap: 0; }
.ce-price {
  display: grid;
  grid-template-columns: minmax(0, 1fr) 8.5em;
  gap: 0.25em 0.75em;
  padding: 0.6em 0;
  border-top: 1px solid var(--_surface-alt);
  align-items: center;
}
.ce-price:first-child { border-top: 0; }
.ce-price-label { font-weight: 600; }
.ce-price-meta { grid-column: 1 / -1; color: var(--_muted); font-size: 0.85em; display: flex; flex-wrap: wrap; gap: 0.25em 0.5em; align-items: center; }
.ce-price-input { display: grid; grid-template-columns: auto minmax(0, 1fr); align-items: center; gap: 0.3em; }
.ce-price-input input { text-align: end; }
.ce-price .ce-err { grid-column: 1 / -1; }
.ce-prices-about { color: var(--_muted); font-size: 0.85em; }

/* Results */
.ce-results { min-width: 0; display: grid; gap: 1em; align-content: start; }
.ce-figures { display: grid; gap: 1.25em; min-width: 0; border: 3px dashed transparent; border-radius: var(--_radius); }
.ce-figures h3 { margin-bottom: 0.4em; }
.ce-results.is-stale .ce-figures { border-color: #b38600; }
.ce-results.is-stale .ce-total-amount { color: var(--_muted); text-decoration: line-through; text-decoration-thickness: 2px; }
.ce-summary {
  border-radius: var(--_radius);
  background: var(--_surface-alt);
  border: 1px solid var(--_border);
  padding: 1em;
}
.ce-total-label { font-weight: 700; margin: 0; }
.ce-total-amount {
  display: block;
  font-size: 2.4em;
  font-weight: 800;
  line-height: 1.1;
  font-variant-numeric: tabular-nums;
  color: var(--_text);
  margin: 0.1em 0;
}
.ce-total-sub { color: var(--_muted); margin: 0 0 0.75em; }
.ce-split { display: grid; gap: 0.5em; grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr)); margin: 0; }
.ce-split > div { background: var(--_surface); border: 1px solid var(--_border); border-radius: calc(var(--_radius) * 0.75); padding: 0.5em 0.75em; }
.ce-split dt { font-weight: 600; }
.ce-split dd { margin: 0; }
.ce-split .ce-amount { font-size: 1.35em; font-weight: 700; font-variant-numeric: tabular-nums; display: block; }
.ce-split .ce-hint { display: block; }
.ce-scenario-line { color: var(--_muted); font-size: 0.9em; margin: 0.75em 0 0; }

.ce-meters { display: grid; gap: 0.6em; margin: 0.5em 0 0; }
.ce-meter-row { display: grid; gap: 0.2em; }
.ce-meter-head { display: flex; justify-content: space-between; gap: 0.5em; flex-wrap: wrap; font-size: 0.9em; }
.ce-meter-head .ce-meter-name { font-weight: 600; }
.ce-meter-head .ce-meter-value { font-variant-numeric: tabular-nums; }
.ce-meter {
  height: 0.7em;
  border-radius: 999px;
  background: #dfe4ea;
  overflow: hidden;
  border: 1px solid #8a939e;
}
.ce-meter-fill { height: 100%; width: 0; background: var(--_accent); border-radius: 999px; }
.ce-meter.is-met .ce-meter-fill { background: var(--_ok); }
.ce-met { color: var(--_ok); font-weight: 700; }

.ce-people-results { display: grid; gap: 0.75em; grid-template-columns: repeat(auto-fit, minmax(min(100%, 15em), 1fr)); }
.ce-person-result {
  border: 1px solid var(--_border);
  border-radius: calc(var(--_radius) * 0.75);
  padding: 0.75em;
}
.ce-person-result h4 { margin: 0; }
.ce-person-pays { font-size: 1.25em; font-weight: 700; font-variant-numeric: tabular-nums; margin: 0.1em 0; }

.ce-table-wrap { overflow-x: auto; border: 1px solid var(--_border); border-radius: calc(var(--_radius) * 0.75); }
.ce table { border-collapse: collapse; width: 100%; display: table; font-size: 0.95em; }
.ce caption { text-align: start; padding: 0.5em 0.75em; color: var(--_muted); font-size: 0.9em; caption-side: top; }
.ce th, .ce td { padding: 0.5em 0.6em; border-top: 1px solid var(--_border); text-align: start; vertical-align: top; }
.ce thead th { background: var(--_surface-alt); font-size: 0.9em; white-space: nowrap; }
.ce tbody th { font-weight: 400; }
.ce .ce-money { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ce-line-service { font-weight: 700; display: block; }
.ce-line-meta { display: block; color: var(--_muted); font-size: 0.875em; }
.ce-line-reason { display: block; margin-top: 0.2em; }
.ce-line-narrow { display: none; }
.ce-each { display: block; color: var(--_muted); font-size: 0.8em; }
.ce q { quotes: "“" "”"; font-style: italic; }
/* The plan's own English words inside a page in another language. */
.ce:not([lang="en"]) [lang="en"] { font-style: italic; }

.ce-worked {
  border: 1px solid var(--_border);
  border-radius: calc(var(--_radius) * 0.75);
}
.ce-worked > summary { font-weight: 700; padding: 0.7em 0.9em; }
.ce-worked-body { padding: 0 0.9em 0.9em; }
.ce-worked-body h4 { margin-top: 1em; }
.ce-cite { color: var(--_muted); font-size: 0.9em; }
.ce-cite q { color: var(--_text); }
.ce .ce-rules { list-style: none; padding: 0; }
.ce-rules > li { margin: 0 0 0.75em; }

.ce-actions { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; }

.ce-totalbar {
  position: sticky;
  bottom: 0;
  z-index: 1;
  display: flex; justify-content: space-between; align-items: center; gap: 0.5em;
  padding: 0.5em 0.75em;
  background: var(--_accent);
  color: var(--_accent-text);
  border-radius: var(--_radius);
  box-shadow: 0 -2px 8px rgba(0, 0, 0, 0.15);
}
.ce-totalbar a { color: var(--_accent-text); font-weight: 700; }
.ce-totalbar .ce-button { min-width: 2.75em; font-size: 1em; }
.ce-totalbar strong.is-stale { text-decoration: line-through; opacity: 0.8; }
.ce-totalbar strong { font-size: 1.2em; font-variant-numeric: tabular-nums; }

/* Compare options: the ranked list, the worst cases and the chart. */
.ce-compare {
  margin-top: 1em;
  border: 1px solid var(--_border);
  border-radius: calc(var(--_radius) * 0.75);
  background: var(--_surface);
}
.ce-compare > summary { cursor: pointer; padding: 0.7em 0.9em; display: flex; align-items: center; gap: 0.5em; list-style: none; }
.ce-compare > summary::-webkit-details-marker { display: none; }
.ce-compare > summary::before {
  content: ""; flex: none; width: 0.5em; height: 0.5em;
  border-right: 2px solid var(--_accent); border-bottom: 2px solid var(--_accent);
  transform: rotate(-45deg); transition: transform 0.15s;
}
.ce-compare[open] > summary::before { transform: rotate(45deg); }
.ce-compare[open] > summary { border-bottom: 1px solid var(--_border); }
.ce-compare-heading { margin: 0; font-size: 1.1em; font-weight: 700; }
.ce-compare-body { padding: 0 0.9em 0.9em; min-width: 0; }
.ce-compare-body[data-state="updating"] .ce-options, .ce-compare-body[data-state="updating"] .ce-chart-figure { opacity: 0.6; }
.ce-compare-intro, .ce-chart-none { color: var(--_muted); }
.ce .ce-options { list-style: none; padding: 0; margin: 0.75em 0; display: grid; gap: 0.75em; grid-template-columns: repeat(auto-fit, minmax(15em, 1fr)); }
.ce-option { border: 1px solid var(--_border); border-radius: calc(var(--_radius) * 0.75); padding: 0.75em; min-width: 0; }
.ce-option.is-cheapest { border: 3px solid var(--_ok); }
.ce-option-name { margin: 0 0 0.5em; font-size: 1.05em; display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.35em; }
.ce-rank { font-variant-numeric: tabular-nums; }
.ce-cheapest, .ce-current { font-size: 0.8em; font-weight: 700; border-radius: 999px; padding: 0.05em 0.6em; }
.ce-cheapest { background: var(--_ok); color: #ffffff; }
.ce-current { border: 1px solid var(--_muted); color: var(--_text); font-weight: 600; }
.ce-option-figures { margin: 0; display: grid; gap: 0.2em; }
.ce-option-figures > div { display: flex; justify-content: space-between; gap: 0.5em; }
.ce-option-figures dt { color: var(--_muted); }
.ce-option-figures dd { margin: 0; font-variant-numeric: tabular-nums; font-weight: 600; }
.ce-option-total dt { color: var(--_text); font-weight: 700; }
.ce-option-total dd { font-size: 1.25em; font-weight: 700; }
.ce-worst { font-size: 0.9em; margin: 0.6em 0 0; }
.ce-chart-figure { margin: 0.5em 0 0; }
.ce-chart-box { max-width: 45em; }
.ce-chart { display: block; width: 100%; height: auto; font-family: inherit; }
.ce-chart-tick { font-size: 12px; fill: var(--_muted); }
.ce-chart-label { font-size: 13px; fill: var(--_text); font-weight: 600; }
.ce-chart-gridline { stroke: var(--_border); stroke-width: 1; }
.ce-chart-axis { stroke: var(--_muted); stroke-width: 1; }
.ce-chart-you { stroke: var(--_text); stroke-width: 1.5; stroke-dasharray: 2 3; }
.ce-chart-you-label { font-size: 12px; fill: var(--_text); font-weight: 700; }
.ce-curve { stroke-width: 3; fill: none; stroke-linejoin: round; }
.ce-curve-0 { stroke: #0b5cad; }
.ce-curve-1 { stroke: #b3261e; stroke-dasharray: 10 5; }
.ce-curve-2 { stroke: #1e6b3a; stroke-dasharray: 3 4; }
.ce-curve-3 { stroke: #7a4a00; stroke-dasharray: 12 4 3 4; }
.ce-curve-4 { stroke: #6a1b9a; stroke-dasharray: 1 3; }
.ce-curve-5 { stroke: #333333; stroke-dasharray: 16 6; }
.ce .ce-legend { list-style: none; padding: 0; margin: 0.5em 0 0; display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; }
.ce-legend li { display: flex; align-items: center; gap: 0.4em; }
.ce-legend-key { width: 2.25em; height: 0.7em; flex: none; }
.ce-crossings p { margin: 0.4em 0 0; font-weight: 600; }

/* Narrow (a phone, or a narrow column on a host page): fewer table columns. */
@container ce (max-width: 35em) {
  .ce-wide { display: none; }
  .ce-svc { grid-template-columns: minmax(0, 1fr) 4.75em; gap: 0.25em 0.5em; padding-inline: 0.6em; }
  .ce-price { grid-template-columns: minmax(0, 1fr) 7em; }
  .ce-line-narrow { display: block; }
  .ce-card { padding: 0.75em; }
  .ce-total-amount { font-size: 2em; }
  .ce th, .ce td { padding: 0.45em 0.4em; }
  .ce-compare-body { padding-inline: 0.6em; }
}

/* Wide: inputs and results side by side; the results stay in view while you scroll. */
@container ce (min-width: 62em) {
  .ce-layout { grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); align-items: start; }
  .ce-results {
    position: sticky;
    top: 0;
    max-height: 100vh;
    overflow-y: auto;
    padding-inline-end: 0.25em;
  }
  .ce-totalbar { display: none; }
}

@media (prefers-reduced-motion: reduce) {
  .ce *, .ce *::before { transition: none !important; }
}

@media print {
  .ce { font-size: 9pt; line-height: 1.3; background: #fff; color: #000; }
  .ce-layout { display: block; }
  .ce-inputs, .ce-actions, .ce-totalbar, .ce-status .ce-button, .ce-worked, .ce-compare, .ce-results > h2, .ce-total-sub { display: none !important; }
  .ce-results { position: static; max-height: none; overflow: visible; gap: 0.4em; }
  .ce-figures { gap: 0.5em; }
  .ce-summary { background: #fff; padding: 0.4em 0.6em; display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0 1.5em; align-items: center; }
  .ce-summary > * { grid-column: 1 / -1; }
  .ce-summary > .ce-total-label, .ce-summary > .ce-total-amount { grid-column: 1; }
  .ce-summary > .ce-split { grid-column: 2; grid-row: 1 / span 2; }
  .ce-total-amount { font-size: 1.9em; }
  .ce-split > div { padding: 0.2em 0.5em; }
  .ce-split .ce-amount { font-size: 1.1em; }
  .ce-scenario-line { margin-top: 0.3em; }
  .ce-figures h3 { font-size: 1em; margin: 0 0 0.2em; }
  .ce-people-results { grid-template-columns: repeat(auto-fit, minmax(14em, 1fr)); gap: 0.4em; }
  .ce-person-result { padding: 0.3em 0.5em; }
  .ce-person-pays { font-size: 1.05em; margin: 0; }
  .ce-meters { gap: 0.2em; margin-top: 0.2em; }
  .ce-meter { height: 0.45em; border-color: #000; }
  .ce-meter-fill { background: #000 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .ce-table-wrap { overflow: visible; border: 0; }
  .ce caption { display: none; }
  .ce-wide { display: table-cell !important; }
  .ce-line-narrow { display: none !important; }
  .ce th, .ce td { padding: 0.15em 0.35em; }
  .ce-line-reason { margin-top: 0; }
  .ce-person-result, .ce-summary, tr { break-inside: avoid; }
  .ce-print-only { display: block !important; }
}
.ce-print-only { display: none; }
`;

let sheet;
/** One constructed stylesheet shared by every element on the page. */
export function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
