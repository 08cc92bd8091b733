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
            "needs", "regional_links", "stages", "toolkits"})),
        Step(toolkit_pages, per="toolkits", reads=frozenset({
            "activities", "groups", "needs", "orgs", "provider_types", "providers",
            "regional_links", "stages", "toolkits", "wards"})),
        Step(links_page, reads=frozenset({
            "needs", "regional_links", "stages", "toolkits"})),
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
