"""What the last build left, and which of its results an edit leaves true.

Everything a rebuild reuses lives here, apart from the domain code it serves.
Modules, in the order a build consults them:
    record_store       each source's parsed record, keyed by its bytes; article bodies in SQLite
    last_build         `LastBuild`: the inputs' stamps, and whether the last build still stands
    manifest           the fingerprint of every output file, and what the next build compares
    fingerprint        `Fingerprinter`: a digest of everything a page is rendered from
    affected           which pages an edit to some articles can have changed
    page_fingerprints  every page's fingerprint, taken again only where an edit reached
    url_register       `urls.lock`, each article's and person's or place's path, kept in the project (not the cache)

The rule for which pages an edit reaches. A page is rendered from its own
article, if it has one, and from what it shows of other articles: their
`ArticleView.list_fields` (path, headline, standfirst, date, section, first
three people and places) on index,
tag, section, archive and related lists and newer/older links. The fields in
`model.views.OWN_PAGE_FIELDS` (body, word count, reading time, also filed as) show only on the
article's own page. So:
  * an edit that changes only an article's own fields reaches only its page;
  * an edit that changes what lists show of an article, with the articles in the
    same order and every person and place at the same path, reaches the pages
    that list it, link to it, or whose lists or profile changed;
  * anything else (a new order, a new or moved person or place) reaches every page.
Index and archive pages are always fingerprinted again. A site with templates of
its own may show any field anywhere, so for it every field of an article counts
as shown by every list (`render.theme.templates_overridden`).

Other modules keep their own small caches through `util.memo.ResultMemo`:
`entities.tagging` (per-article tags), `model.profiles` (mentions and counts)
and `search.postings` (blocks of postings).
"""
