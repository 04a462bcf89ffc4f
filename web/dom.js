// Building DOM nodes from data. Everything that comes from a catalog or the
// engine is inserted as text (Text nodes / textContent), never parsed as HTML:
// a catalog name containing "<img onerror=...>" renders as those characters.

/**
 * Creates an element.
 * @param {string} tag
 * @param {Record<string, string|number|boolean|null|undefined>} [attrs]
 *   attributes; `class` sets className, `text` sets textContent, a boolean
 *   true sets an empty attribute, false/null/undefined skip it.
 * @param {...(Node|string|number|null|undefined|false)} children
 *   strings and numbers become Text nodes; null/undefined/false are skipped.
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') el.className = String(value);
    else if (name === 'text') el.textContent = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends children (nodes or text) to a parent; skips null/undefined/false. */
export function append(parent, ...children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/**
 * Sets an element's text only when it differs: rewriting the same text still
 * replaces its Text node, and the browser then lays the element out again
 * (the SLA panel relabels some forty <option>s on every recompute).
 */
export function setText(el, text) {
  const value = String(text);
  if (el.textContent !== value) el.textContent = value;
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, ...children);
}

/** Text that screen readers announce but that is not shown. */
export function srOnly(text) {
  return h('span', { class: 'visually-hidden', text });
}
