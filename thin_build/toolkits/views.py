"""The library's index, made once a build, and the plain data its pages show.

`build_library` groups toolkits by topic, type, stage and author and regional links
by topic, so the library, its filter pages, each toolkit page, provider pages and
need pages read groups instead of scanning the catalogue.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping

from ..core.catalogue import Catalogue
from ..core.i18n import N_
from ..core.i18n import gettext as _
from ..core.markup import plain_text
from ..core.present import Link, join_words
from ..core.translate import name_link, text_lang
from ..referral.rank import lower_first
from . import model, urls


@dataclass(frozen=True)
class ToolkitCard:
    """A toolkit in a list, shaped like the directory's cards so the `cards` macro shows it:
    the title, the start of its text, and its type, topics and stages."""

    name: str
    url: str
    summary: str
    detail: str
    type: str
    status: None = None
    lang: str | None = None  # the title's and text's, when not the page's language


@dataclass(frozen=True)
class LinkCard:
    """A regional or national organisation: who, what they offer, where."""

    name: str
    url: str
    offer: str
    area: str


@dataclass(frozen=True)
class Library:
    cards: Mapping[str, ToolkitCard]
    by_topic: Mapping[str, tuple[model.Toolkit, ...]]
    by_type: Mapping[str, tuple[model.Toolkit, ...]]
    by_stage: Mapping[str, tuple[model.Toolkit, ...]]
    by_author: Mapping[str, tuple[model.Toolkit, ...]]
    links_by_topic: Mapping[str, tuple[LinkCard, ...]]


SUMMARY_LENGTH = 160
# Translated where shown (`_(AREA_NAMES[area])`), never at import time.
AREA_NAMES = {"regional": N_("East London and the region"), "london": N_("London-wide"),
              "national": N_("National")}

# A toolkit type's name, one and many: the slug in a toolkit's file is English data, the
# words shown are translated (a table, because English plurals cannot be made by rule).
TYPE_NAMES = {
    "fact sheet": (N_("Fact sheet"), N_("Fact sheets")), "guide": (N_("Guide"), N_("Guides")),
    "template": (N_("Template"), N_("Templates")), "policy": (N_("Policy"), N_("Policies")),
    "toolkit": (N_("Toolkit"), N_("Toolkits")),
    "health check": (N_("Health check"), N_("Health checks")),
    "quality standard": (N_("Quality standard"), N_("Quality standards")),
}


def type_slug(kind: str) -> str:
    """"fact sheet" → "fact-sheet", for the type's filter page."""
    return kind.replace(" ", "-")


def type_name(kind: str) -> str:
    """A type as a heading, in the page's language: "Fact sheets", "Policies"."""
    return _(TYPE_NAMES[kind][1])


def type_label(kind: str) -> str:
    """One toolkit's type, in the page's language: "Fact sheet"."""
    return _(TYPE_NAMES[kind][0])


def stage_names(cat: Catalogue, toolkit: model.Toolkit) -> str:
    if not toolkit.stages or set(toolkit.stages) == {s.slug for s in cat.stages}:
        return _("Every stage")
    return join_words([s.name for s in cat.lookup_many("stages", toolkit.stages)])


def _card(cat: Catalogue, toolkit: model.Toolkit) -> ToolkitCard:
    topics = join_words([lower_first(n.name) for n in cat.lookup_many("needs", toolkit.topics)])
    kind = type_label(toolkit.type)
    # Translators: a toolkit card's line, e.g. "Guide on funding and fundraising. Every stage."
    detail = _("%(type)s on %(topics)s. %(stages)s.") % {
        "type": kind, "topics": topics, "stages": stage_names(cat, toolkit)}
    return ToolkitCard(toolkit.title, urls.toolkit(toolkit.slug),
                       plain_text(toolkit.body, SUMMARY_LENGTH), detail, kind,
                       lang=text_lang(toolkit, "title", "body"))


def link_card(link: model.RegionalLink) -> LinkCard:
    return LinkCard(link.name, link.url, link.offer, _(AREA_NAMES[link.area]))


def _by_title(toolkits) -> tuple[model.Toolkit, ...]:
    return tuple(sorted(toolkits, key=lambda t: (t.title.casefold(), t.slug)))


def build_library(cat: Catalogue) -> Library:
    toolkits = _by_title(cat.toolkits)
    groups: dict[str, dict[str, list]] = {name: defaultdict(list)
                                          for name in ("topic", "type", "stage", "author")}
    every_stage = [s.slug for s in cat.stages]
    for toolkit in toolkits:
        for need in toolkit.topics:
            groups["topic"][need].append(toolkit)
        groups["type"][toolkit.type].append(toolkit)
        for stage in toolkit.stages or every_stage:
            groups["stage"][stage].append(toolkit)
        groups["author"][toolkit.author].append(toolkit)
    links_by_topic: dict[str, list[LinkCard]] = defaultdict(list)
    for link in sorted(cat.regional_links.links, key=lambda k: (k.name.casefold(), k.url)):
        for need in link.topics:
            links_by_topic[need].append(link_card(link))
    frozen = {name: {key: tuple(items) for key, items in group.items()}
              for name, group in groups.items()}
    return Library(
        cards={t.slug: _card(cat, t) for t in toolkits}, by_topic=frozen["topic"],
        by_type=frozen["type"], by_stage=frozen["stage"], by_author=frozen["author"],
        links_by_topic={need: tuple(items) for need, items in links_by_topic.items()})


def related(library: Library, toolkit: model.Toolkit, limit: int = 6) -> tuple[ToolkitCard, ...]:
    """Other toolkits on the same topics, those sharing the most topics first."""
    shared: dict[str, int] = defaultdict(int)
    for need in toolkit.topics:
        for other in library.by_topic.get(need, ()):
            if other.slug != toolkit.slug:
                shared[other.slug] += 1
    order = sorted(shared, key=lambda slug: (-shared[slug], library.cards[slug].name.casefold(),
                                             slug))
    return tuple(library.cards[slug] for slug in order[:limit])


def filter_links(cat: Catalogue, library: Library) -> dict[str, tuple[Link, ...]]:
    """The library's ways in: every topic, type and stage that has a toolkit."""
    return {
        "topics": tuple(name_link(n, urls.by_topic(n.slug)) for n in cat.needs
                        if n.slug in library.by_topic),
        "types": tuple(Link(type_name(t), urls.by_type(type_slug(t))) for t in model.TOOLKIT_TYPES
                       if t in library.by_type),
        "stages": tuple(name_link(s, urls.by_stage(s.slug)) for s in cat.stages
                        if s.slug in library.by_stage),
    }


def regional_for(library: Library, topics: tuple[str, ...]) -> tuple[LinkCard, ...]:
    """Regional links sharing any of these topics, each once, in name order."""
    found = {card for need in topics for card in library.links_by_topic.get(need, ())}
    return tuple(sorted(found, key=lambda c: (c.name.casefold(), c.url)))
