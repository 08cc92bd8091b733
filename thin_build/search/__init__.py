"""Search: a lunr index of the portal, cut into shards a phone fetches word by word.

Search indexes what the other rooms publish (organisations, providers, events,
pages, toolkits, and organisations' own site pages and news), so it depends on each
of them; a new searchable kind adds one source function to `documents.DOCUMENT_SOURCES`
and its capability to `depends_on`.
"""
from ..core.capability import Capability, Step
from .shards import search_outputs

SEARCH = Capability(
    name="search",
    depends_on=("directory", "pages", "calendar", "toolkits", "projects", "sites"),
    steps=(
        Step(search_outputs, reads=frozenset({
            "activities", "event_categories", "events", "groups", "languages", "needs",
            "news_posts", "orgs", "pages", "projects", "provider_types", "providers", "site_pages",
            "skills", "strategies", "strategy_themes", "today", "toolkits", "wards"})),
    ),
    sections=frozenset({"search"}),
)
