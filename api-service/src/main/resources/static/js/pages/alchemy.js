// Songs near a blend of songs, away from others, saved as a playlist through the alchemy source.
import { api } from '../api.js';
import { errorLine, fill, h, num, songLink } from '../dom.js';
import { songPicker } from '../picker.js';
import { saveControls } from '../playlist.js';

export async function render(main) {
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'filters wide', onsubmit: async event => {
      event.preventDefault();
      const data = new FormData(form);
      const items = name => data.getAll(name).filter(Boolean).map(song => ({ song }));
      const body = { add: items('add'), subtract: items('subtract'), n: Number(data.get('n')) || 20 };
      fill(result, h('p', { class: 'muted' }, 'Mixing…'));
      try {
        const answer = await api('/api/v1/alchemy', { method: 'POST', body });
        fill(result,
          h('p', { class: 'muted' }, `${answer.songs.length} songs by ${answer.model}`, answer.message ? ` · ${answer.message}` : ''),
          h('ul', { class: 'songs' }, answer.songs.map(s => h('li', {}, songLink(s),
            h('span', { class: 'muted' }, ` · distance ${num(s.distance, 3)}`)))),
          saveControls('Alchemy', { alchemy: { ...body, seed: answer.seed } }));
      } catch (error) {
        fill(result, errorLine(error));
      }
    } },
    songPicker('add', 'Add song'),
    songPicker('add', 'Add another song (optional)'),
    songPicker('subtract', 'Subtract song (optional)'),
    h('label', {}, 'Songs', h('input', { name: 'n', type: 'number', min: 1, max: 200, value: 20 })),
    h('button', { type: 'submit' }, 'Mix'));
  form.querySelectorAll('input[name="add"]')[1].required = false;
  form.querySelector('input[name="subtract"]').required = false;
  fill(main, h('h1', {}, 'Alchemy'), form, result);
}
