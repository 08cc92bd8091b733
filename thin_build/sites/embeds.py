"""A group's portal events and news, to show on the website it already has.

Each organisation gets, at stable addresses under `/orgs/<slug>/embed/`, its upcoming
events and its latest news three ways: a JSON file that `static/sites/embed.js` turns
into a list on the host page, the same list as a plain HTML fragment, and a small page
of its own for an `<iframe>` (for hosts that allow no scripts from elsewhere). All
three carry the same `Embed`, so they always agree. Every link is absolute, since it
is followed from another site; every text is plain text (the script writes it with
`textContent`, templates escape it), so content can never become markup there.

The organisation's page on the portal shows the snippets to copy (`snippets_section`).
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Iterable, Iterator

from markupsafe import escape

from ..calendar.listing_agenda import LISTING_UPCOMING, group_by_listing, listing_agenda
from ..core import urls as core_urls
from ..core.catalogue import Catalogue
from ..core.i18n import N_, current_language
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs, PagePlan
from ..core.present import human_date
from ..core.translate import text_lang
from ..core.write import OutputFile
from ..directory import urls as directory_urls
from ..directory.listing_pages import Section
from ..directory.model import Organisation
from . import urls
from .content import has_site, site_of

KINDS = ("events", "news")
# What the organisation's page calls each list, speaking to the group.
# Translators: headings above the code a group copies to show its portal events or news
SNIPPET_HEADINGS = {"events": N_("Your upcoming events"), "news": N_("Your latest news")}


@dataclass(frozen=True)
class EmbedItem:
    """One event or post as a host page lists it; `where` is empty for news. `lang` is
    the language of its title and summary when not the list's (None: the same)."""

    title: str
    url: str
    when: str
    datetime: str
    where: str
    summary: str
    lang: str | None = None


@dataclass(frozen=True)
class Embed:
    """One list to embed: its heading, items, what to say when empty, and where to read more."""

    kind: str
    lang: str
    heading: str
    organisation: str
    items: tuple[EmbedItem, ...]
    empty: str
    more_text: str
    more_url: str


def absolute(cat: Catalogue, path: str) -> str:
    """A portal address as another site links to it, in the language being built."""
    return cat.site.base_url.rstrip("/") + core_urls.localised(path)


def _events(inputs: BuildInputs, org: Organisation) -> Embed:
    """The calendar's own next few events for the organisation's page, as an embed."""
    cat = inputs.catalogue
    agenda = listing_agenda(cat, f"orgs/{org.slug}", inputs.derived(group_by_listing),
                            inputs.today)
    items = tuple(EmbedItem(view.title, absolute(cat, view.url), view.when, view.start_iso,
                            view.where, view.summary) for view in agenda.upcoming)
    # The calendar's list for every group (a site's own events page would make the
    # listing's page depend on its shape, which a CSV round trip cannot carry).
    more = agenda.more_url or directory_urls.org(org.slug)
    # Translators: shown on the group's own website, in its voice; %(portal)s is THIN Portal
    return Embed("events", current_language().code, _("Our upcoming events"), org.name, items,
                 _("No upcoming events at the moment."),
                 _("All our events on %(portal)s") % {"portal": cat.site.title},
                 absolute(cat, more))


def _news(inputs: BuildInputs, org: Organisation) -> Embed:
    """The latest posts of the organisation's site (published ones only), as an embed."""
    cat = inputs.catalogue
    posts = site_of(inputs, org).posts[:LISTING_UPCOMING]
    items = tuple(EmbedItem(p.title, absolute(cat, urls.post(p.org, p.name)), human_date(p.date),
                            p.date.isoformat(), "", p.summary, text_lang(p, "title", "summary"))
                  for p in posts)
    # Translators: shown on the group's own website, in its voice; %(portal)s is THIN Portal
    return Embed("news", current_language().code, _("Our latest news"), org.name, items,
                 _("No news yet."), _("All our news on %(portal)s") % {"portal": cat.site.title},
                 absolute(cat, urls.news(org.slug)))


def kinds_of(inputs: BuildInputs, org: Organisation) -> tuple[str, ...]:
    """Events for every organisation (it can add some), news for those with a site."""
    return KINDS if has_site(org) else ("events",)


MAKERS = {"events": _events, "news": _news}


def embed_json(embed: Embed) -> str:
    """The JSON the script reads: sorted keys, one file per list, `version` for changes."""
    data = {"version": 1, **asdict(embed)}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def embed_files(inputs: BuildInputs) -> Iterator[PagePlan | OutputFile]:
    """Each organisation's lists as JSON, an HTML fragment and a page for an iframe
    (`Step(per="orgs")`)."""
    for org in inputs.each("orgs"):
        for kind in kinds_of(inputs, org):
            embed = MAKERS[kind](inputs, org)
            yield OutputFile(core_urls.output_file(urls.embed(org.slug, f"{kind}.json")),
                             embed_json(embed))
            yield PagePlan(urls.embed(org.slug, f"{kind}.html"), "sites/embed_fragment.html",
                           embed.heading, embed.organisation, {"embed": embed}, in_sitemap=False)
            yield PagePlan(urls.embed(org.slug, f"{kind}-frame.html"), "sites/embed_frame.html",
                           embed.heading, embed.organisation, {"embed": embed}, in_sitemap=False)


@dataclass(frozen=True)
class Snippet:
    """The code to paste for one list, three ways, and the addresses behind it."""

    kind: str
    heading: str
    script: str
    frame: str
    fragment_url: str
    json_url: str


def snippet(inputs: BuildInputs, org: Organisation, kind: str) -> Snippet:
    cat = inputs.catalogue
    embed = MAKERS[kind](inputs, org)
    json_url = absolute(cat, urls.embed(org.slug, f"{kind}.json"))
    script_url = cat.site.base_url.rstrip("/") + core_urls.static("sites/embed.js")
    # The link inside the element is what a visitor sees without the script or the JSON;
    # the snippet is HTML, so its texts are escaped here and the page escapes it again.
    script = (f'<div data-thin-embed="{escape(json_url)}">\n'
              f'  <a href="{escape(embed.more_url)}">{escape(embed.more_text)}</a>\n'
              f'</div>\n<script src="{escape(script_url)}" defer></script>')
    frame_url = absolute(cat, urls.embed(org.slug, f"{kind}-frame.html"))
    frame = (f'<iframe src="{escape(frame_url)}" title="{escape(embed.heading)}: '
             f'{escape(org.name)}"\n  width="100%" height="420" style="border: 0"></iframe>')
    return Snippet(kind, _(SNIPPET_HEADINGS[kind]), script, frame,
                   absolute(cat, urls.embed(org.slug, f"{kind}.html")), json_url)


def snippets_section(inputs: BuildInputs, org: Organisation) -> Iterable[Section]:
    """"Show this on your website" on the organisation's page, with the code to copy."""
    kinds = kinds_of(inputs, org)
    # Translators: a link in the organisation page's local menu, to the code for its website
    yield Section("on-your-website", _("On your website"), "sites/_embed_snippets.html",
                  {"snippets": tuple(snippet(inputs, org, kind) for kind in kinds),
                   "organisation": org.name})
