"""The open opportunities on their funder's listing page, when the funder is listed.

Contributed to the directory's `ORG_PAGE` and `PROVIDER_PAGE` as a `LinkGroup`, so a
group reading about a funder sees what it has open now; grouped once a build.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator, Mapping

from ..core.catalogue import Catalogue
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs
from ..core.present import Link
from ..directory.listing_pages import LinkGroup
from ..directory.model import Organisation, Provider
from . import model, urls
from .views import is_open


def by_funder(cat: Catalogue) -> Mapping[str, tuple[model.Opportunity, ...]]:
    """Opportunities by `funder_listing` ("orgs/<slug>" or "providers/<slug>")."""
    found: dict[str, list[model.Opportunity]] = defaultdict(list)
    for item in cat.opportunities:
        if item.funder_listing is not None:
            found[item.funder_listing].append(item)
    return {ref: tuple(items) for ref, items in found.items()}


def _links(inputs: BuildInputs, ref: str, slot: str) -> Iterator[LinkGroup]:
    items = [o for o in inputs.derived(by_funder).get(ref, ()) if is_open(o, inputs.today)]
    if items:
        items.sort(key=lambda o: (o.closing_day, o.slug))
        yield LinkGroup(slot, _("Open opportunities it funds"),
                        tuple(Link(o.title, urls.opportunity(o.slug)) for o in items))


def org_opportunities(inputs: BuildInputs, org: Organisation) -> Iterator[LinkGroup]:
    return _links(inputs, f"orgs/{org.slug}", "what-we-do")


def provider_opportunities(inputs: BuildInputs, provider: Provider) -> Iterator[LinkGroup]:
    return _links(inputs, f"providers/{provider.slug}", "who")
