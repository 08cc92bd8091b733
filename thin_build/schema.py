"""The content model, declared once: every field of every kind of content file.

This declaration drives the validator (`convert_record`), the JSON Schemas under
`schemas/` (for editors and the published site), the content guide in
`docs/content-guide.md` and the skeletons `thin new` writes, so none can drift.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from . import model
from .agenda import MAX_COUNT
from .agenda_fields import FlyerPath, LocalDateTime, OrganiserRef
from .fields import (CHARITY_NUMBER, COLOUR, COMPANY_NUMBER, EMAIL, POSTCODE, Choice,
                     Context, Date, FieldType, Integer, Invalid, Markdown, MediaPath, Phone,
                     Ref, SLUG, Text, Time, Url, suggest)
from .raw import RawList, RawMap, RawNode, RawScalar


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    help: str
    example: Any = None
    required: bool = False


@dataclass(frozen=True)
class ListOf(FieldType):
    item: FieldType
    min_items: int = 0
    max_items: int = 100

    def convert(self, node: RawNode, ctx: Context) -> tuple:
        if not isinstance(node, RawList):
            raise Invalid("wrong-type", f"expected a list of {self.item.describe()}; write it "
                          "as [first, second] or one `- item` per line")
        if not self.min_items <= len(node.items) <= self.max_items:
            raise Invalid("list-length", f"has {len(node.items)} items; it needs "
                          f"{self.min_items} to {self.max_items}")
        values, seen, failed = [], set(), False
        for index, item in enumerate(node.items):
            ctx.path.append(index)
            value = _convert_item(self.item, item, ctx)
            ctx.path.pop()
            if value is None:
                failed = True
            elif isinstance(value, str) and value in seen:
                ctx.report("duplicate-item", f"{value!r} is listed twice", item.location)
            else:
                if isinstance(value, str):
                    seen.add(value)
                values.append(value)
        if failed:
            raise Invalid.reported()
        return tuple(values)

    def json_schema(self, refs=None) -> dict:
        schema = {"type": "array", "items": self.item.json_schema(refs),
                  "maxItems": self.max_items}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema

    def describe(self) -> str:
        return f"a list of {self.item.describe()}"


@dataclass(frozen=True)
class Record(FieldType):
    """A set of fields that becomes one model object (a file, or a nested part of one)."""

    cls: type
    fields: tuple[Field, ...]
    title: str = ""

    def field_map(self) -> Mapping[str, Field]:
        return {f.name: f for f in self.fields}

    def convert(self, node: RawNode, ctx: Context, **extra: Any) -> Any:
        if not isinstance(node, RawMap):
            raise Invalid("wrong-type", f"expected a set of fields ({self.describe()})")
        fields, values, failed = self.field_map(), dict(extra), False
        given = set()
        for key, (key_loc, value_node) in node.entries.items():
            spec = fields.get(key)
            if spec is None:
                ctx.report("unknown-key", f"unknown field `{key}`{suggest(key, fields)}",
                           key_loc)
                failed = True
                continue
            if isinstance(value_node, RawScalar) and not (value_node.value or "").strip():
                continue  # `name: ""` is as empty as `name:`, so a required field reports it
            given.add(key)
            ctx.path.append(key)
            value = convert_node(spec.type, value_node, ctx)
            ctx.path.pop()
            if value is None:
                failed = True
            else:
                values[key] = value
        for spec in self.fields:
            if spec.required and spec.name not in given:
                where = node.entries[spec.name][0] if spec.name in node.entries else node.location
                ctx.report("required", f"`{spec.name}` is required: {spec.help}", where)
                failed = True
        if failed:
            raise Invalid.reported()
        return self.cls(**values)

    def json_schema(self, refs=None) -> dict:
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [f.name for f in self.fields if f.required],
            "properties": {f.name: {**f.type.json_schema(refs), "description": f.help}
                           for f in self.fields},
        }

    def describe(self) -> str:
        return self.title or "fields"


def _convert_item(kind: FieldType, item: RawNode, ctx: Context) -> Any:
    """One list item; an empty one (a bare `-` line, `~`, `""`) is reported, not crashed on."""
    if isinstance(item, RawScalar) and not (item.value or "").strip():
        ctx.report("required", "this item is empty: fill it in or delete it", item.location)
        return None
    return convert_node(kind, item, ctx)


def convert_node(kind: FieldType, node: RawNode, ctx: Context, **extra: Any) -> Any:
    """Convert one value, reporting a problem at its location; None when it failed.

    `extra` goes to a Record: values that come from the file rather than its fields,
    such as the slug and path.
    """
    try:
        return kind.convert(node, ctx, **extra)
    except Invalid as exc:
        if exc.code != Invalid.REPORTED:
            ctx.report(exc.code, exc.message, node.location)
        return None


def _text(name: str, help: str, example: Any = None, required: bool = False,
          max_length: int = 200, multiline: bool = False) -> Field:
    return Field(name, Text(max_length, multiline), help, example, required)


def _refs(name: str, target: str, where: str, help: str, example: Any = None,
          required: bool = False, min_items: int = 0, extra: tuple[str, ...] = ()) -> Field:
    return Field(name, ListOf(Ref(target, where, extra), min_items=min_items), help, example,
                 required)


def _where(taxonomy: str) -> str:
    return f"content/taxonomies/{taxonomy}.yaml"


def _example(record: Record) -> dict:
    """The smallest valid entry of a nested record: its required fields' examples."""
    return {f.name: f.example for f in record.fields if f.required}


