import dataclasses
import operator
from pathlib import Path

from newsgen.entities import EntityExtractor, tagging
from newsgen.search import terms as search_terms
from newsgen.sources.ingest import Ingester, SourceJob, entities_of

from ..conftest import write


def ingest(tmp_path: Path, job: SourceJob):
    return Ingester(EntityExtractor(), str(tmp_path / "cache" / "bodies.sqlite"))(job)


def test_an_article_is_weighed_for_search_once_from_its_full_text_and_override(tmp_path):
    seed = write(tmp_path / "seeds" / "a.txt", "Harbour plan\nA vote today.\nThe ferries stop at the quay.\n")
    override = write(tmp_path / "content" / "seeds" / "a.yaml", "headline: Corrected headline\n")
    result = ingest(tmp_path, SourceJob("seed", seed, "seeds/a.txt", "k1", override_path=override))
    terms = dict(result.search_terms.items())
    assert (terms["corrected"], terms["vote"], terms["ferries"], terms["quay"]) == (
        search_terms.HEADLINE_WEIGHT, search_terms.STANDFIRST_WEIGHT, search_terms.BODY_WEIGHT,
        search_terms.BODY_WEIGHT)
    assert "harbour" not in terms


def test_a_page_and_a_dropped_file_have_no_search_terms(tmp_path):
    page = write(tmp_path / "content" / "about.md", "---\ntitle: About\n---\nWho we are.\n")
    result = ingest(tmp_path, SourceJob("markdown", page, "content/about.md", "k2", relative=Path("about.md")))
    assert result.page is not None and result.search_terms is None
    empty = write(tmp_path / "seeds" / "empty.txt", "")
    assert ingest(tmp_path, SourceJob("seed", empty, "seeds/empty.txt", "k3")).search_terms is None


def test_an_articles_entities_travel_as_fields_and_come_back_one_object_each(tmp_path):
    seed = write(tmp_path / "seeds" / "a.txt", "Talks in Oslo\nA visit.\nAntony Blinken flew to Oslo on Monday.\n")
    result = ingest(tmp_path, SourceJob("seed", seed, "seeds/a.txt", "k4"))
    assert result.found == () and ("Oslo", "oslo", "place", ("Oslo",), "") in result.entity_fields
    interned = {}
    first, again = entities_of(result.entity_fields, interned), entities_of(result.entity_fields, interned)
    assert [e.name for e in first] == [f[0] for f in result.entity_fields]
    assert first == again and all(map(operator.is_, first, again))
    assert [dataclasses.astuple(e) for e in first] == [tuple(f) for f in result.entity_fields]


def test_an_article_naming_more_people_than_it_keeps_warns_naming_its_file(tmp_path, monkeypatch):
    monkeypatch.setattr(tagging, "MAX_PER_KIND", 2)
    # Six people in full (a name with a digit in it, "Okafor0", is read as a given name alone).
    pairs = [("Ann", "Okafor", "Lindqvist"), ("Bo", "Mensah", "Haugen"), ("Cy", "Adeyemi", "Solberg")]
    lines = [f"{first} {one} met {first} {other} in Oslo." for first, one, other in pairs]
    seed = write(tmp_path / "seeds" / "crowd.txt", "Who met whom\nA list.\n" + "\n".join(lines) + "\n")
    result = ingest(tmp_path, SourceJob("seed", seed, "seeds/crowd.txt", "k5"))
    people = [f for f in result.entity_fields if f[2] == "person"]
    assert len(people) == 2 and [(w.path, w.line) for w in result.warnings] == [("seeds/crowd.txt", None)]
    assert "left out 4 people, those mentioned least" in result.warnings[0].message


def test_a_result_that_put_a_date_aside_as_in_the_future_holds_until_that_day(tmp_path):
    from datetime import date

    def parsed(name: str, today: date):
        seed = write(tmp_path / "seeds" / name, "Harbour plan\nA vote.\nPublished 3 June 2030\nThe ferries stop.\n")
        job = SourceJob("seed", seed, f"seeds/{name}", "k5")
        return Ingester(EntityExtractor(), str(tmp_path / "cache" / "bodies.sqlite"), today)(job)

    early = parsed("2030-06-09-harbour.txt", date(2030, 6, 1))  # both the file name and the published line ahead
    assert early.article.date is None and early.true_until == date(2030, 6, 3)
    assert early.true_on(date(2030, 6, 2)) and not early.true_on(date(2030, 6, 3))
    later = parsed("2030-06-09-harbour.txt", date(2030, 6, 3))  # the file name still ahead: the published line
    assert (later.article.date, later.true_until) == (date(2030, 6, 3), date(2030, 6, 9))
    assert parsed("2030-06-09-harbour.txt", date(2030, 6, 9)).true_until is None
    assert parsed("harbour.txt", date(2030, 6, 3)).true_until is None


def test_a_markdown_article_dated_by_its_path_in_the_future_holds_until_that_day(tmp_path):
    from datetime import date

    page = write(tmp_path / "content" / "articles" / "2030-06-09-plan.md", "---\ntitle: Plan\n---\nText.\n")
    job = SourceJob("markdown", page, "content/articles/2030-06-09-plan.md", "k6",
                    relative=Path("articles/2030-06-09-plan.md"))
    result = Ingester(EntityExtractor(), str(tmp_path / "cache" / "bodies.sqlite"), date(2030, 6, 1))(job)
    assert result.article.date is None and result.true_until == date(2030, 6, 9)
