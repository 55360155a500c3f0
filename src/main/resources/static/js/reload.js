// Reloads a page that shows work in progress (an import), and sizes its progress bar: no inline script,
// so the page works under a Content-Security-Policy without 'unsafe-inline'.
document.querySelectorAll('.progress-bar[data-width]').forEach(function (bar) {
  bar.style.width = bar.getAttribute('data-width') + '%';
});
var pending = document.querySelector('[data-reload-after]');
if (pending) {
  setTimeout(function () { window.location.reload(); }, Number(pending.getAttribute('data-reload-after')));
}
