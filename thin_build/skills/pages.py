"""The skills exchange's build step (`/skills/`) and its part of each organisation's page."""
from __future__ import annotations

from typing import Iterator

from ..core.i18n import gettext as _
from ..core.plan import BuildInputs, PagePlan
from ..directory.listing_pages import Section
from ..directory.model import Organisation
from . import urls
from .matching import MATCH_CAP, build_skill_index
from .views import match_view, skill_views, swap_views


def exchange_page(inputs: BuildInputs) -> Iterator[PagePlan]:
    cat, index = inputs.catalogue, inputs.derived(build_skill_index)
    skills = skill_views(cat, index)
    yield PagePlan(urls.exchange(), "skills/exchange.html", _("Skills exchange"),
                   _("Skills and resources local groups can share, who wants them, and groups "
                     "that could swap."),
                   {"swaps": swap_views(cat, index), "skills": skills, "cap": MATCH_CAP,
                    "offers": sum(len(s.offered) for s in skills),
                    "wants": sum(len(s.wanted) for s in skills)})


def org_swaps(inputs: BuildInputs, org: Organisation) -> Iterator[Section]:
    """"You could swap skills with…" on an organisation's page, when it has matches."""
    cat, index = inputs.catalogue, inputs.derived(build_skill_index)
    matches = index.matches.get(org.slug, ())
    if matches:
        yield Section("skill-swaps", _("Skill swaps"), "skills/_org_swaps.html",
                      {"matches": tuple(match_view(cat, org, m) for m in matches),
                       "exchange": urls.exchange(), "cap": MATCH_CAP, "org_name": org.name})
