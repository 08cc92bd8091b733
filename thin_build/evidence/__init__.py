"""Evidence about the sector: figures, charts and CSVs computed from the listings.

Counts by stage, income band, ward, group, activity, language and network; income,
staff, volunteers and the replacement value of volunteer time; freshness and trends
from the git history; every figure with the number of organisations it rests on and
small cells suppressed (`suppress.py`). Depends on the directory (the organisations
and their taxonomies), referral (its gaps report stands beside the needs survey's
results), open data (its CSV writer) and printing (the summary as a one-page PDF).
"""
from ..core.capability import Capability, Step
from ..core.i18n import N_
from ..core.present import Link
from ..core.render import FOOTER
from ..directory.pages import HOME_ROUTES
from ..printing.documents import DOCUMENTS
from . import urls
from .pages import evidence_outputs, footer_link
from .summary_pdf import summary_documents

EVIDENCE = Capability(
    name="evidence",
    depends_on=("directory", "referral", "opendata", "printing"),
    steps=(
        Step(evidence_outputs, reads=frozenset({
            "activities.name", "activities.slug", "groups.name", "groups.slug",
            "history", "languages.name", "languages.slug", "needs.name", "needs.slug",
            "networks.name", "networks.slug", "orgs.activities", "orgs.annual_income",
            "orgs.groups", "orgs.languages", "orgs.last_verified", "orgs.networks",
            "orgs.paid_staff", "orgs.slug", "orgs.stage", "orgs.status",
            "orgs.volunteer_hours_per_month", "orgs.volunteers", "orgs.wards", "pdfs",
            "providers.last_verified", "providers.name", "providers.services",
            "providers.slug", "referrals", "site", "stages.name", "stages.slug",
            "surveys.questions", "surveys.responses", "surveys.slug", "surveys.title",
            "today", "wards.name", "wards.slug"})),
    ),
    sections=frozenset({urls.SECTION}),
    contributes={
        HOME_ROUTES: ((60, Link(N_("Evidence: the sector in figures, with CSV downloads"),
                                urls.evidence())),),
        FOOTER: (footer_link,),
        DOCUMENTS: (summary_documents,),
    },
)
