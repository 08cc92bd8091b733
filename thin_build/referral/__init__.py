"""Find support: THIN's referral rule, its client-side index, and the gaps report.

Depends on the directory, whose providers and services it ranks; adds suggested
support to organisation pages and agreed needs to provider pages.
"""
from ..core.capability import Capability, Kind, Source, Step
from ..core.i18n import N_
from ..core.present import Link
from ..core.render import NAV
from ..directory.listing_pages import ORG_PAGE, PROVIDER_PAGE
from ..directory.pages import HOME_ROUTES
from . import model, urls
from .checks import referrals_agree_with_providers
from .pages import referral_outputs
from .rank import org_support, provider_agreements
from .schema import REFERRALS

REFERRAL = Capability(
    name="referral",
    depends_on=("directory",),
    kinds=(Kind("referrals", Source("content/referrals.yaml", (".yaml",), single_file=True,
                                    required=False),
                REFERRALS, "referrals", "content/referrals.yaml",
                default=model.ReferralAgreements()),),
    checks=(referrals_agree_with_providers,),
    steps=(
        Step(referral_outputs, reads=frozenset({
            "groups", "languages", "needs", "pdfs", "providers.languages",
            "providers.name", "providers.referral_contact", "providers.services",
            "providers.slug", "providers.specialisms", "providers.summary",
            "providers.untranslated", "providers.wards", "referrals", "regional_links",
            "site", "stages", "toolkits.author", "toolkits.body", "toolkits.slug",
            "toolkits.stages", "toolkits.title", "toolkits.topics", "toolkits.type",
            "toolkits.untranslated", "wards"})),
    ),
    sections=frozenset({"support", "reports"}),
    contributes={
        NAV: ((10, Link(N_("Find support"), urls.support())),),
        HOME_ROUTES: ((10, Link(N_("Find support for your organisation"), urls.support())),),
        ORG_PAGE: (org_support,),
        PROVIDER_PAGE: (provider_agreements,),
    },
)
