// A song field with type-ahead: what is typed goes to the text search (the library has no title index of its
// own), and the answers are offered as the field's suggestions; the value is the song's path.
import { api } from './api.js';
import { h, songLabel } from './dom.js';

let fields = 0;

/** A labelled input named `name`; the suggestions list follows the typing (250 ms pause). */
export function songPicker(name, label, value = '') {
  const id = `pick-${name}-${++fields}`;
  const list = h('datalist', { id: `${id}-list` });
  const hint = h('span', { class: 'muted', 'aria-live': 'polite' });
  const input = h('input', { id, name, list: list.id, value, autocomplete: 'off', required: true,
    placeholder: 'type to search' });
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2 || text.includes('/')) {
      return; // a chosen path, or too little to search with
    }
    timer = setTimeout(async () => {
      try {
        const { songs } = await api('/api/v1/search', { query: { q: text, limit: 8 } });
        list.replaceChildren(...songs.map(s => h('option', { value: s.file_path }, songLabel(s))));
        hint.textContent = songs.length ? '' : 'no match';
      } catch (error) {
        hint.textContent = error.message;
      }
    }, 250);
  });
  return h('label', { for: id }, label, input, list, hint);
}
