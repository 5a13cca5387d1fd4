"""The whole BBC corpus (2,225 files, one Latin-1, 98 duplicate pairs): every file a page, a twin's
redirect to its one page, or reported.

Built into tmp_path and never kept: the texts are not ours to publish.
"""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest

from newsgen.build import build
from newsgen.config import load_config

from ..conftest import SHARED, broken_links

BBC = SHARED / "corpus" / "bbc"


@pytest.mark.skipif(not BBC.is_dir(), reason="the BBC corpus is not in ../shared/corpus/bbc (kept outside the repository)")
def test_every_bbc_file_becomes_a_page_or_is_reported(tmp_path):
    files = sorted(BBC.rglob("*.txt"))
    report = build(load_config(tmp_path, {"seeds": str(BBC), "output": str(tmp_path / "site")}))
    dropped = {d.path for d in report.dropped}
    pages = list((tmp_path / "site" / "articles").iterdir())  # an article's page, or a twin's redirect
    twins = {d.path for d in report.duplicates}
    assert len(pages) == report.articles + len(twins) == len(files) - len(dropped)
    assert all(d.line or d.message for d in report.dropped)

    undecodable = []
    for path in files:
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            undecodable.append(str(path))
    warned = {w.path for w in report.warnings if "Windows-1252" in w.message}
    assert undecodable and warned == set(undecodable)

    copies = Counter(hashlib.sha256(p.read_bytes()).hexdigest() for p in files)
    assert 0 < sum(n - 1 for n in copies.values()) <= len(twins)  # every byte-identical copy is one of the twins
    assert broken_links(tmp_path / "site") == []
