"""``newsgen entities [PATHS...]``: show what the extractor finds, for review or scoring.

Without --json it prints a review table (name, kind, number of articles, surface
forms), the view an editor needs to write content/entities.yaml. With --json it
prints one JSON object per file, one per line::

    {"file": "<path>", "people": [...], "places": [...],
     "entities": [{"name": ..., "kind": ..., "slug": ..., "mentions": [...]}]}

where people and places are the sorted, unique surface strings tagged in that file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ..entities import unify_across_archive
from ..entities.curation import Curation
from ..entities.extractor import EntityExtractor
from ..entities.resolve import sort_entities
from ..errors import NewsgenError
from ..records import Entity
from ..sources.files import read_source


def read_texts(path: Path) -> list[str]:
    """The texts of one article file: its non-empty lines, decoded as the build decodes
    seeds (so binary or unreadable files raise NewsgenError naming the file)."""
    return [line.strip() for line in read_source(path).text.splitlines() if line.strip()]


def article_files(paths: Sequence[Path]) -> list[Path]:
    """The .txt files named, or found (recursively) in the folders named, sorted."""
    files: set[Path] = set()
    for path in paths:
        if path.is_dir():
            files.update(p for p in path.rglob("*.txt") if p.is_file())
        elif path.is_file():
            files.add(path)
        else:
            raise NewsgenError("no such file or folder", str(path))
    return sorted(files)


def _json_line(path: Path, entities: Sequence[Entity]) -> str:
    def surfaces(kind: str) -> list[str]:
        return sorted({m for e in entities if e.kind == kind for m in e.mentions})

    record = {
        "file": str(path),
        "people": surfaces("person"),
        "places": surfaces("place"),
        "entities": [{"name": e.name, "kind": e.kind, "slug": e.slug, "mentions": list(e.mentions)} for e in entities],
    }
    return json.dumps(record, ensure_ascii=False)


def _table(per_article: Sequence[Sequence[Entity]]) -> list[str]:
    rows: dict[tuple[str, str], tuple[int, set[str]]] = {}
    for article in per_article:
        for e in article:
            count, forms = rows.get((e.kind, e.name), (0, set()))
            rows[(e.kind, e.name)] = (count + 1, forms | set(e.mentions))
    ordered = sorted(rows.items(), key=lambda item: (-item[1][0], item[0][0], item[0][1].casefold()))
    header = ("name", "kind", "articles", "surface forms")
    body = [(name, kind, str(count), "; ".join(sorted(forms))) for (kind, name), (count, forms) in ordered]
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(3)]
    return [
        f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:>{widths[2]}}  {r[3]}".rstrip() for r in [header, *body]
    ]


def run(paths: list[Path], as_json: bool, curation: Curation, out: TextIO) -> int:
    """Extract entities from the article files under `paths` and print them; exit code
    1 when a file could not be read (each is named on stderr), else 0."""
    extractor = EntityExtractor(curation)
    files, per_article, evidence, skipped = [], [], [], 0
    for path in article_files([Path(p) for p in paths]):
        try:
            texts = read_texts(path)
        except NewsgenError as exc:
            print(f"newsgen: skipped: {exc}", file=sys.stderr)
            skipped += 1
            continue
        files.append(path)
        entities, said = extractor.read(texts)
        per_article.append(sort_entities(entities))
        evidence.append(said)
    if as_json:
        # The per-file view shows exactly what was tagged in each file, unfolded.
        for path, entities in zip(files, per_article):
            print(_json_line(path, entities), file=out)
    else:
        for line in _table(unify_across_archive(per_article, curation, evidence)):
            print(line, file=out)
    return 1 if skipped else 0
