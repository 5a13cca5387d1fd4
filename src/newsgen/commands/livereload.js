// newsgen serve: reload this tab when the preview is rebuilt. Served only by
// `newsgen serve`, never written into a built site. It knows the version of the
// page it sits in and waits, over Server-Sent Events, for a different one.
(function () {
  "use strict";
  var script = document.currentScript;
  var version = script ? new URL(script.src).searchParams.get("version") : "";
  var events = new EventSource("/__newsgen__/events?version=" + encodeURIComponent(version || ""));
  events.addEventListener("reload", function () {
    events.close();
    window.location.reload();
  });
})();
