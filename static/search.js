/* newsgen search. The index is a set of <script> files (search_index.py), so it
   loads from file:// as well as from a server, and only the shards a query needs.
   Tokenising must match search_index.py: lower-case, NFKD, drop marks, letters+digits. */
(function () {
  "use strict";
  var app = document.getElementById("search-app");
  if (!app) return;
  var base = app.getAttribute("data-manifest").replace(/[^/]*$/, "");
  var input = document.getElementById("site-search");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var store = {m: {}, t: {}, d: {}}, loading = {}, shown = 0, LIMIT = 30;

  window.newsgenSearch = {add: function (kind, key, data) { store[kind][key] = data; }};

  function words(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").match(/[\p{L}\p{N}]+/gu) || [];
  }
  function file(kind, key) {
    if (kind !== "t") return kind === "m" ? "meta" : "d-" + key;
    return "t-" + (/^[a-z0-9]+$/.test(key) ? key : "x" + Array.from(new TextEncoder().encode(key),
      function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join(""));
  }
  function load(kind, key) {
    var id = kind + key;
    return loading[id] || (loading[id] = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.addEventListener("load", resolve);
      script.addEventListener("error", function () { reject(new Error("cannot load " + script.src)); });
      script.src = base + file(kind, key) + ".js";
      document.head.appendChild(script);
    }));
  }

  function find(meta, terms) {
    var keys = meta.shards.filter(function (k) {
      return terms.some(function (t) { return k.startsWith(t) || t.startsWith(k); });
    });
    return Promise.all(keys.map(function (k) { return load("t", k); })).then(function () {
      var scores = null;
      terms.forEach(function (t) {
        var hits = {};
        keys.forEach(function (k) {
          var shard = store.t[k];
          Object.keys(shard).forEach(function (term) {
            if (!term.startsWith(t)) return;
            var p = shard[term], doc = 0, boost = term === t ? 2 : 1;
            for (var i = 0; i < p.length; i += 2) {
              doc += p[i];
              hits[doc] = Math.max(hits[doc] || 0, p[i + 1] * boost);
            }
          });
        });
        if (scores) Object.keys(hits).forEach(function (d) { if (d in scores) hits[d] += scores[d]; else delete hits[d]; });
        scores = hits;
      });
      return Object.keys(scores).map(Number).sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    });
  }

  function marked(element, text, terms) {
    var re = /[\p{L}\p{N}\p{M}]+/gu, last = 0, m;
    while ((m = re.exec(text))) {
      var hit = words(m[0]).some(function (w) { return terms.some(function (t) { return w.startsWith(t); }); });
      if (!hit) continue;
      element.append(text.slice(last, m.index));
      var mark = document.createElement("mark");
      mark.textContent = m[0];
      element.append(mark);
      last = re.lastIndex;
    }
    element.append(text.slice(last));
    return element;
  }
  function node(tag, className) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    return element;
  }
  function show(meta, ids, terms, query, ticket) {
    var top = ids.slice(0, LIMIT), per = meta.per;
    var shards = top.map(function (id) { return Math.floor(id / per); });
    return Promise.all(shards.map(function (s) { return load("d", s); })).then(function () {
      if (ticket !== shown) return;
      list.textContent = "";
      top.forEach(function (id) {
        var doc = store.d[Math.floor(id / per)][id % per];
        var item = node("li", "article-item"), title = node("h2", "article-item-title"), link = node("a");
        link.href = doc[0];
        title.append(marked(link, doc[1], terms));
        item.append(title);
        if (doc[2]) {
          var time = node("time");
          time.dateTime = doc[2];
          time.textContent = doc[3];
          var meta = node("p", "meta");
          meta.append(time);
          item.append(meta);
        }
        if (doc[4]) item.append(marked(node("p", "standfirst"), doc[4], terms));
        list.append(item);
      });
      var count = ids.length === 1 ? "1 article" : ids.length + " articles";
      status.textContent = (ids.length ? count : "No articles") + " found for “" + query + "”" +
        (ids.length > LIMIT ? ", showing the best " + LIMIT + "." : ".");
    });
  }

  function run(query) {
    var ticket = ++shown;
    load("m", "").then(function () {
      var meta = store.m[""];
      var terms = words(query).filter(function (t, i, all) {
        return t.length > 1 && meta.stop.indexOf(t) < 0 && all.indexOf(t) === i;
      });
      if (!terms.length) {
        list.textContent = "";
        status.textContent = query.trim() ? "Type a longer or more specific word." : status.textContent;
        return;
      }
      return find(meta, terms).then(function (ids) {
        if (ticket === shown) return show(meta, ids, terms, query.trim(), ticket);
      });
    }).catch(function (error) { status.textContent = "Search is unavailable: " + error.message; });
  }

  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* file:// */ }
      run(input.value);
    }, 150);
  });
  input.value = new URLSearchParams(location.search).get("q") || "";
  if (input.value) run(input.value);
})();
