"""Checks of content/referrals.yaml that need the providers: an agreement must be usable.

The schema has already checked that every need, group and provider named exists (with
"did you mean"). What it cannot see is whether the agreed agency actually offers the
need, and to the group an agreement is for: an agreement nobody could follow would put
a provider at the top of the referral page that the page itself must then hide.
"""
from __future__ import annotations

from typing import Iterable

from ..core.checking import Checking
from ..core.errors import Location, Problem, error
from ..core.raw import RawMap, RawNode, RawRecord
from ..directory.model import Provider
from . import model


def referrals_agree_with_providers(site: Checking) -> list[Problem]:
    """The referral agreements, once converted, checked against the providers' services."""
    agreements = site.singles["referrals"]
    if agreements is None:  # no file, or one that did not convert (reported already)
        return []
    return check_referrals(agreements, site.raw_singles["referrals"], site.records["providers"])


def check_referrals(agreements: model.ReferralAgreements, raw: RawRecord,
                    providers: Iterable[Provider]) -> list[Problem]:
    """Problems with the agreements of a converted referrals file, located in `raw`."""
    offered = {provider.slug: provider for provider in providers}
    items = _items(raw.data, "agreements")
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for number, (referral, node) in enumerate(zip(agreements.agreements, items), start=1):
        where = f"agreements[{number}]"
        need_loc = _value_location(node, "need")
        if referral.need in first_line:
            problems.append(error("duplicate-referral", f"`{where}.need`: {referral.need!r} "
                                  f"already has an agreement on line {first_line[referral.need]}; "
                                  "keep one entry per need", need_loc))
        first_line.setdefault(referral.need, need_loc.line)
        if referral.agency and referral.agency in offered:
            problems.extend(_not_offered(offered[referral.agency], referral.need, None,
                                         f"`{where}.agency`",
                                         _value_location(node, "agency")))
        seen_groups: dict[str, int] = {}
        for index, (by_group, group_node) in enumerate(
                zip(referral.by_group, _items(node, "by_group")), start=1):
            inner = f"{where}.by_group[{index}]"
            group_loc = _value_location(group_node, "group")
            if by_group.group in seen_groups:
                problems.append(error("duplicate-referral", f"`{inner}.group`: {by_group.group!r} "
                                      f"already has an agreement for {referral.need!r} on line "
                                      f"{seen_groups[by_group.group]}; keep one", group_loc))
            seen_groups.setdefault(by_group.group, group_loc.line)
            if by_group.agency in offered:
                problems.extend(_not_offered(offered[by_group.agency], referral.need,
                                             by_group.group, f"`{inner}.agency`",
                                             _value_location(group_node, "agency")))
    return problems


def _not_offered(provider: Provider, need: str, group: str | None, field: str,
                 location: Location) -> list[Problem]:
    """An agency that offers no service for the need, or none open to the group."""
    agency = provider.slug
    for_need = [s for s in provider.services if s.need == need]
    if not for_need:
        offers = ", ".join(sorted({s.need for s in provider.services}))
        return [error("referral-not-offered", f"{field}: {agency!r} offers no service for "
                      f"{need!r} (it offers {offers}); agree an agency that does, or add the "
                      f"service to {provider.path}", location)]
    if group is not None and not any(not s.groups or group in s.groups for s in for_need):
        only = ", ".join(sorted({g for s in for_need for g in s.groups}))
        return [error("referral-not-offered", f"{field}: {agency!r} offers {need!r} only to "
                      f"groups working with {only}, not {group!r}; agree another agency for "
                      f"{group!r}", location)]
    return []


def _items(node: RawNode | None, key: str) -> tuple[RawNode, ...]:
    entry = node.entries.get(key) if isinstance(node, RawMap) else None
    return getattr(entry[1], "items", ()) if entry else ()


def _value_location(node: RawNode, key: str) -> Location:
    entry = node.entries.get(key) if isinstance(node, RawMap) else None
    return entry[1].location if entry else node.location
