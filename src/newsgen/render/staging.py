"""Render the pages and data files that changed into the staging folder, on every core."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from ..config import SiteConfig
from ..model.site import SiteModel
from ..output.writer import SiteWriter
from ..util.workers import parallel_map
from .data_files import DataFile
from .pages import make_environment, render_page

# Set just before the workers fork, so they inherit it instead of unpickling it.
_job: tuple | None = None


def _render_into_staging(index: int) -> None:
    env, config, model, writer, pages, data_files = _job  # type: ignore[misc]
    if index < len(pages):
        page = pages[index]
        writer.write_text(page.path, render_page(env, config, model, page))
    else:
        path, data_file = data_files[index - len(pages)]
        writer.write_text(path, data_file.make())


def render_files(writer: SiteWriter, config: SiteConfig, model: SiteModel, data_files: Mapping[str, DataFile],
               paths: Collection[str], jobs: int | None, on_done: Callable[[int], None]) -> None:
    """Render the model's pages and make the data files whose path is in `paths`, into the
    staging folder; the data files (feeds, the search index) are made by the same workers."""
    global _job
    pages = [page for page in model.pages if page.path in paths]
    made = [(path, file) for path, file in data_files.items() if path in paths]
    written_before = writer.files_written
    _job = (make_environment(config.root), config, model, writer, pages, made)
    try:
        for _ in parallel_map(_render_into_staging, range(len(pages) + len(made)), jobs, on_done):
            pass
    finally:
        _job = None
    writer.files_written = written_before + len(pages) + len(made)  # forked workers count in their own copy
