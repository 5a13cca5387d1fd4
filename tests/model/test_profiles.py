"""Profiles kept from build to build: looked up, or counted again, only as an edit requires."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgen.model import profiles, site
from newsgen.model.listing import list_articles
from newsgen.model.site import build_site_model, model_of
from newsgen.util.memo import ResultMemo

from .test_site import article, config


def _profiles(model) -> dict:
    return {p.path: p.context["profile"] for p in model.pages if "profile" in p.context}


def test_unchanged_mentions_find_their_profiles_by_the_last_builds_keys(tmp_path, monkeypatch):
    """A profile's memo key is digested from its articles' digests only when an article that
    names the entity, now or before, changed; otherwise the last build's key is looked up."""
    digested = []
    real = profiles.digest
    monkeypatch.setattr(profiles, "digest", lambda what, *rest: digested.append(what) or real(what, *rest))
    items = [article("a", date(2024, 1, 1), people=["Ann Lee", "Bo Ek"]), article("b", date(2024, 2, 1), people=["Ann Lee"])]
    renamed = [items[0], article("b", date(2024, 2, 1), people=["Cy Dee"])]
    digested_by_build = []
    for articles in (items, items, items, renamed):
        digested.clear()
        memo = ResultMemo(tmp_path / "memo.pickle", "code")
        model = build_site_model(config(), articles, [], memo)
        memo.save()
        digested_by_build.append(sorted(what for what in digested if what.startswith("profile ")))
        fresh = build_site_model(config(), articles, [])
        assert [(p.path, p.context) for p in model.pages] == [(p.path, p.context) for p in fresh.pages]
    assert digested_by_build[0] == ["profile ('person', 'Ann Lee')", "profile ('person', 'Bo Ek')"]
    assert digested_by_build[1] == digested_by_build[2] == []
    assert digested_by_build[3] == ["profile ('person', 'Ann Lee')", "profile ('person', 'Cy Dee')"]


NAMES = ["Ann Lee", "Bo Ek", "Cy Dee", "Di Fox"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 11), st.one_of(st.none(), st.integers(1, 60)),
                                   st.lists(st.sampled_from(NAMES), max_size=3, unique=True)),
                         min_size=1, max_size=4), min_size=2, max_size=5))
def test_counts_kept_and_updated_build_after_build_give_the_profiles_counted_afresh(tmp_path_factory, builds):
    """Each build edits, adds or removes articles (slug, day, people); the counts of the two
    entities named most come from the last build's, updated (each has been one of the two in
    every build before or is counted afresh), and every profile equals a fresh count."""
    folder = tmp_path_factory.mktemp("memo")
    archive: dict[int, tuple] = {n: (n, n, ["Ann Lee"]) for n in range(6)}
    kept_from, kept_of = profiles.KEEP_COUNTS_FROM, profiles.KEEP_COUNTS_OF
    profiles.KEEP_COUNTS_FROM, profiles.KEEP_COUNTS_OF = 2, 2
    try:
        for edits in builds:
            for slug, day, people in edits:
                archive[slug] = (slug, day, people)
                if not people and slug % 3 == 0:
                    del archive[slug]  # a deleted article
            articles = [article(f"a{slug}", None if day is None else date(2024, 1 + day // 28, 1 + day % 28), people=people)
                        for slug, day, people in archive.values()]
            memo = ResultMemo(folder / "memo.pickle", "code")
            model = build_site_model(config(), articles, [], memo)
            memo.save()
            assert _profiles(model) == _profiles(build_site_model(config(), articles, []))
    finally:
        profiles.KEEP_COUNTS_FROM, profiles.KEEP_COUNTS_OF = kept_from, kept_of


def test_counts_are_kept_for_the_entities_named_most_and_in_enough_articles(monkeypatch):
    monkeypatch.setattr(profiles, "KEEP_COUNTS_FROM", 2)
    monkeypatch.setattr(profiles, "KEEP_COUNTS_OF", 2)
    items = [article(f"a{n}", date(2024, 1, 1 + n), people=names)
             for n, names in enumerate([["Ann Lee", "Bo Ek", "Cy Dee"], ["Ann Lee", "Bo Ek", "Cy Dee"], ["Ann Lee", "Bo Ek"],
                                        ["Ann Lee"], ["Di Fox"]])]
    model = build_site_model(config(), items, [])
    assert profiles.cached_counts(model.people) == {"people/ann-lee/index.html", "people/bo-ek/index.html"}


class _StandInCluster:
    """What `Mentions.counted_on` asks of a cluster: to be opened and closed around the reduction."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        pass


def test_a_cold_build_on_a_cluster_counts_every_profile_as_one_reduction_and_an_edit_only_what_it_reached(
        tmp_path, monkeypatch):
    """The cold build takes every profile from the reduction and keeps no counts; the builds after
    it count only the entities an edit reached, here, and keep the counts of those named most
    once they have counted them."""
    reductions = []
    real = profiles.stats_by_entity

    def here(mentions, *args, cluster=None, **kwargs):  # the cluster's reduction, counted in this process
        reductions.append(len(mentions))
        return real(mentions, *args, **kwargs)

    monkeypatch.setattr(profiles, "stats_by_entity", here)
    monkeypatch.setattr(site, "STATS_ON_CLUSTER_FROM", 3)
    monkeypatch.setattr(profiles, "KEEP_COUNTS_FROM", 2)
    monkeypatch.setattr(profiles, "KEEP_COUNTS_OF", 1)
    items = [article(f"a{n}", date(2024, 1, 1 + n), people=names)
             for n, names in enumerate([["Ann Lee", "Bo Ek"], ["Ann Lee", "Cy Dee"], ["Ann Lee"], ["Di Fox", "Bo Ek"]])]
    unreached = [*items[:3], article("a3", date(2024, 1, 9), people=["Di Fox", "Bo Ek"])]
    reached = [*unreached[:2], article("a2", date(2024, 1, 3), people=["Ann Lee", "Di Fox"]), unreached[3]]
    kept_counts = []
    for articles in (items, unreached, reached):
        memo = ResultMemo(tmp_path / "memo.pickle", "code")
        model = model_of(config(), list_articles(articles), [], memo, cluster=_StandInCluster())
        memo.save()
        assert _profiles(model) == _profiles(build_site_model(config(), articles, []))
        kept_counts.append(sorted(name for name in memo.used if name.startswith("counts ")))
    assert reductions == [4]  # the cold build's only
    assert kept_counts == [[], [], ["counts ('person', 'Ann Lee')"]]
