// One song: its tags, analysis values, MusiCNN tags and moods as bars, and similar songs with explanations.
import { api, request, songUrl } from '../api.js';
import { bar, errorLine, fill, h, num, songLabel, songLink } from '../dom.js';
import { saveControls } from '../playlist.js';

const TOP_TAGS = 12;

export async function render(main, rest) {
  const path = decodeURIComponent(rest);
  let song;
  let analysis;
  try {
    [song, analysis] = await Promise.all([api(songUrl(path)), api(songUrl(path, '/analysis'))]);
  } catch (error) {
    fill(main, h('h1', {}, 'Song'), errorLine(error));
    return;
  }
  const similar = h('div', { 'aria-live': 'polite' }, 'Loading…');
  fill(main,
    h('h1', {}, songLabel(song)),
    h('p', { class: 'muted' }, [song.album, song.genre, song.year].filter(Boolean).join(' · ') || song.file_path),
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'values-h' }, h('h2', { id: 'values-h' }, 'Analysis'),
        values(analysis)),
      h('section', { class: 'card', 'aria-labelledby': 'moods-h' }, h('h2', { id: 'moods-h' }, 'Moods'),
        analysis.moods ? Object.entries(analysis.moods).map(([mood, score]) => bar(mood, score))
          : h('p', { class: 'muted' }, 'No MusiCNN analysis yet.')),
      h('section', { class: 'card', 'aria-labelledby': 'tags-h' }, h('h2', { id: 'tags-h' }, 'MusiCNN tags'),
        analysis.musicnn_tags ? Object.entries(analysis.musicnn_tags).sort((a, b) => b[1] - a[1]).slice(0, TOP_TAGS)
          .map(([tag, score]) => bar(tag, score)) : h('p', { class: 'muted' }, 'No MusiCNN analysis yet.')),
      h('section', { class: 'card', 'aria-labelledby': 'similar-h' }, h('h2', { id: 'similar-h' }, 'Similar songs'),
        similar)));

  try {
    const { headers, data } = await request('/api/v1/similar', { query: { song: path, limit: 10, explain: true } });
    fill(similar, h('p', { class: 'muted' }, `by ${headers.get('X-Sonority-Model') || data.model}`),
      h('ul', { class: 'songs' }, data.songs.map(s => h('li', {}, songLink(s), ' ',
        h('span', { class: 'muted' }, num(s.score, 3)), explanation(s.explanation)))),
      saveControls(`Like ${songLabel(song)}`.slice(0, 200), { similar: { song: path, limit: 30 } }));
  } catch (error) {
    fill(similar, h('p', { class: 'muted' }, error.status === 404 ? 'No similar songs: this song has no vectors yet.'
      : error.message));
  }
}

function values(a) {
  const rows = [
    ['Tempo', a.bpm === null ? null : `${num(a.bpm, 1)} BPM`],
    ['Key', a.key ? `${a.key} ${a.scale || ''}`.trim() : null],
    ['Key strength', num(a.key_strength, 2)],
    ['Loudness', a.loudness_lufs === null ? null : `${num(a.loudness_lufs, 1)} LUFS`],
    ['Loudness range', a.loudness_range === null ? null : `${num(a.loudness_range, 1)} LU`],
    ['Energy', num(a.energy, 3)],
    ['Danceability', num(a.danceability, 3)],
    ['Duration', a.duration_seconds === null ? null : `${Math.floor(a.duration_seconds / 60)}:${String(a.duration_seconds % 60).padStart(2, '0')}`],
  ];
  const unavailable = a.unavailable || {};
  return [
    h('dl', { class: 'values' }, rows.map(([name, value]) => [h('dt', {}, name), h('dd', {}, value ?? '—')])),
    Object.keys(unavailable).length ? h('p', { class: 'muted' },
      Object.entries(unavailable).map(([k, v]) => `${k}: ${v}`).join('; ')) : null,
    h('p', { class: 'muted' }, 'Models: ', Object.entries(a.embeddings_status || {})
      .map(([model, status]) => `${model} ${status ? status.toLowerCase() : 'not run'}`).join(', ')),
  ];
}

function explanation(e) {
  if (!e) {
    return null;
  }
  const parts = [];
  if (e.tempo) parts.push(`tempo ${num(e.tempo.bpm, 0)} BPM (±${num(e.tempo.difference, 1)})`);
  if (e.key) parts.push(`key ${e.key.song} (${e.key.relation})`);
  if (e.loudness) parts.push(`loudness ±${num(e.loudness.difference, 1)} LU`);
  if (e.shared_tags && e.shared_tags.length) parts.push(`shares ${e.shared_tags.join(', ')}`);
  return parts.length ? h('div', { class: 'muted' }, parts.join(' · ')) : null;
}
