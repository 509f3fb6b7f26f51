// Entry point: theme (system, light or dark, remembered), settings, routes.

import { promptApiKey } from './api.js';
import { refresh, route, start } from './router.js';
import { overview } from './pages/overview.js';
import { modelPage } from './pages/model.js';
import { batchPage } from './pages/batch.js';
import { alertsPage } from './pages/alerts.js';
import { alertPage } from './pages/alert.js';
import { rulesPage } from './pages/rules.js';

const THEMES = ['system', 'light', 'dark'];

function applyTheme(theme) {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
  const button = document.getElementById('theme-toggle');
  button.textContent = `Theme: ${theme}`;
  button.setAttribute('aria-label', `Colour theme: ${theme}. Press to change.`);
  window.dispatchEvent(new Event('themechange'));
}

function setupTheme() {
  let theme = localStorage.getItem('dash.theme') || 'system';
  if (!THEMES.includes(theme)) theme = 'system';
  applyTheme(theme);
  document.getElementById('theme-toggle').addEventListener('click', () => {
    theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
    localStorage.setItem('dash.theme', theme);
    applyTheme(theme);
  });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => window.dispatchEvent(new Event('themechange')));
}

function setupApiKey() {
  document.getElementById('api-key').addEventListener('click', () => promptApiKey());
  // A page that failed (no or a wrong key) renders again with the new key; a page that rendered keeps its edits.
  window.addEventListener('apikeychange', () => {
    if (document.body.dataset.ready === 'error') refresh();
  });
}

route(/^\/$/, 'overview', overview);
route(/^\/models\/([^/]+)$/, 'model', modelPage);
route(/^\/models\/([^/]+)\/batches\/([^/]+)$/, 'batch', batchPage);
route(/^\/models\/([^/]+)\/rules$/, 'rules', rulesPage);
route(/^\/alerts$/, 'alerts', alertsPage);
route(/^\/alerts\/([^/]+)$/, 'alert', alertPage);

document.querySelector('a.skip').addEventListener('click', (ev) => {
  ev.preventDefault(); // #main is not a route
  document.getElementById('main').focus();
});
setupTheme();
setupApiKey();
start(document.getElementById('main'));
