"""Each listing's joint projects and strategies, on its page in the directory.

Contributed to the directory's `ORG_PAGE` ("What we do") and `PROVIDER_PAGE` ("Who")
as `LinkGroup`s, from the index grouped once a build, so a group reading about a
partner sees what it works on with others.
"""
from __future__ import annotations

from typing import Iterator

from ..core.i18n import gettext as _
from ..core.plan import BuildInputs
from ..core.present import Link
from ..directory.listing_pages import LinkGroup
from ..directory.model import Organisation, Provider
from . import urls
from .index import build_index


def _groups(inputs: BuildInputs, ref: str, slot: str) -> Iterator[LinkGroup]:
    index = inputs.derived(build_index)
    projects = index.by_member.get(ref, ())
    if projects:
        yield LinkGroup(slot, _("Joint projects"), tuple(
            Link(_("%(title)s (lead partner)") % {"title": p.title} if p.lead == ref
                 else p.title, urls.project(p.slug))
            for p in projects))
    strategies = index.strategies_by_member.get(ref, ())
    if strategies:
        yield LinkGroup(slot, _("Joint infrastructure strategies"), tuple(
            Link(_("%(title)s (lead agency)") % {"title": s.title}
                 if f"providers/{s.lead}" == ref else s.title,
                 urls.strategy(s.slug)) for s in strategies))


def org_projects(inputs: BuildInputs, org: Organisation) -> Iterator[LinkGroup]:
    return _groups(inputs, f"orgs/{org.slug}", "what-we-do")


def provider_projects(inputs: BuildInputs, provider: Provider) -> Iterator[LinkGroup]:
    return _groups(inputs, f"providers/{provider.slug}", "who")
