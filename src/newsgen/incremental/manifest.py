"""The manifest: the fingerprint of every file of the current output, and what the next
build needs to tell which pages an edit left alone."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from ..output.current import CurrentOutput, Manifest, Written, changed_files
from ..output.writer import MARKER
from ..render.data_files import DataFile
from ..util.digests import digest
from ..util.files import file_stamp, load_pickle, pickle_atomically, read_bytes


def manifest_file(cache_dir: Path, output: Path) -> Path:
    return cache_dir / f"pages-{digest(str(output))}.pickle"


@dataclass(frozen=True)
class OutputManifest:
    """The fingerprint of each file of a site, and what the next build needs to tell which
    pages an edit left alone without fingerprinting them again: what its pages were
    rendered from (`ModelDigests`, with `shared`), each article page's `own`, and what each
    article page and each person's or place's pages list (`affected.page_lists`)."""

    files: Manifest = field(default_factory=dict)
    model_digest: str = ""
    own: dict[str, str] = field(default_factory=dict)
    order: str = ""
    articles: dict[str, bytes] = field(default_factory=dict)
    list_fields: dict[str, bytes] = field(default_factory=dict)
    lists: dict[str, bytes] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    written: Written = field(default_factory=dict)  # each file's size and time as written: edits show

    def still_true(self, model_digest: str) -> Manifest:
        """The fingerprints that may still hold for a site of this `model_digest`: if these were
        rendered from the same, every feed's and page's (but those of articles whose own fields
        changed, which `page_fingerprints` checks), else none."""
        return self.files if model_digest == self.model_digest else {}


def altered_files(manifest: OutputManifest, output: Path) -> frozenset[str]:
    """The files of `manifest` someone removed from `output` or changed there since."""
    return changed_files(manifest.files, manifest.written, output)


def load_manifest(file: Path, output: Path) -> OutputManifest:
    """What the files now in `output` were rendered from, or nothing if unsure (a manifest another
    version of newsgen wrote may lack a field)."""
    saved = load_pickle(file)
    stamp = file_stamp(output / MARKER)
    trusted = isinstance(saved, dict) and stamp is not None and saved.get("marker") == stamp
    rendered = saved.get("rendered") if trusted else None
    whole = isinstance(rendered, OutputManifest) and vars(rendered).keys() == {f.name for f in fields(OutputManifest)}
    return rendered if whole else OutputManifest()


def save_manifest(file: Path, output: Path, rendered: OutputManifest) -> None:
    pickle_atomically(file, {"marker": file_stamp(output / MARKER), "rendered": rendered})


def site_manifest(pages: OutputManifest, static: dict[str, Path], data_files: dict[str, DataFile]) -> OutputManifest:
    """`pages` with every other file the build writes."""
    files = pages.files | {path: data_file.fingerprint for path, data_file in data_files.items()}
    files.update({f"static/{rel}": digest(read_bytes(source)) for rel, source in static.items()})
    files[".nojekyll"] = digest(b"")
    return replace(pages, files=files)


@dataclass(frozen=True)
class Changes:
    changed: frozenset[str]  # to write: new, or different from the current output
    deleted: tuple[str, ...]  # in the current output, no longer in the site
    unchanged: tuple[str, ...]  # to keep as they are

    @classmethod
    def between(cls, in_output: CurrentOutput, current: Manifest) -> "Changes":
        """What to write of `current`: every file the output does not hold as it is (the files
        someone removed from it or changed there included); and what to delete of it."""
        changed = frozenset(p for p, f in current.items() if not in_output.holds(p, f))
        deleted = tuple(sorted(p for p in in_output.files if p not in current))
        return cls(changed, deleted, tuple(p for p in current if p not in changed))

    def small(self, total: int) -> bool:
        """Few enough to apply in place rather than build a whole new tree."""
        return len(self.changed) + len(self.deleted) <= max(100, total // 4)
