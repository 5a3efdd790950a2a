// The Communiqué embed snippet, for host pages: inserts the explorer as an iframe and keeps the
// iframe as tall as its content.
//
//   <script src="https://host/path/embed.js" data-communique="#target" data-query="Iran"
//           data-panels="search,timeline" data-params="sort=newest" async></script>
//
// - data-communique: a CSS selector for the element to fill (default: a new element right after
//   this script tag);
// - data-query: the search to show; data-panels: which of search, facets, timeline show;
//   data-params: any other state of the explorer's URL (filters, dates), as a query string;
// - data-title: the iframe's accessible name; data-height: its height until the app reports one.
//
// Trust: the app is loaded from the folder this script comes from, and only messages whose
// origin is that folder's origin, sent by this iframe's window and tagged with this iframe's
// id, can resize it. The app is told this page's origin (the `origin` URL parameter) and posts
// its height to that origin only.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var data = script.dataset;
  var app = new URL("./", script.src);
  var target = data.communique ? document.querySelector(data.communique) : null;
  if (!target) {
    target = document.createElement("div");
    script.parentNode.insertBefore(target, script.nextSibling);
  }
  var frameId = "communique-" + Math.random().toString(36).slice(2, 10);
  var params = new URLSearchParams(data.params || "");
  if (data.query) {
    params.set("q", data.query);
  }
  if (data.panels) {
    params.set("panels", data.panels);
  }
  params.set("embed", "1");
  params.set("origin", window.location.origin);
  params.set("frame", frameId);

  var iframe = document.createElement("iframe");
  iframe.src = app.href + "?" + params.toString();
  iframe.id = frameId;
  iframe.title = data.title || "Communiqué: search the news articles";
  iframe.setAttribute("loading", "lazy");
  iframe.style.display = "block";
  iframe.style.width = "100%";
  iframe.style.border = "0";
  iframe.style.height = (parseInt(data.height, 10) || 480) + "px";
  target.appendChild(iframe);

  window.addEventListener("message", function (event) {
    if (event.origin !== app.origin || event.source !== iframe.contentWindow) {
      return;
    }
    var message = event.data;
    if (!message || message.type !== "communique:height" || message.frame !== frameId) {
      return;
    }
    var height = Math.ceil(Number(message.height));
    if (height > 0 && height < 100000) {
      iframe.style.height = height + "px";
    }
  });
})();
