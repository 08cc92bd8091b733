"""Networks and memberships: a page per network with its convenor, purpose and members,
a list of all networks, and a members CSV each network can download.

Networks are the directory's `networks` taxonomy and membership is each
organisation's `networks` field (checked by the directory's reference check), so this
capability only groups and publishes (and links each organisation's page to its
networks' pages); the CSV is written by open data's CSV writer.
"""
from ..core.capability import Capability, Step
from ..core.i18n import N_
from ..core.present import Link
from ..directory.listing_pages import ORG_PAGE
from ..directory.pages import HOME_ROUTES
from . import urls
from .memberships import member_of
from .pages import network_pages

NETWORKS = Capability(
    name="networks",
    depends_on=("directory", "opendata"),
    steps=(
        Step(network_pages, reads=frozenset({
            "networks", "orgs.email", "orgs.name", "orgs.networks", "orgs.phone",
            "orgs.slug", "orgs.status", "orgs.summary", "orgs.untranslated",
            "orgs.wards", "orgs.website", "providers.name", "providers.untranslated",
            "site", "wards.name"})),
    ),
    sections=frozenset({"networks"}),
    contributes={HOME_ROUTES: ((58, Link(N_("Networks and forums, and their members"),
                                          urls.networks())),),
                 ORG_PAGE: (member_of,)},
)
