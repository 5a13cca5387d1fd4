"""`newsgen init`: a new archive that builds and checks clean, and never clobbers files."""

import difflib
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from newsgen import __version__
from newsgen.build import build
from newsgen.cli import main
from newsgen.commands import init
from newsgen.commands.check import check_site
from newsgen.commands.init import init_site
from newsgen.commands.install_source import InstallSource
from newsgen.config import load_config
from newsgen.errors import NewsgenError
from newsgen.render.theme import theme_dir

from ..conftest import REPO, write
from ..e2e.workflows import assert_matches_the_github_workflow_schema
from .installs import COMMIT, EDITABLE, FOLDER, VCS, WHEEL_FILE, install, not_installed

FILES = [".github/workflows/pages.yml", ".gitignore", "content/entities.yaml", "content/pages/about.md",
         "newsgen.yaml", "seeds/2025-04-12-riverside-library-reopens.txt", "urls.lock"]


def listing(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_new_archive_builds_and_checks_clean(tmp_path):
    root = tmp_path / "archive"
    result = init_site(root)
    assert listing(root) == FILES and sorted(result.written) == sorted(root / f for f in FILES)
    report = build(load_config(root, {"base_url": "https://me.github.io/news/"}))
    assert (report.articles, report.dropped, report.warnings) == (1, [], [])
    site = root / "site"
    assert check_site(site, "https://me.github.io/news/").problems == []
    assert (site / "about" / "index.html").is_file()
    assert "Head librarian of the Riverside Library." in (site / "people" / "marta-ribeiro" / "index.html").read_text()
    assert not (site / "places" / "riverside").exists()  # the example's ignore rule at work
    assert "/site/" in (root / ".gitignore").read_text().splitlines()


def test_a_new_archive_comes_with_the_url_register_its_first_build_keeps(tmp_path):
    root = tmp_path / "archive"
    init_site(root)
    given = (root / "urls.lock").read_bytes()
    build(load_config(root))
    assert (root / "urls.lock").read_bytes() == given
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    ignored = subprocess.run(["git", "-C", str(root), "check-ignore", "-q", "urls.lock"], check=False)
    assert ignored.returncode == 1  # not ignored: it is committed with the seeds


def changes_to_the_own_workflow(site: Path) -> tuple[list[str], list[str]]:
    """The lines of newsgen's own pages.yml that init's copy lacks, and those it has instead."""
    given = (site / ".github" / "workflows" / "pages.yml").read_text().splitlines()
    own = (REPO / ".github" / "workflows" / "pages.yml").read_text().splitlines()
    diff = list(difflib.ndiff(own, given))
    return [line[2:] for line in diff if line[0] == "-"], [line[2:] for line in diff if line[0] == "+"]


def test_the_workflow_is_newsgens_own_installing_the_release_from_the_index(monkeypatch, tmp_path):
    install(monkeypatch, tmp_path / "installed", None, version=__version__)
    result = init_site(tmp_path / "site")
    assert changes_to_the_own_workflow(tmp_path / "site") == (
        ['      NEWSGEN: "."'], [f'      NEWSGEN: "newsgen=={__version__}"'])
    assert result.installs.requirement == f"newsgen=={__version__}"


def test_the_workflow_of_a_newsgen_installed_from_git_installs_that_commit(monkeypatch, tmp_path):
    install(monkeypatch, tmp_path / "installed", VCS)
    init_site(tmp_path / "site")
    assert changes_to_the_own_workflow(tmp_path / "site") == (
        ['      NEWSGEN: "."'], [f'      NEWSGEN: "newsgen @ git+https://github.com/example/newsgen.git@{COMMIT}"'])


UNREACHABLE = ["      # `newsgen init` could not name a newsgen that GitHub's runner can install: the",
               "      # newsgen that wrote this file was installed from a folder or file on its machine.",
               "      # Set NEWSGEN to a newsgen you publish: a release on the package index",
               '      # ("newsgen==X.Y.Z") or a commit of a repository ("newsgen @ git+https://...@COMMIT").',
               '      # Until then the "Install newsgen" step stops the deploy and says so.',
               '      NEWSGEN: ""']


@pytest.mark.parametrize("record", [EDITABLE, FOLDER, WHEEL_FILE, None])
def test_the_workflow_of_a_newsgen_from_this_machine_says_to_set_what_it_installs(monkeypatch, tmp_path, record):
    """It used to install newsgen==<this version>, which the index may not have: the first deploy failed in pip."""
    if record is None:
        not_installed(monkeypatch)
    else:
        install(monkeypatch, tmp_path / "installed", record)
    result = init_site(tmp_path / "site")
    assert changes_to_the_own_workflow(tmp_path / "site") == (['      NEWSGEN: "."'], UNREACHABLE)
    assert result.installs.requirement is None


def test_a_workflow_that_installs_nothing_stops_at_the_install_saying_what_to_set(monkeypatch, tmp_path):
    install(monkeypatch, tmp_path / "installed", EDITABLE)
    init_site(tmp_path / "site")
    workflow = tmp_path / "site" / ".github" / "workflows" / "pages.yml"
    build_job = yaml.safe_load(workflow.read_text())["jobs"]["build"]
    step = next(s for s in build_job["steps"] if s.get("name") == "Install newsgen")
    ran = subprocess.run([shutil.which("bash"), "-e", "-c", step["run"]], check=False, capture_output=True, text=True,
                         env={**os.environ, **build_job["env"], "PATH": ""})  # no pip to reach
    assert build_job["env"] == {"NEWSGEN": ""}
    assert ran.returncode == 1
    assert ran.stdout.startswith("::error::NEWSGEN is empty: set it in this workflow to the newsgen to install")
    assert_matches_the_github_workflow_schema(workflow)


def test_a_workflow_init_cannot_adapt_is_an_error(monkeypatch, tmp_path):
    changed = write(tmp_path / "pages.yml", "env:\n  NEWSGEN: git+https://example.org/newsgen\n")
    monkeypatch.setattr(init, "_CHECKOUT_WORKFLOW", changed)
    monkeypatch.setattr(init, "_PACKAGED_WORKFLOW", tmp_path / "absent.yml")
    with pytest.raises(NewsgenError) as error:
        init.workflow_for_a_site(InstallSource("newsgen==0.1.0", "the index"))
    assert str(error.value) == ("newsgen's .github/workflows/pages.yml no longer sets NEWSGEN: \".\" once; "
                                "init cannot adapt it")


def test_theme_stays_in_the_package_unless_ejected(tmp_path):
    init_site(tmp_path / "plain")
    assert not (tmp_path / "plain" / "templates").exists() and not (tmp_path / "plain" / "static").exists()
    init_site(tmp_path / "ejected", eject_theme=True)
    for name in ("templates", "static"):
        theme = theme_dir(name)
        assert listing(tmp_path / "ejected" / name) == listing(theme)
        for rel in listing(theme):
            assert (tmp_path / "ejected" / name / rel).read_bytes() == (theme / rel).read_bytes()


def test_a_non_empty_folder_is_refused_without_force(tmp_path):
    write(tmp_path / "newsgen.yaml", "title: Mine\n")
    with pytest.raises(NewsgenError) as error:
        init_site(tmp_path)
    assert str(error.value) == (f"{tmp_path} is not empty: init fills an empty or new folder "
                                "(--force adds the missing files and keeps every existing one)")
    assert listing(tmp_path) == ["newsgen.yaml"]


def test_force_adds_missing_files_and_keeps_existing_ones(tmp_path):
    write(tmp_path / "newsgen.yaml", "title: Mine\n")
    result = init_site(tmp_path, force=True)
    assert result.kept == [tmp_path / "newsgen.yaml"]
    assert (tmp_path / "newsgen.yaml").read_text() == "title: Mine\n"
    assert listing(tmp_path) == FILES


def test_a_file_in_the_way_is_refused(tmp_path):
    write(tmp_path / "taken", "")
    with pytest.raises(NewsgenError, match="taken exists and is not a folder"):
        init_site(tmp_path / "taken")


def test_cli_reports_and_exits(tmp_path, capsys, monkeypatch):
    install(monkeypatch, tmp_path / "installed", None)
    monkeypatch.chdir(tmp_path)
    assert main(["init", "news"]) == 0
    assert capsys.readouterr() == ("Created a news archive in news (7 files). Next: cd news && newsgen serve\n", "")
    assert main(["init", "news"]) == 2
    assert capsys.readouterr().err == ("newsgen: error: news is not empty: init fills an empty or new folder "
                                       "(--force adds the missing files and keeps every existing one)\n")


def test_force_writes_nothing_through_a_link_that_leads_nowhere(tmp_path):
    """A dangling link where a scaffold file goes was written through: the file appeared
    wherever the link led, outside the folder."""
    site, outside = tmp_path / "site", tmp_path / "outside"
    site.mkdir()
    outside.mkdir()
    (site / "newsgen.yaml").symlink_to(outside / "planted.yaml")
    with pytest.raises(NewsgenError) as error:
        init_site(site, force=True)
    assert str(error.value) == (f"{site}/newsgen.yaml is a symbolic link (to {outside}/planted.yaml): init writes "
                                "no file through a link; remove it, or make it lead to an existing file")
    assert list(outside.iterdir()) == [] and listing(site) == []


def test_force_writes_nothing_into_a_linked_folder(tmp_path):
    site, outside = tmp_path / "site", tmp_path / "outside"
    site.mkdir()
    outside.mkdir()
    (site / "content").symlink_to(outside)
    with pytest.raises(NewsgenError, match="content is a symbolic link"):
        init_site(site, force=True)
    assert list(outside.iterdir()) == [] and listing(site) == []


def test_force_keeps_a_link_to_an_existing_file(tmp_path):
    site = tmp_path / "site"
    write(tmp_path / "mine.yaml", "title: Mine\n")
    site.mkdir()
    (site / "newsgen.yaml").symlink_to(tmp_path / "mine.yaml")
    assert site / "newsgen.yaml" in init_site(site, force=True).kept
    assert (tmp_path / "mine.yaml").read_text() == "title: Mine\n"


def test_cli_names_what_the_workflow_installs_when_verbose(tmp_path, capsys, monkeypatch):
    install(monkeypatch, tmp_path / "installed", VCS)
    monkeypatch.chdir(tmp_path)
    assert main(["init", "news", "-v"]) == 0
    assert (f".github/workflows/pages.yml installs newsgen @ git+https://github.com/example/newsgen.git@{COMMIT}: "
            "newsgen was installed from the git repository https://github.com/example/newsgen.git at commit "
            f"{COMMIT}\n") in capsys.readouterr().out


def test_cli_warns_when_the_workflow_installs_no_newsgen_yet(tmp_path, capsys, monkeypatch):
    install(monkeypatch, tmp_path / "installed", EDITABLE)
    monkeypatch.chdir(tmp_path)
    assert main(["init", "news", "-q"]) == 0
    assert capsys.readouterr() == ("", (
        "newsgen: warning: news/.github/workflows/pages.yml installs no newsgen yet: newsgen was installed from "
        "the folder /home/me/newsgen (editable), and GitHub's runner cannot install that. Set its NEWSGEN to a "
        "newsgen you publish (a release, or newsgen @ git+https://...@COMMIT); until then the deploy stops at "
        '"Install newsgen" (see docs/publishing.md)\n'))


def test_cli_says_nothing_of_a_workflow_it_kept(tmp_path, capsys, monkeypatch):
    install(monkeypatch, tmp_path / "installed", EDITABLE)
    write(tmp_path / "news" / ".github" / "workflows" / "pages.yml", "mine\n")
    monkeypatch.chdir(tmp_path)
    assert main(["init", "news", "--force"]) == 0
    assert capsys.readouterr().err == ""
    assert (tmp_path / "news" / ".github" / "workflows" / "pages.yml").read_text() == "mine\n"
