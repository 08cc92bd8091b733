"""Commissioning readiness: guidance on tendering, and open opportunities with feeds.

Depends on the directory (a funder may be a listed organisation or provider, whose
page then lists its open opportunities; themes are its activities), referral (an
opportunity's needs link to the support for them) and the calendar (its London times
and its iCalendar and Atom writers). The readiness checklist at /readiness/ belongs
to the assessment room; the guidance links to it by address only.
"""
from ..core.capability import Capability, Step
from ..core.i18n import N_
from ..core.present import Link
from ..core.render import NAV
from ..directory.listing_pages import ORG_PAGE, PROVIDER_PAGE
from ..directory.pages import HOME_ROUTES
from . import urls
from .checks import check_opportunities
from .funders import org_opportunities, provider_opportunities
from .pages import guidance_pages, opportunity_files, opportunity_pages
from .schema import KINDS

COMMISSIONING = Capability(
    name="commissioning",
    depends_on=("directory", "referral", "calendar"),
    kinds=KINDS,
    checks=(check_opportunities,),
    steps=(
        Step(guidance_pages, reads=frozenset({
            "guidance.body", "guidance.position", "guidance.slug", "guidance.summary",
            "guidance.title", "opportunities.deadline", "opportunities.slug", "today"})),
        Step(opportunity_pages, reads=frozenset({
            "activities.name", "needs.name", "needs.untranslated",
            "opportunities.activities", "opportunities.body", "opportunities.deadline",
            "opportunities.funder", "opportunities.funder_listing",
            "opportunities.joint_bids", "opportunities.lead", "opportunities.link",
            "opportunities.needs", "opportunities.posted", "opportunities.slug",
            "opportunities.summary", "opportunities.title", "opportunities.value",
            "providers.name", "providers.untranslated", "site", "today"})),
        Step(opportunity_files, reads=frozenset({
            "opportunities.deadline", "opportunities.funder",
            "opportunities.joint_bids", "opportunities.link", "opportunities.posted",
            "opportunities.slug", "opportunities.summary", "opportunities.title",
            "opportunities.value", "site", "today"})),
    ),
    sections=frozenset({"commissioning", "opportunities"}),
    contributes={
        NAV: ((50, Link(N_("Commissioning"), urls.commissioning())),),
        HOME_ROUTES: ((50, Link(N_("Commissioning: guidance on tendering and bidding"),
                                urls.commissioning())),
                      (51, Link(N_("Open opportunities: tenders, grants and joint bids"),
                                urls.opportunities()))),
        ORG_PAGE: (org_opportunities,),
        PROVIDER_PAGE: (provider_opportunities,),
    },
)
