"""The shared needs survey: the plan's "shared evaluation tool" for support providers.

A survey (`content/surveys/<slug>.yaml`) lists its questions; providers pool the answers
in `content/surveys/<slug>-results.csv`, one row per organisation, checked cell by cell
against the questions. The aggregates join the evidence page (`evidence.page`), beside
what providers offer from the referral gaps report; each survey also has a printable
form and a page on how to add results. Depends on the directory (respondents are
organisations; stages, wards and needs are its taxonomies), referral (the gaps report),
open data (the CSV writer) and evidence (its page, tables, charts and small-cell rule).
"""
from ..core.capability import Capability, Step
from ..evidence.pages import EVIDENCE_PAGE
from .pages import evidence_sections, survey_pages
from .schema import KINDS

SURVEYS = Capability(
    name="surveys",
    depends_on=("directory", "referral", "opendata", "evidence"),
    kinds=KINDS,
    steps=(
        Step(survey_pages, reads=frozenset({
            "needs.name", "needs.slug", "orgs.slug", "providers.name",
            "providers.services", "providers.slug", "referrals", "site", "stages.name",
            "stages.slug", "surveys.intro", "surveys.path", "surveys.questions",
            "surveys.responses", "surveys.slug", "surveys.title", "today", "wards.name"})),
    ),
    contributes={EVIDENCE_PAGE: (evidence_sections,)},
)
