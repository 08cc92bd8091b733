"""Search: a lunr index of the portal, cut into shards a phone fetches word by word.

Search indexes what the other rooms publish (organisations, providers, events,
pages, toolkits, and organisations' own site pages and news), so it depends on each
of them; a new searchable kind adds its collection and source function to
`documents.DOCUMENT_SOURCES` and its capability to `depends_on`.
"""
from ..core.capability import Capability, Step
from .shards import search_outputs

SEARCH = Capability(
    name="search",
    depends_on=("directory", "pages", "calendar", "toolkits", "projects", "sites"),
    steps=(
        Step(search_outputs, reads=frozenset({
            "activities.name", "event_categories.name", "events.body",
            "events.category", "events.groups", "events.languages", "events.organiser",
            "events.slug", "events.start", "events.summary", "events.title",
            "events.untranslated", "events.venue", "groups.name", "groups.slug",
            "groups.untranslated", "languages.name", "languages.native_name",
            "languages.slug", "languages.untranslated", "needs.name", "needs.slug",
            "needs.untranslated", "news_posts.body", "news_posts.date",
            "news_posts.slug", "news_posts.summary", "news_posts.title",
            "news_posts.untranslated", "orgs.activities", "orgs.body", "orgs.groups",
            "orgs.languages", "orgs.name", "orgs.opening_hours", "orgs.skills_offered",
            "orgs.slug", "orgs.summary", "orgs.support_needs", "orgs.untranslated",
            "orgs.wards", "pages.body", "pages.slug", "pages.summary", "pages.title",
            "pages.untranslated", "projects.body", "projects.lead", "projects.needs",
            "projects.partners", "projects.slug", "projects.summary", "projects.themes",
            "projects.title", "provider_types.name", "providers.body",
            "providers.languages", "providers.name", "providers.opening_hours",
            "providers.services", "providers.slug", "providers.specialisms",
            "providers.summary", "providers.type", "providers.untranslated",
            "providers.wards", "site_pages.body", "site_pages.slug",
            "site_pages.summary", "site_pages.title", "site_pages.untranslated",
            "skills.name", "strategies.body", "strategies.lead", "strategies.slug",
            "strategies.summary", "strategies.theme", "strategies.title",
            "strategy_themes.name", "today", "toolkits.author", "toolkits.body",
            "toolkits.slug", "toolkits.title", "toolkits.topics", "toolkits.type",
            "toolkits.untranslated", "wards.name", "wards.slug", "wards.untranslated"})),
    ),
    sections=frozenset({"search"}),
)
