// The officers' console, live: the server sends 'queue' when the open tickets changed and 'ticket' when the
// conversation shown did; the page fetches that part again. No framework, no build step.
(function () {
  'use strict';
  var body = document.body;
  var page = body.getAttribute('data-page');
  if (!page || !window.EventSource) {
    return;
  }
  var ticket = body.getAttribute('data-ticket');
  var live = document.getElementById('live');

  function refresh(id, url) {
    var target = document.getElementById(id);
    if (!target) {
      return;
    }
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } }).then(function (response) {
      if (response.status === 401) {
        window.location.href = '/console/login?idle=1';
        return null;
      }
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html !== null && html !== undefined) {
        target.innerHTML = html;
      }
    });
  }

  function queue() {
    if (page === 'queue') {
      refresh('queue', '/console/queue/list');
    } else if (ticket) {
      refresh('ticket-head', '/console/tickets/' + ticket + '/head');
    }
  }

  var events = new EventSource('/console/events' + (ticket ? '?ticket=' + encodeURIComponent(ticket) : ''));
  events.addEventListener('hello', function () {
    if (live) { live.className = 'live on'; }
    body.setAttribute('data-live', 'on');
  });
  events.addEventListener('queue', queue);
  events.addEventListener('ticket', function () {
    refresh('transcript', '/console/tickets/' + ticket + '/transcript');
  });
  events.addEventListener('signed-out', function () {
    events.close();
    window.location.href = '/console/login?idle=1';
  });
  events.onerror = function () {
    if (live) { live.className = 'live'; }
  };
  // Waiting times move on even when nothing else does.
  setInterval(queue, 60000);
})();
