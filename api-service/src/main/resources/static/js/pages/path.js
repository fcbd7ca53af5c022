// A path of songs from one song to another, saved as a playlist through the path source.
import { api } from '../api.js';
import { errorLine, fill, h, num, songLink } from '../dom.js';
import { songPicker } from '../picker.js';
import { saveControls } from '../playlist.js';

export async function render(main, rest) {
  const state = Object.fromEntries(new URLSearchParams(rest.replace(/^\?/, '')));
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'filters wide', onsubmit: event => {
      event.preventDefault();
      location.hash = `#/path/?${new URLSearchParams([...new FormData(form)])}`;
    } },
    songPicker('from', 'From song', state.from),
    songPicker('to', 'To song', state.to),
    h('label', {}, 'Songs', h('input', { name: 'steps', type: 'number', min: 2, max: 200, value: state.steps || 25 })),
    h('button', { type: 'submit' }, 'Find path'));
  fill(main, h('h1', {}, 'Path'), form, result);
  if (!state.from || !state.to) {
    fill(result, h('p', { class: 'muted' }, 'Pick two songs: the path walks from one to the other through similar songs.'));
    return;
  }
  try {
    const query = { from: state.from, to: state.to, steps: state.steps };
    const answer = await api('/api/v1/path', { query });
    fill(result,
      h('p', { class: 'muted' }, `${answer.songs.length} songs by ${answer.model}`, answer.message ? ` · ${answer.message}` : ''),
      h('ol', { class: 'songs' }, answer.songs.map(s => h('li', {}, songLink(s),
        s.distance_from_previous === null ? null : h('span', { class: 'muted' }, ` · step ${num(s.distance_from_previous, 3)}`)))),
      saveControls('Path', { path: query }));
  } catch (error) {
    fill(result, errorLine(error));
  }
}
