"""Self-assessment: the organisational health check and the commissioning readiness checklist.

One engine, two questionnaire files. Depends on the directory (provider pages), on
referral (the action plan's suggestions use the referral page's own ranking and
index) and on toolkits (what to read about each gap).
"""
from ..core.capability import Capability, Step
from ..core.i18n import N_
from ..core.present import Link
from ..core.render import NAV
from ..directory.pages import HOME_ROUTES
from . import urls
from .checks import check_questionnaires
from .pages import assessment_outputs
from .schema import KINDS

ASSESSMENT = Capability(
    name="assessment",
    depends_on=("directory", "referral", "toolkits"),
    kinds=KINDS,
    checks=(check_questionnaires,),
    steps=(
        Step(assessment_outputs, reads=frozenset({
            "healthcheck", "needs.name", "needs.slug", "needs.untranslated",
            "providers.services", "providers.slug", "readiness", "stages",
            "toolkits.title"})),
    ),
    sections=frozenset({urls.HEALTH_CHECK, urls.READINESS}),
    contributes={
        NAV: ((45, Link(N_("Health check"), urls.health_check())),),
        HOME_ROUTES: ((45, Link(N_("Check your group's health and get an action plan"),
                                urls.health_check())),
                      (46, Link(N_("Get ready to bid for contracts: the readiness checklist"),
                                urls.readiness()))),
    },
)
