"""``newsgen entities --review``: what an editor should check first among the whole
archive's people and places, each with the ``content/entities.yaml`` rule that fixes it
(the findings are `entities.review`'s).

It reads the archive through the build's record store (`tagged_archive`), so after a
build it extracts nothing again: seconds at 10,000 articles. As text, each group shows
its `limit` findings that touch most articles; with --json, one JSON document.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from ..config import SiteConfig
from ..entities.review import Group, review
from .tagged_archive import TaggedArchive, read_tagged_archive

_TITLES = {"kind uncertain": "Names whose kind was a close call, or with both a person's and a place's page",
           "folds": "Short names put on a full name's page (across the archive first, then within an article)",
           "single-word people": "People named by one word",
           "one-article pages": "Pages that list one article"}


def archive_review(archive: TaggedArchive) -> list[Group]:
    views = archive.listing.views
    return review([v.article.people + v.article.places for v in views],
                  [archive.found[v.article.source_path] for v in views], archive.decision, archive.curation)


def _summary(archive: TaggedArchive) -> dict:
    kinds = [kind for kind, _ in archive.listing.tag_paths]
    return {"articles": len(archive.listing.views), "people": kinds.count("person"), "places": kinds.count("place"),
            "files": archive.files, "parsed": archive.parsed}


def _text(archive: TaggedArchive, groups: Sequence[Group], limit: int) -> list[str]:
    s = _summary(archive)
    lines = [(f"Review of {s['articles']:,} articles: {s['people']:,} people and {s['places']:,} places "
              f"({s['parsed']:,} of {s['files']:,} source files parsed now, the rest from the build's cache)."),
             ("Each finding: the articles it touches, the name and its kind, why, and the rule for "
              "content/entities.yaml that fixes it.")]
    for group in groups:
        lines += ["", f"{_TITLES[group.title]}: {len(group.findings):,}, touching {group.articles:,} articles"]
        shown = group.findings[:limit] if limit else group.findings
        width = len(f"{shown[0].articles:,}") if shown else 0
        for f in shown:
            lines += [f"  {f.articles:>{width},}  {f.name} ({f.kind}): {f.why}", f"  {'':>{width}}  {f.rule}"]
        if len(shown) < len(group.findings):
            lines.append(f"  ... and {len(group.findings) - len(shown):,} more (--limit 0 lists all)")
    return lines


def _json(archive: TaggedArchive, groups: Sequence[Group], limit: int) -> str:
    return json.dumps({**_summary(archive), "groups": [
        {"group": g.title, "findings": len(g.findings), "articles": g.articles,
         "shown": [{"name": f.name, "kind": f.kind, "articles": f.articles, "why": f.why, "rule": f.rule}
                   for f in (g.findings[:limit] if limit else g.findings)]}
        for g in groups]}, ensure_ascii=False, indent=1)


def run_review(config: SiteConfig, as_json: bool, limit: int, out: TextIO, jobs: int | None = None) -> int:
    archive = read_tagged_archive(config, jobs)
    groups = archive_review(archive)
    if as_json:
        print(_json(archive, groups, limit), file=out)
    else:
        print("\n".join(_text(archive, groups, limit)), file=out)
    return 0
