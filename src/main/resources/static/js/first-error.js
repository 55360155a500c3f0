// A refused form puts the keyboard (and a screen reader) on its first marked field.
document.addEventListener('DOMContentLoaded', function () {
  const first = document.querySelector('[aria-invalid="true"]');
  if (first) {
    first.focus();
  }
});
