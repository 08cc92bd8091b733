"""Joint projects, strategies and strategy themes, declared once."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..calendar.fields import OrganiserRef
from ..core.capability import Kind, Source, Taxonomy
from ..core.declare import Field, ListOf, Record, refs_field, text_field
from ..core.fields import Choice, Date, Integer, Markdown, Ref
from ..core.taxonomy import TERM_FIELDS, TERM_TRANSLATABLE
from . import model
from .fields import Count, LeadAgency, Partners, Pounds

ACTUAL = Record(model.Actual, (
    Field("start", Date(), "the reporting period's first day", "2026-04-01", required=True),
    Field("end", Date(), "the reporting period's last day", "2026-06-30", required=True),
    Field("value", Count(), "what was achieved in the period (0 or more)", 12, required=True),
), "one reporting period's actual: `start`, `end`, `value`")

OUTCOME = Record(model.Outcome, (
    text_field("name", "what the project promised", "Volunteers trained", required=True,
               max_length=120),
    text_field("unit", "what is counted, in the plural", "volunteers", required=True,
               max_length=40),
    Field("target", Integer(maximum=10**9), "the target over the whole project", 60,
          required=True),
    Field("actuals", ListOf(ACTUAL, max_items=200), "what was achieved, one entry per "
          "reporting period", [{"start": "2026-04-01", "end": "2026-06-30", "value": 12}]),
), "an outcome: `name`, `unit`, `target` and `actuals`")

MILESTONE = Record(model.Milestone, (
    text_field("title", "the step, as a short phrase", "Volunteer training", required=True,
               max_length=120),
    Field("due", Date(), "when it is due", "2026-10-01", required=True),
    Field("status", Choice(model.MILESTONE_STATES), "where it stands, as the project "
          "reports it", "on-track"),
    text_field("note", "a line on progress", "Two of three sessions held.", max_length=300),
), "a milestone: `title`, `due`, `status`")

UPDATE = Record(model.Update, (
    Field("date", Date(), "the day of the update", "2026-11-01", required=True),
    Field("text", Markdown(max_length=5000), "what happened, in Markdown",
          "Our first **volunteer cohort** finished training.", required=True),
), "a progress update: `date` and `text`")

_SHARED = (
    text_field("title", "its name", "Volunteer pathways partnership", required=True,
               max_length=120),
    text_field("summary", "one or two sentences for the list", "Three groups train and "
               "place volunteers together.", required=True, max_length=300),
)

PROJECT = Record(model.JointProject, _SHARED + (
    Field("lead", OrganiserRef(), "the lead partner: `orgs/<slug>` or `providers/<slug>`",
          "providers/example-hub", required=True),
    Field("partners", Partners(max_items=50), "the other partners, each `orgs/<slug>` or "
          "`providers/<slug>`", ["orgs/example-group"]),
    text_field("funder", "who funds it", "Example Community Fund (fictional)", required=True,
               max_length=120),
    Field("start", Date(), "the project's first day", "2026-04-01", required=True),
    Field("end", Date(), "the project's last day", "2028-03-31", required=True),
    Field("budget", Pounds(), "the whole budget in pounds", "£85,000", required=True),
    Field("spend", Pounds(), "spend to date in pounds", "£20,000"),
    Field("outcomes", ListOf(OUTCOME, max_items=30), "what it promised, with actuals per "
          "reporting period", [{"name": "Volunteers trained", "unit": "volunteers",
                                "target": 60}]),
    Field("milestones", ListOf(MILESTONE, max_items=60), "its dated steps",
          [{"title": "Volunteer training", "due": "2026-10-01", "status": "on-track"}]),
    Field("updates", ListOf(UPDATE, max_items=100), "dated progress updates",
          [{"date": "2026-11-01", "text": "Training began."}]),
    refs_field("needs", "needs", "support needs it serves", ["volunteering"]),
    refs_field("themes", "strategy_themes", "strategy themes it serves",
               ["volunteer-support"]),
    Field("strategy", Ref("strategies", "content/strategies/"), "the joint infrastructure "
          "strategy it delivers, if any", "volunteer-support"),
    Field("body", Markdown(), "the text after the front matter: what the project does",
          "We train volunteers **together**."),
), "a joint project")

STRATEGY = Record(model.Strategy, _SHARED + (
    Field("theme", Ref("strategy_themes"), "the specialist sector it covers",
          "volunteer-support", required=True),
    Field("lead", LeadAgency(), "the lead agency: a support provider's slug", "example-hub",
          required=True),
    Field("members", ListOf(OrganiserRef(), max_items=50), "the working group: "
          "`orgs/<slug>` or `providers/<slug>`", ["orgs/example-group"]),
    Field("document", Ref("toolkits", "toolkits/"), "the strategy document: a toolkit's slug",
          "annual-plan-template"),
    Field("start", Date(), "the work plan's first day", "2026-04-01", required=True),
    Field("end", Date(), "the work plan's last day (three years on)", "2029-03-31",
          required=True),
    Field("milestones", ListOf(MILESTONE, max_items=60), "the work plan's milestones",
          [{"title": "Working group formed", "due": "2026-06-30", "status": "done"}]),
    Field("body", Markdown(), "the text after the front matter: aims and priorities",
          "Our **priorities** for three years."),
), "a joint infrastructure strategy")

TAXONOMIES = (
    Taxonomy("strategy_themes", Record(model.StrategyTheme, TERM_FIELDS + (
        refs_field("provider_types", "provider_types", "provider types that specialise in "
                   "it", ["specialist-primary"]),
        refs_field("groups", "groups", "provider specialisms (beneficiary groups) that "
                   "match it", ["young-people"]),
        refs_field("needs", "needs", "support needs whose services match it",
                   ["volunteering"]),
    ), "a strategy theme", translatable=TERM_TRANSLATABLE)),
)


def _new_project(today: dt.date, root: Path) -> dict[str, Any]:
    """Starting today for a year, led by the first provider: a skeleton that validates
    (and is green) in any repository."""
    leads = sorted(p.stem for p in (root / "providers").glob("*.md"))
    return ({"start": today.isoformat(), "end": (today + dt.timedelta(days=364)).isoformat(),
             "milestones": [{"title": "Partners agreed",
                             "due": (today + dt.timedelta(days=30)).isoformat()}]}
            | ({"lead": f"providers/{leads[0]}"} if leads else {}))


KINDS = (
    Kind("project", Source("content/projects", (".md",), required=False), PROJECT,
         "projects", "content/projects/<slug>.md", new_values=_new_project,
         reserved_slugs=frozenset({"need", "theme", "partner"})),
    Kind("strategy", Source("content/strategies", (".md",), required=False), STRATEGY,
         "strategies", "content/strategies/<slug>.md",
         reserved_slugs=frozenset({"theme"})),
)
