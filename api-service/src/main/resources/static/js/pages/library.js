// Text search with the similar endpoints' field filters, or the plain song list when nothing is typed; paged.
import { request } from '../api.js';
import { errorLine, fill, h, num, songLink } from '../dom.js';

const LIMIT = 25;
const MOODS = ['danceable', 'aggressive', 'happy', 'party', 'relaxed', 'sad'];
const FILTERS = ['genre', 'artist', 'bpm_min', 'bpm_max', 'key', 'moods'];

export async function render(main, rest) {
  const state = Object.fromEntries(new URLSearchParams(rest.replace(/^\?/, '')));
  const offset = Number(state.offset) || 0;
  const field = (name, label, attributes = {}) => h('label', {}, label,
    h('input', { name, value: state[name] || '', ...attributes }));
  const form = h('form', { class: 'filters', role: 'search', onsubmit: event => {
      event.preventDefault();
      const values = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ''));
      location.hash = `#/library/?${new URLSearchParams(values)}`;
    } },
    field('q', 'Search words', { type: 'search', autocomplete: 'off' }),
    field('genre', 'Genre'),
    field('artist', 'Artist'),
    field('bpm_min', 'Tempo from (BPM)', { type: 'number', min: 0, max: 400, inputmode: 'numeric' }),
    field('bpm_max', 'Tempo to (BPM)', { type: 'number', min: 0, max: 400, inputmode: 'numeric' }),
    field('key', 'Key (A, F#, Bb minor)'),
    h('label', {}, 'Mood', h('select', { name: 'moods' }, h('option', { value: '' }, 'any'),
      MOODS.map(m => h('option', { value: m, selected: state.moods === m }, m)))),
    h('button', { type: 'submit' }, 'Search'));
  const results = h('div', { 'aria-live': 'polite' }, 'Loading…');
  fill(main, h('h1', {}, 'Library'), form, results);

  try {
    if (state.q) {
      const query = { q: state.q, limit: LIMIT, offset };
      FILTERS.forEach(name => { query[name] = state[name]; });
      const { headers, data } = await request('/api/v1/search', { query });
      const model = headers.get('X-Sonority-Model') || data.model;
      fill(results,
        h('p', { class: 'muted', id: 'answered-by' }, `Answered by ${model}`,
          data.requested_model && data.requested_model !== model ? ` (asked for ${data.requested_model})` : ''),
        songTable(data.songs, true), pager(state, offset, data.songs.length === LIMIT));
    } else {
      const { data } = await request('/api/v1/songs', { query: { limit: LIMIT, offset } });
      const filtered = FILTERS.some(name => state[name]);
      fill(results,
        h('p', { class: 'muted' }, `${data.total} songs`, filtered ? ' · filters apply to a search: type some words' : ''),
        songTable(data.songs, false), pager(state, offset, offset + LIMIT < data.total));
    }
  } catch (error) {
    fill(results, errorLine(error));
  }
}

function songTable(songs, scored) {
  if (!songs.length) {
    return h('p', { class: 'muted' }, 'No songs.');
  }
  return h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Song'), h('th', { scope: 'col', class: 'hide-narrow' }, 'Album'),
      h('th', { scope: 'col', class: 'hide-narrow' }, 'Genre'), scored ? h('th', { scope: 'col', class: 'num' }, 'Score') : null)),
    h('tbody', {}, songs.map(song => h('tr', {},
      h('td', {}, songLink(song)), h('td', { class: 'hide-narrow' }, song.album || ''),
      h('td', { class: 'hide-narrow' }, song.genre || ''), scored ? h('td', { class: 'num' }, num(song.score, 3)) : null))));
}

function pager(state, offset, more) {
  const go = to => `#/library/?${new URLSearchParams({ ...state, offset: to })}`;
  return h('nav', { class: 'pager', 'aria-label': 'Pages of results' },
    offset > 0 ? h('a', { class: 'button', href: go(Math.max(0, offset - LIMIT)) }, 'Previous') : null,
    h('span', { class: 'muted' }, `from ${offset + 1}`),
    more ? h('a', { class: 'button', href: go(offset + LIMIT) }, 'Next') : null);
}
