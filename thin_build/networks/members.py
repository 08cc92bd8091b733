"""Who belongs to each network, from each organisation's `networks`, once a build.

The members CSV is for the network's own use (a mailing list, a register at a
meeting), so it holds only what the organisation's page already publishes: its name,
page, public email, phone and web site, wards and whether it is running. It is
written by open data's `csv_text` (UTF-8 with a BOM, CRLF, formulas neutralised).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Mapping

from ..core.catalogue import Catalogue
from ..directory import urls as directory_urls
from ..directory.indexes import sort_key
from ..directory.model import Organisation
from ..opendata.csv_format import csv_text

MEMBER_COLUMNS = ("name", "page", "email", "phone", "website", "wards", "status")


def members_by_network(cat: Catalogue) -> Mapping[str, tuple[Organisation, ...]]:
    """Network slug → its member organisations in A–Z order (every network, even empty)."""
    members: dict[str, list[Organisation]] = defaultdict(list)
    for org in cat.orgs:
        for network in org.networks:
            members[network].append(org)
    return {n.slug: tuple(sorted(members.get(n.slug, ()),
                                 key=lambda o: (sort_key(o.name), o.slug)))
            for n in cat.networks}


def members_csv(cat: Catalogue, members: tuple[Organisation, ...]) -> str:
    base = cat.site.base_url.rstrip("/")
    return csv_text(MEMBER_COLUMNS, [
        [org.name, base + directory_urls.org(org.slug), org.email or "", org.phone or "",
         org.website or "", "; ".join(w.name for w in cat.lookup_many("wards", org.wards)),
         org.status]
        for org in members])
