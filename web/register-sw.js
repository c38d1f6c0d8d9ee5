// Registers the service worker (dist/sw.js, written by scripts/service-worker.mjs) that keeps
// this release in the browser, so Alur opens with no network after the first visit. A file of
// its own because the Content-Security-Policy allows no inline script. Where service workers
// are unavailable (plain http on another host, a private window, file://) the app works as
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
