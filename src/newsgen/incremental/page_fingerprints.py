"""Every page's fingerprint: what it is rendered from, so unchanged pages are not rendered again.

Comparing them with the manifest of the current output (`manifest`) gives the
files to render again. The manifest also keeps the digests of what the pages
were rendered from, article by article, and what each page lists, so after an
edit only the pages it can have affected are fingerprinted again: one page for
an edit to an article's text, the pages of its people and places and of the
articles it relates to for one that names someone new.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Self

from ..model.site import SiteModel
from ..model.views import ArticleView, PageView
from ..records import ContentPage
from ..util.digests import digest
from ..util.workers import InBackground
from .affected import affected_pages, own_changed, page_lists, same_tag_paths, tag_paths
from .fingerprint import Fingerprinter, ModelDigests
from .manifest import OutputManifest


def model_digests(views: Sequence[ArticleView], content_pages: Sequence[ContentPage],
                  whole_articles: bool = False) -> ModelDigests:
    """`Fingerprinter.model_digests` of the articles (`listing.views`) and Markdown pages a site model is
    made from. It folds every article, so a build takes it on its second core with the search index."""
    return Fingerprinter("").model_digests(views, content_pages, whole_articles)


# From this many pages to fingerprint on, a second core takes half of them: after an edit
# that changed the model digest (a new name), every page of a large archive.
SPLIT_FINGERPRINTS_FROM = 4000


def page_fingerprints(model: SiteModel, shared: str, previous: OutputManifest | None = None,
                      digests: ModelDigests | None = None, jobs: int | None = 1) -> OutputManifest:
    """Every page's fingerprint; `shared` is what every page depends on (theme, settings, menu),
    `digests` the model's `model_digests`, taken here if not given.

    Only the pages an edit can have affected are fingerprinted again, the others keep
    `previous`'s: when the model digest is the same, those of articles whose own fields
    changed (an edit to one article's text is one page to look at, not the whole
    site); when only some articles changed, in the same order, the pages
    `affected.affected_pages` finds; else all. `jobs` above 1 (None: every core)
    lets a second process take half of many pages."""
    previous = OutputManifest() if previous is None else previous
    digests = model_digests(model.articles, model.content_pages) if digests is None else digests
    folder = Fingerprinter(shared, digests.list_fields)
    whole, order = digest(shared, digests.digest), digest(shared, digests.order)
    own = {view.path: folder.own(view.article) for view in model.articles}
    tags = tag_paths(model.people + model.places)
    # The register (urls.lock) may move a person's page with no article changed: then every link to it did.
    if whole == previous.model_digest and tags == previous.tags:
        lists = previous.lists
        stale = [page for page in model.pages if own_changed(page, own, previous)]
    else:
        lists = page_lists(model.pages)
        if order == previous.order and same_tag_paths(previous.tags, tags):
            stale = affected_pages(model.pages, digests, own, lists, previous)
        else:
            stale = list(model.pages)
    kept = previous.files if order == previous.order else {}
    if len(stale) < SPLIT_FINGERPRINTS_FROM:
        fresh = _fingerprinted(folder, stale)
    else:  # each process folds the records its pages show, so a half is more than half the work
        with InBackground(partial(_fingerprinted, folder, stale[len(stale) // 2:]), jobs) as other:
            fresh = _fingerprinted(folder, stale[: len(stale) // 2]) | other.result()
    files = {page.path: fresh[page.path] if page.path in fresh else kept[page.path] for page in model.pages}
    return OutputManifest(files, whole, own, order, digests.articles, digests.list_fields, lists, tags)


def _fingerprinted(folder: Fingerprinter, pages: Sequence[PageView]) -> dict[str, str]:
    return {page.path: folder.page(page) for page in pages}


class PageFingerprints:
    """`page_fingerprints`, for `Changes` to compare (`to_compare`) and for the manifest (`rendered()`).

    Where the output holds no pages rendered before (a first build, or one after its
    manifest was lost), every page is rendered whatever its fingerprint, and they only go
    into the manifest, for the next build. Then `to_compare` gives none, and a second
    core takes them while this one renders: at 10,000 articles, 1.3 s of one core out of
    the build's critical path. As a context manager it ends that process on an error.
    """

    def __init__(self, model: SiteModel, shared: str, previous: OutputManifest, digests: ModelDigests,
                 jobs: int | None):
        self._taking: InBackground[OutputManifest] | None = None
        if previous.files:  # needed now: taken here (many pages on two cores)
            self.to_compare = page_fingerprints(model, shared, previous, digests, jobs)
        else:
            self._taking = InBackground(partial(page_fingerprints, model, shared, previous, digests), jobs)
            self.to_compare = OutputManifest(dict.fromkeys([page.path for page in model.pages], ""),
                                    digest(shared, digests.digest))

    def rendered(self) -> OutputManifest:
        return self.to_compare if self._taking is None else self._taking.result()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info) -> None:
        if self._taking is not None:
            self._taking.__exit__(*exc_info)












