"""The last build into an output folder: what it left, and whether it still stands.

A build opens it first. `up_to_date()` is the one question the build asks before
doing anything: nothing the last build read has changed and its output folder is
the one it left (no update half applied; its files are not looked at one by one). It answers from the inputs' sizes and modification times when it can,
and only when those changed (a checkout touches every file) from their contents,
planning the sources on the way; the build goes on from that plan.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import Any

from ..config import SiteConfig
from ..entities.gazetteer import source_versions
from ..output.update import journal_path
from ..output.writer import MARKER, leftovers
from ..render.theme import layered
from ..report import BuildReport
from ..util.digests import digest
from ..util.files import (
    Stamps,
    file_stamp,
    load_pickle,
    pickle_atomically,
    read_bytes,
    remove_dead_temporaries,
    tree_stamps,
)
from ..util.workers import collector_paused
from .fingerprint import Fingerprinter
from .manifest import OutputManifest, load_manifest, manifest_file, save_manifest
from .record_store import CACHE_DIR, RecordStore, code_fingerprint
from .url_register import register_path

_LAST_BUILD = "last-build.pickle"


def record_store_inputs(code: str, curation_path: Path) -> str:
    """What every cached record depends on besides its own files."""
    return digest(code, source_versions(), read_bytes(curation_path))


def input_stamp(config: SiteConfig, code: str) -> tuple[str, Stamps]:
    """Every input's size and modification time, as one digest (equal digests mean nothing
    to do) and by path."""
    folders = [config.seeds_dir, config.content_dir, *layered(config.root, "templates"),
               *layered(config.root, "static")]
    trees = [tree_stamps(f) for f in folders]
    return digest(code, repr(config), *map(repr, trees)), dict(chain.from_iterable(trees))


def contents_stamp(code: str, config: SiteConfig, stamps: Stamps, jobs: list[Any]) -> str:
    """As `input_stamp`, but with each source file (and seed override) by its content key
    rather than its size and time: a checkout or copy that touched every file and changed
    none leaves it the same. `jobs` are the planned sources (`sources.ingest.SourceJob`)."""
    keyed = {str(job.path): job.key for job in jobs}
    keyed.update((str(job.override_path), "in its seed's key") for job in jobs if job.override_path)
    # In the stamps' own order (by folder, then path); no path holds a NUL, nor any key or stamp.
    return digest(code, repr(config),
                  "\0".join(f"{path}\0{keyed.get(path) or stamp}" for path, stamp in stamps.items()))


def _theme_digest(config: SiteConfig) -> str:
    return digest(*(read_bytes(Path(p)) + p.encode() for folder in layered(config.root, "templates")
                    for p, _ in tree_stamps(folder)))


class LastBuild:
    def __init__(self, config: SiteConfig, output: Path, fresh: bool, today: date | None = None):
        self.config, self.output, self.fresh = config, output, fresh
        self.today = today or date.today()
        # The first day a record the last build kept no longer holds (`sources.ingest.Ingested.true_until`):
        # from then on it does not stand, though no input changed.
        self.true_until: date | None = None
        self.cache_dir = config.root / CACHE_DIR
        self.code = code_fingerprint()
        self.stamp, self.stamps = input_stamp(config, self.code)
        self.store: RecordStore | None = None  # opened by `up_to_date` when the stamps cannot tell
        self.plan: Any = None  # the sources planned on the way (`sources.read.Plan`)
        self._contents = ""
        self._report: BuildReport | None = None

    @cached_property
    def manifest(self) -> OutputManifest:
        """What the files now in the output were rendered from, or nothing if unsure."""
        return OutputManifest() if self.fresh else load_manifest(manifest_file(self.cache_dir, self.output),
                                                                 self.output)

    def up_to_date(self, plan: Callable[[RecordStore, Stamps], Any],
                   on_stamps_changed: Callable[[], None] = lambda: None) -> bool:
        """Whether the last build's output stands as it is. If the inputs' stamps cannot tell
        (then `on_stamps_changed()` is called first), the sources are planned with
        `plan(store, stamps)` (kept as `self.plan`), and it stands if every source's record is
        in the store and the contents are the same."""
        if not self.fresh and self._same("stamp", self._with_register("stamp")):
            return True
        on_stamps_changed()
        inputs = record_store_inputs(self.code, self.config.content_dir / "entities.yaml")
        if self.cache_dir.is_dir():
            remove_dead_temporaries(self.cache_dir)
        with collector_paused():
            self.store = RecordStore(self.cache_dir, inputs) if self.fresh else RecordStore.open(self.cache_dir, inputs)
        self.plan = plan(self.store, self.stamps)
        self._contents = contents_stamp(self.code, self.config, self.stamps, self.plan.jobs)
        if self.fresh or any(self.store.get(job.key) is None for job in self.plan.jobs) \
                or not self._same("contents", self._with_register("contents")):
            return False
        self.store.save([job.name for job in self.plan.jobs])  # the new stamps: the next build stops sooner
        self._save(self._report)
        return True

    def report(self) -> BuildReport:
        """The last build's report, as of a build that wrote nothing."""
        assert self._report is not None
        self._report.pages_written, self._report.pages_reused, self._report.up_to_date = 0, 0, True
        return self._report

    def shared_inputs(self, menu: Any) -> str:
        """What every page is rendered from besides its own context: newsgen, the theme, the
        settings, the menu."""
        return digest(self.code, _theme_digest(self.config), Fingerprinter("").fold((self.config, menu)))

    def remember(self, report: BuildReport, manifest: OutputManifest, read_all: bool = True,
                 true_until: date | None = None) -> None:
        """Keep what this build wrote, for the next one to start from. Unless it could
        `read_all` its sources, the next build does not stand on the inputs' stamps: a file
        deleted and put back as it was has the stamps it had, and must be read again. Nor
        does it from the day `true_until`, if given: a record kept no longer holds then."""
        save_manifest(manifest_file(self.cache_dir, self.output), self.output, manifest)
        if not read_all:
            self.stamp = ""
        self.true_until = true_until
        self._save(report)

    @cached_property
    def _saved(self) -> dict | None:
        """The last build's record, if the output is as it left it (no update half applied,
        no leftovers of a killed one); read once, though `up_to_date` may ask it twice."""
        if journal_path(self.output).exists() or leftovers(self.output):
            return None
        saved = load_pickle(self.cache_dir / _LAST_BUILD)
        return saved if isinstance(saved, dict) else None

    def _same(self, name: str, value: str) -> bool:
        """Whether the last build's `name` ("stamp" or "contents") was `value` and all its records
        still hold. Not whether each file it wrote is as it left it: looking would add a stat
        of every output file to a build with nothing to do (docs/rebuilds.md)."""
        if self._saved is None or self._saved.get(name) != (value, file_stamp(self.output / MARKER)):
            return False
        self.true_until = self._saved.get("true until")
        if self.true_until is not None and self.today >= self.true_until:
            return False
        self._report = self._saved["report"]
        return True

    def _with_register(self, name: str) -> str:
        """The stamp ("stamp") or contents digest ("contents") with the URL register as it is
        now. The build writes the register, so it is stamped when the build is saved, after
        it was written, not with the other inputs: else the next build would find it changed."""
        register = register_path(self.config.root)
        if name == "stamp":
            return digest(self.stamp, repr(file_stamp(register)))
        return digest(self._contents, read_bytes(register))

    def _save(self, report: BuildReport | None) -> None:
        marker = file_stamp(self.output / MARKER)
        pickle_atomically(self.cache_dir / _LAST_BUILD, {"stamp": (self._with_register("stamp"), marker),
                                                         "contents": (self._with_register("contents"), marker),
                                                         "report": report, "true until": self.true_until})
