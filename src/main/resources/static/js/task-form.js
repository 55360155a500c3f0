// Renders a task's Camunda Form with form-js (the library Camunda Tasklist uses) in #form-js, with the
// task's variables as its data, in place of the server-rendered form (#task-form), which stays for
// browsers without JavaScript. form-js checks as the person types; the server checks again and its
// refusals are shown at their fields (keys are value paths: amount, address.street, items[0].name).
document.addEventListener('DOMContentLoaded', async () => {
  const host = document.getElementById('form-js');
  const fallback = document.getElementById('task-form');
  if (!host || !fallback || typeof FormViewer === 'undefined') {
    return;
  }
  const container = host.querySelector('.form-js-container');
  const summary = host.querySelector('.form-js-errors');
  const form = new FormViewer.Form({ container });
  try {
    await form.importSchema(JSON.parse(host.dataset.schema), JSON.parse(host.dataset.data || '{}'));
  } catch (e) {
    return; // the server-rendered form stays
  }
  fallback.hidden = true;
  host.hidden = false;
  const csrf = fallback.querySelector('input[name="_csrf"]');

  const pathOf = valuePath => valuePath.reduce(
    (text, segment) => typeof segment === 'number' ? text + '[' + segment + ']' : (text ? text + '.' : '') + segment, '');

  const show = (message, unplaced) => {
    summary.replaceChildren();
    if (!message) {
      summary.hidden = true;
      return;
    }
    const p = document.createElement('p');
    p.className = 'mb-1';
    p.textContent = message;
    summary.appendChild(p);
    Object.entries(unplaced || {}).forEach(([key, text]) => {
      const item = document.createElement('div');
      item.textContent = key + ': ' + text;
      summary.appendChild(item);
    });
    summary.hidden = false;
    summary.focus();
  };

  // form-js keeps errors by field id, then by row index for fields in dynamic lists
  const showAtFields = errors => {
    const state = {};
    const unplaced = { ...errors };
    form.get('formFieldInstanceRegistry').getAllKeyed().forEach(instance => {
      const key = pathOf(instance.valuePath);
      if (!(key in errors)) {
        return;
      }
      let at = state;
      const path = [instance.id, ...Object.values(instance.indexes || {})];
      path.slice(0, -1).forEach(step => { at = at[step] = at[step] || {}; });
      at[path[path.length - 1]] = [errors[key]];
      delete unplaced[key];
    });
    form._setState({ errors: state });
    return unplaced;
  };

  host.querySelector('.form-js-submit').addEventListener('click', async event => {
    event.preventDefault();
    const { data, errors } = form.submit();
    if (Object.keys(errors).length > 0) {
      show('Please correct the marked fields; nothing was completed.');
      return;
    }
    const response = await fetch(host.dataset.submitUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': csrf ? csrf.value : '' },
      body: JSON.stringify(data)
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      window.location.assign(body.location || '/tasks');
      return;
    }
    const unplaced = showAtFields(body.errors || {});
    show(body.errors ? 'Please correct the marked fields; nothing was completed.' : (body.detail || 'The task was not completed.'), unplaced);
  });
});
