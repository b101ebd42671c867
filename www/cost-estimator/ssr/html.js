// A Lit template as HTML text, without a DOM: what the element's own views (views/*.js) draw,
// written out at build time (ssr/prerender.js) so that a page carries the answer in its HTML.
// It runs the same view functions the element runs; only the way their templates become markup
// differs. It handles what the views use: text and nested templates (and arrays of them), plain
// and multi-part attribute bindings, boolean attributes (`?open`), the properties a form shows
// (`.value` becomes the `value` attribute of an input, `.checked` the `checked` attribute; a
// select's value is its options' `?selected`), and directives, through their own `render()`
// (`live`, `repeat`), as @lit-labs/ssr does. Event bindings (`@click`) are left out: the markup
// needs the element's script to do anything (docs/decisions.md 41).
//
// Lit's own server renderer (@lit-labs/ssr) was the other way: docs/decisions.md 41 says why not.
import { nothing, noChange } from 'lit';

const TEXT_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };
export const escapeText = (s) => String(s).replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]);
export const escapeAttribute = (s) => String(s).replace(/[&"<>]/g, (c) => ATTR_ESCAPES[c]);

/** The attribute a binding inside a tag belongs to: its prefix (`.`, `?`, `@` or none), its name,
 * its quote (or none), and the static text of its value before the binding. */
const ATTRIBUTE = /([.?@]?)([^\s"'>/=\x00-\x1f]+)\s*=\s*(?:(["'])([^"']*))?$/;

/** The HTML of `value` (a template, an array of them, text, a directive's result). */
export function renderToString(value) {
  const out = [];
  child(value, out);
  return out.join('');
}

const isTemplate = (v) => v !== null && typeof v === 'object' && '_$litType$' in v && Array.isArray(v.strings);
const isDirective = (v) => v !== null && typeof v === 'object' && typeof v._$litDirective$ === 'function';

/** A directive's value as its `render()` gives it (what a server renderer shows). `type`: Lit's
 * part type (1 attribute, 2 child, 3 property, 4 boolean attribute); `single`: the binding is
 * the attribute's whole value. */
function resolve(value, type, name = '', tagName = '', single = true) {
  let v = value;
  while (isDirective(v)) {
    const directive = new v._$litDirective$({ type, name, tagName, strings: single ? undefined : ['', '', ''] });
    v = directive.render(...v.values);
  }
  return v;
}

function child(value, out) {
  const v = resolve(value, 2);
  if (v === null || v === undefined || v === nothing || v === noChange || v === '') return;
  if (isTemplate(v)) return template(v, out);
  if (typeof v !== 'string' && typeof v?.[Symbol.iterator] === 'function') {
    for (const item of v) child(item, out);
    return;
  }
  out.push(escapeText(v));
}

function template({ strings, values }, out) {
  let mode = 'text'; // 'text' | 'comment' | 'tag' (between a tag's attributes) | 'quoted'
  let quote = '';
  let tag = ''; // the current tag's text so far (values stand in as "x")
  let tagName = '';
  let skip = ''; // a quote to leave out at the start of the next string (its binding was left out)
  for (let i = 0; i < strings.length; i++) {
    let s = strings[i];
    if (skip && s.startsWith(skip)) {
      // The closing quote of a value left out (or written here with its own quotes).
      s = s.slice(1);
      mode = 'tag';
    }
    skip = '';
    for (let j = 0; j < s.length; j++) {
      const c = s[j];
      if (mode === 'text') {
        if (s.startsWith('<!--', j)) mode = 'comment';
        else if (c === '<' && /[a-zA-Z/]/.test(s[j + 1] ?? '')) {
          mode = 'tag';
          tag = '';
          tagName = /^\/?([a-zA-Z][\w-]*)/.exec(s.slice(j + 1))?.[1]?.toLowerCase() ?? '';
        }
      } else if (mode === 'comment') {
        if (s.startsWith('-->', j)) mode = 'text';
      } else if (mode === 'tag') {
        tag += c;
        if (c === '"' || c === "'") (mode = 'quoted'), (quote = c);
        else if (c === '>') mode = 'text';
      } else {
        tag += c;
        if (c === quote) mode = 'tag';
      }
    }
    if (i === values.length) {
      out.push(s);
      break;
    }
    if (mode === 'text') {
      out.push(s);
      child(values[i], out);
      continue;
    }
    if (mode === 'comment') throw new Error(`ssr/html.js: a binding inside a comment (${s.slice(-40)})`);
    const m = ATTRIBUTE.exec(tag);
    if (!m) throw new Error(`ssr/html.js: a binding inside <${tagName}> that is not an attribute's value (${tag.slice(-40)})`);
    const [whole, prefix, name, q = '', before = ''] = m;
    const single = !before && (q === '' || strings[i + 1]?.startsWith(q));
    tag += 'x';
    if (!prefix && !single) {
      // Part of an attribute's value: `class="a ${b}"`.
      const v = resolve(values[i], 1, name, tagName, false);
      out.push(s, v === nothing || v == null ? '' : escapeAttribute(v));
      continue;
    }
    // The whole value: the name is written here (or not at all).
    out.push(s.slice(0, s.length - whole.length));
    skip = q;
    if (prefix === '@') continue;
    const v = resolve(values[i], prefix === '.' ? 3 : prefix === '?' ? 4 : 1, name, tagName);
    if (prefix === '?') {
      if (v && v !== nothing) out.push(name);
    } else if (prefix === '.') {
      if (name === 'value' && tagName === 'input' && v != null && v !== nothing) out.push(`value="${escapeAttribute(v)}"`);
      else if (name === 'checked' && v && v !== nothing) out.push('checked');
    } else if (v !== nothing && v != null) {
      out.push(`${name}="${escapeAttribute(v)}"`);
    }
  }
}
