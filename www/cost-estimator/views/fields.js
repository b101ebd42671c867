// Small pieces the form views share.
import { html, nothing } from 'lit';

/** The message under a field whose value the engine refused (or that is empty and was left),
 * in the element's language, chosen by the error's code and the kind of field. */
export function fieldError(vm, fieldKey, id, kind) {
  const error = vm.error(fieldKey);
  if (!error) return nothing;
  return html`<p class="ce-err" id=${id}>${vm.w.error(kind, error)}</p>`;
}

/** Plan text (the document's own English words), marked as English inside a Spanish page. */
export function english(vm, text) {
  return vm.w.lang === 'en' ? text : html`<span lang="en">${text}</span>`;
}
