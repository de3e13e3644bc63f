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
