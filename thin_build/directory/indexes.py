"""Directory indexes derived once per build: who is in which ward, group, activity.

Pages read these (`inputs.derived(build_directory)`) instead of scanning the
catalogue, so a build with 20,000 organisations does each grouping once rather
than once per page.
"""
from __future__ import annotations

import functools
import string
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping

from ..core.catalogue import Catalogue
from ..core.i18n import N_
from .views import Card, org_card, provider_card

# Browse facets: URL section, catalogue collection, organisation field.
FACETS = (("wards", "wards", "wards"), ("groups", "groups", "groups"),
          ("activities", "activities", "activities"))
# Each facet's index page title (marked here, translated where shown).
FACET_TITLES = {"wards": N_("Organisations by ward"),
                "groups": N_("Organisations by who they help"),
                "activities": N_("Organisations by activity")}


@dataclass(frozen=True)
class Directory:
    org_cards: tuple[Card, ...]
    provider_cards: Mapping[str, Card]
    by_facet: Mapping[str, Mapping[str, tuple[Card, ...]]]
    providers_by_need: Mapping[str, tuple[tuple[Card, str], ...]]
    providers_by_type: Mapping[str, tuple[Card, ...]]
    providers_by_ward: Mapping[str, tuple[Card, ...]]


@functools.lru_cache(maxsize=1 << 16)
def _folded(name: str) -> str:
    """The name as it is alphabetised: lower case, without accents or a leading "The".

    Remembered: every A–Z, ward list and skills index sorts the same names, in every
    language's pass and every rebuild."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return folded[4:] if folded.startswith("the ") else folded


def initial(name: str) -> str:
    """The A–Z letter a name is filed under; "#" for digits and other scripts."""
    first = _folded(name)[:1].upper()
    return first if first and first in string.ascii_uppercase else "#"


def sort_key(name: str) -> tuple[bool, str]:
    """A–Z order that ignores case, accents and a leading "The".

    Names filed under "#" come first, as in the letter bar, so each letter's names are
    together and the bar can link to the one page where they start.
    """
    return initial(name) != "#", _folded(name)


def build_directory(cat: Catalogue) -> Directory:
    orgs = sorted(cat.orgs, key=lambda o: (sort_key(o.name), o.slug))
    cards = {o.slug: org_card(cat, o) for o in orgs}
    by_facet: dict[str, dict[str, list[Card]]] = {}
    for facet, collection, field in FACETS:
        grouped: dict[str, list[Card]] = {t.slug: [] for t in getattr(cat, collection)}
        for org in orgs:
            for slug in getattr(org, field):
                grouped[slug].append(cards[org.slug])
        by_facet[facet] = {slug: tuple(items) for slug, items in grouped.items()}

    providers = sorted(cat.providers, key=lambda p: (sort_key(p.name), p.slug))
    pcards = {p.slug: provider_card(cat, p) for p in providers}
    by_need: dict[str, list] = defaultdict(list)
    by_type: dict[str, list] = defaultdict(list)
    by_ward: dict[str, list] = defaultdict(list)
    for provider in providers:
        for service in provider.services:
            by_need[service.need].append((pcards[provider.slug], service.title))
        by_type[provider.type].append(pcards[provider.slug])
        wards = [w.slug for w in cat.wards] if provider.borough_wide else provider.wards
        for ward in wards:
            by_ward[ward].append(pcards[provider.slug])
    return Directory(
        org_cards=tuple(cards.values()), provider_cards=pcards,
        by_facet=by_facet,
        providers_by_need={n.slug: tuple(by_need[n.slug]) for n in cat.needs},
        providers_by_type={t.slug: tuple(by_type[t.slug]) for t in cat.provider_types},
        providers_by_ward={w.slug: tuple(by_ward[w.slug]) for w in cat.wards},
    )
