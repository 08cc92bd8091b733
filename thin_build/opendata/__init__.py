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
            "activities", "event_categories", "events", "groups", "languages", "needs", "networks",
            "notices", "opportunities", "orgs", "provider_types", "providers", "site", "skills",
            "stages", "toolkits", "wards"})),
    ),
    sections=frozenset({urls.SECTION}),
    language_neutral_files=True,
    contributes={FOOTER: (footer_link,)},
)