OPENING_PERIOD = Record(model.OpeningPeriod, (
    Field("days", ListOf(Choice(model.DAYS), min_items=1, max_items=7),
          "the days these times apply to", ["mon", "tue", "wed"], required=True),
    Field("opens", Time(), "opening time", "09:30", required=True),
    Field("closes", Time(), "closing time; earlier than `opens` means it closes after "
          "midnight", "17:00", required=True),
), "days, opens and closes")

CONTACT = Record(model.Contact, (
    _text("role", "who answers, as a role, never a person's name", "Referrals coordinator"),
    Field("email", EMAIL, "where referrals are sent", "referrals@example.org", required=True),
    Field("phone", Phone(), "phone number for referrals", "020 7946 0100"),
), "role, email and phone")

SERVICE = Record(model.Service, (
    Field("need", Ref("needs", _where("needs")), "the support need this service meets",
          "funding", required=True),
    _text("title", "the service's name", "Funding advice surgeries", required=True),
    _text("description", "what the service is, in a sentence or two",
          "One-to-one help to find funders and write bids.", required=True, max_length=600,
          multiline=True),
    _refs("stages", "stages", _where("stages"), "stages of development the service is for",
          ["stage-1", "stage-2"], required=True, min_items=1),
    _refs("groups", "groups", _where("groups"), "beneficiary groups it is for; leave out if it "
          "is for everyone", ["young-people"]),
    _text("access", "how a group gets the service", "Email the referral contact to book.",
          required=True, max_length=400, multiline=True),
    _text("when", "when it runs", "Tuesdays 10:00 to 13:00, by appointment"),
    _text("cost", "what it costs", "Free for Stage 1 groups; £25 an hour for others",
          required=True),
    _refs("free_for", "stages", _where("stages"), "stages for which the service is free",
          ["stage-1"]),
), "a service")

_LISTING_CONTACT = (
    Field("website", Url(), "the organisation's web site", "https://our-group.example.org/"),
    Field("email", EMAIL, "a public contact address (no personal addresses)",
          "hello@our-group.example.org"),
    Field("phone", Phone(), "a public phone number", "020 7946 0123"),
    _text("address", "postal address without the postcode, one part per line",
          "Unit 3, Example Works\n12 Example Road\nLondon", max_length=300, multiline=True),
    Field("postcode", POSTCODE, "postcode of the address", "E1 6AN"),
)
_LISTING_PLACE = (
    _refs("languages", "languages", _where("languages"), "languages the organisation works "
          "in", ["english", "bengali"]),
    Field("opening_hours", ListOf(OPENING_PERIOD, max_items=14), "when it is open",
          [{"days": ["mon", "tue"], "opens": "09:30", "closes": "17:00"}]),
    _text("opening_hours_note", "anything else about opening times",
          "Closed on bank holidays.", max_length=300),
    _text("accessibility", "access to the premises: step-free entry, toilets, hearing loop",
          "Step-free entrance and an accessible toilet.", max_length=600, multiline=True),
)
_LISTING_LOOK = (
    Field("logo", MediaPath(), "a logo image kept in content/media/", "logos/our-group.png"),
    Field("accent_colour", COLOUR, "a colour for the organisation's page, in quotes",
          "#0b6e4f"),
    Field("last_verified", Date(), "the date someone last checked this listing with the "
          "organisation", "2026-01-31"),
    Field("body", Markdown(), "the text after the front matter: the organisation's own story",
          "We started in 2010. Young people run the **committee**."),
)
_NAME = _text("name", "the organisation's name as it uses it", "Example Community Group",
              required=True, max_length=120)
