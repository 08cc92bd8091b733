"""The portal's taxonomies as Open Referral taxonomies, terms and attributes.

A record's support need, stages, beneficiary groups, wards and the like leave the
portal as `attribute`s: a `taxonomy_term` (with its id) and a `link_type` saying what
the term describes for that record (`need`, `stage`, `free_for`…). The importer reads
the same link types back, so the list below is the whole vocabulary both ways.
"""
from __future__ import annotations

from functools import cache
from types import MappingProxyType

from ..core.catalogue import Catalogue
from ..core.taxonomy import Term
from ..directory.model import BOROUGH_WIDE
from .ids import oruk_id

# Portal taxonomy → (name, description) of the Open Referral taxonomy it becomes.
TAXONOMIES = MappingProxyType({
    "needs": ("THIN support needs", "What an organisation needs help with."),
    "stages": ("THIN stages of development", "A group's stage, by rough yearly income."),
    "groups": ("THIN beneficiary groups", "Who an organisation or service is for."),
    "wards": ("Tower Hamlets wards", "Electoral wards (May 2024), with ONS codes."),
    "activities": ("THIN activities", "What a community organisation does."),
    "provider_types": ("THIN provider types", "Kinds of infrastructure support provider."),
    "networks": ("THIN networks", "Networks organisations belong to."),
})
# link_type → the taxonomy its terms come from.
LINK_TYPES = MappingProxyType({
    "need": "needs", "stage": "stages", "free_for": "stages", "group": "groups",
    "specialism": "groups", "area": "wards", "activity": "activities",
    "provider_type": "provider_types", "network": "networks", "support_need": "needs",
})
ONS_GEOGRAPHY = "http://statistics.data.gov.uk/id/statistical-geography/"


def taxonomy_id(taxonomy: str) -> str:
    return oruk_id("taxonomy", taxonomy)


def term_id(taxonomy: str, slug: str) -> str:
    return oruk_id("taxonomy", taxonomy, slug)


def term_document(cat: Catalogue, taxonomy: str, slug: str) -> dict:
    """One term as `examples/taxonomy_term.json` shapes it; `term` keeps the portal's slug."""
    return dict(_term_document(taxonomy, cat.lookup(taxonomy, slug)))


@cache
def _term_document(taxonomy: str, term: Term) -> MappingProxyType:
    """Made once per term (terms are frozen), as every attribute repeats its term."""
    slug = term.slug
    doc = {"id": term_id(taxonomy, slug), "name": term.name,
           "description": term.description or term.name, "taxonomy": TAXONOMIES[taxonomy][0],
           "taxonomy_id": taxonomy_id(taxonomy), "term": slug}
    if taxonomy == "wards":
        doc["code"] = term.code
        doc["term_uri"] = ONS_GEOGRAPHY + term.code
    return MappingProxyType(doc)


def taxonomy_document(cat: Catalogue, taxonomy: str) -> dict:
    """A taxonomy with its terms, as `examples/taxonomy.json` shapes it."""
    name, description = TAXONOMIES[taxonomy]
    return {"id": taxonomy_id(taxonomy), "name": name, "description": description,
            "uri": cat.site.base_url.rstrip("/") + f"/openreferral/taxonomies/{taxonomy}",
            "version": "1",
            "taxonomy_terms": [term_document(cat, taxonomy, term.slug)
                               for term in getattr(cat, taxonomy)]}


def attributes(cat: Catalogue, owner: tuple[str, ...], owner_id: str,
               links: tuple[tuple[str, tuple[str, ...]], ...]) -> list[dict]:
    """Attributes linking the record `owner` to terms: `links` is ((link_type, slugs), …).

    A provider's `borough-wide` is not a term and is skipped: the service's areas say it.
    """
    result = []
    for link_type, slugs in links:
        taxonomy = LINK_TYPES[link_type]
        for slug in slugs:
            if slug != BOROUGH_WIDE:
                result.append({
                    "id": oruk_id(*owner, "attribute", link_type, slug), "link_id": owner_id,
                    "link_type": link_type, "taxonomy_term_id": term_id(taxonomy, slug),
                    "taxonomy_term": term_document(cat, taxonomy, slug)})
    return result
