/* global document, window */
// Progressive enhancement only: every page works without this file.
// Print buttons are rendered hidden and shown here, because they need JS to work.
document.querySelectorAll('[data-print]').forEach(function (b) {
  b.hidden = false
  b.addEventListener('click', function () { window.print() })
})
