"""The URL register: each source's article path, kept in the project beside the seeds.

An archive's URLs are cited for decades, and no rule over the sources alone can keep
them: whatever order slugs are made unique in, a new file can join ahead of an old one
and take its `-2`. So the build records the path it gave each source in `urls.lock` at
the site's root, and gives it again for as long as the source exists (`model.listing`
reads the register; a new source never gets a path the register gives another). Unlike
the cache, which may be deleted at any time, the register is meant to be committed with
the seeds: a clean checkout builds the same URLs.

The file is plain text, one line per source, sorted: the source's path (as build
messages name it), a tab, and its article's folder. Lines starting with `#` are
comments. A line the build cannot use is a warning and is left out; deleting a line
lets that article's URL follow its headline again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BuildWarning, NewsgenError
from ..slugs import MAX_SLUG_LENGTH
from ..util.files import read_bytes, remove_dead_temporaries, write_atomically

REGISTER_NAME = "urls.lock"
HEADER = (
    "# newsgen URL register: the path each source's article keeps for as long as the source exists.\n"
    "# Written by `newsgen build`; commit it with the seeds. Delete a line to let that URL follow its headline.\n"
)
# A slug, or a slug made unique with a number (`-2`, `-3`…): nothing that leaves articles/.
_ARTICLE_FOLDER = re.compile(r"articles/([a-z0-9]+(?:-[a-z0-9]+)*)/")
_MAX_REGISTERED_SLUG = MAX_SLUG_LENGTH + 12  # room for the number
_UNWRITABLE = ("\t", "\n", "\r")  # a source path holding one of these cannot be one line


def register_path(root: Path) -> Path:
    return root / REGISTER_NAME


def registrable(source_path: str) -> bool:
    """Whether a source's path fits on one line of the register."""
    return not source_path.startswith("#") and not any(c in source_path for c in _UNWRITABLE)


@dataclass
class UrlRegister:
    """The register as the last build left it: each source's article slug, by source path."""

    path: Path
    slugs: dict[str, str] = field(default_factory=dict)
    text: bytes = b""  # the file as read, so an unchanged register is never written
    warnings: list[BuildWarning] = field(default_factory=list)

    @classmethod
    def read(cls, root: Path) -> UrlRegister:
        path = register_path(root)
        remove_dead_temporaries(root, of=REGISTER_NAME)  # a build killed while it wrote the register
        data = read_bytes(path)
        register = cls(path, text=data)
        shown = REGISTER_NAME
        taken: dict[str, str] = {}  # slug -> the source it went to
        for number, line in enumerate(data.decode("utf-8", "surrogateescape").split("\n"), start=1):
            line = line.removesuffix("\r")
            if not line.strip() or line.startswith("#"):
                continue
            source, tab, folder = line.partition("\t")
            found = _ARTICLE_FOLDER.fullmatch(folder) if tab else None
            if found is None or len(found.group(1)) > _MAX_REGISTERED_SLUG or not registrable(source):
                register.warnings.append(BuildWarning(
                    "not a source path, a tab and an article folder (articles/<slug>/); line ignored", shown, number))
            elif source in register.slugs:
                register.warnings.append(BuildWarning(f"'{source}' is listed again; line ignored", shown, number))
            elif found.group(1) in taken:
                register.warnings.append(BuildWarning(
                    f"'{folder}' is already given to '{taken[found.group(1)]}'; line ignored", shown, number))
            else:
                register.slugs[source] = taken[found.group(1)] = found.group(1)
        return register

    def write(self, slugs: Mapping[str, str]) -> bool:
        """Keep these paths (source -> slug) for the next build, if they are not what the file
        already says; whether it was written. Called once the site is written: a build that
        fails leaves the register as it was."""
        text = format_register(slugs)
        if text == self.text:
            return False
        try:
            write_atomically(self.path, text)
        except OSError as error:
            raise NewsgenError(f"cannot write the URL register: {error.strerror or error}", str(self.path)) from error
        self.text = text
        return True


def format_register(slugs: Mapping[str, str]) -> bytes:
    lines = [f"{source}\tarticles/{slug}/\n" for source, slug in sorted(slugs.items()) if registrable(source)]
    return (HEADER + "".join(lines)).encode("utf-8", "surrogateescape")
