"""Each survey's pages and files, and its results on the evidence page.

The results reach `/evidence/` through the evidence room's `EVIDENCE_PAGE` point, one
section per survey, drawn with the evidence room's tables, charts and CSV writer, so
its figures follow the same small-cell rule and the CSVs carry coverage and source.
"""
from __future__ import annotations

from typing import Iterator

from ..core import urls as core_urls
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link
from ..core.write import OutputFile
from ..directory.listing_pages import Section
from ..evidence import urls as evidence_urls
from ..evidence.pages import TableView, source_line, table_views
from . import urls, views
from .aggregate import survey_tables
from .model import Survey


def _tables(inputs: BuildInputs, survey: Survey) -> tuple[list[TableView], list[OutputFile]]:
    """The survey's tables as the evidence page shows them, and their CSV files."""
    return table_views(survey_tables(survey, inputs.catalogue), source_line(inputs))


def evidence_sections(inputs: BuildInputs) -> Iterator[Section]:
    """One section a survey: its response count, its tables and links to the form."""
    for survey in inputs.catalogue.surveys:
        tables, _files = _tables(inputs, survey)
        yield Section(f"survey-{survey.slug}", survey.title, "surveys/section.html", {
            "title": survey.title, "responses": len(survey.responses),
            "tables": tuple(tables) if survey.responses else (),
            "how_to": urls.survey(survey.slug), "form": urls.form(survey.slug)})


def survey_pages(inputs: BuildInputs) -> Iterator[PagePlan | OutputFile]:
    cat = inputs.catalogue
    for survey in cat.surveys:
        if survey.responses:
            yield from _tables(inputs, survey)[1]
        yield OutputFile(urls.template_csv(survey.slug).lstrip("/"),
                         views.template_csv(survey, cat))
        crumbs = (Link(_("Evidence"), evidence_urls.evidence()),
                  Link(survey.title, urls.survey(survey.slug)))
        results_path = survey.results_path
        yield PagePlan(
            urls.survey(survey.slug), "surveys/survey.html", survey.title,
            # Translators: %(survey)s is the survey's title
            _("How support providers add the answers to %(survey)s to the evidence page.")
            % {"survey": survey.title},
            {"title": survey.title, "intro": survey.intro, "results_path": results_path,
             "responses": len(survey.responses), "columns": views.columns(survey, cat),
             "template": urls.template_csv(survey.slug), "form": urls.form(survey.slug),
             "results": urls.results_section(survey.slug), "stylesheet": urls.stylesheet(),
             "edit": core_urls.edit_link(cat.site.repository_url, cat.site.repository_branch,
                                         results_path),
             "new_file": f"{cat.site.repository_url.rstrip('/')}/new/"
                         f"{cat.site.repository_branch}/{survey.folder}"},
            crumbs[:1])
        yield PagePlan(
            urls.form(survey.slug), "surveys/form.html",
            _("%(survey)s: printable form") % {"survey": survey.title},
            _("%(survey)s as a form to print and fill in by hand.") % {"survey": survey.title},
            {"title": survey.title, "intro": survey.intro,
             "questions": views.form_questions(survey, cat), "scale": views.scale(),
             "stylesheet": urls.stylesheet(), "how_to": urls.survey(survey.slug)},
            crumbs, in_sitemap=True)
