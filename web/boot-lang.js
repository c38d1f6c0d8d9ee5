// Inlined into <head> by scripts/postbuild.mjs (the CSP allows it by its hash). Before the first
// paint, sets <html lang> to the language the app will use, so the static frame shown while the
// wasm loads (src/prerender.rs) is in that language: the saved choice, else the first of the
// browser's languages that Alur speaks, else English; Indonesian when the browser names none.
// Mirrors Lang::from_preferences (src/i18n/mod.rs).
(function () {
  var lang;
  try {
    lang = JSON.parse(localStorage.getItem('alur:settings') || '{}').lang;
  } catch (e) {
    lang = null;
  }
  if (lang !== 'id' && lang !== 'en') {
    var tags = (navigator.languages || []).concat(navigator.language || []);
    lang = tags.length ? 'en' : 'id';
    for (var i = 0; i < tags.length; i++) {
      var primary = String(tags[i]).split(/[-_]/)[0].toLowerCase();
      if (primary === 'id' || primary === 'in' || primary === 'en') {
        lang = primary === 'en' ? 'en' : 'id';
        break;
      }
    }
  }
  document.documentElement.lang = lang;
  document.documentElement.setAttribute('data-boot', lang);

  // The app removes the frame when it starts. An error while the frame is still there (the wasm
  // or its loader failed to load or compile) means it never will: say so instead of "Loading".
  function failed() {
    if (!document.querySelector('.boot-shell')) return;
    document.querySelectorAll('.boot-status').forEach(function (el) {
      el.hidden = true;
    });
    document.querySelectorAll('.boot-failed').forEach(function (el) {
      el.hidden = false;
    });
  }
  // Caught while capturing, so a <script> that fails to load counts too; other elements' load
  // errors (an icon) do not.
  addEventListener(
    'error',
    function (e) {
      if (e.target === window || (e.target && e.target.tagName === 'SCRIPT')) failed();
    },
    true,
  );
  addEventListener('unhandledrejection', failed);
})();
