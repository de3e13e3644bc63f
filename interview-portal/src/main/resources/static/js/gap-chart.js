// The perception gap's chart, drawn from the per-reason table the page already shows (as charts.js does for themes):
// the table is the data and stays readable without JavaScript; this only adds a picture above it.
(function () {
  var BUYER = '#0b5cad';
  var REP = '#bf8700';
  var BOTH = '#1d6b36';

  function gapChart(table) {
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-reason]'));
    if (rows.length === 0) { return; }
    var count = function (row, name) { return parseInt(row.getAttribute(name), 10) || 0; };
    var figure = document.createElement('figure');
    figure.className = 'chart';
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'Deals per reason: what buyers said, what reps said, and both (the table below has the same numbers)');
    figure.appendChild(canvas);
    var wrap = table.closest('.table-wrap') || table;
    wrap.parentNode.insertBefore(figure, wrap);
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: rows.map(function (r) { return r.getAttribute('data-reason'); }),
        datasets: [
          { label: 'Buyers said', backgroundColor: BUYER, data: rows.map(function (r) { return count(r, 'data-buyer'); }) },
          { label: 'Reps said', backgroundColor: REP, data: rows.map(function (r) { return count(r, 'data-rep'); }) },
          { label: 'Both', backgroundColor: BOTH, data: rows.map(function (r) { return count(r, 'data-agreed'); }) }
        ]
      },
      options: { indexAxis: 'y', maintainAspectRatio: false,
        scales: { x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'deals' } } } }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.Chart) { return; }
    document.querySelectorAll('table[data-chart="perception-gap"]').forEach(gapChart);
  });
})();