_SUMMARY = _text("summary", "one or two sentences saying what it does",
                 "We run a youth club and homework help for young people in Bow.",
                 required=True, max_length=300)

ORGANISATION = Record(model.Organisation, (
    _NAME, _SUMMARY,
    Field("charity_number", CHARITY_NUMBER, "registered charity number, if any", "1234567"),
    Field("company_number", COMPANY_NUMBER, "Companies House number, if any", "01234567"),
    *_LISTING_CONTACT,
    _refs("wards", "wards", _where("wards"), "wards it works in", ["bow-east"], required=True,
          min_items=1),
    _refs("groups", "groups", _where("groups"), "who it helps", ["young-people"]),
    _refs("activities", "activities", _where("activities"), "what it does", ["youth-clubs"]),
    *_LISTING_PLACE,
    Field("stage", Ref("stages", _where("stages")), "its stage of development (Stage 1: "
          "about £0-10k a year; Stage 2: £10k-£1m; Stage 3: £250k-£5m)", "stage-1",
          required=True),
    Field("annual_income", Integer(), "annual income in pounds, digits only", 8500),
    Field("paid_staff", Integer(maximum=100_000), "number of paid staff", 0),
    Field("volunteers", Integer(maximum=100_000), "number of volunteers", 12),
    _refs("networks", "networks", _where("networks"), "networks it is a member of",
          ["youth-network"]),
    _refs("works_with", "providers", "providers/", "infrastructure providers it already gets "
          "support from", ["example-hub"]),
    _refs("support_needs", "needs", _where("needs"), "support it is looking for",
          ["funding"]),
    Field("skills_offered", ListOf(Text(100)), "skills or resources it can share",
          ["Meeting room hire"]),
    Field("skills_wanted", ListOf(Text(100)), "skills it would like from volunteers or "
          "partners", ["Bookkeeping"]),
    Field("status", Choice(model.STATUSES), "whether it is running", "active"),
    *_LISTING_LOOK,
), "a voluntary or community organisation")

PROVIDER = Record(model.Provider, (
    _NAME,
    Field("type", Ref("provider_types", _where("provider-types")), "the kind of "
          "infrastructure provider", "general-primary", required=True),
    _SUMMARY,
    *_LISTING_CONTACT,
    _refs("wards", "wards", _where("wards"), "wards it covers, or [borough-wide]",
          ["borough-wide"], required=True, min_items=1, extra=(model.BOROUGH_WIDE,)),
    *_LISTING_PLACE,
    _refs("specialisms", "groups", _where("groups"), "beneficiary groups it specialises in",
          ["bme"]),
    Field("referral_contact", CONTACT, "where referrals go",
          {"role": "Referrals coordinator", "email": "referrals@example.org"}, required=True),
    Field("services", ListOf(SERVICE, min_items=1, max_items=40), "the support it offers, one "
          "entry per service", [_example(SERVICE)], required=True),
    *_LISTING_LOOK,
), "an infrastructure support provider")

PAGE = Record(model.Page, (
    _text("title", "the page's title", "About THIN", required=True, max_length=120),
    _SUMMARY,
    Field("order", Integer(maximum=1000), "position in the footer menu (smaller first)", 10),
    Field("body", Markdown(), "the page's text, in Markdown",
          "THIN brings together the borough's **support providers**.", required=True),
), "a content page")

SITE = Record(model.SiteConfig, (
    _text("title", "the portal's name", "THIN Portal", required=True, max_length=80),
    _text("tagline", "one line under the title", "Who does what for Tower Hamlets' voluntary "
          "sector", required=True),
    _text("borough", "the borough the portal covers", "Tower Hamlets", required=True),
    _text("description", "what the portal is, for the home page and search engines",
          "Find support for your voluntary or community group, and the groups working near "
          "you.", required=True, max_length=600, multiline=True),
    Field("base_url", Url(), "where the site is published", "https://portal.example.org/",
          required=True),
    Field("repository_url", Url(), "the content repository, for \"suggest an edit\" links",
          "https://git.example.org/thin/portal", required=True),
    _text("repository_branch", "the branch edits are proposed against", "main"),
    Field("stale_after_months", Integer(1, 120), "months after `last_verified` when a listing "
          "needs review", 12),
    Field("contact_email", EMAIL, "the coordinators' address", "hello@example.org",
          required=True),
), "site settings")

