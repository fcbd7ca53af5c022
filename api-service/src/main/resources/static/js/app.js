// Hash router: one page module per route. A page whose endpoint this server lacks (read from /v3/api-docs) is
// neither listed nor routed to, so a feature still being built never shows as a broken page.
import { api, signIn, signOut } from './api.js';
import { fill, h } from './dom.js';
import * as dashboard from './pages/dashboard.js';
import * as library from './pages/library.js';
import * as song from './pages/song.js';
import * as playlists from './pages/playlists.js';
import * as path from './pages/path.js';
import * as alchemy from './pages/alchemy.js';

const PAGES = [
  { route: 'dashboard', title: 'Dashboard', page: dashboard, needs: '/api/v1/stats' },
  { route: 'library', title: 'Library', page: library, needs: '/api/v1/songs' },
  { route: 'song', title: 'Song', page: song, needs: '/api/v1/songs', hidden: true },
  { route: 'path', title: 'Path', page: path, needs: '/api/v1/path' },
  { route: 'alchemy', title: 'Alchemy', page: alchemy, needs: '/api/v1/alchemy' },
  { route: 'playlists', title: 'Playlists', page: playlists, needs: '/api/v1/playlists' },
];

const main = document.getElementById('main');
let available = [];
let leave = null;
let shown = 0;

async function features() {
  try {
    const paths = Object.keys((await api('/v3/api-docs')).paths || {});
    return PAGES.filter(p => paths.some(known => known === p.needs || known.startsWith(p.needs + '/')));
  } catch (error) {
    // Without the description, offer the pages every Sonority version has.
    return PAGES.filter(p => ['dashboard', 'library', 'song'].includes(p.route));
  }
}

function navigation(current) {
  fill(document.getElementById('nav'), available.filter(p => !p.hidden).map(p =>
    h('li', {}, h('a', { href: `#/${p.route}`, 'aria-current': p.route === current ? 'page' : null }, p.title))));
}

async function show() {
  const [, route = 'dashboard', ...rest] = location.hash.split('/');
  const entry = available.find(p => p.route === route) || available[0];
  if (leave) {
    leave();
    leave = null;
  }
  navigation(entry.route);
  document.title = `${entry.title} · Sonority`;
  fill(main, h('p', { class: 'muted' }, 'Loading…'));
  const generation = ++shown;
  const cleanup = await entry.page.render(main, rest.join('/'));
  // A page left while it was still loading stops its polling at once.
  if (generation === shown) {
    leave = cleanup || null;
    performance.mark(`sonority:ready:${entry.route}`); // the browser test's sign that the page shows its data
  } else if (cleanup) {
    cleanup();
  }
}

/**
 * The sign-in form, shown in place of the page when the API answers 401 (access control on, no session yet). A key
 * is sent once; the API keeps the session in an HttpOnly cookie, and the page reloads with it.
 */
function showSignIn() {
  if (document.getElementById('sign-in')) {
    return;
  }
  if (leave) {
    leave();
    leave = null;
  }
  document.title = 'Sign in · Sonority';
  const error = h('p', { id: 'sign-in-error', class: 'error', role: 'alert' });
  const key = h('input', { id: 'sign-in-key', type: 'password', autocomplete: 'current-password', required: true,
    spellcheck: 'false' });
  const form = h('form', {
    id: 'sign-in',
    onsubmit: async event => {
      event.preventDefault();
      fill(error);
      try {
        await signIn(key.value.trim());
        sessionStorage.setItem('sonority:signed-in', '1');
        location.reload();
      } catch (failure) {
        fill(error, failure.status === 401 ? 'That key was not accepted.' : failure.message);
        key.select();
      }
    },
  },
  h('h1', {}, 'Sign in'),
  h('p', {}, 'This Sonority asks for an API key. Ask its owner for one (./sonority keys add NAME --role read).'),
  h('label', { for: 'sign-in-key' }, 'API key'), key,
  h('button', { type: 'submit' }, 'Sign in'), error);
  // beside the page, not in it: a page that fails with the same 401 writes its error into a hidden <main>
  main.hidden = true;
  document.getElementById('nav').hidden = true; // pages guessed without the API's description: none is open yet
  main.before(form);
  key.focus();
}

function signOutButton() {
  if (!sessionStorage.getItem('sonority:signed-in')) {
    return;
  }
  document.querySelector('header').append(h('button', {
    type: 'button', class: 'secondary', id: 'sign-out',
    onclick: async () => {
      await signOut().catch(() => null);
      sessionStorage.removeItem('sonority:signed-in');
      location.reload();
    },
  }, 'Sign out'));
}

window.addEventListener('sonority:sign-in-needed', showSignIn);
available = await features();
signOutButton();
window.addEventListener('hashchange', show);
await show();
