"""Content pages and the 404 page, and the footer menu that lists the content pages."""
from __future__ import annotations

from typing import Iterable, Iterator

from ..core.catalogue import Catalogue
from ..core.checking import Checking
from ..core.errors import Location, Problem, error
from ..core.i18n import gettext as _
from ..core.markup import render_markdown
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link
from ..core.translate import text_lang
from . import model, urls


def content_pages(inputs: BuildInputs) -> Iterator[PagePlan]:
    for page in inputs.catalogue.pages:
        yield content_page(page)
    yield PagePlan("/404.html", "pages/404.html", _("Page not found"),
                   _("The page you asked for is not here."), in_sitemap=False)


def content_page(page: model.Page) -> PagePlan:
    return PagePlan(urls.page(page.slug), "pages/page.html", page.title, page.summary,
                    {"body_html": render_markdown(page.body),
                     "title_lang": text_lang(page, "title"), "body_lang": text_lang(page, "body")})


def footer_links(cat: Catalogue) -> tuple[Link, ...]:
    """Content pages in the footer menu, by their `order`, then slug."""
    return tuple(Link(p.title, urls.page(p.slug), text_lang(p, "title"))
                 for p in sorted(cat.pages, key=lambda p: (p.order, p.slug)))


def pages_keep_out_of_sections(site: Checking) -> Iterable[Problem]:
    """A content page publishes at `/<slug>/`, so it must not take a section's name."""
    return [error("url-collision", f"a page called {page.slug!r} would replace the portal's own "
                  f"/{page.slug}/ section; rename the file", Location(page.path, 1, 1))
            for page in site.records["pages"] if page.slug in site.sections]
