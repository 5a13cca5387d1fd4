"""The theme ships inside the wheel, from the one copy at the repository root."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def test_wheel_carries_the_theme(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"could not build a wheel here (no build backend reachable): {result.stderr[-200:]}")
    wheel = next(tmp_path.glob("newsgen-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("templates", "static"):
        for path in (REPO / folder).rglob("*"):
            if path.is_file():
                assert f"newsgen/theme/{folder}/{path.relative_to(REPO / folder).as_posix()}" in names
    assert "newsgen/entities/data/ner.crfsuite" in names
    assert "newsgen/scaffold/github/workflows/pages.yml" in names  # what `newsgen init` copies
