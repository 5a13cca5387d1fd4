"""A newsgen install of each kind, as `importlib.metadata` finds it: a dist-info folder
with pip's PEP 610 record (`direct_url.json`), or none for an install from an index."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

from newsgen.commands import install_source

from ..conftest import write

COMMIT = "0123456789abcdef0123456789abcdef01234567"
VCS = {"url": "https://github.com/example/newsgen.git",
       "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "main"}}
EDITABLE = {"url": "file:///home/me/newsgen", "dir_info": {"editable": True}}
FOLDER = {"url": "file:///home/me/newsgen", "dir_info": {}}
WHEEL_FILE = {"url": "file:///home/me/dist/newsgen-0.1.0-py3-none-any.whl", "archive_info": {}}


def install(monkeypatch, folder: Path, record: dict | str | None, version: str = "0.1.0") -> None:
    """Make `folder` the newsgen install `install_source` finds, with `record` as its direct_url.json."""
    info = folder / f"newsgen-{version}.dist-info"
    write(info / "METADATA", f"Metadata-Version: 2.1\nName: newsgen\nVersion: {version}\n")
    if record is not None:
        write(info / "direct_url.json", record if isinstance(record, str) else json.dumps(record))
    monkeypatch.setattr(install_source, "_distribution", lambda: metadata.PathDistribution(info))


def not_installed(monkeypatch) -> None:
    def missing():
        raise metadata.PackageNotFoundError("newsgen")
    monkeypatch.setattr(install_source, "_distribution", missing)
