"""The referral page's data: one small index for ranking, one details file per need.

The index holds, per need, only the candidates and what rules 1 to 6 of `rank.py`
look at: each service's stages, groups and free stages, each provider's wards (and
whether it covers the whole borough), languages and specialisms, and the agreed
agencies. Terms are numbered (their position
in the taxonomy), providers are listed in name order so a tie is broken by position,
and the reason texts come from `ReasonTexts`. Its size grows with providers × services,
never with the number of possible answers (`benchmarks/referral.py` measures it).

What the page shows about a suggestion (service descriptions, access, cost, contact)
is in `/support/<need>/services.json`, fetched when a need is chosen.
"""
from __future__ import annotations

import json

from ..core.catalogue import Catalogue
from ..core.present import tel_uri
from ..core.taxonomy import Term
from ..directory import urls as directory_urls
from ..directory.model import BOROUGH_WIDE
from .rank import Ranker, ReasonTexts, explanation

INDEX_VERSION = 1


def compact_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _codes(terms) -> dict[str, int]:
    return {term.slug: position for position, term in enumerate(terms)}


def referral_index(cat: Catalogue) -> dict:
    """Everything the page needs to rank every combination of answers, compactly."""
    stages, groups = _codes(cat.stages), _codes(cat.groups)
    wards, languages = _codes(cat.wards), _codes(cat.languages)
    texts = ReasonTexts.for_catalogue(cat)
    ranker = Ranker(cat)
    ordered = sorted(cat.providers, key=lambda p: ranker.order[p.slug])
    position = {p.slug: number for number, p in enumerate(ordered)}
    providers = [[p.slug, p.name, int(p.borough_wide),
                  [wards[w] for w in p.wards if w != BOROUGH_WIDE],
                  [languages[lang] for lang in p.languages],
                  [groups[g] for g in p.specialisms]] for p in ordered]
    needs = {}
    for need in cat.needs:
        referral = cat.referrals.for_need(need.slug)
        candidates = []
        for provider in ordered:
            services = [[[stages[s] for s in service.stages], [groups[g] for g in service.groups],
                         [stages[s] for s in service.free_for]]
                        for service in provider.services if service.need == need.slug]
            if services:
                candidates.append([position[provider.slug], services])
        needs[need.slug] = {
            "agency": position[referral.agency] if referral and referral.agency else None,
            "groupAgencies": [[groups[g.group], position[g.agency],
                               texts.group_key[(need.slug, g.group)]]
                              for g in (referral.by_group if referral else ())],
            "candidates": candidates,
            "keyReason": texts.key[need.slug],
        }
    return {
        "version": INDEX_VERSION,
        "stages": list(stages), "groups": list(groups), "wards": list(wards),
        "languages": list(languages),
        "providers": providers,
        "needs": needs,
        "reasons": {
            "specialist": [texts.specialist[g] for g in groups],
            "local": [texts.local[w] for w in wards],
            "free": [texts.free[s] for s in stages],
            "language": [texts.language[lang] for lang in languages],
        },
    }


def need_details(cat: Catalogue, need: Term) -> dict:
    """What the page shows for one need: the explanation, and each candidate's services
    (in the same order as the index's) and referral contact."""
    providers = {}
    for provider in cat.providers:
        services = [s for s in provider.services if s.need == need.slug]
        if not services:
            continue
        contact = provider.referral_contact
        providers[provider.slug] = {
            "url": directory_urls.provider(provider.slug),
            "summary": provider.summary,
            "contact": {"role": contact.role, "email": contact.email, "phone": contact.phone,
                        "tel": tel_uri(contact.phone) if contact.phone else None},
            "services": [{"title": s.title, "description": s.description, "access": s.access,
                          "when": s.when, "cost": s.cost} for s in services],
        }
    referral = cat.referrals.for_need(need.slug)
    return {
        "need": need.slug, "name": need.name,
        "explanation": explanation(cat, need.slug, None),
        "groupExplanations": {g.group: explanation(cat, need.slug, g.group)
                              for g in (referral.by_group if referral else ())},
        "providers": providers,
    }
