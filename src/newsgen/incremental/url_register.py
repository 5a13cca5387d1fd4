"""The URL register: each source's article path and each person's and place's page,
kept in the project beside the seeds.

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

People's and places' pages are in the same file, as a second kind of line: the name, a
tab, and its page's folder (`people/<slug>/` or `places/<slug>/`, which also says the
kind). One file rather than a sibling register, because the two are one promise, read
and written at the same moments and stamped by the last build as one input; an old
file, of article lines only, loads as it did. Unlike a source's line, a name's line
stays when its page goes (its name folds into another, changes kind, or loses its last
article): that path then leads on (`model.moved`), and no new name ever takes it.
Deleting the line lets the name's URL follow its slug again, or ends its leading page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BuildWarning, NewsgenError
from ..slugs import MAX_SLUG_LENGTH
from ..urls import INDEX_INITIALS, kind_folder
from ..util.files import read_bytes, remove_dead_temporaries, write_atomically

REGISTER_NAME = "urls.lock"
HEADER = (
    "# newsgen URL register: the path each source's article keeps for as long as the source exists,\n"
    "# then each person's and place's page, kept for good: a name with no page now leads on from it.\n"
    "# Written by `newsgen build`; commit it with the seeds. Delete a line to let that URL follow its headline\n"
    "# or name.\n"
)
# A slug, or a slug made unique with a number (`-2`, `-3`…): nothing that leaves articles/.
_FOLDER = re.compile(r"(articles|people|places)/([a-z0-9]+(?:-[a-z0-9]+)*)/")
_KINDS = {kind_folder(kind): kind for kind in ("person", "place")}
_MAX_REGISTERED_SLUG = MAX_SLUG_LENGTH + 12  # room for the number
_UNWRITABLE = ("\t", "\n", "\r")  # a source path holding one of these cannot be one line


def register_path(root: Path) -> Path:
    return root / REGISTER_NAME


def registrable(source_path: str) -> bool:
    """Whether a source's path fits on one line of the register."""
    return not source_path.startswith("#") and not any(c in source_path for c in _UNWRITABLE)


@dataclass
class UrlRegister:
    """The register as the last build left it: each source's article slug, by source path,
    and each person's and place's slug, by (kind, name)."""

    path: Path
    slugs: dict[str, str] = field(default_factory=dict)
    entities: dict[tuple[str, str], str] = field(default_factory=dict)
    text: bytes = b""  # the file as read, so an unchanged register is never written
    warnings: list[BuildWarning] = field(default_factory=list)

    @classmethod
    def read(cls, root: Path) -> UrlRegister:
        path = register_path(root)
        remove_dead_temporaries(root, of=REGISTER_NAME)  # a build killed while it wrote the register
        data = read_bytes(path)
        register = cls(path, text=data)
        shown = REGISTER_NAME
        taken: dict[tuple[str, str], str] = {}  # (folder, slug) -> the source or name it went to
        for number, line in enumerate(data.decode("utf-8", "surrogateescape").split("\n"), start=1):
            line = line.removesuffix("\r")
            if not line.strip() or line.startswith("#"):
                continue
            key, tab, folder = line.partition("\t")
            found = _FOLDER.fullmatch(folder) if tab else None
            root, slug = found.groups() if found else ("", "")
            given = register.slugs if root == "articles" else register.entities
            owner = key if root == "articles" else (_KINDS.get(root, ""), key)
            if found is None or len(slug) > _MAX_REGISTERED_SLUG or not registrable(key) or not key.strip() or (
                    root != "articles" and slug in INDEX_INITIALS):
                register.warnings.append(BuildWarning(
                    "not a source path, a tab and an article folder (articles/<slug>/), nor a name, a tab and "
                    "a person's or place's folder (people/<slug>/, places/<slug>/); line ignored", shown, number))
            elif owner in given:
                register.warnings.append(BuildWarning(f"'{key}' is listed again; line ignored", shown, number))
            elif (root, slug) in taken:
                register.warnings.append(BuildWarning(
                    f"'{folder}' is already given to '{taken[root, slug]}'; line ignored", shown, number))
            else:
                given[owner] = slug
                taken[root, slug] = key
        return register

    def write(self, slugs: Mapping[str, str], entities: Mapping[tuple[str, str], str] | None = None) -> bool:
        """Keep these paths (source -> slug; (kind, name) -> slug) for the next build, if they are
        not what the file already says; whether it was written. Called once the site is written:
        a build that fails leaves the register as it was."""
        text = format_register(slugs, entities or {})
        if text == self.text:
            return False
        try:
            write_atomically(self.path, text)
        except OSError as error:
            raise NewsgenError(f"cannot write the URL register: {error.strerror or error}", str(self.path)) from error
        self.text = text
        return True


def format_register(slugs: Mapping[str, str], entities: Mapping[tuple[str, str], str]) -> bytes:
    lines = [f"{source}\tarticles/{slug}/\n" for source, slug in sorted(slugs.items()) if registrable(source)]
    lines += [f"{name}\t{kind_folder(kind)}/{slug}/\n" for (kind, name), slug in sorted(entities.items())
              if registrable(name)]
    return (HEADER + "".join(lines)).encode("utf-8", "surrogateescape")
