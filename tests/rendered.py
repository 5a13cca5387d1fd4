"""A whole site's files as text, for tests that look at what a model renders to.

A build renders pages in workers and makes only the data files that changed; tests
of what one page or feed says want every file at once, from one model.
"""

from __future__ import annotations

from collections.abc import Mapping

from newsgen.config import SiteConfig
from newsgen.model.site import SiteModel
from newsgen.render.data_files import DataFile, feed_files, made_files, search_data_files
from newsgen.render.pages import make_environment, render_page
from newsgen.search.terms import SearchTerms


def data_files(config: SiteConfig, model: SiteModel, search_terms: Mapping[str, SearchTerms] | None = None,
               code: str = "") -> dict[str, DataFile]:
    """Every data file, as a build with no output yet would make them."""
    return (feed_files(config, model, code) | made_files(config, model)
            | search_data_files(model.articles, search_terms))


def data_texts(config: SiteConfig, model: SiteModel) -> dict[str, str]:
    return {path: file.make() for path, file in data_files(config, model).items()}


def site_texts(config: SiteConfig, model: SiteModel) -> dict[str, str]:
    """Every page and data file of the model, by path."""
    env = make_environment(config.root)
    return {page.path: render_page(env, config, model, page) for page in model.pages} | data_texts(config, model)
