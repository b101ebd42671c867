// The agent's block (broker-* attributes, the logo slot) and "Send to my agent".
import { css } from 'lit';

export const brokerStyles = css`
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
`;
