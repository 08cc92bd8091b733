"""An organisation's networks on its own page, each linked to the network's page.

The directory shows who an organisation is; which networks it belongs to, and where
each network's members are listed, is this room's to say, so it arrives through the
directory's `org-page` point in the "Who" section.
"""
from __future__ import annotations

from typing import Iterator

from ..core.i18n import gettext as _
from ..core.plan import BuildInputs
from ..core.translate import name_link
from ..directory.listing_pages import LinkGroup
from ..directory.model import Organisation
from . import urls


def member_of(inputs: BuildInputs, org: Organisation) -> Iterator[LinkGroup]:
    networks = inputs.catalogue.lookup_many("networks", org.networks)
    if networks:
        # Translators: on an organisation's page, before the networks it belongs to
        yield LinkGroup("who", _("Member of"),
                        tuple(name_link(n, urls.network(n.slug)) for n in networks))
