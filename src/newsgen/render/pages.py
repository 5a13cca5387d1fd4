"""Render the site model's pages with Jinja.

Autoescape is always on. The helpers templates get are `rel`, which turns a
site path into a link relative to the page being rendered (or absolute, on a page
with a `link_base`, such as 404.html), `date_label`, `number` (12,345) and
`articles` ("1 article", "12,345 articles").
"""

from __future__ import annotations

import traceback
from functools import partial
from pathlib import Path

import jinja2

from .. import urls
from ..config import SiteConfig
from ..dates import display_date
from ..errors import NewsgenError
from ..model.site import PageView, SiteModel
from ..page_policy import CONTENT_SECURITY_POLICY
from ..util.console import counted
from .jinja_escape import EscapingEnvironment
from .metadata import page_metadata
from .theme import layered


@jinja2.pass_context
def _rel(context: jinja2.runtime.Context, path: str) -> str:
    page = context.resolve_or_missing("page")  # context["page"], one call cheaper on every link
    return page.link_base + path if page.link_base else urls.relative(page.path, path)


def make_environment(site_root: Path) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader([str(p) for p in layered(site_root, "templates")])
    env = EscapingEnvironment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one environment per build: templates cannot change under it
        cache_size=-1,  # a plain dict: every template stays loaded
    )
    env.filters["rel"] = _rel
    env.filters["date_label"] = display_date
    env.filters["number"] = "{:,}".format  # 12,345 articles: an archive's counts run to thousands
    env.filters["articles"] = partial(counted, one="article")
    env.globals["content_security_policy"] = CONTENT_SECURITY_POLICY
    return env


def _template_error(exc: jinja2.TemplateError) -> NewsgenError:
    filename = getattr(exc, "filename", None)
    line = getattr(exc, "lineno", None)
    return NewsgenError(f"template error: {exc.message or exc}", filename, line)


def render_page(env: jinja2.Environment, config: SiteConfig, model: SiteModel, page: PageView) -> str:
    try:
        template = env.get_template(page.template)
        return template.render(page=page, site=config, menu=model.menu, sections=model.section_links, **page.context,
                               **page_metadata(config, page))
    except jinja2.TemplateSyntaxError as exc:
        raise _template_error(exc) from None
    except jinja2.TemplateError as exc:
        # Runtime errors carry the template's line in the traceback, not on the exception.
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename and frame.filename.endswith(".html"):
                raise NewsgenError(f"template error: {exc}", frame.filename, frame.lineno) from None
        raise _template_error(exc) from None

