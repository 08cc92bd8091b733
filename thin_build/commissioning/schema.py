"""Guidance pages and opportunities, declared once."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..calendar.fields import LocalDateTime, OrganiserRef
from ..core.capability import Kind, Source
from ..core.declare import Field, Record, refs_field, text_field
from ..core.fields import EMAIL, Choice, Date, Integer, Markdown, Url
from . import model
from .fields import Money

GUIDE = Record(model.Guide, (
    text_field("title", "the page's title", "How tendering works", required=True,
               max_length=120),
    text_field("summary", "one or two sentences for the index and search engines",
               "Finding, reading and answering a council tender.", required=True,
               max_length=300),
    Field("position", Integer(maximum=1000), "its place on the commissioning index "
          "(smaller first)", 10),
    Field("body", Markdown(), "the text after the front matter, in Markdown",
          "Read the **specification** first.", required=True),
), "a commissioning guidance page")

LEAD = Record(model.Lead, (
    text_field("name", "who to write to about a joint bid", "Sam Example", required=True,
               max_length=120),
    Field("email", EMAIL, "their email address; the \"interested in a joint bid\" link "
          "writes to it", "bids@our-group.example.org", required=True),
), "the name and email of the person to contact about a joint bid")

OPPORTUNITY = Record(model.Opportunity, (
    text_field("title", "the contract, grant round or call's name",
               "Community wellbeing grants 2027", required=True, max_length=120),
    text_field("summary", "one or two sentences for the listing and feeds",
               "Grants for groups that help older residents stay active and connected.",
               required=True, max_length=300),
    text_field("funder", "who commissions or funds it", "Example Borough Council",
               required=True, max_length=120),
    Field("funder_listing", OrganiserRef(), "the funder's listing, when it is in the "
          "directory: `orgs/<slug>` or `providers/<slug>`", "providers/example-hub"),
    Field("value", Money(), "what it is worth in pounds, one figure or a range; leave out "
          "if the funder has not said", "£10,000 to £50,000"),
    Field("posted", Date(), "the date it was added; the feed lists new opportunities by it",
          "2026-11-20", required=True),
    Field("deadline", LocalDateTime(), "when bids close, in London time: a date, or a date "
          "and time when the funder gives one; the day after, it moves to the archive",
          "2027-01-15 12:00", required=True),
    Field("link", Url(https_only=True), "the funder's page with the documents and how to "
          "apply", "https://funder.example.org/wellbeing-grants", required=True),
    Field("joint_bids", Choice(model.JOINT_BIDS), "`yes` if joint bids or consortia are "
          "welcome (then give a `lead`)", "yes"),
    Field("lead", LEAD, "who to contact about a joint bid: `name` and `email`",
          {"name": "Sam Example", "email": "bids@our-group.example.org"}),
    refs_field("needs", "needs", "support needs it concerns", ["commissioning"]),
    refs_field("activities", "activities", "activities or themes it funds", ["advice"]),
    Field("body", Markdown(), "the text after the front matter: who can apply, what it pays "
          "for, how to take part in a joint bid", "Read the **specification** first."),
), "an opportunity")


def _new_opportunity(today: dt.date, _root: Path) -> dict[str, Any]:
    """Posted today and open for four weeks, so a new file is valid and listed."""
    return {"posted": today.isoformat(),
            "deadline": f"{today + dt.timedelta(days=28)} 12:00"}


KINDS = (
    Kind("guidance", Source("content/commissioning", (".md",), required=False), GUIDE,
         "guidance", "content/commissioning/<slug>.md"),
    Kind("opportunity", Source("content/opportunities", (".md",), required=False),
         OPPORTUNITY, "opportunities", "content/opportunities/<slug>.md",
         reserved_slugs=frozenset({"archive"}), new_values=_new_opportunity),
)
