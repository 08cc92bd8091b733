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
            "activities", "groups", "needs", "orgs.activities", "orgs.groups",
            "orgs.name", "orgs.slug", "orgs.status", "orgs.summary",
            "orgs.untranslated", "orgs.wards", "pages.order", "pages.slug",
            "pages.title", "pages.untranslated", "pdfs", "provider_types",
            "providers.name", "providers.services", "providers.slug",
            "providers.summary", "providers.type", "providers.untranslated",
            "providers.wards", "site", "wards"})),
        Step(org_pages, per="orgs", reads=frozenset({
            "activities.name", "activities.untranslated", "event_categories.name",
            "event_categories.untranslated", "events.category", "events.end",
            "events.online", "events.organiser", "events.recurrence", "events.slug",
            "events.start", "events.summary", "events.title", "events.untranslated",
            "events.venue", "groups.name", "groups.untranslated", "languages.code",
            "languages.name", "languages.native_name", "needs.name",
            "needs.untranslated", "networks.name", "networks.untranslated",
            "news_posts.date", "news_posts.slug", "news_posts.summary",
            "news_posts.title", "news_posts.untranslated", "notices.body",
            "notices.expires", "notices.flyer", "notices.link", "notices.posted",
            "notices.posted_by", "notices.slug", "notices.summary", "notices.title",
            "opportunities.funder_listing", "opportunities.slug", "orgs.email",
            "orgs.name", "orgs.skills_offered", "orgs.skills_wanted", "orgs.slug",
            "orgs.stage", "orgs.status", "orgs.untranslated", "orgs.wards", "pdfs",
            "projects.lead", "projects.needs", "projects.partners", "projects.slug",
            "projects.strategy", "projects.themes", "projects.title", "providers.name",
            "providers.untranslated", "referrals", "site", "site_pages.order",
            "site_pages.slug", "site_pages.title", "skills.name", "stages",
            "strategies.lead", "strategies.members", "strategies.slug",
            "strategies.theme", "strategies.title", "today", "wards.code", "wards.name",
            "wards.untranslated"})),
        Step(provider_pages, per="providers", reads=frozenset({
            "event_categories.name", "event_categories.untranslated", "events.category",
            "events.end", "events.online", "events.organiser", "events.recurrence",
            "events.slug", "events.start", "events.summary", "events.title",
            "events.untranslated", "events.venue", "groups.name", "groups.untranslated",
            "languages.code", "languages.name", "languages.native_name", "needs",
            "notices.body", "notices.expires", "notices.flyer", "notices.link",
            "notices.posted", "notices.posted_by", "notices.slug", "notices.summary",
            "notices.title", "opportunities.deadline", "opportunities.funder_listing",
            "opportunities.slug", "opportunities.title", "pdfs", "projects.lead",
            "projects.needs", "projects.partners", "projects.slug", "projects.strategy",
            "projects.themes", "projects.title", "provider_types", "referrals",
            "regional_links", "site", "stages.name", "stages.slug", "strategies.lead",
            "strategies.members", "strategies.slug", "strategies.theme",
            "strategies.title", "today", "toolkits.author", "toolkits.body",
            "toolkits.slug", "toolkits.stages", "toolkits.title", "toolkits.topics",
            "toolkits.type", "toolkits.untranslated", "wards.code", "wards.name",
            "wards.untranslated"})),
    ),
    sections=frozenset({"orgs", "providers", "wards", "groups", "activities", "needs"}),
    contributes={NAV: ((0, Link(N_("Home"), home())),
                       (20, Link(N_("Directory"), urls.orgs_page(1))),
                       (21, Link(N_("Wards"), urls.browse_index("wards"))))},
)
