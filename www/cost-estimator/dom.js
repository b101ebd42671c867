// A tiny DOM builder. Text is always added as text nodes (never parsed as HTML), attributes with
// setAttribute, a few live properties as properties; there is no way to pass markup or a style
// attribute through it, so plan and user text cannot inject anything.

const PROPERTIES = new Set(['value', 'checked', 'selected', 'disabled', 'hidden', 'open', 'indeterminate']);

/**
 * h('p', { class: 'note', id: 'x' }, 'text', child, [more]) → element.
 * Props: `class`, `dataset` (object), `on<event>` (listener), the properties above, any other
 * attribute (true → present and empty; null/false/undefined → left out). `style` is refused.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'style') throw new Error('dom.h: style attributes are not allowed (CSP)');
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on')) {
      if (typeof value !== 'function') throw new Error(`dom.h: ${key} must be a function`);
      el.addEventListener(key.slice(2), value);
    }
    else if (PROPERTIES.has(key)) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children: nodes as they are, strings and numbers as text, arrays flattened, null skipped. */
export function append(parent, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === '') continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Text that screen readers read but the eye does not see. */
export function srOnly(text) {
  return h('span', { class: 'ce-sr' }, text);
}

/** Text in English inside a page in another language (the plan's own words). */
export function english(text, isEnglish, tag = 'span') {
  return isEnglish ? h(tag, { lang: 'en' }, text) : document.createTextNode(text);
}
