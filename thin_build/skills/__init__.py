"""The skills exchange: who offers and who wants each skill, and who could swap.

Organisations list `skills_offered` and `skills_wanted` as terms of the directory's
skills taxonomy; this capability matches them once a build (`matching.py`), publishes
`/skills/` and adds "you could swap skills with…" to each organisation's page.
"""
from ..core.capability import Capability, Step
from ..core.i18n import N_
from ..core.present import Link
from ..directory.listing_pages import ORG_PAGE
from ..directory.pages import HOME_ROUTES
from . import urls
from .pages import exchange_page, org_swaps

SKILLS = Capability(
    name="skills",
    depends_on=("directory",),
    steps=(
        Step(exchange_page, reads=frozenset({
            "orgs.email", "orgs.name", "orgs.skills_offered", "orgs.skills_wanted",
            "orgs.slug", "orgs.stage", "orgs.status", "orgs.untranslated", "orgs.wards",
            "skills.description", "skills.name", "skills.slug", "stages.slug"})),
    ),
    sections=frozenset({"skills"}),
    contributes={
        HOME_ROUTES: ((59, Link(N_("Skills exchange: swap skills with other groups"),
                                urls.exchange())),),
        ORG_PAGE: (org_swaps,),
    },
)
