// Script of the Analyst Lens summary view. Loaded with the page's CSP nonce; it only forwards clicks to the
// extension (reveal a range, export) and swaps in new content when the report changes.
(function () {
  'use strict';
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const link = target.closest('[data-start]');
    if (link) {
      event.preventDefault();
      vscode.postMessage({ type: 'reveal', start: Number(link.getAttribute('data-start')), end: Number(link.getAttribute('data-end')) });
      return;
    }
    if (target.closest('[data-refresh]')) {
      event.preventDefault();
      vscode.postMessage({ type: 'refresh' });
      return;
    }
    const button = target.closest('[data-export]');
    if (button) {
      event.preventDefault();
      vscode.postMessage({ type: 'export', format: button.getAttribute('data-export') });
    }
  });

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    // The body is built by the extension with every report string escaped.
    if (msg.type === 'stale' && root && !document.getElementById('stale')) {
      // Long reports are not re-summarised on every pause in typing: say so and offer to refresh.
      const bar = document.createElement('div');
      bar.id = 'stale';
      bar.setAttribute('role', 'status');
      bar.textContent = 'The report has changed since this summary. ';
      const refresh = document.createElement('button');
      refresh.type = 'button';
      refresh.setAttribute('data-refresh', '');
      refresh.textContent = 'Refresh';
      bar.appendChild(refresh);
      root.prepend(bar);
      return;
    }
    if (msg.type === 'update' && typeof msg.body === 'string' && root) {
      const y = window.scrollY;
      root.innerHTML = msg.body;
      window.scrollTo(0, y);
    }
  });

  vscode.postMessage({ type: 'ready' });
})();
