"""The URL scheme: where each kind of page lives, in one place.

Pages, templates, the sitemap and the tests all ask here, so a section can move
without hunting for string literals. Every path is site-relative, ends in `/` for
a directory page, and is built only from validated slugs.
"""
from __future__ import annotations

RESERVED_TOP_LEVEL = frozenset({
    "orgs", "providers", "wards", "groups", "activities", "needs", "static", "media",
    "schemas", "search", "support", "calendar", "events", "notices", "toolkits", "data",
    "evidence", "projects", "reports", "404", "sitemap", "index",
})

# Slugs that would shadow a listing section's own sub-pages.
RESERVED_SLUGS = {"org": frozenset({"page"}), "provider": frozenset({"by-type", "page"})}


def home() -> str:
    return "/"


def org(slug: str) -> str:
    return f"/orgs/{slug}/"


def orgs_page(number: int) -> str:
    return "/orgs/" if number == 1 else f"/orgs/page/{number}/"


def provider(slug: str) -> str:
    return f"/providers/{slug}/"


def providers() -> str:
    return "/providers/"


def providers_by_type() -> str:
    return "/providers/by-type/"


def browse_index(facet: str) -> str:
    return f"/{facet}/"


def browse(facet: str, slug: str, number: int = 1) -> str:
    base = f"/{facet}/{slug}/"
    return base if number == 1 else f"{base}page/{number}/"


def search() -> str:
    return "/search/"


def search_file(name: str) -> str:
    return f"/search/{name}"


def support(query: str = "") -> str:
    """The referral page ("Find support"), optionally with answers filled in."""
    return "/support/" + (f"?{query}" if query else "")


def support_need(need: str) -> str:
    return f"/support/{need}/"


def support_index() -> str:
    return "/support/referral-index.json"


def support_details(need: str) -> str:
    return f"/support/{need}/services.json"


def gaps_report() -> str:
    return "/reports/gaps/"


def calendar() -> str:
    return "/calendar/"


def calendar_month(year: int, month: int) -> str:
    return f"/calendar/{year:04d}/{month:02d}/"


def calendar_past(number: int = 1) -> str:
    return "/calendar/past/" if number == 1 else f"/calendar/past/page/{number}/"


def calendar_category(slug: str) -> str:
    return f"/calendar/categories/{slug}/"


def calendar_organiser(ref: str) -> str:
    """Events of "orgs/<slug>" or "providers/<slug>": two namespaces, two folders."""
    return f"/calendar/{ref}/"


def calendar_feed() -> str:
    return "/calendar.ics"


def category_feed(slug: str) -> str:
    return f"/calendar/categories/{slug}.ics"


def organiser_feed(ref: str) -> str:
    return f"/calendar/{ref}.ics"


def event(slug: str) -> str:
    return f"/events/{slug}/"


def event_ics(slug: str) -> str:
    return f"/events/{slug}.ics"


def notices() -> str:
    return "/notices/"


def notice(slug: str) -> str:
    return f"/notices/#notice-{slug}"


def updates_feed() -> str:
    """The Atom feed of new events and notices."""
    return "/feed.atom"


def webcal(absolute_url: str) -> str:
    """The subscribe link calendar apps open: the same address with the webcal: scheme."""
    return "webcal:" + absolute_url.partition(":")[2]


def page(slug: str) -> str:
    return f"/{slug}/"


def media(path: str) -> str:
    return f"/media/{path}"


def static(name: str) -> str:
    return f"/static/{name}"


def edit_link(repository_url: str, branch: str, path: str) -> str:
    """A "suggest an edit" link in the form GitHub, GitLab and Gitea all understand."""
    return f"{repository_url.rstrip('/')}/edit/{branch}/{path}"


def output_file(url: str) -> str:
    """The file a URL is written to: directory URLs get an index.html."""
    relative = url.lstrip("/")
    return relative + "index.html" if url.endswith("/") else relative
