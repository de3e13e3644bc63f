// Keeps a buyer's unfinished survey: in localStorage on every input (restored on load when the page has
// nothing saved server-side), and on the server shortly after typing stops, so another device can resume.
(function () {
  var form = document.getElementById('survey-form');
  if (!form) { return; }
  var key = form.getAttribute('data-draft-key');
  var url = form.getAttribute('data-draft-url');
  var status = document.getElementById('draft-status');
  var timer = null;

  function values() {
    var data = new FormData(form);
    var result = {};
    data.forEach(function (value, name) {
      if (name === '_csrf') { return; }
      (result[name] = result[name] || []).push(value);
    });
    return result;
  }

  function hasAnswers() {
    return Array.prototype.some.call(form.elements, function (el) {
      return el.name && el.name !== '_csrf' && ((el.type === 'radio' || el.type === 'checkbox') ? el.checked : (el.tagName === 'TEXTAREA' && el.value));
    });
  }

  function restore(saved) {
    Array.prototype.forEach.call(form.elements, function (el) {
      var v = saved[el.name];
      if (!el.name || el.name === '_csrf' || !v) { return; }
      if (el.type === 'radio' || el.type === 'checkbox') { el.checked = v.indexOf(el.value) >= 0; }
      else if (el.tagName === 'TEXTAREA' || el.type === 'text') { el.value = v[0]; }
    });
  }

  function sendDraft() {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    var body = new URLSearchParams();
    var v = values();
    Object.keys(v).forEach(function (name) { v[name].forEach(function (x) { body.append(name, x); }); });
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (token && header) { headers[header.content] = token.content; }
    fetch(url, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .then(function (r) { if (status && r.ok) { status.textContent = 'Draft saved.'; } })
      .catch(function () { /* offline: localStorage still has it */ });
  }

  try {
    var saved = JSON.parse(window.localStorage.getItem(key) || 'null');
    if (saved && !hasAnswers()) { restore(saved); }
  } catch (e) { /* storage unavailable or corrupt: the server draft still applies */ }

  form.addEventListener('input', function () {
    try { window.localStorage.setItem(key, JSON.stringify(values())); } catch (e) { /* private mode */ }
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(sendDraft, 1500);
  });
  form.addEventListener('submit', function () {
    if (timer) { clearTimeout(timer); }
    try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
  });
})();
