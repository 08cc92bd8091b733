"""Open data in and out: the `/data/` downloads, and imports from spreadsheets.

Out: every organisation, provider, service, event, notice, toolkit and opportunity
as CSV, JSON and (for the large tables) JSON Lines, with columns derived from the
declarations of the rooms that own them; so it depends on the directory, the
calendar, the toolkits and commissioning. In: `thin import csv` turns a spreadsheet
with those same columns into listing files (`import_csv.py`, `listing_files.py`).
"""
from ..core.capability import Capability, Step
from ..core.render import FOOTER
from . import urls
from .pages import data_files, footer_link

OPENDATA = Capability(
    name="opendata",
    depends_on=("directory", "calendar", "toolkits", "commissioning"),
    steps=(
        Step(data_files, reads=frozenset({
            "activities.name", "event_categories.name", "events.accessibility",
            "events.body", "events.booking", "events.category", "events.cost",
            "events.end", "events.groups", "events.languages", "events.online",
            "events.organiser", "events.posted", "events.recurrence", "events.slug",
            "events.stages", "events.start", "events.summary", "events.title",
            "events.venue", "groups.name", "languages.name", "needs.name",
            "networks.name", "notices.body", "notices.expires", "notices.flyer",
            "notices.link", "notices.posted", "notices.posted_by", "notices.slug",
            "notices.summary", "notices.title", "opportunities.activities",
            "opportunities.body", "opportunities.deadline", "opportunities.funder",
            "opportunities.funder_listing", "opportunities.joint_bids",
            "opportunities.lead", "opportunities.link", "opportunities.needs",
            "opportunities.posted", "opportunities.slug", "opportunities.summary",
            "opportunities.title", "opportunities.value", "orgs", "provider_types.name",
            "providers.accent_colour", "providers.accessibility", "providers.address",
            "providers.body", "providers.email", "providers.languages",
            "providers.last_verified", "providers.logo", "providers.name",
            "providers.opening_hours", "providers.opening_hours_note",
            "providers.phone", "providers.postcode", "providers.referral_contact",
            "providers.services", "providers.slug", "providers.specialisms",
            "providers.summary", "providers.type", "providers.wards",
            "providers.website", "site", "skills.name", "stages.name",
            "toolkits.author", "toolkits.body", "toolkits.files",
            "toolkits.last_reviewed", "toolkits.licence", "toolkits.link",
            "toolkits.slug", "toolkits.stages", "toolkits.title", "toolkits.topics",
            "toolkits.type", "wards.name", "wards.slug"})),
    ),
    sections=frozenset({urls.SECTION}),
    language_neutral_files=True,
    contributes={FOOTER: (footer_link,)},
)
