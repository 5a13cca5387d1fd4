"""newsgen's release workflow: a version tag builds, checks and publishes the sdist and wheel,
and only the publish job may prove to PyPI where the files come from."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from newsgen import __version__

from .workflows import WORKFLOWS, assert_actionlint_finds_nothing, assert_matches_the_github_workflow_schema

WORKFLOW = WORKFLOWS / "release.yml"
REPO = WORKFLOWS.parents[1]


def workflow():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def runs(job: str) -> str:
    return "\n".join(s.get("run", "") for s in workflow()["jobs"][job]["steps"])


def test_runs_on_version_tags_only():
    data = workflow()
    assert data[True] == {"push": {"tags": ["v*"]}}  # YAML 1.1 reads the key `on` as true


def test_builds_the_sdist_and_wheel_checks_them_and_publishes_them_with_trusted_publishing():
    jobs = workflow()["jobs"]
    assert "python -m build" in runs("build")
    assert "twine check --strict dist/*" in runs("build")
    upload = next(s for s in jobs["build"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    download = next(s for s in jobs["publish"]["steps"] if s.get("uses", "").startswith("actions/download-artifact@"))
    assert upload["with"]["name"] == download["with"]["name"] and upload["with"]["path"] == download["with"]["path"]
    assert jobs["publish"]["needs"] == "build"
    publish = jobs["publish"]["steps"][-1]
    assert publish == {"uses": "pypa/gh-action-pypi-publish@release/v1"}  # no password: trusted publishing


def test_only_the_publish_job_may_ask_for_an_identity_token():
    data = workflow()
    assert data["permissions"] == {}
    assert data["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert data["jobs"]["publish"]["permissions"] == {"id-token": "write"}
    assert data["jobs"]["publish"]["environment"]["name"] == "pypi"


def tag_check(tag: str, cwd: Path) -> subprocess.CompletedProcess:
    step = next(s for s in workflow()["jobs"]["build"]["steps"] if s.get("name") == "Check the tag names this version")
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])  # `python` is this one
    return subprocess.run([shutil.which("bash"), "-e", "-c", step["run"]], check=False, capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "PATH": path, "TAG": tag})


def test_the_tag_of_this_version_passes_the_check():
    """Also what a release relies on: pyproject.toml and newsgen/__init__.py name one version."""
    ran = tag_check(f"v{__version__}", REPO)
    assert (ran.returncode, ran.stdout, ran.stderr) == (0, "", "")


def test_a_tag_that_names_another_version_stops_the_release():
    ran = tag_check("v99.0.0", REPO)
    assert ran.returncode == 1
    assert ran.stdout == (f"::error::the tag v99.0.0 does not name pyproject.toml's version {__version__}: "
                          f"tag v{__version__}, or bump the version\n")


def test_a_version_bumped_in_one_place_only_stops_the_release(tmp_path):
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    (tmp_path / "src" / "newsgen").mkdir(parents=True)
    (tmp_path / "src" / "newsgen" / "__init__.py").write_text('__version__ = "0.0.1"\n')
    ran = tag_check(f"v{__version__}", tmp_path)
    assert ran.returncode == 1
    assert ran.stdout == (f"::error::src/newsgen/__init__.py's __version__ is not {__version__}: "
                          "bump it with pyproject.toml's\n")


def test_matches_the_github_workflow_schema():
    assert_matches_the_github_workflow_schema(WORKFLOW)


def test_actionlint_finds_nothing():
    assert_actionlint_finds_nothing(WORKFLOW)

