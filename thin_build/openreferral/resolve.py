"""Finding the portal's terms for Open Referral values: taxonomy terms, wards, languages.

A term is recognised by the id the portal's own feed gives it, by its slug (`term`),
by its name, or (wards and languages) by its code, so the portal's feed reads back
exactly and another directory's terms match when their names do.
"""
from __future__ import annotations

from typing import Mapping

from ..directory.model import BOROUGH_WIDE
from .documents import Doc
from .terms import LINK_TYPES, term_id


class Terms:
    """The target site's taxonomies, looked up by anything an attribute may carry."""

    def __init__(self, taxonomies: Mapping[str, list[Mapping[str, str]]], borough: str) -> None:
        """`taxonomies`: each taxonomy's terms as written (slug, name, code), so terms can
        be matched in a repository whose listings do not exist yet."""
        self.borough = borough.casefold()
        self.keys: dict[str, dict[str, str]] = {}
        self.slugs = {name: tuple(term["slug"] for term in terms)
                      for name, terms in taxonomies.items()}
        for taxonomy in {*LINK_TYPES.values(), "languages"}:
            keys = self.keys[taxonomy] = {}
            for term in taxonomies.get(taxonomy, ()):
                for key in (term["slug"], term.get("name"), term.get("code"),
                            term_id(taxonomy, term["slug"])):
                    if key:
                        keys.setdefault(key.casefold(), term["slug"])

    def find(self, taxonomy: str, *candidates: str | None) -> str | None:
        keys = self.keys[taxonomy]
        for candidate in candidates:
            if candidate and candidate.strip().casefold() in keys:
                return keys[candidate.strip().casefold()]
        return None

    def attribute_terms(self, doc: Doc, link_type: str) -> list[str]:
        """The slugs of `doc`'s attributes with this link type; unknown ones are noted."""
        return list(doc.memo("terms:" + link_type, lambda: self._terms(doc, link_type)))

    def _terms(self, doc: Doc, link_type: str) -> list[str]:
        taxonomy = LINK_TYPES[link_type]
        found: list[str] = []
        for attribute in doc.children("attributes"):
            kind = attribute.text("link_type")
            if kind is not None and kind not in LINK_TYPES:
                attribute.memo("unknown", lambda a=attribute, k=kind: self._unknown(a, k))
                continue
            if kind is not None and kind != link_type:
                continue
            term = attribute.child("taxonomy_term")
            names = (term.text("term"), term.text("id"), term.text("name"), term.text("code")) \
                if term else ()
            slug = self.find(taxonomy, *names, attribute.text("taxonomy_term_id"))
            if slug is None and kind == link_type:
                label = next((n for n in names[2:] + names[:2] if n), "?")
                attribute.findings.note(attribute.where, f"{link_type} term {label!r} is not "
                                        f"in the portal's {taxonomy}; left out")
            elif slug is not None and slug not in found:
                found.append(slug)
            for key in ("id", "link_id", "link_type", "taxonomy_term_id", "taxonomy_term"):
                attribute.read.add(key)
            if term:
                term.read.update(term.data)
        return found

    @staticmethod
    def _unknown(attribute: Doc, kind: str) -> None:
        term = attribute.child("taxonomy_term")
        label = (term.text("name") or term.text("term")) if term else None
        attribute.read.update(attribute.data)
        if term:
            term.read.update(term.data)
        attribute.findings.note(attribute.where, f"link_type {kind!r} (term {label!r}) is "
                                "not one the portal reads; not imported (it reads "
                                + ", ".join(LINK_TYPES) + ")")

    def area(self, area: Doc) -> str | None:
        """A service area's ward slug, `borough-wide`, or None (noted) for anything else."""
        names = (area.text("service_area"), area.text("name"), area.text("uri"))
        area.read.update(("id", "service_id", "extent", "extent_type"))
        if any(n and n.casefold() in (BOROUGH_WIDE, self.borough) for n in names):
            return BOROUGH_WIDE
        slug = self.find("wards", *names, *(n.rsplit("/", 1)[-1] for n in names if n))
        if slug is None:
            area.findings.note(area.where, f"service area {names[1] or names[0]!r} is not "
                               "one of the portal's wards; left out")
        return slug
