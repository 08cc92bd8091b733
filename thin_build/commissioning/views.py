"""Opportunities → plain data for templates: money, deadlines in words, the days left,
and the "interested in a joint bid" email link.

"Today" is the build's date (`BuildInputs.today`), so "closes in 12 days" is true on
the day the site is built; the coordinators rebuild daily, as for the calendar.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..calendar.views import clock, long_date, organiser_link
from ..core.catalogue import Catalogue
from ..core.i18n import format_number, ngettext
from ..core.i18n import gettext as _
from ..core.markup import render_markdown
from ..core.present import Link, human_date, mailto
from ..core.translate import name_link
from ..directory import urls as directory_urls
from ..referral import urls as referral_urls
from . import model, urls


@dataclass(frozen=True)
class OpportunityView:
    """One opportunity as a listing card or a page shows it; every text is ready to print."""

    slug: str
    title: str
    url: str
    summary: str
    funder: str
    funder_url: str | None  # its listing, when the funder is in the directory
    value: str | None
    deadline: str
    deadline_iso: str
    closing: str  # "closes in 12 days", "closes today", "closed on 3 November 2026"
    closed: bool
    posted: str
    posted_iso: str
    link: str
    joint_bids: bool
    lead: str | None
    joint_bid_email: str | None  # a mailto: URL with the subject filled in
    needs: tuple[Link, ...]
    activities: tuple[Link, ...]
    body_html: str


def money(value: model.Value) -> str:
    """"£25,000", or "£10,000 to £50,000" for a range."""
    if value.high is None:
        return f"£{format_number(value.low)}"
    # Translators: a range of money, e.g. "£10,000 to £50,000"
    return _("%(low)s to %(high)s") % {"low": f"£{format_number(value.low)}",
                                       "high": f"£{format_number(value.high)}"}


def closing_text(closing_day: dt.date, today: dt.date) -> str:
    """The days left in words, counted from the build's date."""
    days = (closing_day - today).days
    if days < 0:
        return _("closed on %(date)s") % {"date": human_date(closing_day)}
    if days == 0:
        return _("closes today")
    if days == 1:
        return _("closes tomorrow")
    return ngettext("closes in %(num)s day", "closes in %(num)s days", days) % {
        "num": format_number(days)}


def is_open(item: model.Opportunity, today: dt.date) -> bool:
    """Open through its deadline's date: a noon deadline still shows that morning."""
    return item.closing_day >= today


def deadline_text(item: model.Opportunity) -> str:
    """"Friday 15 January 2027", with ", 12:00" when the funder gives a time."""
    text = long_date(item.closing_day)
    if isinstance(item.deadline, dt.datetime):
        # Translators: a deadline's day and time, e.g. "Friday 15 January 2027, 12:00"
        text = _("%(day)s, %(time)s") % {"day": text, "time": clock(item.deadline)}
    return text


def deadline_iso(item: model.Opportunity) -> str:
    deadline = item.deadline
    if isinstance(deadline, dt.datetime):
        return deadline.strftime("%Y-%m-%dT%H:%M")
    return deadline.isoformat()


def joint_bid_email(cat: Catalogue, item: model.Opportunity) -> str | None:
    """A mailto: link to the lead: subject and a starting body, every value encoded."""
    if not item.welcomes_joint_bids or item.lead is None:
        return None
    page = cat.site.base_url.rstrip("/") + urls.opportunity(item.slug)
    # Translators: the start of an email to a bid's lead; keep the line breaks (\n)
    body = (_("Dear %(lead)s,\n\nWe are interested in a joint bid for \"%(title)s\" "
              "(%(funder)s), which closes on %(deadline)s.\n\nOur organisation:\nWhat we "
              "could offer:\n\nSeen on %(site)s: %(page)s")
            % {"lead": item.lead.name, "title": item.title, "funder": item.funder,
               "deadline": deadline_text(item), "site": cat.site.title, "page": page})
    # Translators: an email's subject; %(title)s is the opportunity's
    return mailto(item.lead.email, _("Joint bid: %(title)s") % {"title": item.title}, body)


def opportunity_view(cat: Catalogue, item: model.Opportunity,
                     today: dt.date) -> OpportunityView:
    return OpportunityView(
        slug=item.slug, title=item.title, url=urls.opportunity(item.slug),
        summary=item.summary, funder=item.funder,
        funder_url=(organiser_link(cat, item.funder_listing).url if item.funder_listing
                    else None),
        value=money(item.value) if item.value else None,
        deadline=deadline_text(item), deadline_iso=deadline_iso(item),
        closing=closing_text(item.closing_day, today), closed=not is_open(item, today),
        posted=human_date(item.posted), posted_iso=item.posted.isoformat(), link=item.link,
        joint_bids=item.welcomes_joint_bids, lead=item.lead.name if item.lead else None,
        joint_bid_email=joint_bid_email(cat, item) if is_open(item, today) else None,
        needs=tuple(name_link(cat.lookup("needs", n), referral_urls.support_need(n))
                    for n in item.needs),
        activities=tuple(Link(cat.lookup("activities", a).name,
                              directory_urls.browse("activities", a)) for a in item.activities),
        body_html=render_markdown(item.body))
