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
  var more = document.getElementById("search-more");
  var picker = document.getElementById("search-section");  /* only in an archive with sections */
  var store = {m: {}, t: {}, d: {}, s: {}}, loading = {}, asked = 0, PAGE = 10, current, title = document.title;

  window.newsgenSearch = {add: function (kind, key, data) { store[kind][key] = data; }};

  function words(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").match(/[\p{L}\p{N}]+/gu) || [];
  }
  function load(kind, key) {
    var id = kind + key;
    return loading[id] || (loading[id] = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.addEventListener("load", resolve);
      script.addEventListener("error", function () { reject(new Error("cannot load " + script.src)); });
      script.src = base + (kind === "m" ? "meta" : kind === "s" ? "sections" : kind + "-" + key) + ".js";
      document.head.appendChild(script);
    }));
  }

  /* A query term matches index terms it begins, once it is long enough to be a prefix. */
  function matches(meta, t, term) { return term === t || (t.length >= meta.prefix && term.startsWith(t)); }

  /* Term shards are sorted runs of terms; meta.starts[i] is where shard i begins. */
  function shardsFor(meta, t) {
    var starts = meta.starts, i = 0, found = [];
    while (i + 1 < starts.length && starts[i + 1] <= t) i++;
    if (starts.length) found.push(i);
    while (t.length >= meta.prefix && ++i < starts.length && starts[i].startsWith(t)) found.push(i);
    return found;
  }

  function find(meta, terms) {
    var keys = [];
    terms.forEach(function (t) {
      shardsFor(meta, t).forEach(function (k) { if (keys.indexOf(k) < 0) keys.push(k); });
    });
    return Promise.all(keys.map(function (k) { return load("t", k); })).then(function () {
      var scores = null;
      terms.forEach(function (t) {
        var hits = {};
        keys.forEach(function (k) {
          var shard = store.t[k];
          Object.keys(shard).forEach(function (term) {
            if (!matches(meta, t, term)) return;
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

  function marked(element, text, meta, terms) {
    var re = /[\p{L}\p{N}\p{M}]+/gu, last = 0, m;
    while ((m = re.exec(text))) {
      var hit = words(m[0]).some(function (w) { return terms.some(function (t) { return matches(meta, t, w); }); });
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
  function item(meta, doc, terms) {
    var li = node("li", "article-item"), title = node("h2", "article-item-title"), link = node("a");
    link.href = doc[0];
    title.append(marked(link, doc[1], meta, terms));
    li.append(title);
    if (doc[2]) {
      var time = node("time"), when = node("p", "meta");
      time.dateTime = doc[2];
      time.textContent = doc[3];
      when.append(time);
      li.append(when);
    }
    if (doc[4]) li.append(marked(node("p", "standfirst"), doc[4], meta, terms));
    var names = (doc[5] || []).concat(doc[6] || []);  /* [name, link] pairs: people, then places */
    if (names.length) {
      var line = node("p", "item-names");
      names.forEach(function (name, i) {
        var a = node("a");
        a.href = name[1];
        a.textContent = name[0];
        if (i) line.append(" · ");
        line.append(a);
      });
      li.append(line);
    }
    return li;
  }

  /* The results in the section picked, if one is: the sections file says which section each
     document is in, so no document shard is loaded for a result left out. */
  function inSection(ids, section) {
    if (!section) return Promise.resolve(ids);
    return load("s", "").then(function () {
      var sections = store.s[""], wanted = sections.names.indexOf(section);
      return ids.filter(function (id) { return sections.of[id] === wanted; });
    });
  }

  /* Show the next page of `current` results; only their document shards are loaded. */
  function showMore() {
    var run = current, meta = run.meta, per = meta.per;
    var page = run.ids.slice(run.shown, run.shown + PAGE);
    return Promise.all(page.map(function (id) { return load("d", Math.floor(id / per)); })).then(function () {
      if (run !== current) return;
      page.forEach(function (id) { list.append(item(meta, store.d[Math.floor(id / per)][id % per], run.terms)); });
      run.shown += page.length;
      more.hidden = run.shown >= run.ids.length;
      var n = run.ids.length;
      document.title = "“" + run.query + "” — " + title;
      status.textContent = (n ? (n === 1 ? "1 article" : n.toLocaleString("en") + " articles") : "No articles") +
        " found for “" + run.query + "”" + (run.section ? " in " + run.section : "") + (n > run.shown ? ", showing " + run.shown.toLocaleString("en") + "." : ".");
    });
  }

  function search(query) {
    var ticket = ++asked, section = picker ? picker.value : "";
    load("m", "").then(function () {
      var meta = store.m[""];
      var terms = words(query).filter(function (t, i, all) {
        return t.length > 1 && meta.stop.indexOf(t) < 0 && all.indexOf(t) === i;
      });
      if (!terms.length) {
        current = null;
        document.title = title;
        list.textContent = "";
        more.hidden = true;
        if (query.trim()) status.textContent = "Type a longer or less common word.";
        return;
      }
      return find(meta, terms).then(function (ids) { return inSection(ids, section); }).then(function (ids) {
        if (ticket !== asked) return;
        current = {meta: meta, ids: ids, terms: terms, query: query.trim(), section: section, shown: 0};
        list.textContent = "";
        return showMore();
      });
    }).catch(function (error) { status.textContent = "Search is unavailable: " + error.message; });
  }

  var timer;
  function searchSoon() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var section = picker && picker.value ? "&section=" + encodeURIComponent(picker.value) : "";
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value) + section); } catch (e) { /* file:// */ }
      search(input.value);
    }, 150);
  }
  input.addEventListener("input", searchSoon);
  if (picker) picker.addEventListener("change", searchSoon);
  more.addEventListener("click", function () { if (current) showMore(); });
  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (picker) picker.value = params.get("section") || "";
  if (picker && picker.selectedIndex < 0) picker.value = "";  /* a section this archive does not have */
  if (input.value) search(input.value);
})();
