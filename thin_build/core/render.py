"""Render: page plans → HTML text through Jinja2, strict and autoescaped.

`StrictUndefined` turns a template's typo into a build error instead of an empty
gap on the page; autoescape means content text is always shown as typed. No
template ever marks content safe: only HTML from `markup.render_markdown` and JSON
from `markup.json_for_html` are, and they are cleaned there.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from . import i18n, urls
from .catalogue import Catalogue
from .contributions import Contributions
from .i18n import Language
from .plan import PagePlan
from .present import Link, in_position_order
from .site import SiteConfig
from .translate import bdi, text_lang

# Extension points of the page frame: capabilities contribute `(position, Link)` pairs
# to the main menu, and functions `(catalogue) -> links` to the footer menu.
NAV = "core.nav"
FOOTER = "core.footer"


@dataclass(frozen=True)
class Frame:
    """What stays the same in every language's pass: templates, contributions, languages."""

    env: jinja2.Environment
    contributions: Contributions
    stylesheet_version: str
    languages: tuple[Language, ...] = (i18n.ENGLISH,)


@dataclass(frozen=True)
class Version:
    """The page in one of the site's languages, for the switcher and `hreflang` links."""

    language: Language
    prefix: str
    current: bool


@dataclass(frozen=True)
class Layout:
    """What every page's frame needs: site settings, menus, and where assets live.

    Made once per language, in that language's pass, so the menus are translated.
    """

    site: SiteConfig
    base_path: str
    nav: tuple[Link, ...]
    footer: tuple[Link, ...]
    stylesheet: str
    language: Language = i18n.ENGLISH
    versions: tuple[Version, ...] = ()
    tagline_lang: str | None = None  # `lang` of the tagline when it is not translated


def make_layout(cat: Catalogue, contributions: Contributions, stylesheet_version: str,
                languages: tuple[Language, ...] = (i18n.ENGLISH,)) -> Layout:
    """The page frame in the current language: menu labels (marked with `N_` where they
    are contributed) are translated here, footer links are made in the language's pass."""
    language = i18n.current_language()
    nav = tuple(Link(i18n.gettext(link.text), link.url)
                for link in in_position_order(contributions.to(NAV)))
    footer = tuple(link for links in contributions.to(FOOTER) for link in links(cat))
    base_path = urlsplit(cat.site.base_url).path.rstrip("/")
    versions = tuple(Version(other, urls.language_prefix(other.code, languages[0].code),
                             other == language)
                     for other in languages) if len(languages) > 1 else ()
    return Layout(cat.site, base_path, nav, footer,
                  f"{urls.static('site.css')}?v={stylesheet_version}", language, versions,
                  text_lang(cat.site, "tagline"))


def _as_html(translate: Callable[..., str]) -> Callable[..., Markup]:
    """A translator for templates: a translation is escaped like any other text, unless
    its English has markup (`<a href="%(href)s">`), whose tags `thin i18n check` makes
    every translation keep exactly. Jinja treats a template's translation as markup, so
    without this a `"` in a Bengali label would end the attribute it is written in.
    """
    def translated(*args: Any) -> Markup:
        text = translate(*args)
        has_markup = any("<" in arg for arg in args if isinstance(arg, str))
        return Markup(text) if has_markup else escape(text)
    return translated


def lang_attr(code: str | None) -> Markup:
    """` lang="en" dir="auto"` on content shown in another language than the page's (a
    view's `lang`), else nothing: `<h1{{ lang_attr(org.lang) }}>`. `dir="auto"` keeps
    English text left to right on an Urdu page."""
    return Markup(' lang="%s" dir="auto"') % code if code else Markup("")


def lang_of(item: Any) -> Markup:
    """`lang_attr` for a link or card, from its own `lang`: `<a href="…"{{ lang_of(link) }}>`."""
    return lang_attr(getattr(item, "lang", None))


def make_environment(templates: Path) -> jinja2.Environment:
    """The templates of one build. They are compiled once and never checked again
    (`auto_reload=False`: no `stat` of the template file on every page); a build that
    must see an edited template makes a new environment."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)), auto_reload=False,
        autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"])
    # New-style gettext: `{{ _("%(n)s events", n=count) }}` formats and escapes its values.
    env.install_gettext_callables(
        _as_html(i18n.gettext), _as_html(i18n.ngettext), newstyle=True,
        pgettext=_as_html(i18n.pgettext), npgettext=_as_html(i18n.npgettext))
    env.filters["trusted_html"] = Markup  # only ever applied to markup.py's cleaned output
    # Dates, times and numbers in the page's language: `{{ day|format_date("d MMMM") }}`.
    env.filters["format_date"] = i18n.format_date
    env.filters["format_time"] = i18n.format_time
    env.filters["format_number"] = i18n.format_number
    env.filters["format_list"] = i18n.format_list
    # A name inside interface text, isolated for mixed directions: `org.name|bdi`.
    env.filters["bdi"] = bdi
    env.globals["lang_attr"] = lang_attr
    env.globals["lang_of"] = lang_of
    return env


def compile_templates(env: jinja2.Environment) -> None:
    """Compile every page template now, so worker processes forked afterwards have them
    all and compile none. A template with a syntax error is left for the page that
    uses it, whose rendering then fails naming the template's line."""
    for name in env.list_templates(extensions=["html"]):
        if not name.startswith("static/"):
            try:
                env.get_template(name)
            except jinja2.TemplateSyntaxError:
                continue


def render_page(env: jinja2.Environment, layout: Layout, plan: PagePlan) -> str:
    """A page in the current language: `url()` and `absolute()` give links in it."""
    template = env.get_template(plan.template)
    base_url = layout.site.base_url.rstrip("/")
    return template.render(layout=layout, page=plan,
                           url=lambda path: layout.base_path + urls.localised(path),
                           absolute=lambda path: base_url + urls.localised(path),
                           **plan.data)
