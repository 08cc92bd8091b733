"""The referral gaps report (`referral/gaps.py`) as a table, for Markdown and CSV.

Referral finds the gaps and keeps its own text for the terminal; coordinators also
want them in an issue or a spreadsheet, so this lays the same findings out as one
`Report`: a group per kind of finding, a row per need.
"""
from __future__ import annotations

from ..referral.gaps import MANY_PROVIDERS, Gaps
from .tables import Column, Group, Report


def gaps_report(gaps: Gaps) -> Report:
    not_agreed = tuple(
        (need.name, "agreed only for groups working with " + ", ".join(g.name for g in groups)
         if groups else "no agency agreed") for need, groups in gaps.not_agreed)
    groups = (
        Group("Needs and stages no provider serves",
              tuple((need.name, stage.name) for need, stage in gaps.unserved)),
        Group("Needs only one provider serves",
              tuple((need.name, provider.name) for need, provider in gaps.single_provider)),
        Group("Needs with no agreed referral agency", not_agreed),
        Group(f"Overlaps: {MANY_PROVIDERS} or more providers open to every group",
              tuple((need.name, f"{o.stage.name}: " + ", ".join(p.name for p in o.providers))
                    for o in gaps.overlaps for need in (o.need,))),
    )
    return Report("Gaps in support provision", "Where support for voluntary and community "
                  "groups is missing, thin or duplicated (docs/referral.md).",
                  (Column("need"), Column("detail")), groups, "No gaps or overlaps found.",
                  group_column="finding")
