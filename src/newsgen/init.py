"""`newsgen init [DIR]`: a new archive folder that builds, checks and publishes as it is.

The files come from `scaffold/` in the package (hidden names are stored without
their dot, so packaging never drops them). The theme stays in the package, where
upgrades reach it, unless the user asks to eject it for editing.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import NewsgenError
from .theme import theme_dir

SCAFFOLD = Path(__file__).with_name("scaffold")
_HIDDEN = {"gitignore": ".gitignore", "github": ".github"}


@dataclass
class InitResult:
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def scaffold_files(eject_theme: bool) -> dict[str, Path]:
    """Target path (relative to the new folder) -> packaged source file."""
    files = {}
    for source in sorted(SCAFFOLD.rglob("*")):
        if source.is_file():
            first, *rest = source.relative_to(SCAFFOLD).parts
            files["/".join([_HIDDEN.get(first, first), *rest])] = source
    if eject_theme:
        for name in ("templates", "static"):
            folder = theme_dir(name)
            files.update({f"{name}/{p.relative_to(folder).as_posix()}": p
                          for p in sorted(folder.rglob("*")) if p.is_file()})
    return files


def init_site(target: Path, force: bool = False, eject_theme: bool = False) -> InitResult:
    """Fill `target` with a new archive; an existing file is never replaced."""
    if target.exists() and not target.is_dir():
        raise NewsgenError(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise NewsgenError(f"{target} is not empty: init fills an empty or new folder "
                           "(--force adds the missing files and keeps every existing one)")
    result = InitResult()
    for rel, source in scaffold_files(eject_theme).items():
        path = target / rel
        if path.exists():
            result.kept.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if source.is_relative_to(SCAFFOLD):
            path.write_text(source.read_text(encoding="utf-8").replace("{newsgen_version}", __version__),
                            encoding="utf-8")
        else:
            shutil.copyfile(source, path)
        result.written.append(path)
    return result
