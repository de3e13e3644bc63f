// Charts drawn from the tables the themes page already shows: the table is the data and stays readable without
// JavaScript; this only adds a picture above it. Tables opt in with data-chart.
(function () {
  var FOCUS = '#b42318';
  var BASELINE = '#0b5cad';
  var SERIES = ['#b42318', '#0b5cad', '#1d6b36', '#8250df', '#bf8700', '#4d5661'];

  function canvasBefore(table, label) {
    var figure = document.createElement('figure');
    figure.className = 'chart';
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label + ' (the table below has the same numbers)');
    figure.appendChild(canvas);
    var wrap = table.closest('.table-wrap') || table;
    wrap.parentNode.insertBefore(figure, wrap);
    return canvas;
  }

  function percentAxis() {
    return { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } };
  }

  // Focus rate against baseline rate for the ten most significant themes, as horizontal bars.
  function themesChart(table) {
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-theme]'), 0, 10);
    if (rows.length === 0) { return; }
    var rate = function (row, name) { return Math.round(parseFloat(row.getAttribute(name)) * 1000) / 10; };
    new window.Chart(canvasBefore(table, 'Share of deals mentioning each theme'), {
      type: 'bar',
      data: {
        labels: rows.map(function (r) { return r.getAttribute('data-theme'); }),
        datasets: [
          { label: table.getAttribute('data-focus-label'), backgroundColor: FOCUS,
            data: rows.map(function (r) { return rate(r, 'data-focus-rate'); }) },
          { label: table.getAttribute('data-baseline-label'), backgroundColor: BASELINE,
            data: rows.map(function (r) { return rate(r, 'data-baseline-rate'); }) }
        ]
      },
      options: { indexAxis: 'y', maintainAspectRatio: false, scales: { x: percentAxis() },
        plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + c.parsed.x + '%'; } } } } }
    });
  }

  // One line per theme across quarters: each body row is a theme, each cell after the first carries data-rate.
  function trendsChart(table) {
    var quarters = Array.prototype.slice.call(table.querySelectorAll('thead th'), 1).map(function (th) { return th.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    if (quarters.length < 2 || rows.length === 0) { return; }
    new window.Chart(canvasBefore(table, 'Share of deals mentioning each theme per quarter'), {
      type: 'line',
      data: {
        labels: quarters,
        datasets: rows.map(function (row, i) {
          var cells = Array.prototype.slice.call(row.querySelectorAll('td[data-rate]'));
          return {
            label: row.querySelector('th, td').textContent.trim(),
            borderColor: SERIES[i % SERIES.length], backgroundColor: SERIES[i % SERIES.length], spanGaps: false,
            data: cells.map(function (c) {
              var v = c.getAttribute('data-rate');
              return v === '' ? null : Math.round(parseFloat(v) * 1000) / 10;
            })
          };
        })
      },
      options: { maintainAspectRatio: false, scales: { y: percentAxis() } }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.Chart) { return; }
    document.querySelectorAll('table[data-chart="themes"]').forEach(themesChart);
    document.querySelectorAll('table[data-chart="trends"]').forEach(trendsChart);
  });
})();
