// Builds elements from data. Text always goes in as text nodes (never innerHTML), so a song titled
// `<img src=x onerror=alert(1)>` shows exactly that.

/**
 * `h('a', {href: '#/x', class: 'c', onclick: fn}, 'text', child)`: attributes starting with "on" are listeners;
 * `null`/`false` children are skipped, strings and numbers become text.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'value') {
      element.value = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Empties `element` and fills it with `children`. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** The hash route of a song's page. */
export function songHref(path) {
  return `#/song/${encodeURIComponent(path)}`;
}

/** "Title — Artist" for a song object of any endpoint, falling back on the file name. */
export function songLabel(song) {
  const title = song.title || (song.file_path || '').split('/').pop();
  return song.artist ? `${title} — ${song.artist}` : title;
}

/** A link to the song's page labelled with its title and artist. */
export function songLink(song) {
  return h('a', { href: songHref(song.file_path) }, songLabel(song));
}

/** A labelled horizontal bar for a value in [0, 1], showing `shown` (the value itself by default) at its end. */
export function bar(label, value, shown) {
  const clamped = Math.max(0, Math.min(1, Number(value) || 0));
  return h('div', { class: 'bar', role: 'meter', 'aria-label': label, 'aria-valuemin': 0, 'aria-valuemax': 1,
      'aria-valuenow': clamped.toFixed(3) },
    h('span', {}, label),
    h('span', { class: 'track' }, h('span', { class: 'fill', style: `width:${(clamped * 100).toFixed(1)}%` })),
    h('span', { class: 'value' }, shown ?? clamped.toFixed(2)));
}

/** An error line for a failed request. */
export function errorLine(error) {
  return h('p', { class: 'error', role: 'alert' }, error.message || String(error));
}

/** A number with at most `digits` decimals, or an em dash for null. */
export function num(value, digits = 1) {
  return value === null || value === undefined ? '—' : String(Number(Number(value).toFixed(digits)));
}
