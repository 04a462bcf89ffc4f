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

/**
 * Gives `parent` these children, as replaceChildren would, but keeps every
 * node that already matches: an element of the same tag (and the same key:
 * its `id`, else its `data-plan`; keyed rows are moved) has its attributes and then
 * its children updated likewise, a Text node its text. A recompute thus
 * changes only the figures that changed: the browser styles no new table and
 * lays out only the text that moved. The new nodes must carry no listeners
 * (they are dropped when an old node is kept): handle events on a container.
 */
export function updateChildren(parent, ...children) {
  const wanted = [];
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    wanted.push(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  patchChildren(parent, wanted);
  return parent;
}

function patchChildren(parent, wanted) {
  let current = parent.firstChild;
  for (const next of wanted) current = place(parent, current, next);
  removeFrom(current);
}

/** Puts `next` (or the node it updates) before `current`; returns the node after it. */
function place(parent, current, next) {
  const match = matching(current, next);
  if (!match) {
    parent.insertBefore(next, current); // before null appends
    return current;
  }
  if (match !== current) parent.insertBefore(match, current);
  else current = current.nextSibling;
  if (match.nodeType === Node.ELEMENT_NODE) patchElement(match, next);
  else if (match.data !== next.data) match.data = next.data;
  return current;
}

function removeFrom(node) {
  while (node) {
    const after = node.nextSibling;
    node.remove();
    node = after;
  }
}

/** The node at or after `current` that `next` may update in place, or null. */
function matching(current, next) {
  if (!current) return null;
  if (next.nodeType !== Node.ELEMENT_NODE) return current.nodeType === next.nodeType ? current : null;
  const key = keyOf(next);
  if (key === null) return sameElement(current, next, null) ? current : null;
  for (let node = current; node; node = node.nextSibling) {
    if (sameElement(node, next, key)) return node;
  }
  return null;
}

/** What rows are moved by: `id`, else `data-plan` (null: matched by position). */
function keyOf(el) {
  return el.id || el.getAttribute('data-plan');
}

function sameElement(node, next, key) {
  return node.nodeType === Node.ELEMENT_NODE && node.tagName === next.tagName && keyOf(node) === key;
}

function patchElement(el, next) {
  // getAttributeNames: reading .attributes would make an Attr object per attribute.
  const names = next.getAttributeNames();
  for (const name of names) {
    const value = next.getAttribute(name);
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }
  if (el.attributes.length !== names.length) {
    for (const name of el.getAttributeNames()) {
      if (!next.hasAttribute(name)) el.removeAttribute(name);
    }
  }
  let current = el.firstChild;
  for (let child = next.firstChild; child;) {
    const after = child.nextSibling; // read first: place() may move child
    current = place(el, current, child);
    child = after;
  }
  removeFrom(current);
}

/** Text that screen readers announce but that is not shown. */
export function srOnly(text) {
  return h('span', { class: 'visually-hidden', text });
}
