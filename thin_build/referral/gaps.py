"""Gaps and duplication in support provision, for coordinators (`thin report gaps`).

The THIN plan asks for "areas of duplication or support service provision gaps". From
the provider files and content/referrals.yaml this lists:

- needs × stages no provider serves at all;
- needs only one provider serves (one closure away from a gap);
- needs with no agreed key referral agency (the referral page can only rank by the
  other rules there);
- overlaps: a need and stage for which MANY_PROVIDERS or more providers offer a service
  open to every kind of group. Services meant for some beneficiary groups only (a BME
  specialist, an older people's alliance) are not counted, because specialist and
  general support for the same need is a choice for groups, not a duplication.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core.catalogue import Catalogue
from ..core.taxonomy import Term
from ..directory.indexes import sort_key
from ..directory.model import Provider, Stage

MANY_PROVIDERS = 4


@dataclass(frozen=True)
class Overlap:
    need: Term
    stage: Stage
    providers: tuple[Provider, ...]


@dataclass(frozen=True)
class Gaps:
    unserved: tuple[tuple[Term, Stage], ...]
    single_provider: tuple[tuple[Term, Provider], ...]
    not_agreed: tuple[tuple[Term, tuple[Term, ...]], ...]
    overlaps: tuple[Overlap, ...]


def providers_for(cat: Catalogue, need: str, stage: str | None = None,
                  open_to_all: bool = False) -> tuple[Provider, ...]:
    """The providers offering `need` (at `stage`; `open_to_all`: to every group), by name.

    The gaps report counts these, and the evidence page sets what groups say they need
    beside the same counts, so both rooms read one definition of "offered".
    """
    found = [p for p in cat.providers
             if any(s.need == need and (stage is None or stage in s.stages)
                    and not (open_to_all and s.groups) for s in p.services)]
    return tuple(sorted(found, key=lambda p: (sort_key(p.name), p.slug)))


def find_gaps(cat: Catalogue) -> Gaps:
    """Every gap and overlap, needs in the taxonomy's order, stages in theirs."""
    unserved, single, not_agreed, overlaps = [], [], [], []
    for need in cat.needs:
        for stage in cat.stages:
            if not providers_for(cat, need.slug, stage.slug):
                unserved.append((need, stage))
            crowded = providers_for(cat, need.slug, stage.slug, open_to_all=True)
            if len(crowded) >= MANY_PROVIDERS:
                overlaps.append(Overlap(need, stage, crowded))
        providers = providers_for(cat, need.slug)
        if len(providers) == 1:
            single.append((need, providers[0]))
        referral = cat.referrals.for_need(need.slug)
        if referral is None or referral.agency is None:
            groups = tuple(cat.lookup("groups", g.group)
                           for g in (referral.by_group if referral else ()))
            not_agreed.append((need, groups))
    return Gaps(tuple(unserved), tuple(single), tuple(not_agreed), tuple(overlaps))


def gaps_text(gaps: Gaps) -> str:
    """The report as plain text, one finding a line, for the terminal."""
    lines = [f"Needs and stages no provider serves ({len(gaps.unserved)}):"]
    lines += [f"  {need.name}: {stage.name}" for need, stage in gaps.unserved] or ["  none"]
    lines += ["", f"Needs only one provider serves ({len(gaps.single_provider)}):"]
    lines += [f"  {need.name}: {provider.name}" for need, provider in gaps.single_provider] \
        or ["  none"]
    lines += ["", f"Needs with no agreed referral agency ({len(gaps.not_agreed)}):"]
    lines += [f"  {need.name}" + (f" (agreed only for groups working with "
                                  f"{', '.join(g.name for g in groups)})" if groups else "")
              for need, groups in gaps.not_agreed] or ["  none"]
    lines += ["", f"Overlaps: {MANY_PROVIDERS} or more providers open to every group "
              f"({len(gaps.overlaps)}):"]
    lines += [f"  {o.need.name}, {o.stage.name}: {', '.join(p.name for p in o.providers)}"
              for o in gaps.overlaps] or ["  none"]
    return "\n".join(lines) + "\n"
