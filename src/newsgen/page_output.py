"""Decide which output files changed since the current output, and stage them.

Every file of the site gets a fingerprint (pages: what they are drawn from;
static files: their bytes). Comparing with the manifest recorded for the
current output gives the files to draw again and the ones to delete; the
manifest is only trusted for the exact output state it was written for. It
also keeps the outline of what the pages were drawn from, article by article,
and what each page lists, so after an edit only the pages it can have reached
are fingerprinted again: one page for an edit to an article's text, the pages of
its people and places and of the articles it relates to for one that names
someone new. Drawing runs across all cores when there are many pages.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import partial
from pathlib import Path

from .cache import digest, file_stamp, load_pickle, pickle_atomically, read_bytes
from .config import SiteConfig
from .data_files import CurrentOutput, DataFile
from .fingerprint import Fingerprinter, Outline
from .output import MARKER, SiteWriter
from .page_reach import own_changed, page_lists, reached_pages, same_tag_paths, tag_paths
from .records import ContentPage
from .render import make_environment, render_page
from .site_model import SiteModel
from .views import ArticleView, PageView
from .workers import InBackground, parallel_map

Manifest = dict[str, str]


def manifest_file(cache_dir: Path, output: Path) -> Path:
    return cache_dir / f"pages-{digest(str(output))}.pickle"


@dataclass(frozen=True)
class Drawn:
    """The fingerprint of each file of a site, and what the next build needs to tell which
    pages an edit left alone without fingerprinting them again: what its pages were
    drawn from (`Outline`, with `shared`), each article page's `own`, and what each
    article page and each person's or place's pages list (`page_reach.page_lists`)."""

    files: Manifest = field(default_factory=dict)
    outline: str = ""
    own: dict[str, str] = field(default_factory=dict)
    frame: str = ""
    articles: dict[str, bytes] = field(default_factory=dict)
    listed: dict[str, bytes] = field(default_factory=dict)
    lists: dict[str, bytes] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)

    def still_true(self, outline: str) -> Manifest:
        """The fingerprints that may still hold for a site of this `outline`: if these were
        drawn from the same, every feed's and page's (but those of articles whose own fields
        changed, which `page_fingerprints` checks), else none."""
        return self.files if outline == self.outline else {}


def load_manifest(file: Path, output: Path) -> Drawn:
    """What the files now in `output` were drawn from, or nothing if unsure (a manifest another
    version of newsgen wrote may lack a field)."""
    saved = load_pickle(file)
    stamp = file_stamp(output / MARKER)
    trusted = isinstance(saved, dict) and stamp is not None and saved.get("marker") == stamp
    drawn = saved.get("drawn") if trusted else None
    whole = isinstance(drawn, Drawn) and vars(drawn).keys() == {f.name for f in fields(Drawn)}
    return drawn if whole else Drawn()


def save_manifest(file: Path, output: Path, drawn: Drawn) -> None:
    pickle_atomically(file, {"marker": file_stamp(output / MARKER), "drawn": drawn})


def site_outline(views: Sequence[ArticleView], content_pages: Sequence[ContentPage]) -> Outline:
    """`Fingerprinter.outline` of the articles (`listing.views`) and Markdown pages a site model is
    made from. It folds every article, so a build takes it on its second core with the search index."""
    return Fingerprinter("").outline(views, content_pages)


# From this many pages to fingerprint on, a second core takes half of them: after an edit
# that changed the site's outline (a new name), every page of a large archive.
SPLIT_FINGERPRINTS_FROM = 4000


def page_fingerprints(model: SiteModel, shared: str, previous: Drawn = Drawn(), outline: Outline | None = None,
                      jobs: int | None = 1) -> Drawn:
    """Every page's fingerprint; `shared` is what every page depends on (theme, settings, menu),
    `outline` the model's `site_outline`, taken here if not given.

    Only the pages an edit can have reached are fingerprinted again, the others keep
    `previous`'s: when the outline is the same, those of articles whose own fields
    changed (an edit to one article's text is one page to look at, not the whole
    site); when only some articles changed, in the same order, the pages
    `page_reach.reached_pages` finds; else all. `jobs` above 1 (None: every core)
    lets a second process take half of many pages."""
    outline = site_outline(model.articles, model.content_pages) if outline is None else outline
    folder = Fingerprinter(shared, outline.listed)
    whole, frame = digest(shared, outline.digest), digest(shared, outline.frame)
    own = {view.path: folder.own(view.article) for view in model.articles}
    tags = tag_paths(model.people + model.places)
    if whole == previous.outline:
        lists = previous.lists
        stale = [page for page in model.pages if own_changed(page, own, previous)]
    else:
        lists = page_lists(model.pages)
        if frame == previous.frame and same_tag_paths(previous.tags, tags):
            stale = reached_pages(model.pages, outline, own, lists, previous)
        else:
            stale = list(model.pages)
    kept = previous.files if frame == previous.frame else {}
    if len(stale) < SPLIT_FINGERPRINTS_FROM:
        fresh = _fingerprinted(folder, stale)
    else:  # each process folds the records its pages show, so a half is more than half the work
        with InBackground(partial(_fingerprinted, folder, stale[len(stale) // 2:]), jobs) as other:
            fresh = _fingerprinted(folder, stale[: len(stale) // 2]) | other.result()
    return Drawn({page.path: fresh[page.path] if page.path in fresh else kept[page.path] for page in model.pages},
                 whole, own, frame, outline.articles, outline.listed, lists, tags)


def _fingerprinted(folder: Fingerprinter, pages: Sequence[PageView]) -> dict[str, str]:
    return {page.path: folder.page(page) for page in pages}


class PageFingerprints:
    """`page_fingerprints`, for `Changes` to compare (`to_compare`) and for the manifest (`drawn()`).

    Where the output holds no pages drawn before (a first build, or one after its
    manifest was lost), every page is drawn whatever its fingerprint, and they only go
    into the manifest, for the next build. Then `to_compare` gives none, and a second
    core takes them while this one draws: at 10,000 articles, 1.3 s of one core out of
    the build's critical path. As a context manager it ends that process on an error.
    """

    def __init__(self, model: SiteModel, shared: str, previous: Drawn, outline: Outline, jobs: int | None):
        self._taking: InBackground[Drawn] | None = None
        if previous.files:  # needed now: taken here (many pages on two cores)
            self.to_compare = page_fingerprints(model, shared, previous, outline, jobs)
        else:
            self._taking = InBackground(partial(page_fingerprints, model, shared, previous, outline), jobs)
            self.to_compare = Drawn(dict.fromkeys([page.path for page in model.pages], ""),
                                    digest(shared, outline.digest))

    def drawn(self) -> Drawn:
        return self.to_compare if self._taking is None else self._taking.result()

    def __enter__(self) -> "PageFingerprints":
        return self

    def __exit__(self, *exc_info) -> None:
        if self._taking is not None:
            self._taking.__exit__(*exc_info)


def site_manifest(pages: Drawn, static: dict[str, Path], data_files: dict[str, DataFile]) -> Drawn:
    """`pages` with every other file the build writes."""
    files = pages.files | {path: data_file.fingerprint for path, data_file in data_files.items()}
    files.update({f"static/{rel}": digest(read_bytes(source)) for rel, source in static.items()})
    files[".nojekyll"] = digest(b"")
    return replace(pages, files=files)


def missing_files(files: Manifest, output: Path) -> frozenset[str]:
    """Those of `files` that someone removed from `output`, so they are written again."""
    root = str(output)  # plain strings: this checks every file of the site
    return frozenset(p for p in files if not os.path.isfile(os.path.join(root, p)))


@dataclass(frozen=True)
class Changes:
    changed: frozenset[str]  # to write: new, or different from the current output
    deleted: tuple[str, ...]  # in the current output, no longer in the site
    unchanged: tuple[str, ...]  # to keep as they are

    @classmethod
    def between(cls, in_output: CurrentOutput, current: Manifest) -> "Changes":
        """What to write of `current`: every file the output does not hold as it is (the files
        someone removed from it included); and what to delete of it."""
        changed = frozenset(p for p, f in current.items() if not in_output.holds(p, f))
        deleted = tuple(sorted(p for p in in_output.files if p not in current))
        return cls(changed, deleted, tuple(p for p in current if p not in changed))

    def small(self, total: int) -> bool:
        """Few enough to apply in place rather than build a whole new tree."""
        return len(self.changed) + len(self.deleted) <= max(100, total // 4)


# Set just before the workers fork, so they inherit it instead of unpickling it.
_job: tuple | None = None


def _draw_into_staging(index: int) -> None:
    env, config, model, writer, pages, data_files = _job  # type: ignore[misc]
    if index < len(pages):
        page = pages[index]
        writer.write_text(page.path, render_page(env, config, model, page))
    else:
        path, data_file = data_files[index - len(pages)]
        writer.write_text(path, data_file.make())


def draw_files(writer: SiteWriter, config: SiteConfig, model: SiteModel, data_files: Mapping[str, DataFile],
               paths: Collection[str], jobs: int | None, on_done: Callable[[int], None]) -> None:
    """Draw the model's pages and make the data files whose path is in `paths`, into the
    staging folder; the data files (feeds, the search index) are made by the same workers."""
    global _job
    pages = [page for page in model.pages if page.path in paths]
    made = [(path, file) for path, file in data_files.items() if path in paths]
    written_before = writer.files_written
    _job = (make_environment(config.root), config, model, writer, pages, made)
    try:
        for _ in parallel_map(_draw_into_staging, range(len(pages) + len(made)), jobs, on_done):
            pass
    finally:
        _job = None
    writer.files_written = written_before + len(pages) + len(made)  # forked workers count in their own copy