GROUP_REFERRAL = Record(model.GroupReferral, (
    Field("group", Ref("groups", _where("groups")), "the beneficiary group this agreement is "
          "for", "bme", required=True),
    Field("agency", Ref("providers", "providers/"), "the agreed agency for groups that work "
          "with that beneficiary group; it must offer a service for the need open to them",
          "example-bme-partnership", required=True),
    _text("explanation", "why, in a sentence shown to users", "A BME specialist agency that "
          "gives advice in community languages.", max_length=400, multiline=True),
), "a beneficiary group's agreed agency")

REFERRAL = Record(model.Referral, (
    Field("need", Ref("needs", _where("needs")), "the support need", "payroll",
          required=True),
    Field("agency", Ref("providers", "providers/"), "the agreed key referral agency; it must "
          "offer a service for the need. Leave out while none is agreed", "example-hub"),
    _text("explanation", "a short explanation shown to users with the suggestions",
          "THIN partners agreed that the Hub takes payroll referrals first.", required=True,
          max_length=400, multiline=True),
    Field("by_group", ListOf(GROUP_REFERRAL, max_items=20), "a different agreed agency for "
          "groups working with one beneficiary group, e.g. a BME specialist first for BME-led "
          "groups", [_example(GROUP_REFERRAL)]),
), "a need's agreed referral agency")

REFERRALS = Record(model.ReferralAgreements, (
    _text("agreed_by", "the partnership that agreed these referral routes, as named in "
          "suggestions (\"THIN's agreed referral agency for payroll\")", "THIN", required=True,
          max_length=60),
    Field("agreements", ListOf(REFERRAL, max_items=200), "one entry per support need",
          [_example(REFERRAL)], required=True),
), "agreed referral agencies")

RECURRENCE = Record(model.Recurrence, (
    Field("frequency", Choice(model.FREQUENCIES), "how often it repeats", "weekly",
          required=True),
    Field("interval", Integer(1, 12), "every how many weeks or months (2: fortnightly)", 1),
    Field("days", ListOf(Choice(model.DAYS), min_items=1, max_items=7), "weekly: the days "
          "it runs (default: the start's day, which must be one of them); monthly with "
          "`week`: the one day", ["tue"]),
    Field("week", Choice(model.WEEKS_OF_MONTH), "monthly: which one of the month's `days` "
          "(`last` and [fri]: the last Friday); leave out to repeat on the start's date, "
          "at most the 28th", "first"),
    Field("until", Date(), "the last date it may run; give this or `count`", "2027-03-30"),
    Field("count", Integer(1, MAX_COUNT), "how many times it runs in all, skipped dates "
          "included; give this or `until`", 10),
    Field("skip_dates", ListOf(Date(), max_items=100), "dates in the series when it does "
          "not run, such as holidays", ["2026-12-29"]),
), "frequency, interval, days, week, until or count, and skip dates")

VENUE = Record(model.Venue, (
    _text("name", "the venue's name", "Example Community Centre", required=True,
          max_length=120),
    _text("address", "street address without the postcode, one part per line",
          "12 Example Road\nLondon", max_length=300, multiline=True),
    Field("postcode", POSTCODE, "postcode of the venue", "E3 2AA"),
    Field("ward", Ref("wards", _where("wards")), "the ward the venue is in", "bow-east"),
    Field("step_free", Choice(model.STEP_FREE), "step-free access to the room", "yes"),
), "name, address, postcode, ward and step-free access")

_ORGANISER_HELP = ("`orgs/<slug>` for an organisation or `providers/<slug>` for a support "
                   "provider")

