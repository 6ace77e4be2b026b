// Progressive enhancement only: every page works without it.
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const copy = target && target.closest('[data-copy]');
  if (copy) {
    const source = document.getElementById(copy.getAttribute('data-copy'));
    if (source && navigator.clipboard) {
      navigator.clipboard.writeText(source.value || source.textContent || '').then(
        () => { copy.textContent = 'Copied'; setTimeout(() => { copy.textContent = 'Copy'; }, 1500); },
        () => { if (source.select) source.select(); },
      );
    }
    return;
  }
  const toggle = target && target.closest('[data-toggle-sbs]');
  if (toggle) {
    const on = document.body.classList.toggle('side-by-side');
    toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
  }
});
document.querySelectorAll('[data-copy],[data-toggle-sbs]').forEach((el) => el.removeAttribute('hidden'));
