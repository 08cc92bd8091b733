"""The community calendar and notice board: events, notices, iCalendar and Atom feeds.

Depends on the directory, whose organisations and providers organise events and
post notices; adds their agenda to the directory's listing pages.
"""
from ..core.capability import Capability
from ..core.i18n import N_
from ..core.present import Link
from ..core.render import NAV
from ..directory.listing_pages import ORG_PAGE, PROVIDER_PAGE
from ..directory.pages import HOME_ROUTES
from . import urls
from .checks import check_agenda
from .listing_agenda import org_agenda, provider_agenda
from .pages import calendar_files, calendar_pages, notice_board
from .schema import KINDS, TAXONOMIES

CALENDAR = Capability(
    name="calendar",
    depends_on=("directory",),
    kinds=KINDS,
    taxonomies=TAXONOMIES,
    checks=(check_agenda,),
    steps=(calendar_pages, calendar_files, notice_board),
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
