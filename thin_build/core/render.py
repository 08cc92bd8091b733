"""Render: page plans → HTML text through Jinja2, strict and autoescaped.

`StrictUndefined` turns a template's typo into a build error instead of an empty
gap on the page; autoescape means content text is always shown as typed. No
template ever marks content safe: only HTML from `markup.render_markdown` and JSON
from `markup.json_for_html` are, and they are cleaned there.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from . import i18n
from .catalogue import Catalogue
from .contributions import Contributions
from .plan import PagePlan
from .present import Link, in_position_order
from .site import SiteConfig
from .urls import static

# Extension points of the page frame: capabilities contribute `(position, Link)` pairs
# to the main menu, and functions `(catalogue) -> links` to the footer menu.
NAV = "core.nav"
FOOTER = "core.footer"


@dataclass(frozen=True)
class Layout:
    """What every page's frame needs: site settings, menus, and where assets live."""

    site: SiteConfig
    base_path: str
    nav: tuple[Link, ...]
    footer: tuple[Link, ...]
    stylesheet: str


def make_layout(cat: Catalogue, contributions: Contributions, stylesheet_version: str) -> Layout:
    nav = in_position_order(contributions.to(NAV))
    footer = tuple(link for links in contributions.to(FOOTER) for link in links(cat))
    base_path = urlsplit(cat.site.base_url).path.rstrip("/")
    return Layout(cat.site, base_path, nav, footer,
                  f"{static('site.css')}?v={stylesheet_version}")


def make_environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"])
    # New-style gettext: `{{ _("%(n)s events", n=count) }}` formats and escapes its values.
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True,
                                  pgettext=i18n.pgettext, npgettext=i18n.npgettext)
    env.filters["trusted_html"] = Markup  # only ever applied to markup.py's cleaned output
    return env


def render_page(env: jinja2.Environment, layout: Layout, plan: PagePlan) -> str:
    template = env.get_template(plan.template)
    return template.render(layout=layout, page=plan, url=lambda path: layout.base_path + path,
                           absolute=lambda path: layout.site.base_url.rstrip("/") + path,
                           **plan.data)
