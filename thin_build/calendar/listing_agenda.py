"""What the directory's organisation and provider pages show of the calendar and board.

Contributed to the directory's `ORG_PAGE` and `PROVIDER_PAGE` extension points as a
`Section`, so each listing's page shows its next events and current notices.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator, Mapping

from ..core.catalogue import Catalogue
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs
from ..directory.listing_pages import Section
from ..directory.model import Organisation, Provider
from . import urls
from .views import (
    NoticeView,
    OccurrenceView,
    Subscribe,
    all_occurrences,
    current_notices,
    notice_view,
    occurrence_view,
    subscribe,
)

LISTING_UPCOMING = 5


@dataclass(frozen=True)
class ListingAgenda:
    """What an organisation's or provider's page shows of the calendar and the board."""

    upcoming: tuple[OccurrenceView, ...]
    more_url: str | None
    feed: Subscribe | None
    notices: tuple[NoticeView, ...]


def group_by_listing(cat: Catalogue) -> Mapping[str, tuple[tuple, tuple]]:
    """"orgs/<slug>" or "providers/<slug>" → (its events, its notices), computed once a build."""
    events: dict[str, list] = defaultdict(list)
    notices: dict[str, list] = defaultdict(list)
    for event in cat.events:
        events[event.organiser].append(event)
    for notice in cat.notices:
        notices[notice.posted_by].append(notice)
    return {ref: (tuple(events.get(ref, ())), tuple(notices.get(ref, ())))
            for ref in sorted(set(events) | set(notices))}


def listing_agenda(cat: Catalogue, ref: str, index: Mapping,
                   today: dt.date) -> ListingAgenda:
    """The next few occurrences and current notices of "orgs/<slug>" or "providers/<slug>".

    `index` is `group_by_listing`'s, computed once a build.
    """
    events, notices = index.get(ref, ((), ()))
    upcoming = [o for o in all_occurrences(events) if o.last_day >= today]
    return ListingAgenda(
        upcoming=tuple(occurrence_view(cat, o, with_date=True)
                       for o in upcoming[:LISTING_UPCOMING]),
        more_url=urls.calendar_organiser(ref) if events else None,
        # Translators: completes "Subscribe to ... in your calendar app"
        feed=subscribe(cat, _("this calendar"), urls.organiser_feed(ref)) if events else None,
        notices=tuple(notice_view(cat, n) for n in current_notices(notices, today)))


def org_agenda(inputs: BuildInputs, org: Organisation) -> Iterator[Section]:
    yield _agenda(inputs, f"orgs/{org.slug}", org.name)


def provider_agenda(inputs: BuildInputs, provider: Provider) -> Iterator[Section]:
    yield _agenda(inputs, f"providers/{provider.slug}", provider.name)


def _agenda(inputs: BuildInputs, ref: str, who: str) -> Section:
    """Always a section (it keeps the page's layout stable); in the menu when not empty."""
    agenda = listing_agenda(inputs.catalogue, ref, inputs.derived(group_by_listing),
                            inputs.today)
    shown = agenda.upcoming or agenda.notices or agenda.more_url
    return Section("events", _("Events and notices") if shown else None,
                   "calendar/_listing_agenda.html", {"agenda": agenda, "who": who})