EVENT = Record(model.Event, (
    _text("title", "the event's name", "Writing funding bids: a workshop", required=True,
          max_length=120),
    _text("summary", "one or two sentences for listings and calendar apps",
          "A practical morning on finding funders and writing a strong first bid.",
          required=True, max_length=300),
    Field("category", Ref("event_categories", _where("event-categories")), "the kind of "
          "event", "training", required=True),
    Field("organiser", OrganiserRef(), "who runs it: " + _ORGANISER_HELP,
          "providers/example-hub", required=True),
    Field("start", LocalDateTime(), "when it starts, in London time; a date alone for an "
          "all-day event", "2026-12-03 10:00", required=True),
    Field("end", LocalDateTime(time_only=True), "when it ends: a time the same day, a date "
          "and time, or for an all-day event its last day", "12:00", required=True),
    Field("recurrence", RECURRENCE, "how it repeats; leave out for a one-off event",
          {"frequency": "weekly", "count": 8}),
    Field("venue", VENUE, "where it happens; give this, `online`, or both", _example(VENUE)),
    Field("online", Url(), "the link to join online", "https://meet.example.org/funding-bids"),
    _refs("stages", "stages", _where("stages"), "stages of development it is for; leave out "
          "if it is for everyone", ["stage-1"]),
    _refs("groups", "groups", _where("groups"), "beneficiary groups it is for",
          ["young-people"]),
    _refs("languages", "languages", _where("languages"), "languages it is run in",
          ["english"]),
    _text("cost", "what it costs", "Free"),
    Field("booking", Url(), "where to book a place", "https://book.example.org/funding-bids"),
    _text("accessibility", "access at the event: step-free entry, hearing loop, BSL, "
          "quiet room", "Step-free entrance, hearing loop, BSL on request.", max_length=600,
          multiline=True),
    Field("posted", Date(), "the date it was added; feeds list new events by it",
          "2026-11-20", required=True),
    Field("body", Markdown(), "the text after the front matter: what happens and who it is "
          "for", "Bring a project idea; we will work on it together."),
), "an event")

FLYER = Record(model.Flyer, (
    Field("file", FlyerPath(), "the flyer, kept in content/media/", "flyers/winter-fair.pdf",
          required=True),
    _text("alt", "for an image, what it says, for people who cannot see it (required for "
          "images)", "Winter fair, Saturday 12 December, 11am to 3pm, Example Hall.",
          max_length=1000, multiline=True),
), "a PDF or an image")

NOTICE = Record(model.Notice, (
    _text("title", "the notice's heading", "Volunteers wanted for the winter fair",
          required=True, max_length=120),
    _text("summary", "one or two sentences for the board and feeds",
          "We need six volunteers to help run stalls on the day.", required=True,
          max_length=300),
    Field("posted_by", OrganiserRef(), "who posted it: " + _ORGANISER_HELP,
          "providers/example-hub", required=True),
    Field("posted", Date(), "the date it goes on the board", "2026-11-20", required=True),
    Field("expires", Date(), "the last date it is shown; the build takes it off the board "
          "after this", "2026-12-20", required=True),
    Field("flyer", FLYER, "a flyer to download or show", _example(FLYER)),
    Field("link", Url(), "a web page with more information",
          "https://our-group.example.org/winter-fair"),
    Field("body", Markdown(), "the text after the front matter: the notice in full",
          "Email us to **sign up**."),
), "a notice")

_TERM = (
    Field("slug", SLUG, "short identifier used in other files", "bow-east",
          required=True),
    _text("name", "the name people see", "Bow East", required=True, max_length=120),
    _text("description", "one sentence explaining it", "The streets north of Roman Road, by "
          "Victoria Park.", max_length=400, multiline=True),
)
TAXONOMY_RECORDS: Mapping[str, Record] = {
    "needs": Record(model.Term, _TERM, "a support need"),
    "groups": Record(model.Term, _TERM, "a beneficiary group"),
    "stages": Record(model.Stage, _TERM + (
        _text("income_guide", "the rough income band, in words", "about £0-£10,000 a year",
              required=True),
        Field("min_income", Integer(), "lower end of the band, pounds", 0, required=True),
        Field("max_income", Integer(), "upper end of the band, pounds", 10000, required=True),
    ), "a stage of development"),
    "provider_types": Record(model.Term, _TERM, "a type of provider"),
    "wards": Record(model.Ward, _TERM + (
        Field("code", Text(9), "ONS ward code", "E05009319", required=True),), "a ward"),
    "activities": Record(model.Term, _TERM, "an activity"),
    "languages": Record(model.Language, _TERM + (
        Field("code", Text(12), "BCP 47 language code", "bn", required=True),
        _text("native_name", "the language's name in itself", "বাংলা", required=True),
    ), "a language"),
    "networks": Record(model.Network, _TERM + (
        Field("convenor", Ref("providers", "providers/"), "the provider that runs it",
              "example-hub"),
        Field("website", Url(), "the network's web site", "https://network.example.org/"),
    ), "a network"),
    "event_categories": Record(model.Term, _TERM, "an event category"),
}
TAXONOMY_FILES = {name: name.replace("_", "-") for name in TAXONOMY_RECORDS}
KIND_RECORDS: Mapping[str, Record] = {"site": SITE, "org": ORGANISATION, "provider": PROVIDER,
                                      "page": PAGE, "referrals": REFERRALS,
                                      "event": EVENT, "notice": NOTICE}
