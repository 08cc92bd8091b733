"""The pages of each organisation's site, and every organisation's short address.

A folder-shaped organisation's listing page is its site's home (the directory builds
it, framed by `frame.org_frame`); this step adds the rest: a page per site page, the
events and contact pages, and the news (`news.py`). `/o/<slug>/` is a static redirect
for every organisation, short enough to print on a flyer.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from ..calendar.listing_agenda import group_by_listing, listing_agenda
from ..core.i18n import gettext as _
from ..core.i18n import pgettext
from ..core.markup import render_markdown
from ..core.plan import BuildInputs, PagePlan
from ..core.translate import text_lang
from ..core.write import OutputFile
from ..directory import urls as directory_urls
from ..directory import views as directory_views
from . import model, urls
from .content import Site, site_of
from .frame import crumbs, site_frame
from .news import news_outputs


@dataclass(frozen=True)
class PageView:
    """A site page's own words; `lang` as in `SiteFrame`."""

    title: str
    lang: str | None
    body_html: str


def site_outputs(inputs: BuildInputs) -> Iterator[PagePlan | OutputFile]:
    """Every page of each organisation's site (`Step(per="orgs")`): most have none."""
    for org in inputs.each("orgs"):
        if (site := site_of(inputs, org)) is None:
            continue
        for page in site.pages:
            yield _page(site, page)
        yield from news_outputs(inputs, site)
        yield events_page(inputs, site)
        yield contact_page(site)


def _page(site: Site, page: model.SitePage) -> PagePlan:
    url = urls.page(site.org.slug, page.name)
    view = PageView(page.title, text_lang(page), render_markdown(page.body))
    return PagePlan(url, "sites/page.html", page.title, page.summary or site.org.summary,
                    {"frame": site_frame(site, url), "site_page": view}, crumbs(site))


def events_page(inputs: BuildInputs, site: Site) -> PagePlan:
    """The group's coming events and current notices, as the calendar shows them."""
    org, url = site.org, urls.events(site.org.slug)
    agenda = listing_agenda(inputs.catalogue, f"orgs/{org.slug}",
                            inputs.derived(group_by_listing), inputs.today)
    # Translators: title of an organisation's events page; %(name)s is the organisation
    title = _("Events of %(name)s") % {"name": org.name}
    return PagePlan(url, "sites/events.html", title,
                    _("Coming events and notices of %(name)s.") % {"name": org.name},
                    {"frame": site_frame(site, url), "agenda": agenda, "who": org.name},
                    crumbs(site))


def contact_page(site: Site) -> PagePlan:
    org, url = site.org, urls.contact(site.org.slug)
    # Translators: title of an organisation's contact page; %(name)s is the organisation
    title = pgettext("site page", "Contact %(name)s") % {"name": org.name}
    return PagePlan(url, "sites/contact.html", title,
                    _("How to reach %(name)s, and when it is open.") % {"name": org.name}, {
                        "frame": site_frame(site, url),
                        "contact": directory_views.contact(org),
                        "hours": directory_views.opening_hours(org.opening_hours),
                        "hours_note": org.opening_hours_note,
                        "accessibility": org.accessibility,
                    }, crumbs(site))


def short_addresses(inputs: BuildInputs) -> Iterable[PagePlan]:
    """`/o/<slug>/` for each organisation (`Step(per="orgs")`): a redirect page, kept
    out of the sitemap."""
    for org in inputs.each("orgs"):
        target = directory_urls.org(org.slug)
        yield PagePlan(urls.short(org.slug), "sites/redirect.html", org.name, org.summary,
                       {"target": target}, in_sitemap=False)
