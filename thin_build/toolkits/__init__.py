"""The toolkit library: fact sheets, templates, policies and guides to download, and
links to regional, London and national support.

Depends on the directory (a toolkit's author is a provider; "get help with this"
names the providers for its topics) and on referral (each need's page lists the
toolkits and regional links for that need, and toolkit pages link to it).
"""
from ..core.capability import Capability, Step
from ..core.i18n import N_
from ..core.present import Link
from ..core.render import FOOTER, NAV
from ..directory.listing_pages import PROVIDER_PAGE
from ..directory.pages import HOME_ROUTES
from ..referral.pages import NEED_PAGE
from . import urls
from .checks import check_toolkits
from .pages import footer_link, library_pages, links_page, toolkit_pages
from .parts import need_parts, provider_toolkits
from .schema import KINDS

TOOLKITS = Capability(
    name="toolkits",
    depends_on=("directory", "referral"),
    kinds=KINDS,
    checks=(check_toolkits,),
    steps=(
        Step(library_pages, reads=frozenset({
            "needs.name", "needs.slug", "needs.untranslated", "regional_links",
            "stages.name", "stages.slug", "stages.untranslated", "toolkits.author",
            "toolkits.body", "toolkits.slug", "toolkits.stages", "toolkits.title",
            "toolkits.topics", "toolkits.type", "toolkits.untranslated"})),
        Step(toolkit_pages, per="toolkits", reads=frozenset({
            "activities.slug", "groups.slug", "needs.name", "needs.slug",
            "needs.untranslated", "orgs.activities", "orgs.groups", "orgs.name",
            "orgs.slug", "orgs.status", "orgs.summary", "orgs.untranslated",
            "orgs.wards", "provider_types.name", "provider_types.slug",
            "providers.name", "providers.services", "providers.slug",
            "providers.summary", "providers.type", "providers.untranslated",
            "providers.wards", "regional_links", "stages.name", "stages.slug",
            "toolkits.author", "toolkits.body", "toolkits.slug", "toolkits.stages",
            "toolkits.title", "toolkits.topics", "toolkits.type",
            "toolkits.untranslated", "wards.name", "wards.slug"})),
        Step(links_page, reads=frozenset({
            "needs.name", "needs.slug", "needs.untranslated", "regional_links",
            "stages.name", "stages.slug", "toolkits.author", "toolkits.body",
            "toolkits.slug", "toolkits.stages", "toolkits.title", "toolkits.topics",
            "toolkits.type", "toolkits.untranslated"})),
    ),
    sections=frozenset({"toolkits", "links"}),
    contributes={
        NAV: ((40, Link(N_("Toolkits"), urls.library())),),
        HOME_ROUTES: ((40, Link(N_("Toolkits, templates and guides"), urls.library())),),
        FOOTER: (footer_link,),
        PROVIDER_PAGE: (provider_toolkits,),
        NEED_PAGE: (need_parts,),
    },
)
