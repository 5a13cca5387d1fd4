"""Rebuilds after edits reuse the cache and the current output, and still equal a clean build."""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsgen.build import build
from newsgen.config import load_config
from newsgen.incremental.record_store import RecordStore
from newsgen.render import staging

from ..conftest import tree_bytes, write
from ..sitegen import PEOPLE, write_archive


def _clean_build(root: Path, tmp_path: Path) -> dict[str, bytes]:
    """The same sources built from scratch in a fresh folder, no cache."""
    copy = tmp_path / "clean"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("site", ".newsgen-cache", ".site*"))
    build(load_config(copy))
    return tree_bytes(copy / "site")


@pytest.fixture
def built(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    write_archive(root / "seeds", 30)
    build(load_config(root))
    return root


def _edit(seeds: Path) -> None:
    with open(seeds / "gen_000007.txt", "a", encoding="utf-8") as handle:
        handle.write("Officials declined to comment further on the talks.\n")


def _edit_people(seeds: Path) -> None:
    with open(seeds / "gen_000008.txt", "a", encoding="utf-8") as handle:
        handle.write("Maria Lopez later met Henrik Larsen in Oslo on 3 May 2024.\n")


def _rename_someone(seeds: Path) -> None:
    """Another person, named in the archive already, in place of the one an article's body
    quotes: its headline and standfirst as they were, its list items' names not."""
    seed = seeds / "gen_000008.txt"
    lines = seed.read_text(encoding="utf-8").split("\n")
    quoted = lines[4].split(" said on ")[0]
    other = next(name for name in PEOPLE if name not in lines[0] and name != quoted)
    seed.write_text("\n".join([*lines[:4], lines[4].replace(quoted, other), *lines[5:]]), encoding="utf-8")


def _add(seeds: Path) -> None:
    write(seeds / "late.txt", "Kenji Watanabe visits Accra\n\nKenji Watanabe arrived in Accra on 9 June 2025.\n")


def _add_twin(seeds: Path) -> None:
    """A seed sorting first whose headline another has: the register keeps the other's URL."""
    twin = (seeds / "gen_000007.txt").read_text(encoding="utf-8").split("\n", 1)[0]
    write(seeds / "aaa.txt", f"{twin}\n\nKenji Watanabe arrived in Accra on 9 June 2025.\n")


def _add_duplicate(seeds: Path) -> None:
    """A file repeating another's text, sorting first: one page, the new file's URL leads to it."""
    write(seeds / "aaa-copy.txt", (seeds / "gen_000007.txt").read_text(encoding="utf-8").upper())


def _make_duplicate(seeds: Path) -> None:
    """An article edited into another's text: its published URL becomes a page leading to the other's."""
    write(seeds / "gen_000009.txt", (seeds / "gen_000007.txt").read_text(encoding="utf-8"))


def _add_near_duplicate(seeds: Path) -> None:
    """The same body under another headline: two pages, never each other's related articles."""
    lines = (seeds / "gen_000007.txt").read_text(encoding="utf-8").split("\n", 1)
    write(seeds / "near.txt", f"Another headline for the same story\n{lines[1]}")


def _delete(seeds: Path) -> None:
    (seeds / "gen_000003.txt").unlink()


def _rename(seeds: Path) -> None:
    (seeds / "gen_000004.txt").rename(seeds / "renamed.txt")


def _override(seeds: Path) -> None:
    write(seeds.parent / "content" / "seeds" / "gen_000005.yaml", "headline: A corrected headline\n")


def _curate(seeds: Path) -> None:
    write(seeds.parent / "content" / "entities.yaml", "ignore: [Oslo]\n")


def _fold_someone(seeds: Path) -> None:
    """One person curated as another's alias: the first's published page leads to the other's."""
    write(seeds.parent / "content" / "entities.yaml",
          f"entities:\n  - name: {PEOPLE[0]}\n    kind: person\n    aliases: [{PEOPLE[1]}]\n")


def _move_someone(seeds: Path) -> None:
    """The editor gives a person's page another path in the register: every link to it moves."""
    register = seeds.parent / "urls.lock"
    slug = register.read_text(encoding="utf-8").split(f"{PEOPLE[0]}\tpeople/", 1)[1].split("/", 1)[0]
    register.write_text(register.read_text(encoding="utf-8").replace(f"people/{slug}/", "people/moved-by-hand/"),
                        encoding="utf-8")


def _theme(seeds: Path) -> None:
    write(seeds.parent / "static" / "extra.css", "body { color: black; }\n")


@pytest.mark.parametrize("change", [_edit, _edit_people, _rename_someone, _add, _add_twin, _add_duplicate, _make_duplicate,
                                    _add_near_duplicate, _delete, _rename, _override, _curate, _fold_someone,
                                    _move_someone, _theme])
def test_rebuild_after_a_change_equals_a_clean_build(built, tmp_path, change):
    change(built / "seeds")
    report = build(load_config(built))
    assert not report.up_to_date
    assert tree_bytes(built / "site") == _clean_build(built, tmp_path)


@pytest.fixture
def built_in_sections(tmp_path: Path) -> Path:
    """30 seeds: 20 filed in business/, 9 in tech/, one in sport/."""
    root = tmp_path / "src"
    write_archive(root / "seeds", 30)
    for number, seed in enumerate(sorted((root / "seeds").glob("*.txt"))):
        folder = "business" if number < 20 else "tech" if number < 29 else "sport"
        seed.rename((root / "seeds" / folder).mkdir(exist_ok=True) or root / "seeds" / folder / seed.name)
    build(load_config(root))
    return root


def _move_between_sections(seeds: Path) -> None:
    (seeds / "business" / "gen_000004.txt").rename(seeds / "tech" / "gen_000004.txt")


def _move_out_of_sections(seeds: Path) -> None:
    (seeds / "business" / "gen_000005.txt").rename(seeds / "gen_000005.txt")


def _empty_a_section(seeds: Path) -> None:
    (seeds / "sport" / "gen_000029.txt").rename(seeds / "tech" / "gen_000029.txt")


def _override_section(seeds: Path) -> None:
    write(seeds.parent / "content" / "seeds" / "gen_000006.yaml", "section: Culture\n")


def _override_by_path(seeds: Path) -> None:
    write(seeds.parent / "content" / "seeds" / "business" / "gen_000003.yaml", "headline: A corrected headline\n")


@pytest.mark.parametrize("change", [_move_between_sections, _move_out_of_sections, _empty_a_section,
                                    _override_section, _override_by_path, _edit])
def test_rebuild_after_a_change_of_sections_equals_a_clean_build(built_in_sections, tmp_path, change):
    seeds = built_in_sections / "seeds"
    change(seeds if change is not _edit else seeds / "business")
    report = build(load_config(built_in_sections))
    assert not report.up_to_date
    assert tree_bytes(built_in_sections / "site") == _clean_build(built_in_sections, tmp_path)


def test_an_override_by_stem_that_another_sections_seed_makes_ambiguous_is_dropped_as_in_a_clean_build(
        built_in_sections, tmp_path):
    root = built_in_sections
    write(root / "content" / "seeds" / "gen_000002.yaml", "headline: A corrected headline\n")
    build(load_config(root))
    assert "A corrected headline" in (root / "site" / "sections" / "business" / "index.html").read_text()
    write(root / "seeds" / "tech" / "gen_000002.txt", "Another desk's story\nFiled under the same name.\n")
    report = build(load_config(root))
    assert [w.path for w in report.warnings if w.path] == ["content/seeds/gen_000002.yaml"]
    assert "A corrected headline" not in (root / "site" / "sections" / "business" / "index.html").read_text()
    assert tree_bytes(root / "site") == _clean_build(root, tmp_path)


def test_a_seed_moved_to_another_section_is_listed_there_and_not_where_it_was(built_in_sections):
    site = built_in_sections / "site"
    headline = (built_in_sections / "seeds" / "business" / "gen_000004.txt").read_text().split("\n", 1)[0]
    assert headline in (site / "sections" / "business" / "index.html").read_text()
    _move_between_sections(built_in_sections / "seeds")
    _empty_a_section(built_in_sections / "seeds")
    build(load_config(built_in_sections))
    business = "".join(p.read_text() for p in (site / "sections" / "business").rglob("index.html"))
    tech = "".join(p.read_text() for p in (site / "sections" / "tech").rglob("index.html"))
    assert headline not in business and headline in tech
    assert not (site / "sections" / "sport").exists()
    assert "sections/sport/" not in (site / "index.html").read_text()


@pytest.mark.parametrize("change", [_add_duplicate, _make_duplicate, _add_near_duplicate])
def test_undoing_a_duplicate_equals_a_clean_build(built, tmp_path, change):
    """A duplicate added, built, then removed (or edited apart again)."""
    seeds = built / "seeds"
    before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    change(seeds)
    build(load_config(built))
    for path in seeds.iterdir():
        if path.name not in before:
            path.unlink()
        elif path.read_bytes() != before[path.name]:
            path.write_bytes(before[path.name] + b"Edited apart again.\n")
    assert not build(load_config(built)).up_to_date
    assert tree_bytes(built / "site") == _clean_build(built, tmp_path)


def test_deleted_and_renamed_seeds_leave_no_stale_pages(built):
    pages = {p.parent.name for p in (built / "site" / "articles").glob("*/index.html")}
    slug_of_3 = next(s for s in pages if s.endswith("-3"))
    _delete(built / "seeds")
    build(load_config(built))
    assert not (built / "site" / "articles" / slug_of_3).exists()
    assert len(list((built / "site" / "articles").glob("*/index.html"))) == 29


def test_unchanged_sources_are_not_parsed_again_nor_pages_redrawn(built, monkeypatch):
    _edit(built / "seeds")
    parsed = []
    from newsgen.sources import ingest

    original = ingest.parse_seed
    monkeypatch.setattr(ingest, "parse_seed",
                        lambda source, name, *rest: parsed.append(name) or original(source, name, *rest))
    rendered = []
    render = staging.render_page
    monkeypatch.setattr(staging, "render_page",
                        lambda env, config, model, page: rendered.append(page.path) or render(env, config, model, page))
    report = build(load_config(built), jobs=1)  # parsed in this process, where `parsed` can see it
    assert parsed == ["seeds/gen_000007.txt"]
    assert any(p.startswith("articles/") and p.endswith("-7/index.html") for p in rendered)
    assert "people/index.html" not in rendered  # no entity changed
    assert 0 < len(rendered) < report.pages_reused / 3


@pytest.mark.parametrize("change, looked_again", [(_edit, False), (_edit_people, True)])
def test_feeds_are_looked_at_again_only_when_what_lists_show_may_have_changed(built, monkeypatch, change,
                                                                                looked_again):
    from newsgen.render.feeds import FeedWriter

    looked_at = []
    fingerprint = FeedWriter.fingerprint
    monkeypatch.setattr(FeedWriter, "fingerprint", lambda self, feed: looked_at.append(feed.path) or fingerprint(self, feed))
    change(built / "seeds")
    build(load_config(built))
    assert bool(looked_at) == looked_again


def test_a_build_removes_what_a_build_killed_while_saving_left_in_the_cache(built):
    left = built / ".newsgen-cache" / ".records.pickle.4194304.tmp"  # above any pid Linux gives
    left.write_bytes(b"half a record store")
    _edit(built / "seeds")
    build(load_config(built))
    assert not left.exists()


def test_nothing_changed_writes_nothing(built):
    before = {p: p.stat().st_mtime_ns for p in (built / "site").rglob("*")}
    report = build(load_config(built))
    assert report.up_to_date and report.pages_written == 0 and report.articles == 30
    assert {p: p.stat().st_mtime_ns for p in (built / "site").rglob("*")} == before


def test_touched_but_unchanged_sources_are_up_to_date_and_the_next_build_reads_none(built, monkeypatch):
    for path in (built / "seeds").glob("*.txt"):
        path.write_bytes(path.read_bytes())
    before = {p: p.stat().st_mtime_ns for p in (built / "site").rglob("*")}
    report = build(load_config(built))
    assert report.up_to_date and report.pages_written == 0 and report.articles == 30
    assert {p: p.stat().st_mtime_ns for p in (built / "site").rglob("*")} == before
    monkeypatch.setattr(RecordStore, "open", lambda *args: pytest.fail("the new stamps were not kept"))
    assert build(load_config(built)).up_to_date


def test_touched_sources_with_one_changed_are_built(built, tmp_path):
    for path in (built / "seeds").glob("*.txt"):
        path.write_bytes(path.read_bytes())
    _edit(built / "seeds")
    report = build(load_config(built))
    assert not report.up_to_date and report.pages_written > 0
    assert tree_bytes(built / "site") == _clean_build(built, tmp_path)


def test_a_change_to_every_page_swaps_in_a_whole_new_tree(built, tmp_path):
    write(built / "newsgen.yaml", "title: Renamed archive\n")
    build(load_config(built))
    assert tree_bytes(built / "site") == _clean_build(built, tmp_path)


def test_files_removed_from_the_output_by_hand_come_back(built, tmp_path):
    victim = next((built / "site" / "articles").glob("*/index.html"))
    victim.unlink()
    (built / "site" / "search" / "shards" / "d-0.js").unlink()  # a made file: compared by its text
    _edit(built / "seeds")
    build(load_config(built))
    assert tree_bytes(built / "site") == _clean_build(built, tmp_path)


def test_a_cache_deleted_while_the_process_lives_on_is_made_anew(tmp_path):
    # As under `newsgen serve`: the same process builds again after someone deleted the cache,
    # then a theme change renders again every page, in workers (hence more than 128 pages), from
    # the bodies that build kept.
    root = tmp_path / "src"
    write_archive(root / "seeds", 80)
    build(load_config(root))
    shutil.rmtree(root / ".newsgen-cache")
    _edit(root / "seeds")
    build(load_config(root))
    theme = Path(__file__).parents[2] / "templates" / "base.html"
    write(root / "templates" / "base.html", theme.read_text(encoding="utf-8") + "{# changed #}\n")
    assert build(load_config(root)).pages_written > 128
    assert tree_bytes(root / "site") == _clean_build(root, tmp_path)


def test_a_site_list_template_showing_an_own_page_field_is_rendered_again_after_an_edit(built, tmp_path):
    """The rendering contract: the theme's lists show only `ArticleView.list_fields` of an article,
    but a site's own template may show any field (here the reading time, which only the
    article's own page shows in the theme); an edit must not leave such a list stale."""
    theme = (Path(__file__).parents[2] / "templates" / "_article_list.html").read_text()
    write(built / "templates" / "_article_list.html",
          theme.replace("{{ item.article.headline }}</a>",
                        "{{ item.article.headline }}</a> ({{ item.article.reading_minutes }} min)"))
    build(load_config(built))
    with open(built / "seeds" / "gen_000007.txt", "a", encoding="utf-8") as handle:
        handle.write(" ".join(["Officials declined to comment further on the talks."] * 80) + "\n")
    build(load_config(built))
    assert tree_bytes(built / "site") == _clean_build(built, tmp_path)


def test_templates_are_overridden_only_by_a_site_file_that_differs_from_the_theme(tmp_path):
    from newsgen.render.theme import templates_overridden, theme_dir

    assert not templates_overridden(tmp_path)
    write(tmp_path / "templates" / "index.html", (theme_dir("templates") / "index.html").read_text())
    assert not templates_overridden(tmp_path)
    write(tmp_path / "templates" / "index.html", "{{ site.title }}")
    assert templates_overridden(tmp_path)


def test_files_changed_in_the_output_by_hand_are_written_again(built, tmp_path):
    truncated, edited = sorted((built / "site" / "articles").glob("*/index.html"))[:2]
    truncated.write_bytes(truncated.read_bytes()[:100])  # an upload cut short
    text = edited.read_bytes()
    edited.write_bytes(text.replace(b"<title>", b"<title>X")[: len(text)])  # a hand edit, the same size
    (built / "site" / "search" / "shards" / "d-0.js").write_text("broken")  # a made file: compared by its text
    _edit(built / "seeds")
    build(load_config(built))
    assert tree_bytes(built / "site") == _clean_build(built, tmp_path)


# A build with no input changed does not look at the output (docs/rebuilds.md); `--no-cache` puts
# back what someone removed from it or changed there.
def _output_page_deleted(site: Path) -> None:
    next((site / "articles").glob("*/index.html")).unlink()


def _output_page_cut_short(site: Path) -> None:
    page = min((site / "people").glob("*/index.html"))
    page.write_bytes(page.read_bytes()[:100])  # an upload cut short


def _output_page_edited(site: Path) -> None:
    page = site / "index.html"
    text = page.read_bytes()
    page.write_bytes(text.replace(b"<title>", b"<title>X")[: len(text)])  # a hand edit, the same size


def _output_made_file_changed(site: Path) -> None:
    (site / "search" / "shards" / "d-0.js").write_text("broken")


@pytest.mark.parametrize("damage", [_output_page_deleted, _output_page_cut_short, _output_page_edited,
                                    _output_made_file_changed])
def test_a_build_without_the_cache_puts_back_files_changed_in_the_output_that_a_no_op_build_leaves(built, damage):
    site = built / "site"
    before = tree_bytes(site)
    damage(site)
    assert build(load_config(built)).up_to_date and tree_bytes(site) != before
    assert not build(load_config(built), fresh=True).up_to_date
    assert tree_bytes(site) == before


def test_a_seed_that_cannot_be_read_now_is_dropped_with_the_reason_not_served_from_the_cache(built, tmp_path,
                                                                                            monkeypatch):
    seed = built / "seeds" / "gen_000007.txt"
    page = next((built / "site" / "articles").glob("*-7/index.html"))
    seed.chmod(0)
    original = Path.read_bytes

    def read_bytes(path):  # what chmod 000 does to a reader that is not root (tests run as root)
        if path.name == seed.name:
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = build(load_config(built))
    assert [(d.path, d.message) for d in report.dropped] == [("seeds/gen_000007.txt", "cannot read: Permission denied")]
    assert not page.exists() and report.articles == 29
    assert tree_bytes(built / "site") == _clean_build(built, tmp_path)  # the copy's seed is unreadable too
    monkeypatch.undo()
    seed.chmod(0o644)
    report = build(load_config(built))
    assert report.dropped == [] and page.exists() and report.articles == 30


_BUILD_INTO = """
import sys
from dataclasses import replace
from pathlib import Path
from newsgen.build import build
from newsgen.config import load_config
from newsgen.util.progress import Progress
build(replace(load_config(Path(sys.argv[1])), output=Path(sys.argv[2])), progress=Progress(sys.stderr))
"""


def _build_process(root: Path, output: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _BUILD_INTO, str(root), str(output)],
                            stderr=subprocess.PIPE, text=True)


