// Saved playlists: their songs, M3U download, export to MPD, delete.
import { api, request } from '../api.js';
import { errorLine, fill, h, songLink } from '../dom.js';

const LIMIT = 50;

export async function render(main) {
  const list = h('div', {}, 'Loading…');
  fill(main, h('h1', {}, 'Playlists'), list);

  async function load() {
    try {
      const { playlists, total } = await api('/api/v1/playlists', { query: { limit: LIMIT } });
      fill(list, playlists.length ? [h('p', { class: 'muted' }, total === 1 ? '1 playlist' : `${total} playlists`), playlists.map(card)]
        : h('p', { class: 'muted' }, 'No playlists yet: save one from a song, a path or an alchemy mix.'));
    } catch (error) {
      fill(list, errorLine(error));
    }
  }

  /** Where a playlist came from, in words: "made by hand", or the discovery feature that made it. */
  function origin(source) {
    return source === 'manual' ? 'made by hand' : `from ${source}`;
  }

  function card(playlist) {
    const songs = h('div');
    const status = h('span', { role: 'status' });
    const id = encodeURIComponent(playlist.id);
    return h('section', { class: 'card', style: 'margin-bottom:12px', 'data-playlist': playlist.id },
      h('h2', {}, playlist.name),
      h('p', { class: 'muted' }, `${playlist.song_count === 1 ? '1 song' : `${playlist.song_count} songs`} · ${origin(playlist.source)}`,
        playlist.removed_songs ? ` · ${playlist.removed_songs} removed by vacuum` : ''),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', onclick: async event => {
          const open = event.target.getAttribute('aria-expanded') === 'true';
          event.target.setAttribute('aria-expanded', String(!open));
          if (open) {
            fill(songs);
            return;
          }
          try {
            const full = await api(`/api/v1/playlists/${id}`);
            fill(songs, h('ol', { class: 'songs' }, full.songs.map(s => h('li', {}, songLink(s),
              s.missing ? h('span', { class: 'muted' }, ' (file gone)') : null))));
          } catch (error) {
            fill(songs, errorLine(error));
          }
        } }, 'Songs'),
        h('a', { class: 'button', href: `/api/v1/playlists/${id}.m3u`, download: `${playlist.name}.m3u` }, 'Download M3U'),
        h('button', { type: 'button', class: 'secondary', onclick: async () => {
          try {
            const { data } = await request(`/api/v1/playlists/${id}/mpd`, { method: 'POST' });
            fill(status, data.target === 'mpd' ? `In MPD as ${data.name}` : `Written to ${data.file}`,
              data.left_out ? ` (${data.left_out} left out)` : '');
          } catch (error) {
            fill(status, errorLine(error));
          }
        } }, 'Send to MPD'),
        h('button', { type: 'button', class: 'secondary', onclick: async () => {
          if (!confirm(`Delete the playlist “${playlist.name}”?`)) {
            return;
          }
          try {
            await request(`/api/v1/playlists/${id}`, { method: 'DELETE' });
            load();
          } catch (error) {
            fill(status, errorLine(error));
          }
        } }, 'Delete'),
        status),
      songs);
  }

  await load();
}
