// The officers' console, live: the server sends 'queue' when the open tickets changed, 'ticket' when the
// conversation shown did and 'alerts' when officers got a card, notice or alarm; the page fetches that part again.
// On a ticket's page it also starts a reply from an FAQ answer. No framework, no build step.
(function () {
  'use strict';
  var body = document.body;
  var page = body.getAttribute('data-page');

  // Folds Vietnamese for the FAQ search: "ho chieu" finds "hộ chiếu".
  function fold(text) {
    return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
  }

  // "Use an FAQ answer": choosing an entry puts its answer in the reply box, for the officer to edit before sending
  // (without the script, the form's "Use" asks for the page again with it there).
  function faqChooser() {
    var form = document.getElementById('faq-form');
    var select = document.getElementById('faq');
    var search = document.getElementById('faq-search');
    var reply = document.getElementById('reply-text');
    if (!form || !select || !reply) {
      return;
    }
    function use(event) {
      if (event) { event.preventDefault(); }
      var entry = select.value;
      if (!entry) {
        return;
      }
      body.setAttribute('data-faq', 'loading');
      fetch('/console/tickets/' + form.getAttribute('data-ticket') + '/faq/' + encodeURIComponent(entry),
        { credentials: 'same-origin' }).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (text) {
        if (text !== null) {
          reply.value = text;
          reply.focus();
        }
        body.setAttribute('data-faq', text !== null ? entry : 'failed');
      });
    }
    select.addEventListener('change', use);
    form.addEventListener('submit', use);
    if (search) {
      search.addEventListener('input', function () {
        var words = fold(search.value).split(/\s+/).filter(Boolean);
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.value) { return; }
          var haystack = fold(option.text + ' ' + (option.getAttribute('data-search') || ''));
          var shown = words.every(function (word) { return haystack.indexOf(word) >= 0; });
          option.hidden = !shown;
        });
        body.setAttribute('data-faq-matches', String(Array.prototype.filter.call(select.options, function (o) {
          return o.value && !o.hidden;
        }).length));
      });
    }
  }

  if (page === 'ticket') {
    faqChooser();
  }
  if (!page || !window.EventSource) {
    return;
  }
  var ticket = body.getAttribute('data-ticket');
  var live = document.getElementById('live');
  var drawn = {};

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
      // Redrawn only when it changed: a redraw under the officer's pointer swallowed the click (CI, stop 34).
      if (html !== null && html !== undefined && html !== drawn[id]) {
        drawn[id] = html;
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
  events.addEventListener('alerts', function () {
    if (page === 'queue') {
      refresh('alerts', '/console/alerts');
    }
  });
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
