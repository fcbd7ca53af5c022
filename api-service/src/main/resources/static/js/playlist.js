// "Save as playlist" for a discovery answer: the same request goes to POST /api/v1/playlists as its source.
import { api } from './api.js';
import { errorLine, fill, h } from './dom.js';

export function saveControls(defaultName, from) {
  const status = h('span', { role: 'status' });
  const name = h('input', { name: 'playlist-name', value: defaultName, maxlength: 200, 'aria-label': 'Playlist name' });
  return h('div', { class: 'actions' }, name,
    h('button', { type: 'button', class: 'secondary', onclick: async event => {
      event.target.disabled = true;
      try {
        const playlist = await api('/api/v1/playlists', { method: 'POST', body: { name: name.value, from } });
        fill(status, 'Saved: ', h('a', { href: '#/playlists' }, `${playlist.name} (${playlist.song_count} songs)`));
      } catch (error) {
        fill(status, errorLine(error));
      }
      event.target.disabled = false;
    } }, 'Save as playlist'), status);
}
