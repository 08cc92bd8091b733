"""Working together: joint projects with a computed status, and joint infrastructure
strategies, one per specialist sector, with a page per theme.

Depends on the directory (leads, partners and working groups are listings, whose
pages list their projects; a theme lists the providers that specialise in it),
referral (need names in words), the calendar (listing links and the iCalendar
writer), toolkits (a strategy's document is a toolkit) and open data (the CSV writer).
"""
from ..core.capability import Capability, Step
from ..core.i18n import N_
from ..core.present import Link
from ..directory.listing_pages import ORG_PAGE, PROVIDER_PAGE
from ..directory.pages import HOME_ROUTES
from . import urls
from .checks import check_projects
from .pages import project_files, project_pages, strategy_pages
from .parts import org_projects, provider_projects
from .schema import KINDS, TAXONOMIES

PROJECTS = Capability(
    name="projects",
    depends_on=("directory", "referral", "calendar", "toolkits", "opendata"),
    kinds=KINDS,
    taxonomies=TAXONOMIES,
    checks=(check_projects,),
    steps=(
        Step(project_pages, reads=frozenset({
            "needs", "orgs", "projects", "providers", "site", "strategies", "strategy_themes",
            "today"})),
        Step(strategy_pages, reads=frozenset({
            "groups", "needs", "orgs", "projects", "provider_types", "providers", "site",
            "strategies", "strategy_themes", "today", "toolkits"})),
        Step(project_files, reads=frozenset({
            "projects", "site", "strategies"})),
    ),
    sections=frozenset({"projects", "strategies"}),
    contributes={
        HOME_ROUTES: ((55, Link(N_("Joint projects: how partnership work is going"),
                                urls.projects())),
                      (56, Link(N_("Joint infrastructure strategies by theme"),
                                urls.strategies()))),
        ORG_PAGE: (org_projects,),
        PROVIDER_PAGE: (provider_projects,),
    },
)
