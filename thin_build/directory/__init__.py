"""The directory: organisations (VCOs), support providers, their services and taxonomies.

It owns the A–Z, the browse pages, each listing's page and the provider indexes, and
offers extension points that later capabilities fill: routes on the home page
(`pages.HOME_ROUTES`) and parts of the organisation and provider pages
(`listing_pages.ORG_PAGE`, `listing_pages.PROVIDER_PAGE`).
"""
from ..core.capability import Capability, Step
from ..core.i18n import N_
from ..core.present import Link
from ..core.render import NAV
from ..core.urls import home
from . import urls
from .checks import CHECKS
from .pages import directory_pages, org_pages, provider_pages
from .schema import KINDS, TAXONOMIES

DIRECTORY = Capability(
    name="directory",
    kinds=KINDS,
    taxonomies=TAXONOMIES,
    checks=CHECKS,
    steps=(
        Step(directory_pages, reads=frozenset({
            "activities", "event_categories", "events", "groups", "history", "languages", "media",
            "needs", "networks", "orgs", "pages", "provider_types", "providers", "site", "stages",
            "today", "wards"})),
        Step(org_pages, per="orgs", reads=frozenset({
            "activities", "event_categories", "events", "groups", "history", "languages", "media",
            "needs", "networks", "news_posts", "notices", "opportunities", "orgs", "projects",
            "provider_types", "providers", "referrals", "site", "site_pages", "skills", "stages",
            "strategies", "today", "wards"})),
        Step(provider_pages, per="providers", reads=frozenset({
            "activities", "event_categories", "events", "groups", "history", "languages", "media",
            "needs", "networks", "notices", "opportunities", "orgs", "projects", "provider_types",
            "providers", "referrals", "regional_links", "site", "stages", "strategies", "today",
            "toolkits", "wards"})),
    ),
    sections=frozenset({"orgs", "providers", "wards", "groups", "activities", "needs"}),
    contributes={NAV: ((0, Link(N_("Home"), home())),
                       (20, Link(N_("Directory"), urls.orgs_page(1))),
                       (21, Link(N_("Wards"), urls.browse_index("wards"))))},
)
