// The element's box and type, shared by <cost-estimator> and <cost-census>: the host, the wrapper
// that resets every inherited property (`all: initial`, so a host page's fonts, colours or
// text-align do not leak in), the --ce-* custom properties read once into private ones, headings,
// links, focus rings and the skip link. Sizes are in em (never rem): a host's `html { font-size }`
// changes nothing.
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
`;
