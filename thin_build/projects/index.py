"""Projects and strategies grouped once a build (`inputs.derived(build_index)`): by need,
theme, partner and strategy for the filter pages, by member for listing pages, and the
providers whose specialism matches each strategy theme.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping

from ..core.catalogue import Catalogue
from ..core.i18n import gettext as _
from ..directory.model import Provider
from ..referral.rank import lower_first
from . import model


@dataclass(frozen=True)
class ProjectIndex:
    by_need: Mapping[str, tuple[model.JointProject, ...]]
    by_theme: Mapping[str, tuple[model.JointProject, ...]]
    by_member: Mapping[str, tuple[model.JointProject, ...]]  # "orgs/<slug>" → projects
    by_strategy: Mapping[str, tuple[model.JointProject, ...]]
    strategies_by_theme: Mapping[str, tuple[model.Strategy, ...]]
    strategies_by_member: Mapping[str, tuple[model.Strategy, ...]]  # lead or member


def _grouped(pairs) -> dict[str, tuple]:
    found: dict[str, list] = defaultdict(list)
    for key, item in pairs:
        found[key].append(item)
    return {key: tuple(sorted(items, key=lambda i: (i.title.casefold(), i.slug)))
            for key, items in found.items()}


def build_index(cat: Catalogue) -> ProjectIndex:
    projects, strategies = cat.projects, cat.strategies
    return ProjectIndex(
        by_need=_grouped((n, p) for p in projects for n in p.needs),
        by_theme=_grouped((t, p) for p in projects for t in p.themes),
        by_member=_grouped((m, p) for p in projects for m in p.members),
        by_strategy=_grouped((p.strategy, p) for p in projects if p.strategy),
        strategies_by_theme=_grouped((s.theme, s) for s in strategies),
        strategies_by_member=_grouped(
            (m, s) for s in strategies
            for m in dict.fromkeys((f"providers/{s.lead}", *s.members))))


def match_reasons(theme: model.StrategyTheme, provider: Provider, cat: Catalogue) -> list[str]:
    """Why a provider specialises in a theme, in words; empty when it does not.

    Its type is one of the theme's `provider_types`, one of its specialisms one of the
    theme's `groups`, or one of its services meets one of the theme's `needs`.
    """
    reasons = []
    if provider.type in theme.provider_types:
        reasons.append(cat.lookup("provider_types", provider.type).name)
    groups = [g for g in provider.specialisms if g in theme.groups]
    if groups:
        # Translators: why a provider is listed for a strategy theme; %(groups)s names groups
        reasons.append(_("specialises in %(groups)s") % {"groups": ", ".join(
            lower_first(cat.lookup("groups", g).name) for g in groups)})
    needs = sorted({s.need for s in provider.services if s.need in theme.needs})
    if needs:
        reasons.append(_("offers support with %(needs)s") % {"needs": ", ".join(
            lower_first(cat.lookup("needs", n).name) for n in needs)})
    return reasons
