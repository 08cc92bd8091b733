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
            "needs.name", "needs.slug", "needs.untranslated", "orgs.name",
            "orgs.untranslated", "projects.body", "projects.budget", "projects.end",
            "projects.funder", "projects.lead", "projects.milestones", "projects.needs",
            "projects.outcomes", "projects.partners", "projects.slug", "projects.spend",
            "projects.start", "projects.strategy", "projects.summary",
            "projects.themes", "projects.title", "projects.updates", "providers.name",
            "providers.untranslated", "site", "strategies.lead", "strategies.members",
            "strategies.slug", "strategies.theme", "strategies.title",
            "strategy_themes.name", "strategy_themes.slug",
            "strategy_themes.untranslated", "today"})),
        Step(strategy_pages, reads=frozenset({
            "groups.name", "needs.name", "orgs.name", "orgs.untranslated",
            "projects.budget", "projects.end", "projects.lead", "projects.milestones",
            "projects.needs", "projects.outcomes", "projects.partners", "projects.slug",
            "projects.spend", "projects.start", "projects.strategy", "projects.summary",
            "projects.themes", "projects.title", "provider_types.name",
            "providers.name", "providers.services", "providers.slug",
            "providers.specialisms", "providers.type", "providers.untranslated", "site",
            "strategies.body", "strategies.document", "strategies.end",
            "strategies.lead", "strategies.members", "strategies.milestones",
            "strategies.slug", "strategies.start", "strategies.summary",
            "strategies.theme", "strategies.title", "strategy_themes.description",
            "strategy_themes.groups", "strategy_themes.name", "strategy_themes.needs",
            "strategy_themes.provider_types", "strategy_themes.slug",
            "strategy_themes.untranslated", "today", "toolkits.title"})),
        Step(project_files, reads=frozenset({
            "projects.milestones", "projects.outcomes", "projects.slug",
            "projects.start", "projects.title", "site", "strategies.milestones",
            "strategies.slug", "strategies.start", "strategies.title"})),
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
