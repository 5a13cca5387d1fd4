"""The GitHub Pages workflow: what it must do, and linters where they are installed."""

import yaml

from .workflows import WORKFLOWS, assert_actionlint_finds_nothing, assert_matches_the_github_workflow_schema

WORKFLOW = WORKFLOWS / "pages.yml"
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
    assert_matches_the_github_workflow_schema(WORKFLOW)


def test_actionlint_finds_nothing():
    assert_actionlint_finds_nothing(WORKFLOW)
