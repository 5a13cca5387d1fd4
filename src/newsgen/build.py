"""The build pipeline, top to bottom:

read sources -> parse records -> extract entities -> site model -> render -> write.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .config import SiteConfig
from .entities import EntityExtractor, load_curation
from .errors import BuildWarning, NewsgenError
from .markdown_content import parse_markdown
from .output import SiteWriter, check_output_dir
from .overrides import apply_override, load_override
from .records import Article, ContentPage, SeedOverride
from .render import render_site
from .seed_parser import parse_seed
from .site_model import build_site_model
from .sources import discover, read_source
from .tagging import extract_one, tag_articles
from .theme import static_files


@dataclass
class BuildReport:
    articles: int = 0
    pages_written: int = 0
    people: int = 0
    places: int = 0
    warnings: list[BuildWarning] = field(default_factory=list)
    dropped: list[BuildWarning] = field(default_factory=list)
    elapsed: float = 0.0


def _display(config: SiteConfig, path: Path) -> str:
    try:
        return path.relative_to(config.root).as_posix()
    except ValueError:
        return str(path)


@dataclass
class _Sources:
    articles: list[Article] = field(default_factory=list)
    overrides: list[SeedOverride | None] = field(default_factory=list)
    pages: list[ContentPage] = field(default_factory=list)


def _read_seeds(config: SiteConfig, report: BuildReport, into: _Sources) -> None:
    paths, refused = discover(config.seeds_dir, "*.txt")
    report.dropped.extend(refused)
    for path in paths:
        name = _display(config, path)
        override_path = config.content_dir / "seeds" / f"{path.stem}.yaml"
        try:
            article, warnings = parse_seed(read_source(path, name), name)
            override = load_override(override_path) if override_path.is_file() else None
        except NewsgenError as exc:
            report.dropped.append(BuildWarning(exc.message, exc.path, exc.line))
            continue
        report.warnings.extend(warnings)
        into.articles.append(apply_override(article, override))
        into.overrides.append(override)


def _read_markdown(config: SiteConfig, report: BuildReport, into: _Sources) -> None:
    paths, refused = discover(config.content_dir, "*.md")
    report.dropped.extend(refused)
    for path in paths:
        name = _display(config, path)
        try:
            item, warnings = parse_markdown(read_source(path, name), path.relative_to(config.content_dir), name)
        except NewsgenError as exc:
            report.dropped.append(BuildWarning(exc.message, exc.path, exc.line))
            continue
        report.warnings.extend(warnings)
        if isinstance(item, ContentPage):
            into.pages.append(item)
        else:
            into.articles.append(item)
            into.overrides.append(None)


def build(config: SiteConfig) -> BuildReport:
    """Build the site; raise NewsgenError (leaving the old site intact) if it cannot."""
    started = time.perf_counter()
    report = BuildReport()
    inputs = {"seeds folder": config.seeds_dir, "content folder": config.content_dir}
    check_output_dir(config.output_dir, inputs | {"project folder": config.root}, read_from=inputs)
    sources = _Sources()
    _read_seeds(config, report, sources)
    _read_markdown(config, report, sources)

    extractor = EntityExtractor(load_curation(config.content_dir / "entities.yaml"))
    found = [extract_one(extractor, article) for article in sources.articles]
    articles = tag_articles(sources.articles, found, sources.overrides)
    model = build_site_model(config, articles, sources.pages)
    report.warnings.extend(model.warnings)

    with SiteWriter(config.output_dir) as writer:
        for path, html in render_site(config, model):
            writer.write_text(path, html)
        for rel, source in static_files(config.root).items():
            writer.copy_file(f"static/{rel}", source)
        writer.write_text(".nojekyll", "")
        writer.commit()
        report.pages_written = writer.files_written

    report.articles = len(model.articles)
    report.people, report.places = len(model.people), len(model.places)
    report.elapsed = time.perf_counter() - started
    return report
