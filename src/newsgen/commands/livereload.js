// newsgen serve: reload this tab when the preview is rebuilt. Served only by
// `newsgen serve`, never written into a built site. It knows the version of the
// page it sits in and reloads once it hears of a different one.
//
// A browser gives each host 6 connections, so one connection per tab would
// leave the 7th tab loading forever. The tabs share one: the tab holding the
// "newsgen-livereload" Web Lock (the first, then the next when it goes) listens
// to the server over Server-Sent Events and passes each new version to the
// others on a BroadcastChannel. A tab that joins asks the leader for the newest
// version it knows, in case it was served before the last build. Where the
// browser has no Web Locks or BroadcastChannel (an address other than
// 127.0.0.1/localhost is no secure context), each tab asks for the version once
// a second instead, holding no connection open.
(function () {
  "use strict";
  var NAME = "newsgen-livereload";
  var script = document.currentScript;
  var version = (script && new URL(script.src).searchParams.get("version")) || "";
  var reloading = false;

  function reloadFor(current) {
    if (current && current !== version && !reloading) {
      reloading = true;
      window.location.reload();
    }
  }

  function poll() {
    fetch("/__newsgen__/version", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (current) { reloadFor(current.trim()); }, function () { /* server gone: retry */ })
      .then(function () { if (!reloading) { setTimeout(poll, 1000); } });
  }

  if (typeof BroadcastChannel !== "function" || !navigator.locks) {
    poll();
    return;
  }

  var channel = new BroadcastChannel(NAME);
  var latest = version; // the newest version this tab knows of
  var leading = false;

  channel.onmessage = function (event) {
    var message = event.data || {};
    if (message.ask && leading) {
      channel.postMessage({ current: latest });
    }
    if (message.current) {
      reloadFor(message.current);
    }
  };

  navigator.locks.request(NAME, function () {
    leading = true; // until this tab goes: then the lock, and the lead, pass to another
    return new Promise(function () {
      var events = new EventSource("/__newsgen__/events?version=" + encodeURIComponent(latest));
      events.addEventListener("reload", function (event) {
        latest = event.data;
        channel.postMessage({ current: latest });
        events.close();
        reloadFor(latest);
      });
    });
  });
  channel.postMessage({ ask: true });
})();
