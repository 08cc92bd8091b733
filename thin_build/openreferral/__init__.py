"""Open Referral UK: the directory as a static ORUK feed, and imports from ORUK data.

The export (`feed.py`, `export.py`) publishes /openreferral/ for council directories'
tooling; the import (`importer.py`) turns ORUK JSON or an HSDS CSV data package into
listing files. Depends on the directory, whose listings it carries both ways, and on
open data, whose `listing_files` writes what an import makes.
"""
from ..core.capability import Capability, Step
from .feed import openreferral_files
from .urls import ROOT

OPENREFERRAL = Capability(
    name="openreferral",
    depends_on=("directory", "opendata"),
    steps=(
        Step(openreferral_files, reads=frozenset({
            "activities", "groups", "languages", "needs", "networks", "orgs", "provider_types",
            "providers", "site", "stages", "wards"})),
    ),
    sections=frozenset({ROOT}),
    language_neutral_files=True,
)
