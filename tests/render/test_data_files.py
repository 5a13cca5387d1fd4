"""Data files are fingerprinted by what they are made from; unchanged feeds are not made again."""

from datetime import date
from pathlib import Path

import pytest

from newsgen.build import build
from newsgen.config import SiteConfig, load_config
from newsgen.incremental.page_fingerprints import model_digests
from newsgen.model.site import build_site_model
from newsgen.output.current import CurrentOutput
from newsgen.records import Article, Entity, Paragraph
from newsgen.render import feeds
from newsgen.render.data_files import _Packed, feed_files, made_files, search_data_files

from ..rendered import data_files
from ..sitegen import write_archive


def article(**changes):
    fields = dict(slug="a", headline="Harbour plan", standfirst="A vote.", date=date(2024, 5, 1), date_inferred=False,
                  body=(Paragraph("Boats."),), source_path="seeds/a.txt", word_count=1, reading_minutes=1,
                  people=(Entity("Ann Lee", "ann-lee", "person"),))
    return Article(**{**fields, **changes})


def fingerprints(item, code="v1", outlined=False, **settings):
    """Each data file's fingerprint; `outlined`: the feeds' taken as a build takes them, from the
    outline's digest of each article."""
    config = SiteConfig(root=Path("/x"), **settings)
    model = build_site_model(config, [item], [])
    files = data_files(config, model, None, code)
    if outlined:
        files |= feed_files(config, model, code, articles=model_digests(model.articles, ()).articles)
    return {path: f.fingerprint for path, f in files.items()}


@pytest.mark.parametrize("outlined", [False, True])
def test_a_feed_fingerprint_follows_what_its_entries_show_not_the_body(outlined):
    first = fingerprints(article(), outlined=outlined)
    assert fingerprints(article(body=(Paragraph("Other boats."),)), outlined=outlined)["feed.xml"] == first["feed.xml"]
    for changed in (article(headline="Harbour vote"), article(standfirst="A new vote."), article(date=date(2024, 5, 2)),
                    article(people=(Entity("Ann Lee", "ann-lee", "person"), Entity("Bo Li", "bo-li", "person")))):
        assert fingerprints(changed, outlined=outlined)["feed.xml"] != first["feed.xml"]
    assert fingerprints(article(), code="v2", outlined=outlined)["feed.xml"] != first["feed.xml"]
    assert fingerprints(article(), base_url="https://x.org/", outlined=outlined)["feed.xml"] != first["feed.xml"]
    assert fingerprints(article(), language="fr", outlined=outlined)["people/ann-lee/feed.xml"] != first[
        "people/ann-lee/feed.xml"]


def test_a_site_has_feeds_a_sitemap_robots_txt_and_a_search_index():
    config = SiteConfig(root=Path("/x"), base_url="https://x.org/")
    model = build_site_model(config, [article(), article(slug="b", source_path="seeds/b.txt")], [])
    made = {path: f.make() for path, f in data_files(config, model).items()}
    assert {"feed.xml", "people/ann-lee/feed.xml", "sitemap.xml", "robots.txt", "search/shards/meta.js"} <= set(made)
    assert "https://x.org/articles/b/" in made["sitemap.xml"] and "Harbour plan" in made["people/ann-lee/feed.xml"]


def test_an_edit_makes_only_the_feeds_it_changes(tmp_path, monkeypatch):
    root = tmp_path / "src"
    write_archive(root / "seeds", 12)
    build(load_config(root))
    made = []
    atom = feeds.FeedWriter.atom
    monkeypatch.setattr(feeds.FeedWriter, "atom", lambda self, feed: made.append(feed.path) or atom(self, feed))
    seed = sorted((root / "seeds").glob("*.txt"))[5]
    with open(seed, "a", encoding="utf-8") as handle:
        handle.write("Officials declined to comment further on the talks.\n")
    build(load_config(root))
    assert made == []
    with open(seed, "a", encoding="utf-8") as handle:
        handle.write("Maria Lopez later met Henrik Larsen in Oslo on 3 May 2024.\n")
    build(load_config(root))
    assert "feed.xml" in made and "people/maria-lopez/feed.xml" in made
    assert len(made) < len(list((root / "site").rglob("feed.xml"))) / 2


def test_a_made_file_the_output_holds_already_is_read_back_not_kept(tmp_path):
    config = SiteConfig(root=tmp_path, base_url="https://x.org/")
    model = build_site_model(config, [article(), article(slug="b", source_path="seeds/b.txt")], [])
    fresh = made_files(config, model) | search_data_files(model.articles)
    for path, file in fresh.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(file.make(), encoding="utf-8")
    manifest = {path: file.fingerprint for path, file in fresh.items()}
    manifest["robots.txt"] = "rendered from something else"
    current = CurrentOutput(tmp_path, manifest, removed=frozenset({"sitemap.xml"}))
    again = made_files(config, model, current) | search_data_files(model.articles, current=current)
    assert {path: f.fingerprint for path, f in again.items()} == {path: f.fingerprint for path, f in fresh.items()}
    assert {path for path, f in again.items() if isinstance(f.make, _Packed)} == {"robots.txt", "sitemap.xml"}
    assert {path: f.make() for path, f in again.items()} == {path: f.make() for path, f in fresh.items()}
