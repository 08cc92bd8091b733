"""The networks' build step: the list of networks, a page per network and its members CSV."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..core.i18n import gettext as _
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link
from ..core.translate import name_link
from ..core.write import OutputFile
from ..directory import urls as directory_urls
from ..directory.model import Network
from ..directory.views import Card, org_card
from . import urls
from .members import members_by_network, members_csv


@dataclass(frozen=True)
class NetworkSummary:
    """A network in the list: its page, purpose, convenor and how many members it has."""

    link: Link
    purpose: str | None
    convenor: Link | None
    members: int


def _convenor(inputs: BuildInputs, network: Network) -> Link | None:
    if network.convenor is None:
        return None
    provider = inputs.catalogue.lookup("providers", network.convenor)
    return name_link(provider, directory_urls.provider(provider.slug))


def network_pages(inputs: BuildInputs) -> Iterator[PagePlan | OutputFile]:
    cat, members = inputs.catalogue, inputs.derived(members_by_network)
    networks = sorted(cat.networks, key=lambda n: (n.name.casefold(), n.slug))
    yield PagePlan(urls.networks(), "networks/networks.html", _("Networks and forums"),
                   _("Networks and forums that voluntary and community groups in the borough "
                     "belong to: who runs each one and who its members are."),
                   {"networks": tuple(NetworkSummary(
                       name_link(n, urls.network(n.slug)), n.description, _convenor(inputs, n),
                       len(members[n.slug])) for n in networks)})
    for network in networks:
        cards: tuple[Card, ...] = tuple(org_card(cat, org) for org in members[network.slug])
        yield PagePlan(urls.network(network.slug), "networks/network.html", network.name,
                       network.description
                       or _("Members of %(network)s.") % {"network": network.name},
                       {"network": network, "convenor": _convenor(inputs, network),
                        "members": cards, "csv": urls.members_csv(network.slug)},
                       (Link(_("Networks"), urls.networks()),))
        yield OutputFile(urls.members_csv(network.slug).lstrip("/"),
                         members_csv(cat, members[network.slug]))
