// Songs per model, failed songs, tasks with live progress (polled: fast while one runs), task buttons, models.
import { api } from '../api.js';
import { bar, errorLine, fill, h, songLink } from '../dom.js';

const ACTIVE = ['PENDING', 'RUNNING'];
const FAST_MS = 1000;
const SLOW_MS = 5000;

export async function render(main) {
  const counts = h('div', {}, 'Loading…');
  const models = h('div', {}, 'Loading…');
  const tasks = h('div', { 'aria-live': 'polite' }, 'Loading…');
  const failed = h('div', {}, 'Loading…');
  const notice = h('p', { role: 'status' });
  const start = kind => async event => {
    event.target.disabled = true;
    try {
      const task = await api(`/api/v1/batch/${kind}/run`, { method: 'POST' });
      fill(notice, `${kind} task ${task.status === 'SKIPPED' ? 'skipped: ' + (task.message || 'one is already running') : 'started'}`);
      refreshTasks();
    } catch (error) {
      fill(notice, errorLine(error));
    } finally {
      event.target.disabled = false;
    }
  };
  fill(main,
    h('h1', {}, 'Dashboard'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: start('scan') }, 'Scan'),
      h('button', { type: 'button', onclick: start('analyze') }, 'Analyze'),
      h('button', { type: 'button', class: 'secondary', onclick: start('vacuum') }, 'Vacuum')),
    notice,
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'tasks-h' }, h('h2', { id: 'tasks-h' }, 'Tasks'), tasks),
      h('section', { class: 'card', 'aria-labelledby': 'songs-h' }, h('h2', { id: 'songs-h' }, 'Songs per model'), counts),
      h('section', { class: 'card', 'aria-labelledby': 'models-h' }, h('h2', { id: 'models-h' }, 'Models'), models),
      h('section', { class: 'card', 'aria-labelledby': 'failed-h' }, h('h2', { id: 'failed-h' }, 'Failed songs'), failed)));

  let timer = null;
  let stopped = false;
  async function refreshTasks() {
    clearTimeout(timer);
    let active = false;
    try {
      const list = await api('/api/v1/tasks', { query: { limit: 8 } });
      active = list.tasks.some(t => ACTIVE.includes(t.status));
      fill(tasks, list.tasks.length ? list.tasks.map(taskRow) : h('p', { class: 'muted' }, 'No tasks yet.'));
      if (!active) {
        loadCounts(); // a finished task changes the counts
      }
    } catch (error) {
      fill(tasks, errorLine(error));
    }
    if (!stopped) {
      timer = setTimeout(refreshTasks, active ? FAST_MS : SLOW_MS);
    }
  }

  function taskRow(task) {
    const running = ACTIVE.includes(task.status);
    const counted = task.total_count ? ` · ${task.processed_count} of ${task.total_count}` : '';
    return h('div', { class: 'task', 'data-task': task.id, 'data-status': task.status },
      h('div', { class: 'head' },
        h('strong', {}, task.name || task.type),
        h('span', { class: task.status === 'FAILURE' ? 'error' : 'muted' },
          `${task.status}${counted}${task.failed_count ? ` · ${task.failed_count} failed` : ''}`)),
      running ? h('progress', { max: 100, value: task.progress, 'aria-label': `${task.name || task.type} progress` }) : null,
      task.message ? h('div', { class: 'muted' }, task.message) : null,
      running && !task.cancel_requested ? h('button', { type: 'button', class: 'secondary',
        onclick: async event => {
          event.target.disabled = true;
          try {
            await api(`/api/v1/tasks/${encodeURIComponent(task.id)}/cancel`, { method: 'POST' });
          } catch (error) {
            event.target.replaceWith(errorLine(error));
          }
          refreshTasks();
        } }, 'Cancel') : null);
  }

  async function loadCounts() {
    try {
      const stats = await api('/api/v1/stats');
      const total = stats.total_songs || 0;
      const rows = Object.entries(stats).filter(([name]) => name.startsWith('songs_with_'))
        .map(([name, count]) => bar(name.slice('songs_with_'.length), total ? count / total : 0, `${count}/${total}`));
      fill(counts, h('p', {}, `${total} songs · ${stats.failed_songs ?? 0} failed · ${stats.pending_tasks ?? 0} pending tasks`), rows);
    } catch (error) {
      fill(counts, errorLine(error));
    }
  }

  async function loadModels() {
    try {
      const { indexes } = await api('/api/v1/index');
      fill(models, indexes.length ? h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Model'), h('th', { scope: 'col' }, 'Index'),
          h('th', { scope: 'col', class: 'num' }, 'Songs'), h('th', { scope: 'col', class: 'num hide-narrow' }, 'Dim'))),
        h('tbody', {}, indexes.map(i => h('tr', {}, h('td', {}, i.model), h('td', {}, i.ready ? 'ready' : 'loading'),
          h('td', { class: 'num' }, i.songs), h('td', { class: 'num hide-narrow' }, i.dim ?? '—')))))
        : h('p', { class: 'muted' }, 'No model has vectors yet: scan, then analyze.'));
    } catch (error) {
      fill(models, errorLine(error));
    }
  }

  async function loadFailed() {
    try {
      const list = await api('/api/v1/songs', { query: { failed: true, limit: 20 } });
      fill(failed, list.songs.length ? h('ul', { class: 'songs' }, list.songs.map(song =>
        h('li', {}, songLink(song), Object.entries(song.analysis || {})
          .filter(([, a]) => a.status === 'FAILED')
          .map(([model, a]) => h('div', { class: 'muted' }, `${model}: ${a.error_reason || 'failed'} (${a.attempts} attempts)`)))),
        list.total > list.songs.length ? h('p', { class: 'muted' }, `${list.total - list.songs.length} more`) : null)
        : h('p', { class: 'muted' }, 'No failed songs.'));
    } catch (error) {
      fill(failed, errorLine(error));
    }
  }

  await Promise.all([refreshTasks(), loadModels(), loadFailed()]);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