def test_two_builds_of_a_site_into_two_folders_at_once_both_make_the_clean_build(tmp_path):
    root = tmp_path / "src"
    write_archive(root / "seeds", 30)
    build(load_config(root))
    _edit(root / "seeds")  # both builds read the edit, prune the cache and keep it
    first, second = _build_process(root, tmp_path / "one"), _build_process(root, tmp_path / "two")
    assert (first.wait(), second.wait()) == (0, 0), first.stderr.read() + second.stderr.read()
    clean = _clean_build(root, tmp_path)
    assert tree_bytes(tmp_path / "one") == clean and tree_bytes(tmp_path / "two") == clean


def test_a_build_waits_for_the_build_holding_the_sites_cache_and_says_so(built, tmp_path):
    _edit(built / "seeds")
    with open(built / ".newsgen-cache" / "build.lock", "a") as lock:  # as a build into another folder holds it
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        waiting = _build_process(built, tmp_path / "other")
        note = waiting.stderr.readline()
        assert note.startswith("newsgen: waiting for another build of this site to finish"), note
        assert waiting.poll() is None and not (tmp_path / "other").exists()
    assert waiting.wait() == 0, waiting.stderr.read()
    assert tree_bytes(tmp_path / "other") == _clean_build(built, tmp_path)


def test_an_entity_losing_its_last_dated_article_loses_its_feed_as_in_a_clean_build(built, tmp_path):
    write(built / "content" / "entities.yaml", "entities:\n  - name: Ingrid Solberg\n    kind: person\n")
    write(built / "seeds" / "solberg.txt", "Ingrid Solberg visits Oslo\n\nPublished 9 June 2025\nIngrid Solberg arrived.\n")
    build(load_config(built))
    feed = built / "site" / "people" / "ingrid-solberg" / "feed.xml"
    assert feed.is_file()
    write(built / "seeds" / "solberg.txt", "Ingrid Solberg visits Oslo\n\nIngrid Solberg arrived at last.\n")
    build(load_config(built))
    assert not feed.exists() and (feed.parent / "index.html").is_file()
    assert tree_bytes(built / "site") == _clean_build(built, tmp_path)


def test_a_build_that_only_unifies_again_reads_the_gazetteer_from_the_cache(tmp_path, monkeypatch):
    """Deleting a seed extracts nothing, yet the archive decides its names again, and that
    reads the gazetteer: from the build's cache, not made from its packages (seconds)."""
    from newsgen.entities import gazetteer

    root = tmp_path / "site-src"
    write_archive(root / "seeds", 6)
    monkeypatch.setattr(gazetteer, "_loaded", None)  # each build as in a new process: this one keeps it in the cache
    build(load_config(root), jobs=1)
    monkeypatch.setattr(gazetteer, "_loaded", None)
    monkeypatch.setattr(gazetteer, "_made", lambda: pytest.fail("gazetteer made from its packages"))
    next((root / "seeds").glob("*.txt")).unlink()
    assert not build(load_config(root), jobs=1).up_to_date
