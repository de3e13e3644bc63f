// Sends the CSRF token with every htmx request; pages carry it in a meta tag (no inline scripts).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// On a phone, tables become one block per row, each cell labelled with its column's header (see portal.css).
// This only copies the headers into data-label; without JavaScript the table scrolls inside its wrapper.
function labelTableCells(root) {
  root.querySelectorAll('.table-wrap table').forEach(function (table) {
    var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
    if (headers.length === 0) { return; }
    table.classList.add('labelled');
    table.querySelectorAll('tbody tr').forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (headers[i]) { cell.setAttribute('data-label', headers[i]); }
      });
    });
  });
}
document.addEventListener('DOMContentLoaded', function () { labelTableCells(document); });
document.addEventListener('htmx:afterSwap', function (event) { labelTableCells(event.target); });

// While an interview is analysed, its page follows the progress by server-sent events and reloads when done.
document.addEventListener('DOMContentLoaded', function () {
  var status = document.querySelector('[data-progress-url]');
  if (!status || !window.EventSource) { return; }
  var source = new EventSource(status.getAttribute('data-progress-url'));
  var text = document.getElementById('status-text');
  var bar = document.getElementById('progress-bar');
  var count = document.getElementById('progress-text');
  function update(event) {
    var data = JSON.parse(event.data);
    text.textContent = data.status;
    if (bar && data.total > 0) { bar.max = data.total; bar.value = data.done; }
    if (data.total > 0) {
      if (!count) { count = document.createElement('span'); count.id = 'progress-text'; text.parentNode.appendChild(count); }
      count.textContent = ' ' + data.done + ' of ' + data.total + ' buyer sentences';
    }
  }
  source.addEventListener('progress', update);
  source.addEventListener('finished', function (event) { update(event); source.close(); window.location.reload(); });
  source.onerror = function () { source.close(); };
});

// While this process's quote index is rebuilt, its page follows the progress by server-sent events.
document.addEventListener('DOMContentLoaded', function () {
  var status = document.querySelector('[data-rebuild-url]');
  if (!status || !window.EventSource) { return; }
  var source = new EventSource(status.getAttribute('data-rebuild-url'));
  function update(event) {
    var data = JSON.parse(event.data);
    document.getElementById('rebuild-state').textContent = data.state;
    document.getElementById('index-sentences').textContent = data.indexedSentences;
    document.getElementById('index-position').textContent = data.committedPosition;
    var text = document.getElementById('rebuild-text');
    if (text) {
      text.textContent = data.done + ' of ' + data.total + (data.totalKnown ? '' : ' so far') +
        ' interviews and answer sheets re-indexed';
    }
    var bar = document.getElementById('rebuild-bar');
    if (bar && data.totalKnown) { bar.max = Math.max(data.total, 1); bar.value = data.total > 0 ? data.done : 1; }
  }
  source.addEventListener('progress', update);
  source.addEventListener('finished', function (event) { update(event); source.close(); window.location.reload(); });
  source.onerror = function () { source.close(); };
});
