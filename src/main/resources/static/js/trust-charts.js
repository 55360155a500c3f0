// The trust report's charts, drawn with Chart.js from the data the page carries in a data attribute
// (no inline script, so the page works under a Content-Security-Policy without 'unsafe-inline').
(function () {
  var holder = document.getElementById('trust-chart-data');
  if (!holder || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(holder.getAttribute('data-chart'));
  var percent = { y: { min: 0, max: 100, title: { display: true, text: '%' } } };
  new Chart(document.getElementById('freshness-chart'), {
    type: 'line',
    data: { labels: data.months, datasets: [{ label: 'Contacts verified within the window (%)', data: data.fresh, tension: 0.2 }] },
    options: { scales: percent }
  });
  new Chart(document.getElementById('on-time-chart'), {
    type: 'bar',
    data: {
      labels: data.teams,
      datasets: [
        { label: 'Commitments delivered on time (%)', data: data.onTime },
        { label: 'Tasks done on time (%)', data: data.tasksOnTime }
      ]
    },
    options: { scales: percent }
  });
})();
