"""The community calendar and notice board: events, notices, iCalendar and Atom feeds.

Depends on the directory, whose organisations and providers organise events and
post notices; adds their agenda to the directory's listing pages.
"""
from ..core.capability import Capability, Step
from ..core.i18n import N_
from ..core.present import Link
from ..core.render import NAV
from ..directory.listing_pages import ORG_PAGE, PROVIDER_PAGE
from ..directory.pages import HOME_ROUTES
from . import urls
from .checks import check_agenda
from .listing_agenda import org_agenda, provider_agenda
from .pages import calendar_files, calendar_pages, event_pages, notice_board
from .schema import KINDS, TAXONOMIES

CALENDAR = Capability(
    name="calendar",
    depends_on=("directory",),
    kinds=KINDS,
    taxonomies=TAXONOMIES,
    checks=(check_agenda,),
    steps=(
        Step(calendar_pages, reads=frozenset({
            "event_categories.description", "event_categories.name",
            "event_categories.slug", "event_categories.untranslated", "events.category",
            "events.end", "events.online", "events.organiser", "events.recurrence",
            "events.slug", "events.start", "events.summary", "events.title",
            "events.untranslated", "events.venue", "orgs.name", "orgs.untranslated",
            "providers.name", "providers.untranslated", "site", "today"})),
        Step(event_pages, per="events", reads=frozenset({
            "event_categories.name", "event_categories.untranslated", "groups.name",
            "groups.untranslated", "languages.code", "languages.name",
            "languages.native_name", "orgs.name", "orgs.untranslated", "providers.name",
            "providers.untranslated", "site", "stages.name", "today", "wards.name",
            "wards.untranslated"})),
        Step(calendar_files, reads=frozenset({
            "event_categories.description", "event_categories.name",
            "event_categories.slug", "events.booking", "events.category", "events.cost",
            "events.end", "events.online", "events.organiser", "events.posted",
            "events.recurrence", "events.slug", "events.start", "events.summary",
            "events.title", "events.venue", "notices.expires", "notices.posted",
            "notices.posted_by", "notices.slug", "notices.summary", "notices.title",
            "orgs.name", "orgs.untranslated", "providers.name",
            "providers.untranslated", "site", "today"})),
        Step(notice_board, reads=frozenset({
            "notices.body", "notices.expires", "notices.flyer", "notices.link",
            "notices.posted", "notices.posted_by", "notices.slug", "notices.summary",
            "notices.title", "orgs.name", "orgs.untranslated", "providers.name",
            "providers.untranslated", "site", "today"})),
    ),
    sections=frozenset({"calendar", "events", "notices"}),
    contributes={
        NAV: ((30, Link(N_("Calendar"), urls.calendar())),
              (31, Link(N_("Notice board"), urls.notices()))),
        HOME_ROUTES: ((30, Link(N_("What's on: the community calendar"), urls.calendar())),
                      (31, Link(N_("The notice board"), urls.notices()))),
        ORG_PAGE: (org_agenda,),
        PROVIDER_PAGE: (provider_agenda,),
    },
)
