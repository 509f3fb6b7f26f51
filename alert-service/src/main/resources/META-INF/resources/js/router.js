// A small hash router: #/path?query → page.render(main, params, query, ctx). A new navigation aborts the
// previous page's requests. When a page has rendered, body[data-ready] names it and window.dashTimings
// records how long it took and when, since the document's navigation started (the browser tests and
// DashboardBench wait on these).

import { clear, errorBox, h } from './dom.js';

const table = [];
let controller = null;
let lastPath = null;
let mainEl = null;
window.dashTimings = [];

export function route(pattern, name, render) {
  table.push({ pattern, name, render });
}

export function parse(hash) {
  const raw = (hash || '').replace(/^#/, '') || '/';
  const [path, qs] = raw.split('?');
  return { path: path || '/', query: Object.fromEntries(new URLSearchParams(qs || '')) };
}

export function navigate(hash) {
  if (location.hash === hash) refresh();
  else location.hash = hash;
}

export function refresh() {
  return render(true);
}

export function start(main) {
  mainEl = main;
  window.addEventListener('hashchange', () => render(false));
  render(false);
}

async function render(keepFocus) {
  const started = performance.now();
  const { path, query } = parse(location.hash);
  if (controller) controller.abort();
  controller = new AbortController();
  const signal = controller.signal;
  let found = null;
  let params = [];
  for (const r of table) {
    const m = path.match(r.pattern);
    if (m) {
      found = r;
      params = m.slice(1).map(decodeURIComponent);
      break;
    }
  }
  document.body.dataset.ready = '';
  document.body.dataset.page = found ? found.name : 'not-found';
  markNav(path);
  const main = mainEl;
  clear(main);
  main.setAttribute('aria-busy', 'true');
  const moveFocus = !keepFocus && lastPath !== null && lastPath !== path;
  lastPath = path;
  try {
    if (!found) {
      main.append(h('h1', { tabindex: '-1', text: 'Page not found' }), h('p', null, h('a', { href: '#/' }, 'Back to the overview')));
    } else {
      await found.render(main, params, query, { signal });
    }
    if (signal.aborted) return;
    document.body.dataset.ready = found ? found.name : 'not-found';
    window.dashTimings.push({ page: document.body.dataset.page, path, ms: performance.now() - started, readyAt: performance.now() });
  } catch (err) {
    if (signal.aborted || err.name === 'AbortError') return;
    console.error(err);
    main.append(errorBox(err));
    document.body.dataset.ready = 'error';
  } finally {
    if (!signal.aborted) main.removeAttribute('aria-busy');
  }
  if (moveFocus) {
    const heading = main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: false });
    }
  }
  const h1 = main.querySelector('h1');
  const heading = h1 ? h1.textContent : 'Dashboard';
  document.title = `${heading.length > 80 ? `${heading.slice(0, 79)}…` : heading} · ModelTrust`;
}

function markNav(path) {
  document.querySelectorAll('nav.top a').forEach((a) => {
    const target = a.getAttribute('href').replace(/^#/, '');
    const current = target === '/' ? path === '/' : path.startsWith(target);
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}
