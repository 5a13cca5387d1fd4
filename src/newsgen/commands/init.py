"""`newsgen init [DIR]`: a new archive folder that builds, checks and publishes as it is.

The files come from `scaffold/` in the package (hidden names are stored without
their dot, so packaging never drops them). The Pages workflow is newsgen's own
`.github/workflows/pages.yml` (a wheel carries it in `scaffold/`), told to install
the newsgen that is running instead of the repository it sits in: as its install
says it can be installed again (`install_source`), or, when nothing a runner can
reach is known, as nothing, so the first deploy stops and says what to set rather
than fail on a version the index lacks. The theme stays in the package, where
upgrades reach it, unless the user ejects it for editing.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import CHECKOUT_DIR, PACKAGE_DIR
from ..errors import NewsgenError
from ..render.theme import theme_dir
from .install_source import InstallSource, this_newsgen

SCAFFOLD = PACKAGE_DIR / "scaffold"
WORKFLOW = ".github/workflows/pages.yml"
_PACKAGED_WORKFLOW = SCAFFOLD / "github" / "workflows" / "pages.yml"
_CHECKOUT_WORKFLOW = CHECKOUT_DIR / WORKFLOW
_HIDDEN = {"gitignore": ".gitignore"}
_INSTALL_FROM_CHECKOUT = 'NEWSGEN: "."'
_INSTALL_LINE = re.compile(r'^( *)NEWSGEN: "\."$', re.MULTILINE)
# Above an empty NEWSGEN, which the workflow's install step refuses with its own message.
_UNREACHABLE = """\
# `newsgen init` could not name a newsgen that GitHub's runner can install: the
# newsgen that wrote this file was installed from a folder or file on its machine.
# Set NEWSGEN to a newsgen you publish: a release on the package index
# ("newsgen==X.Y.Z") or a commit of a repository ("newsgen @ git+https://...@COMMIT").
# Until then the "Install newsgen" step stops the deploy and says so.
"""


def workflow_for_a_site(source: InstallSource) -> str:
    """newsgen's own Pages workflow, installing `source` instead of the repository it sits in."""
    workflow = _PACKAGED_WORKFLOW if _PACKAGED_WORKFLOW.is_file() else _CHECKOUT_WORKFLOW
    text = workflow.read_text(encoding="utf-8")
    if len(_INSTALL_LINE.findall(text)) != 1:
        raise NewsgenError(f"newsgen's {WORKFLOW} no longer sets {_INSTALL_FROM_CHECKOUT} once; init cannot adapt it")
    return _INSTALL_LINE.sub(lambda line: _install_lines(line.group(1), source), text)


def _install_lines(indent: str, source: InstallSource) -> str:
    # A JSON string is a YAML double-quoted scalar, escapes and all.
    if source.requirement is not None:
        return f"{indent}NEWSGEN: {json.dumps(source.requirement)}"
    return "".join(f"{indent}{line}\n" for line in _UNREACHABLE.splitlines()) + f'{indent}NEWSGEN: ""'


@dataclass
class InitResult:
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    installs: InstallSource | None = None  # what the workflow written installs; None if none was written


def scaffold_files(eject_theme: bool) -> dict[str, Path]:
    """Target path (relative to the new folder) -> packaged file copied as it is."""
    files = {}
    for source in sorted(SCAFFOLD.rglob("*")):
        if source.is_file() and source != _PACKAGED_WORKFLOW:
            first, *rest = source.relative_to(SCAFFOLD).parts
            files["/".join([_HIDDEN.get(first, first), *rest])] = source
    if eject_theme:
        for name in ("templates", "static"):
            folder = theme_dir(name)
            files.update({f"{name}/{p.relative_to(folder).as_posix()}": p
                          for p in sorted(folder.rglob("*")) if p.is_file()})
    return files


def init_site(target: Path, force: bool = False, eject_theme: bool = False) -> InitResult:
    """Fill `target` with a new archive; an existing file is never replaced, and nothing is
    written through a symbolic link."""
    if target.exists() and not target.is_dir():
        raise NewsgenError(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise NewsgenError(f"{target} is not empty: init fills an empty or new folder "
                           "(--force adds the missing files and keeps every existing one)")
    result = InitResult()
    source = this_newsgen()
    contents: dict[str, Path | str] = {**scaffold_files(eject_theme), WORKFLOW: workflow_for_a_site(source)}
    missing = {}
    for rel, content in sorted(contents.items()):
        path = target / rel
        if path.exists():
            result.kept.append(path)
        else:
            _refuse_links(target, rel)
            missing[path] = content
    for path, content in missing.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        _create(path, content.encode("utf-8") if isinstance(content, str) else content.read_bytes())
        result.written.append(path)
    if target / WORKFLOW in result.written:
        result.installs = source
    return result


def _refuse_links(target: Path, rel: str) -> None:
    """A link where a file is to be made (one leading nowhere, as `exists` sees it) or on the
    way to it would have the file written wherever the link leads, perhaps outside `target`.
    Checked for every file before any is written, so a refusal leaves the folder as it was."""
    path = target
    for part in rel.split("/"):
        path = path / part
        if path.is_symlink():
            raise NewsgenError(f"{path} is a symbolic link (to {os.readlink(path)}): init writes no file "
                               "through a link; remove it, or make it lead to an existing file")


def _create(path: Path, data: bytes) -> None:
    """A new file, never one that exists nor the target of a link made meanwhile (O_EXCL)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    with open(descriptor, "wb") as file:
        file.write(data)
