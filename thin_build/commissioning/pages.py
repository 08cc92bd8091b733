"""The commissioning build steps: the guidance, the opportunities and their feeds.

Pages: the commissioning index (`/commissioning/`, the guides in `position` order
with links to the readiness checklist and the opportunities), a page per guide, the
open opportunities by deadline (`/opportunities/`), the archive of closed ones and a
page per opportunity. Files: the deadlines calendar and the Atom feed.

An opportunity is open through its deadline's date, counted from
`BuildInputs.today`, so it moves to the archive by itself at the first build after.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterator

from ..calendar.views import subscribe
from ..core.catalogue import Catalogue
from ..core.i18n import N_, format_number, ngettext
from ..core.i18n import gettext as _
from ..core.markup import render_markdown
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link
from ..core.write import OutputFile
from . import model, urls
from .feeds import deadlines_calendar, new_opportunities
from .views import is_open, opportunity_view

_COMMISSIONING = N_("Commissioning")
_OPPORTUNITIES = N_("Opportunities")


def _crumbs(*more: str) -> tuple[Link, ...]:
    """The breadcrumbs back to the commissioning index (and the opportunities)."""
    targets = {_COMMISSIONING: urls.commissioning(), _OPPORTUNITIES: urls.opportunities()}
    return tuple(Link(_(text), targets[text]) for text in (_COMMISSIONING, *more))


def guides_in_order(cat: Catalogue) -> tuple[model.Guide, ...]:
    return tuple(sorted(cat.guidance, key=lambda g: (g.position, g.slug)))


def open_and_closed(cat: Catalogue, today: dt.date) -> tuple[list[model.Opportunity],
                                                           list[model.Opportunity]]:
    """Open ones soonest deadline first; closed ones most recently closed first."""
    items = cat.opportunities
    still_open = sorted((o for o in items if is_open(o, today)),
                        key=lambda o: (o.closing_day, _time_of_day(o), o.slug))
    closed = sorted((o for o in items if not is_open(o, today)),
                    key=lambda o: (-o.closing_day.toordinal(), o.slug))
    return still_open, closed


def _time_of_day(item: model.Opportunity) -> dt.time:
    """A noon deadline closes before one at the end of the same day."""
    deadline = item.deadline
    return deadline.time() if isinstance(deadline, dt.datetime) else dt.time.max


def open_count(count: int) -> str:
    if count == 0:
        return _("No opportunities are open at the moment")
    return ngettext("%(num)s opportunity is open now", "%(num)s opportunities are open now",
                    count) % {"num": format_number(count)}


def guidance_pages(inputs: BuildInputs) -> Iterator[PagePlan]:
    cat = inputs.catalogue
    guides = guides_in_order(cat)
    links = tuple(Link(g.title, urls.guide(g.slug)) for g in guides)
    yield PagePlan(urls.commissioning(), "commissioning/index.html",
                   _("Commissioning and tendering"),
                   _("Guidance on bidding for council contracts and grants, a readiness "
                     "checklist, and open opportunities for voluntary groups."),
                   {"guides": tuple({"name": g.title, "url": urls.guide(g.slug),
                                     "summary": g.summary, "status": None, "detail": None,
                                     "lang": None}
                                    for g in guides),
                    "readiness": urls.readiness(), "opportunities": urls.opportunities(),
                    "open_count": open_count(len(open_and_closed(cat, inputs.today)[0]))})
    for guide in guides:
        yield PagePlan(urls.guide(guide.slug), "commissioning/guide.html", guide.title,
                       guide.summary, {"body_html": render_markdown(guide.body),
                                       "guides": links, "readiness": urls.readiness(),
                                       "opportunities": urls.opportunities()},
                       _crumbs())


def _feeds(cat: Catalogue) -> dict:
    return {"atom": urls.opportunities_feed(),
            "deadlines": subscribe(cat, _("the opportunity deadlines"), urls.deadlines_feed())}


def opportunity_pages(inputs: BuildInputs) -> Iterator[PagePlan]:
    cat, today = inputs.catalogue, inputs.today
    still_open, closed = open_and_closed(cat, today)
    yield PagePlan(urls.opportunities(), "commissioning/opportunities.html",
                   _("Open opportunities"),
                   _("Tenders, grants and calls for partners open to voluntary groups in "
                     "%(borough)s, soonest deadline first.") % {"borough": cat.site.borough},
                   {**_feeds(cat), "items": tuple(opportunity_view(cat, o, today)
                                                  for o in still_open),
                    "archive": urls.archive(), "closed_count": len(closed),
                    "guidance": urls.commissioning()}, _crumbs())
    yield PagePlan(urls.archive(), "commissioning/archive.html", _("Closed opportunities"),
                   _("Opportunities whose deadline has passed, most recent first."),
                   {**_feeds(cat), "items": tuple(opportunity_view(cat, o, today)
                                                  for o in closed),
                    "opportunities": urls.opportunities()}, _crumbs(_OPPORTUNITIES))
    for item in cat.opportunities:
        view = opportunity_view(cat, item, today)
        yield PagePlan(view.url, "commissioning/opportunity.html", item.title, item.summary,
                       {**_feeds(cat), "item": view, "opportunities": urls.opportunities(),
                        "archive": urls.archive()}, _crumbs(_OPPORTUNITIES))


def opportunity_files(inputs: BuildInputs) -> Iterator[OutputFile]:
    cat, today = inputs.catalogue, inputs.today
    still_open, _closed = open_and_closed(cat, today)
    yield OutputFile(urls.deadlines_feed().lstrip("/"), deadlines_calendar(cat, still_open))
    yield OutputFile(urls.opportunities_feed().lstrip("/"),
                     new_opportunities(cat, still_open, today))
