// The people type-ahead (templates/people/picker.html): as the user types, fills the input's
// datalist from the server's suggestions. Without this script the input stays a plain text input.
(function () {
  function enhance(input) {
    if (input.dataset.peoplePickerReady) {
      return;
    }
    input.dataset.peoplePickerReady = 'true';
    let list = input.list;
    if (!list) {
      list = document.createElement('datalist');
      list.id = input.id + '-options';
      input.after(list);
      input.setAttribute('list', list.id);
      input.setAttribute('autocomplete', 'off');
    }
    let timer;
    let asked;
    const load = function () {
      const params = new URLSearchParams({ q: input.value.trim(), purpose: input.dataset.peoplePicker });
      if (input.dataset.team !== undefined) {
        params.set('team', input.dataset.team); // the team that delivers the work (assign): '' for none
      }
      (input.dataset.window || '').split(',').filter(Boolean).forEach(function (id, i) {
        const day = document.getElementById(id);
        if (day && day.value) {
          params.set(i === 0 ? 'from' : 'to', day.value);
        }
      });
      // a wrapper may name another input whose person to leave out (the wizard's departing person)
      const wrapper = input.closest('[data-people-excluding-from]');
      const other = wrapper && document.getElementById(wrapper.dataset.peopleExcludingFrom);
      if (other && other.value.trim()) {
        params.set('excluding', other.value.trim());
      }
      const url = input.dataset.suggestions + '?' + params;
      if (url === asked) {
        return;
      }
      asked = url;
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (people) {
          if (url !== asked) {
            return; // an answer to an earlier question, arriving after the latest one was asked
          }
          list.replaceChildren.apply(list, people.map(function (p) {
            const option = document.createElement('option');
            option.value = p.username;
            option.label = p.label;
            return option;
          }));
        })
        .catch(function () { asked = null; });
    };
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(load, 150);
    });
    input.addEventListener('focus', load);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-people-picker-for]').forEach(function (marker) {
      const input = document.getElementById(marker.dataset.peoplePickerFor);
      if (input) {
        input.dataset.peoplePicker = marker.dataset.purpose;
        input.dataset.suggestions = marker.dataset.suggestions;
        if (marker.dataset.team !== undefined) {
          input.dataset.team = marker.dataset.team;
        }
        enhance(input);
      }
    });
    document.querySelectorAll('input[data-people-picker]').forEach(enhance);
  });
})();
