// Small pieces the form views share.
import { html, nothing } from 'lit';

/** The message under a field whose value the engine refused (or that is empty and was left),
 * in the element's language, chosen by the error's code and the kind of field. */
export function fieldError(vm, fieldKey, id, kind) {
  const error = vm.error(fieldKey);
  if (!error) return nothing;
  return html`<p class="ce-err" id=${id}>${error.link ? vm.w.t.notices.linkField : vm.w.error(kind, error)}</p>`;
}

/** Words with values put in (`words(...values)` from a catalog), each value isolated in a
 * <bdi>: a name written right to left, or an attribute holding bidi marks, cannot reorder the
 * sentence around it. An empty value stays empty (the words may leave it out). */
export function isolated(words, ...values) {
  const text = words(...values.map((v, i) => (v ? `\uE000${i}\uE001` : v)));
  return text.split(/\uE000(\d+)\uE001/).map((part, i) => (i % 2 ? html`<bdi>${values[Number(part)]}</bdi>` : part));
}

/** Plan text (the document's own English words), marked as English inside a Spanish page. */
export function english(vm, text) {
  return vm.w.lang === 'en' ? text : html`<span lang="en">${text}</span>`;
}
