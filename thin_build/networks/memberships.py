"""An organisation's networks on its own page, each linked to the network's page.

The directory shows who an organisation is; which networks it belongs to, and where
each network's members are listed, is this room's to say, so it arrives through the
directory's `org-page` point in the "Who" section.
"""
from __future__ import annotations

from typing import Iterator

from ..core.plan import BuildInputs
from ..core.present import Link
from ..directory.listing_pages import LinkGroup
from ..directory.model import Organisation
from . import urls


def member_of(inputs: BuildInputs, org: Organisation) -> Iterator[LinkGroup]:
    networks = inputs.catalogue.lookup_many("networks", org.networks)
    if networks:
        yield LinkGroup("who", "Member of",
                        tuple(Link(n.name, urls.network(n.slug)) for n in networks))
