"""Where the theme lives, and how a site's own files override it file by file.

The theme has one source of truth: `templates/` and `static/` at the repository
root. A wheel carries them as `newsgen/theme/`; a source checkout finds them
beside `src/`.
"""

from __future__ import annotations

from pathlib import Path

from .. import CHECKOUT_DIR, PACKAGE_DIR
from ..errors import NewsgenError

_PACKAGED = PACKAGE_DIR / "theme"
_CHECKOUT = CHECKOUT_DIR


def theme_dir(name: str) -> Path:
    """The built-in theme's `templates` or `static` folder."""
    for base in (_PACKAGED, _CHECKOUT):
        if (base / name).is_dir():
            return base / name
    raise FileNotFoundError(f"newsgen's theme folder '{name}' is missing from the installation")


def layered(site_root: Path, name: str) -> list[Path]:
    """Site folder first, then the theme; duplicates (building newsgen's own demo) once."""
    folders = []
    for folder in (site_root / name, theme_dir(name)):
        if folder.is_dir() and folder.resolve() not in [f.resolve() for f in folders]:
            folders.append(folder)
    return folders


def templates_overridden(site_root: Path) -> bool:
    """Whether the site has a template of its own, or one that differs from the theme's."""
    folders = layered(site_root, "templates")
    if len(folders) == 1:
        return False
    site, theme = folders
    return any(path.is_file() and (not (theme / path.relative_to(site)).is_file()
                                   or path.read_bytes() != (theme / path.relative_to(site)).read_bytes())
               for path in site.rglob("*"))


def static_files(site_root: Path) -> dict[str, Path]:
    """Static asset path -> file; a site's file replaces the theme's of the same name."""
    files: dict[str, Path] = {}
    for folder in reversed(layered(site_root, "static")):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                if not path.resolve().is_relative_to(folder.resolve()):
                    # A link to ~/.ssh or /etc would publish it: refuse rather than guess.
                    raise NewsgenError("a link to a file outside the static folder; newsgen will not publish it",
                                       str(path))
                files[path.relative_to(folder).as_posix()] = path
    return dict(sorted(files.items()))
