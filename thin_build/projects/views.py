"""Projects and strategies → plain data for templates: the status in words, progress
bars with their numbers, the milestone timeline and the updates.

Every colour comes with its word ("Amber") and its reasons, so nothing is told by
colour alone; "today" is the build's date, as for every dated page.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..calendar.views import organiser_link
from ..core.catalogue import Catalogue
from ..core.i18n import N_, format_number
from ..core.i18n import gettext as _
from ..core.markup import render_markdown
from ..core.present import Link, human_date
from ..core.translate import name_link
from . import model, urls
from .status import Elapsed, Status, milestone_reason, rate

# Translated where shown: a milestone's state, and a status colour's word.
STATE_NAMES = {"not-started": N_("Not started"), "on-track": N_("On track"),
               "at-risk": N_("At risk"), "done": N_("Done"), "missed": N_("Missed")}
# Translators: a project's status, as a traffic light: red (off track), amber (at risk), green
COLOUR_NAMES = {"red": N_("Red"), "amber": N_("Amber"), "green": N_("Green")}


@dataclass(frozen=True)
class StatusView:
    colour: str  # "red", "amber" or "green": the CSS class; the word is in `label`
    label: str  # "Amber", shown before `why`, so the colour is never the only sign
    why: str  # the summary's reasons: "the volunteer training milestone was due on …"
    reasons: tuple[dict, ...]


@dataclass(frozen=True)
class Card:
    """One project or strategy in a list."""

    title: str
    url: str
    summary: str
    lead: Link
    status: StatusView


def status_view(status: Status) -> StatusView:
    return StatusView(status.colour, _(COLOUR_NAMES[status.colour]),
                      status.summary.removeprefix(f"{status.colour}: "),
                      tuple({"colour": r.colour, "label": _(COLOUR_NAMES[r.colour]),
                             "text": r.text} for r in status.reasons))


def project_status(project: model.JointProject, today: dt.date) -> Status:
    return rate(today, project.start, project.end, project.milestones, project.outcomes,
                project.budget, project.spend)


def strategy_status(strategy: model.Strategy, today: dt.date) -> Status:
    return rate(today, strategy.start, strategy.end, strategy.milestones)


def lead_link(cat: Catalogue, ref: str) -> Link:
    """`orgs/…` or `providers/…` as written in a project; a bare slug is a provider."""
    return organiser_link(cat, ref if "/" in ref else f"providers/{ref}")


def project_card(cat: Catalogue, project: model.JointProject, today: dt.date) -> Card:
    return Card(project.title, urls.project(project.slug), project.summary,
                lead_link(cat, project.lead), status_view(project_status(project, today)))


def strategy_card(cat: Catalogue, strategy: model.Strategy, today: dt.date) -> Card:
    return Card(strategy.title, urls.strategy(strategy.slug), strategy.summary,
                lead_link(cat, strategy.lead), status_view(strategy_status(strategy, today)))


def timeline(milestones: tuple[model.Milestone, ...], today: dt.date) -> tuple[dict, ...]:
    """Milestones by due date, each with its state and, when late or at risk, why."""
    rows = []
    for milestone in sorted(milestones, key=lambda m: m.due):
        reason = milestone_reason(milestone, today)
        rows.append({"title": milestone.title, "due": human_date(milestone.due),
                     "due_iso": milestone.due.isoformat(),
                     "state": _(STATE_NAMES[milestone.status]), "note": milestone.note,
                     "flag": status_view(Status(reason.colour, (reason,))) if reason else None,
                     "past": milestone.due <= today})
    return tuple(rows)


def outcome_rows(project: model.JointProject, today: dt.date) -> tuple[dict, ...]:
    elapsed = Elapsed.at(project.start, project.end, today)
    rows = []
    for outcome in project.outcomes:
        achieved, target = outcome.achieved, outcome.target
        percent = achieved * 100 // target if target else 0
        rows.append({
            "name": outcome.name, "achieved": achieved, "target": target,
            # Translators: %(unit)s is the outcome's own unit, e.g. "volunteers trained"
            "text": _("%(achieved)s of %(target)s %(unit)s (%(percent)s %% of the target); "
                      "%(expected)s expected by now") % {
                "achieved": format_number(achieved), "target": format_number(target),
                "unit": outcome.unit, "percent": percent,
                "expected": format_number(elapsed.pro_rata(target))},
            "periods": tuple({"period": date_range(a.start, a.end),
                              "value": format_number(a.value)} for a in outcome.actuals)})
    return tuple(rows)


def money_rows(project: model.JointProject, today: dt.date) -> dict:
    elapsed = Elapsed.at(project.start, project.end, today)
    return {"budget": f"£{format_number(project.budget)}",
            "spend": f"£{format_number(project.spend)}",
            "expected": f"£{format_number(elapsed.pro_rata(project.budget))}",
            "spend_value": min(project.spend, project.budget), "budget_value": project.budget}


def date_range(start: dt.date, end: dt.date) -> str:
    """"1 April 2026 to 31 March 2027", in the page's language."""
    # Translators: a range of dates
    return _("%(start)s to %(end)s") % {"start": human_date(start), "end": human_date(end)}


def project_data(cat: Catalogue, project: model.JointProject, today: dt.date) -> dict:
    card = project_card(cat, project, today)
    strategy = (Link(cat.lookup("strategies", project.strategy).title,
                     urls.strategy(project.strategy)) if project.strategy else None)
    return {
        "status": card.status, "lead": card.lead, "funder": project.funder,
        "partners": tuple(organiser_link(cat, ref) for ref in project.partners),
        "dates": date_range(project.start, project.end),
        "money": money_rows(project, today), "strategy": strategy,
        "outcomes": outcome_rows(project, today),
        "milestones": timeline(project.milestones, today),
        "updates": tuple({"date": human_date(u.date), "date_iso": u.date.isoformat(),
                          "html": render_markdown(u.text)}
                         for u in sorted(project.updates, key=lambda u: u.date, reverse=True)),
        "needs": tuple(name_link(cat.lookup("needs", n), urls.by_need(n)) for n in project.needs),
        "themes": tuple(name_link(cat.lookup("strategy_themes", t), urls.by_theme(t))
                        for t in project.themes),
        "body_html": render_markdown(project.body),
        "partner_pages": tuple(Link(organiser_link(cat, ref).text, urls.by_partner(ref))
                               for ref in project.members),
    }
