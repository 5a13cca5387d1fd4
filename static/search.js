/* newsgen search. The index is a set of <script> files (newsgen.search.index), so it
   loads from file:// as well as from a server, and only the shards a query needs.
   Tokenising must match newsgen.search.terms: lower-case, NFKD, drop marks, letters+digits.
   Facets (newsgen.search.facets): a value is a key, its kind's letter then its own:
   "p3" person 3, "l7" place 7 (numbers into the entity table), "sBusiness", "y2021". */
(function () {
  "use strict";
  var app = document.getElementById("search-app");
  if (!app) return;
  var base = app.getAttribute("data-manifest").replace(/[^/]*$/, "");
  var input = document.getElementById("site-search");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var named = document.getElementById("search-entities");
  var facets = document.getElementById("search-facets");
  var pickers = {};  /* kind -> its <select>; the section one only in an archive with sections */
  app.querySelectorAll("select[data-facet]").forEach(function (select) { pickers[select.dataset.facet] = select; });
  var wanted = {p: "", l: "", s: "", y: ""};  /* the value picked of each kind, without its letter */
  var KINDS = {p: "person", l: "place"}, FACET_OPTIONS = 10, NAMED_SHOWN = 3;
  var store = {m: {}, t: {}, n: {}, d: {}, f: {}, e: {}}, loading = {}, asked = 0, PAGE = 10, current, title = document.title;

  window.newsgenSearch = {add: function (kind, key, data) { store[kind][key] = data; }};

  function words(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").match(/[\p{L}\p{N}]+/gu) || [];
  }
  function load(kind, key) {
    var id = kind + key;
    if (!loading[id] && key in store[kind]) loading[id] = Promise.resolve();  /* the manifest: a tag of the page */
    return loading[id] || (loading[id] = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.addEventListener("load", resolve);
      script.addEventListener("error", function () { reject(new Error("cannot load " + script.src)); });
      script.src = base + (kind === "m" ? "meta" : kind + "-" + key) + ".js";
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

  function loadAll(kind, keys) { return Promise.all(keys.map(function (k) { return load(kind, k); })); }
  function distinct(numbers) { return numbers.filter(function (n, i, all) { return all.indexOf(n) === i; }); }
  function queryTerms(meta, text) {
    return distinct(words(text)).filter(function (t) { return t.length > 1 && meta.stop.indexOf(t) < 0; });
  }
  function termShards(meta, terms) {
    return distinct([].concat.apply([], terms.map(function (t) { return shardsFor(meta, t); })));
  }

  /* `use(word, data)` for each word of the loaded shards `keys` of `kind` that query term `t` matches. */
  function eachMatch(meta, kind, keys, t, use) {
    keys.forEach(function (k) {
      var shard = store[kind][k] || {};
      Object.keys(shard).forEach(function (word) { if (matches(meta, t, word)) use(word, shard[word]); });
    });
  }

  function find(meta, terms) {
    var keys = termShards(meta, terms);
    return loadAll("t", keys).then(function () {
      var scores = null;
      terms.forEach(function (t) {
        var hits = {};
        eachMatch(meta, "t", keys, t, function (term, p) {
          var doc = 0, boost = term === t ? 2 : 1;
          for (var i = 0; i < p.length; i += 2) {
            doc += p[i];
            hits[doc] = Math.max(hits[doc] || 0, p[i + 1] * boost);
          }
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

  /* The people and places whose names hold a word matching each term, most mentioned first:
     the term shards a query loads say which names hold their words. */
  function entitiesNamed(meta, terms) {
    var keys = termShards(meta, terms);
    return loadAll("t", keys).then(function () {
      var found = null;
      terms.forEach(function (t) {
        var hits = {};
        eachMatch(meta, "n", keys, t, function (w, numbers) { numbers.forEach(function (n) { hits[n] = true; }); });
        found = (found || Object.keys(hits).map(Number)).filter(function (n) { return hits[n]; });
      });
      return (found || []).sort(function (a, b) { return a - b; });
    });
  }
  function entity(meta, n) { return store.e[Math.floor(n / meta.entities)][n % meta.entities]; }
  function loadEntities(meta, numbers) {
    return loadAll("e", distinct(numbers.map(function (n) { return Math.floor(n / meta.entities); })));
  }
  function articles(n) { return n === 1 ? "1 article" : n.toLocaleString("en") + " articles"; }

  /* A person or place picked in the address is there by name: find its number. */
  function resolve(meta, kind, name) {
    return entitiesNamed(meta, queryTerms(meta, name)).then(function (numbers) {
      return loadEntities(meta, numbers).then(function () {
        wanted[kind] = "";
        numbers.forEach(function (n) {
          var row = entity(meta, n);
          if (!wanted[kind] && row[0] === name && row[1] === KINDS[kind]) wanted[kind] = String(n);
        });
      });
    });
  }

  /* Each result's values (doc id -> keys), from the facet shards of the results only, and
     its year from the manifest's runs of documents of one year. */
  function valuesOf(meta, ids) {
    var has = {}, blocks = {};
    ids.forEach(function (id) {
      var year = 0;
      meta.years.forEach(function (run) { if (run[1] <= id) year = run[0]; });
      has[id] = year ? ["y" + year] : [];
      blocks[Math.floor(id / meta.facets)] = true;
    });
    var keys = Object.keys(blocks).map(Number);
    return loadAll("f", keys).then(function () {
      keys.forEach(function (b) {
        var shard = store.f[b];
        Object.keys(shard).forEach(function (value) {
          var doc = b * meta.facets;
          shard[value].forEach(function (gap) { doc += gap; if (doc in has) has[doc].push(value); });
        });
      });
      return has;
    });
  }

  /* The values of a run's results, loaded once. Their facet shards cover every result, so they
     grow with the archive: they load only once the reader opens "Narrow the results" or the
     address picks a value, and a query's first results and the person named never wait for them. */
  function counting(run) {
    return run.counting || (run.counting = valuesOf(run.meta, run.all).then(function (has) { run.has = has; }));
  }

  /* Whether a result's values hold every value wanted, but that of kind `except`. */
  function keeps(values, except) {
    return Object.keys(wanted).every(function (kind) {
      return kind === except || !wanted[kind] || values.indexOf(kind + wanted[kind]) >= 0;
    });
  }
  /* For each kind, how many results have each value once narrowed by the other kinds' values
     picked, so a picker offers what picking would leave; and the values each picker lists. */
  function counted(ids, has) {
    var counts = {p: {}, l: {}, s: {}, y: {}}, listed = {};
    ids.forEach(function (id) {
      has[id].forEach(function (value) {
        var kind = value[0], own = value.slice(1);
        if (keeps(has[id], kind)) counts[kind][own] = (counts[kind][own] || 0) + 1;
      });
    });
    Object.keys(counts).forEach(function (kind) {
      var c = counts[kind], values = Object.keys(c);
      if (kind === "y") values.sort(function (a, b) { return b - a; });
      else if (kind === "s") values.sort(function (a, b) { return a.localeCompare(b); });
      else values = values.sort(function (a, b) { return c[b] - c[a] || a - b; }).slice(0, FACET_OPTIONS);
      if (wanted[kind] && values.indexOf(wanted[kind]) < 0) values.push(wanted[kind]);
      listed[kind] = values;
    });
    return {counts: counts, listed: listed};
  }

  function fill(meta, kind, values, counts) {
    var select = pickers[kind], any = select.options[0];
    select.textContent = "";
    select.append(any);
    values.forEach(function (value) {
      var label = KINDS[kind] ? entity(meta, Number(value))[0] : value;
      select.append(new Option(label + " (" + (counts[value] || 0).toLocaleString("en") + ")", value));
    });
    select.value = wanted[kind];
  }
  function showNamed(meta, numbers) {
    named.textContent = "";
    numbers.slice(0, NAMED_SHOWN).forEach(function (n) {
      var row = entity(meta, n), li = node("li"), link = node("a");
      link.href = row[2];
      link.textContent = row[0];
      li.append(link, " — " + row[1] + ", " + articles(row[3]));
      named.append(li);
    });
    named.hidden = !numbers.length;
  }
  function narrowing(meta) {
    var when = [wanted.s, wanted.y].filter(Boolean), who = ["p", "l"].filter(function (k) { return wanted[k]; });
    return (when.length ? " in " + when.join(", ") : "") +
      (who.length ? " naming " + who.map(function (k) { return entity(meta, Number(wanted[k]))[0]; }).join(" and ") : "");
  }

  /* Narrow `current` by the values picked, count what is left and fill the pickers, and show
     its first page, unless `shown` already (a search with nothing picked shows it while the
     facet shards load). What goes above the results is drawn with them, so none moves. */
  function refine(shown) {
    var run = current, meta = run.meta, facts = counted(run.all, run.has);
    if (!shown) {
      run.ids = run.all.filter(function (id) { return keeps(run.has[id], ""); });
      run.narrowing = narrowing(meta);
      run.shown = 0;
    }
    var listed = facts.listed.p.concat(facts.listed.l, run.named.slice(0, NAMED_SHOWN)).map(Number);
    return Promise.all([shown || nextShards(run), loadEntities(meta, listed)]).then(function () {
      if (run !== current) return;
      Object.keys(pickers).forEach(function (kind) { fill(meta, kind, facts.listed[kind], facts.counts[kind]); });
      if (shown) return;
      showNamed(meta, run.named);
      facets.hidden = !run.all.length;
      return showMore();
    });
  }
  function showFirst(run) {
    return Promise.all([nextShards(run), loadEntities(run.meta, run.named.slice(0, NAMED_SHOWN))]).then(function () {
      if (run !== current) return;
      showNamed(run.meta, run.named);
      facets.hidden = !run.all.length;
      return showMore();
    });
  }
  /* The app is busy (aria-busy) while `work` runs: its results, names and pickers may change. */
  var working = 0;
  function settle(work) {
    working++;
    app.setAttribute("aria-busy", "true");
    return work.then(function () { if (!--working) app.removeAttribute("aria-busy"); });
  }

  function nextShards(run) {
    return loadAll("d", distinct(run.ids.slice(run.shown, run.shown + PAGE).map(function (id) {
      return Math.floor(id / run.meta.per);
    })));
  }
  /* Show the next page of `current` results; only their document shards are loaded. */
  function showMore() {
    var run = current, meta = run.meta, per = meta.per;
    var page = run.ids.slice(run.shown, run.shown + PAGE);
    return nextShards(run).then(function () {
      if (run !== current) return;
      if (!run.shown) list.textContent = "";
      page.forEach(function (id) { list.append(item(meta, store.d[Math.floor(id / per)][id % per], run.terms)); });
      run.shown += page.length;
      more.hidden = run.shown >= run.ids.length;
      var n = run.ids.length;
      document.title = "“" + run.query + "” — " + title;
      status.textContent = (n ? articles(n) : "No articles") +
        " found for “" + run.query + "”" + run.narrowing + (n > run.shown ? ", showing " + run.shown.toLocaleString("en") + "." : ".");
    });
  }

  function search(query, names) {
    var ticket = ++asked;
    return settle(load("m", "").then(function () {
      var meta = store.m[""], terms = queryTerms(meta, query);
      if (!terms.length) {
        current = null;
        document.title = title;
        list.textContent = named.textContent = "";
        more.hidden = named.hidden = facets.hidden = true;
        if (query.trim()) status.textContent = "Type a longer or less common word.";
        return;
      }
      var picked = Object.keys(names || {}).filter(function (k) { return names[k]; });
      return Promise.all([find(meta, terms), entitiesNamed(meta, terms)].concat(picked.map(function (k) {
        return resolve(meta, k, names[k]);
      }))).then(function (found) {
        if (ticket !== asked) return;
        var run = current = {meta: meta, all: found[0], ids: found[0], named: found[1], terms: terms,
                             query: query.trim(), narrowing: "", shown: 0};
        var picking = Object.keys(wanted).some(function (kind) { return wanted[kind]; });
        if (!picking && !facets.open) {  /* no counts of an earlier query may show once it is opened */
          Object.keys(pickers).forEach(function (kind) { fill(meta, kind, [], {}); });
          return showFirst(run);
        }
        return Promise.all([picking || showFirst(run), counting(run)]).then(function () {
          if (run === current) return refine(!picking);
        });
      });
    }).catch(function (error) { status.textContent = "Search is unavailable: " + error.message; }));
  }

  /* The address keeps the query and the values picked, people and places by name, so a
     narrowed search can be linked to. */
  function remember() {
    var params = new URLSearchParams({q: input.value}), meta = store.m[""];
    [["p", "person"], ["l", "place"], ["s", "section"], ["y", "year"]].forEach(function (pair) {
      var value = wanted[pair[0]];
      if (value) params.set(pair[1], KINDS[pair[0]] ? entity(meta, Number(value))[0] : value);
    });
    try { history.replaceState(null, "", "?" + params); } catch (e) { /* file:// */ }
  }

  var timer;
  function searchSoon() {
    clearTimeout(timer);
    timer = setTimeout(function () { remember(); search(input.value); }, 150);
  }
  input.addEventListener("input", searchSoon);
  Object.keys(pickers).forEach(function (kind) {
    pickers[kind].addEventListener("change", function () {
      wanted[kind] = pickers[kind].value;
      remember();
      if (current && current.has) settle(refine()); else searchSoon();
    });
  });
  facets.addEventListener("toggle", function () {
    var run = current;
    if (!facets.open || !run || run.counting) return;
    settle(counting(run).then(function () { if (run === current) return refine(true); }));
  });
  more.addEventListener("click", function () { if (current) showMore(); });
  /* "#q=…" as well as "?q=…": a page address with a query cannot be opened from disk by some tools. */
  var params = new URLSearchParams(location.search || location.hash.slice(1));
  input.value = params.get("q") || "";
  wanted.y = params.get("year") || "";
  if (pickers.s) {
    pickers.s.value = params.get("section") || "";
    if (pickers.s.selectedIndex < 0) pickers.s.value = "";  /* a section this archive does not have */
    wanted.s = pickers.s.value;
  }
  /* A narrowed search opens with its pickers shown; any other with them closed, unloaded. */
  facets.open = ["person", "place", "section", "year"].some(function (kind) { return params.get(kind); });
  /* Once the page's own tags have run: the manifest's is after this script's, so that its
     download does not wait for a query's. */
  document.addEventListener("DOMContentLoaded", function () {
    if (input.value) search(input.value, {p: params.get("person"), l: params.get("place")});
  });
})();
