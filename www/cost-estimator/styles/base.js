// The element's box and type, shared by <cost-estimator> and <cost-census>: the host, the wrapper
// that resets every inherited property (`all: initial`, so a host page's fonts, colours or
// text-align do not leak in), the --ce-* custom properties read once into private ones, headings,
// links, focus rings and the skip link. Sizes are in em (never rem): a host's `html { font-size }`
// changes nothing.
//
// Dark mode: every colour's default is `light-dark(light, dark)`, chosen by the element's
// `color-scheme`, which it takes from the host page (the one property it lets through): a page
// that declares `color-scheme: light dark` gets the dark colours when the visitor prefers dark
// (`prefers-color-scheme: dark`), a page that declares nothing stays light, and
// `cost-estimator { color-scheme: dark }` forces either. A --ce-* property a host sets wins in
// both. Every pair keeps text at 4.5:1 or more (the tests run axe-core in dark mode). Printing is
// always light (styles/print.js).
import { css } from 'lit';

export const baseStyles = css`
  :host {
    display: block;
    contain: layout style;
  }
  :host([hidden]) {
    display: none !important;
  }
  .ce {
    all: initial;
    color-scheme: inherit;
    display: block;
    direction: ltr;
    container: ce / inline-size;
    --_accent: var(--ce-accent, light-dark(#0b5cad, #8cbcff));
    --_accent-text: var(--ce-accent-text, light-dark(#ffffff, #0b1a2b));
    --_text: var(--ce-text, light-dark(#1b1f24, #e8ebef));
    --_muted: var(--ce-muted, light-dark(#4a5360, #b0b8c3));
    --_surface: var(--ce-surface, light-dark(#ffffff, #16191e));
    --_surface-alt: var(--ce-surface-alt, light-dark(#f3f5f8, #222730));
    --_border: var(--ce-border, light-dark(#c9d0d9, #4a5360));
    --_danger: var(--ce-error, light-dark(#a4161a, #ffa39c));
    --_ok: var(--ce-ok, light-dark(#1e6b3a, #86dba0));
    --_warn-bg: var(--ce-warn-bg, light-dark(#fff3cd, #3b3000));
    /* Colours the controls and the chart use, not themed on their own. */
    --_warn-text: light-dark(#3d2e00, #ffe49a);
    --_warn-border: light-dark(#e0c36a, #8a7320);
    --_error-bg: light-dark(#fde8e8, #3a1517);
    --_error-border: light-dark(#f0b4b4, #7a3236);
    --_input-border: light-dark(#767f8b, #8d97a3);
    --_invalid-bg: light-dark(#fff7f7, #2a1416);
    --_on-ok: light-dark(#ffffff, #0d1f13);
    --_curve-0: light-dark(#0b5cad, #8cbcff);
    --_curve-1: light-dark(#b3261e, #ff8f86);
    --_curve-2: light-dark(#1e6b3a, #86dba0);
    --_curve-3: light-dark(#7a4a00, #e3b45a);
    --_curve-4: light-dark(#6a1b9a, #d9a3f5);
    --_curve-5: light-dark(#333333, #cfcfcf);
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
  /* Browsers without light-dark() (before 2024) keep the light colours. */
  @supports not (color: light-dark(#000, #fff)) {
    .ce {
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
      --_warn-text: #3d2e00;
      --_warn-border: #e0c36a;
      --_error-bg: #fde8e8;
      --_error-border: #f0b4b4;
      --_input-border: #767f8b;
      --_invalid-bg: #fff7f7;
      --_on-ok: #ffffff;
      --_curve-0: #0b5cad;
      --_curve-1: #b3261e;
      --_curve-2: #1e6b3a;
      --_curve-3: #7a4a00;
      --_curve-4: #6a1b9a;
      --_curve-5: #333333;
    }
  }
`;
