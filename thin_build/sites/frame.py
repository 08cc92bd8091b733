"""The frame of every page of an organisation's site: its name, logo, menu and look.

Every site page's data carries `frame` (a `SiteFrame`), which
`templates/sites/_frame.html` draws in place of the portal's header: a slim "part of
THIN Portal" bar, then the group's own name, logo and menu. The directory's page for
a folder-shaped organisation is the site's home, and gets the same frame through the
directory's `ORG_FRAME` extension point (`org_frame`), so the directory never
imports this room.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import urls as core_urls
from ..core.i18n import gettext as _
from ..core.i18n import pgettext
from ..core.plan import BuildInputs
from ..core.present import Link
from ..core.translate import name_link, text_lang
from ..directory.listing_pages import Frame
from ..directory.model import Organisation
from . import urls
from .content import Site, site_of
from .themes import ThemeView, theme_for

FRAME_TEMPLATE = "sites/_frame.html"


@dataclass(frozen=True)
class SiteFrame:
    """What the frame shows. `lang` is the language of the group's name when it is not
    the page's (None: the same); `current_url` is the menu entry marked current."""

    name: str
    lang: str | None
    home_url: str
    menu: tuple[Link, ...]
    current_url: str
    logo_src: str | None
    logo_alt: str | None
    theme: ThemeView


def menu(site: Site) -> tuple[Link, ...]:
    """Home, the pages by `order` then title, News, Events, Contact."""
    slug = site.org.slug
    # Translators: the first link in an organisation's own site menu, to its home page
    return ((Link(pgettext("site menu", "Home"), urls.home(slug)),)
            + tuple(Link(page.title, urls.page(slug, page.name)) for page in site.pages)
            + (Link(_("News"), urls.news(slug)), Link(_("Events"), urls.events(slug)),
               # Translators: a link in an organisation's own site menu, to how to reach it
               Link(pgettext("site menu", "Contact"), urls.contact(slug))))


def crumbs(site: Site) -> tuple[Link, ...]:
    """The breadcrumb trail's step from the portal's home to the site's."""
    return (name_link(site.org, urls.home(site.org.slug)),)


def site_frame(site: Site, current_url: str) -> SiteFrame:
    org = site.org
    return SiteFrame(
        name=org.name, lang=text_lang(org, "name"), home_url=urls.home(org.slug), menu=menu(site),
        current_url=current_url,
        logo_src=core_urls.media(org.logo) if org.logo else None,
        # Translators: alt text of a group's logo on its own site; %(name)s is the group
        logo_alt=_("%(name)s logo") % {"name": org.name} if org.logo else None,
        theme=theme_for(org))


def org_frame(inputs: BuildInputs, org: Organisation) -> Frame | None:
    """The frame of a folder-shaped organisation's listing page, its site's home."""
    site = site_of(inputs, org)
    if site is None:
        return None
    return Frame(FRAME_TEMPLATE, site_frame(site, urls.home(org.slug)))
