// Registers the service worker (dist/sw.js, written by scripts/service-worker.mjs) that keeps
// this release in the browser, so Alur opens with no network after the first visit.
// scripts/postbuild.mjs puts it into the page's one module script (`wasm-<release>/alur.js`),
// so it costs no request of its own; `./sw.js` is resolved against the page, not that module.
// Where service workers are unavailable (plain http on another host, a private window, file://) the app works as
// before, online only: nothing here may stop it from starting.
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  const register = () =>
    navigator.serviceWorker
      .register('./sw.js')
      .catch((err) => console.warn('Alur: offline use is not available in this browser:', err));
  // After the page has loaded, so caching the release does not compete with the first start.
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
