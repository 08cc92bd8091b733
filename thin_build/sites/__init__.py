"""Organisations' own small sites: a listing that grows into a folder gets pages,
news with an Atom feed, its events and contact pages, its own menu and look.

`orgs/<slug>.md` stays a listing; `orgs/<slug>/index.md` (the same fields) plus
`orgs/<slug>/<page>.md`, `orgs/<slug>/news/<yyyy-mm-dd>-<name>.md` and
`orgs/<slug>/media/` make a site at the same address. The listing's page becomes the
site's home through the directory's `ORG_FRAME` point; themes and embeds are
`themes.py` and `embeds.py`. Every organisation also gets a short address `/o/<slug>/`.
"""
from ..core.capability import Capability, Step
from ..directory.listing_pages import ORG_FRAME, ORG_PAGE
from .checks import check_sites
from .embeds import embed_files, snippets_section
from .frame import org_frame
from .pages import short_addresses, site_outputs
from .schema import KINDS
from .themes import accent_problems

SITES = Capability(
    name="sites",
    depends_on=("directory", "calendar"),
    kinds=KINDS,
    checks=(check_sites, accent_problems),
    steps=(
        Step(site_outputs, per="orgs", reads=frozenset({
            "event_categories.name", "event_categories.untranslated", "events.category",
            "events.end", "events.online", "events.organiser", "events.recurrence",
            "events.slug", "events.start", "events.summary", "events.title",
            "events.untranslated", "events.venue", "news_posts.body", "news_posts.date",
            "news_posts.image", "news_posts.image_alt", "news_posts.slug",
            "news_posts.summary", "news_posts.title", "news_posts.untranslated",
            "notices.body", "notices.expires", "notices.flyer", "notices.link",
            "notices.posted", "notices.posted_by", "notices.slug", "notices.summary",
            "notices.title", "site", "site_pages.body", "site_pages.order",
            "site_pages.slug", "site_pages.summary", "site_pages.title",
            "site_pages.untranslated", "today"})),
        Step(short_addresses, per="orgs", reads=frozenset()),
        Step(embed_files, per="orgs", reads=frozenset({
            "event_categories.name", "event_categories.untranslated", "events.category",
            "events.end", "events.online", "events.organiser", "events.recurrence",
            "events.slug", "events.start", "events.summary", "events.title",
            "events.untranslated", "events.venue", "news_posts.date", "news_posts.slug",
            "news_posts.summary", "news_posts.title", "news_posts.untranslated",
            "notices.body", "notices.expires", "notices.flyer", "notices.link",
            "notices.posted", "notices.posted_by", "notices.slug", "notices.summary",
            "notices.title", "site", "site_pages.order", "site_pages.slug",
            "site_pages.title", "today"})),
    ),
    sections=frozenset({"o"}),
    contributes={ORG_FRAME: (org_frame,), ORG_PAGE: (snippets_section,)},
)
