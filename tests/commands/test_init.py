"""`newsgen init`: a new archive that builds and checks clean, and never clobbers files."""

from pathlib import Path

import pytest

from newsgen import __version__
from newsgen.build import build
from newsgen.cli import main
from newsgen.commands import init
from newsgen.commands.check import check_site
from newsgen.commands.init import init_site
from newsgen.config import load_config
from newsgen.errors import NewsgenError
from newsgen.render.theme import theme_dir

from ..conftest import REPO, write

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
    import subprocess

    root = tmp_path / "archive"
    init_site(root)
    given = (root / "urls.lock").read_bytes()
    build(load_config(root))
    assert (root / "urls.lock").read_bytes() == given
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    ignored = subprocess.run(["git", "-C", str(root), "check-ignore", "-q", "urls.lock"], check=False)
    assert ignored.returncode == 1  # not ignored: it is committed with the seeds


def test_the_workflow_is_newsgens_own_installing_this_release(tmp_path):
    init_site(tmp_path)
    given = (tmp_path / ".github" / "workflows" / "pages.yml").read_text().splitlines()
    own = (REPO / ".github" / "workflows" / "pages.yml").read_text().splitlines()
    changed = [(mine, theirs) for mine, theirs in zip(own, given) if mine != theirs]
    assert len(given) == len(own)
    assert changed == [('      NEWSGEN: "."', f'      NEWSGEN: "newsgen=={__version__}"')]


def test_a_workflow_init_cannot_adapt_is_an_error(monkeypatch, tmp_path):
    changed = write(tmp_path / "pages.yml", "env:\n  NEWSGEN: git+https://example.org/newsgen\n")
    monkeypatch.setattr(init, "_CHECKOUT_WORKFLOW", changed)
    monkeypatch.setattr(init, "_PACKAGED_WORKFLOW", tmp_path / "absent.yml")
    with pytest.raises(NewsgenError) as error:
        init.workflow_for_a_site()
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
    monkeypatch.chdir(tmp_path)
    assert main(["init", "news"]) == 0
    assert capsys.readouterr().out == "Created a news archive in news (7 files). Next: cd news && newsgen serve\n"
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
