"""Open Referral UK: the directory as a static ORUK feed, and imports from ORUK data.

The export (`feed.py`, `export.py`) publishes /openreferral/ for council directories'
tooling; the import (`importer.py`) turns ORUK JSON or an HSDS CSV data package into
listing files. Depends on the directory, whose listings it carries both ways, and on
open data, whose `listing_files` writes what an import makes.
"""
from ..core.capability import Capability, Step
from .feed import LISTING, openreferral_files
from .urls import ROOT

OPENREFERRAL = Capability(
    name="openreferral",
    depends_on=("directory", "opendata"),
    steps=(
        Step(openreferral_files, reads=LISTING.reads | frozenset({
            "orgs.accessibility", "orgs.activities", "orgs.address", "orgs.charity_number",
            "orgs.company_number", "orgs.email", "orgs.groups", "orgs.languages",
            "orgs.last_verified", "orgs.logo", "orgs.name", "orgs.networks",
            "orgs.opening_hours", "orgs.opening_hours_note", "orgs.phone", "orgs.postcode",
            "orgs.slug", "orgs.stage", "orgs.status", "orgs.summary", "orgs.support_needs",
            "orgs.wards", "orgs.website", "providers.accessibility", "providers.address",
            "providers.email", "providers.languages", "providers.last_verified",
            "providers.logo", "providers.name", "providers.opening_hours",
            "providers.opening_hours_note", "providers.phone", "providers.postcode",
            "providers.referral_contact", "providers.services", "providers.slug",
            "providers.specialisms", "providers.summary", "providers.type",
            "providers.wards", "providers.website"})),
    ),
    sections=frozenset({ROOT}),
    language_neutral_files=True,
)
