"""The directory's kinds, declared once: organisations, providers and their taxonomies.

These declarations drive the validator, the JSON Schemas under `schemas/`, the
content guide in `docs/content-guide.md` and the skeletons `thin new` writes.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.capability import Kind, Source, Taxonomy
from ..core.declare import (
                           Field,
                           ListOf,
                           Record,
                           example_of,
                           refs_field,
                           text_field,
)
from ..core.fields import (
                           COLOUR,
                           EMAIL,
                           POSTCODE,
                           Choice,
                           Date,
                           Integer,
                           Markdown,
                           MediaPath,
                           Pattern,
                           Phone,
                           Ref,
                           Text,
                           Time,
                           Url,
)
from ..core.taxonomy import TERM_FIELDS, TERM_TRANSLATABLE, term_record
from . import model

CHARITY_NUMBER = Pattern(r"[0-9]{6,7}(-[0-9]{1,2})?|SC[0-9]{6}", "a charity number",
                         "bad-number", "1234567 (England and Wales) or SC012345 (Scotland)")
COMPANY_NUMBER = Pattern(r"[0-9]{8}|[A-Z]{2}[0-9]{6}", "a company number", "bad-number",
                         "01234567 or SC123456")

OPENING_PERIOD = Record(model.OpeningPeriod, (
    Field("days", ListOf(Choice(model.DAYS), min_items=1, max_items=7),
          "the days these times apply to", ["mon", "tue", "wed"], required=True),
    Field("opens", Time(), "opening time", "09:30", required=True),
    Field("closes", Time(), "closing time; earlier than `opens` means it closes after "
          "midnight", "17:00", required=True),
), "days, opens and closes")

CONTACT = Record(model.Contact, (
    text_field("role", "who answers, as a role, never a person's name", "Referrals coordinator"),
    Field("email", EMAIL, "where referrals are sent", "referrals@example.org", required=True),
    Field("phone", Phone(), "phone number for referrals", "020 7946 0100"),
), "role, email and phone", translatable=("role",))

SERVICE = Record(model.Service, (
    Field("need", Ref("needs"), "the support need this service meets",
          "funding", required=True),
    text_field("title", "the service's name", "Funding advice surgeries", required=True),
    text_field("description", "what the service is, in a sentence or two",
               "One-to-one help to find funders and write bids.", required=True, max_length=600,
               multiline=True),
    refs_field("stages", "stages", "stages of development the service is for",
               ["stage-1", "stage-2"], required=True, min_items=1),
    refs_field("groups", "groups", "beneficiary groups it is for; leave out if it "
               "is for everyone", ["young-people"]),
    text_field("access", "how a group gets the service", "Email the referral contact to book.",
               required=True, max_length=400, multiline=True),
    text_field("when", "when it runs", "Tuesdays 10:00 to 13:00, by appointment"),
    text_field("cost", "what it costs", "Free for Stage 1 groups; £25 an hour for others",
               required=True),
    refs_field("free_for", "stages", "stages for which the service is free",
               ["stage-1"]),
), "a service", translatable=("title", "description", "access", "when", "cost"))

# A skill is a term, so offers and wants can be matched; a group's own words go in
# `detail`. A bare slug is the whole entry when there is nothing to add.
SKILL_ENTRY = Record(model.SkillEntry, (
    Field("skill", Ref("skills"), "the skill, from content/taxonomies/skills.yaml",
          "bookkeeping", required=True),
    text_field("detail", "what exactly, in the group's own words", "Sage and Xero, "
               "two evenings a month", max_length=100),
), "fields `skill` and `detail`", shorthand="skill")

_LISTING_CONTACT = (
    Field("website", Url(), "the organisation's web site", "https://our-group.example.org/"),
    Field("email", EMAIL, "a public contact address (no personal addresses)",
          "hello@our-group.example.org"),
    Field("phone", Phone(), "a public phone number", "020 7946 0123"),
    text_field("address", "postal address without the postcode, one part per line",
               "Unit 3, Example Works\n12 Example Road\nLondon", max_length=300, multiline=True),
    Field("postcode", POSTCODE, "postcode of the address", "E1 6AN"),
)
_LISTING_PLACE = (
    refs_field("languages", "languages", "languages the organisation works "
               "in", ["english", "bengali"]),
    Field("opening_hours", ListOf(OPENING_PERIOD, max_items=14), "when it is open",
          [{"days": ["mon", "tue"], "opens": "09:30", "closes": "17:00"}]),
    text_field("opening_hours_note", "anything else about opening times",
               "Closed on bank holidays.", max_length=300),
    text_field("accessibility", "access to the premises: step-free entry, toilets, hearing loop",
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
# A listing's own words; contacts, places and numbers are the same in every language.
LISTING_TRANSLATABLE = ("name", "summary", "body", "accessibility", "opening_hours_note")
_NAME = text_field("name", "the organisation's name as it uses it", "Example Community Group",
                   required=True, max_length=120)
_SUMMARY = text_field("summary", "one or two sentences saying what it does",
                      "We run a youth club and homework help for young people in Bow.",
                      required=True, max_length=300)

ORGANISATION = Record(model.Organisation, (
    _NAME, _SUMMARY,
    Field("charity_number", CHARITY_NUMBER, "registered charity number, if any", "1234567"),
    Field("company_number", COMPANY_NUMBER, "Companies House number, if any", "01234567"),
    *_LISTING_CONTACT,
    refs_field("wards", "wards", "wards it works in", ["bow-east"], required=True,
               min_items=1),
    refs_field("groups", "groups", "who it helps", ["young-people"]),
    refs_field("activities", "activities", "what it does", ["youth-clubs"]),
    *_LISTING_PLACE,
    Field("stage", Ref("stages"), "its stage of development (Stage 1: "
          "about £0-10k a year; Stage 2: £10k-£1m; Stage 3: £250k-£5m)", "stage-1",
          required=True),
    Field("annual_income", Integer(), "annual income in pounds, digits only", 8500),
    Field("paid_staff", Integer(maximum=100_000), "number of paid staff", 0),
    Field("volunteers", Integer(maximum=100_000), "number of volunteers", 12),
    Field("volunteer_hours_per_month", Integer(maximum=10_000_000), "hours all its volunteers "
          "give in a typical month, together", 90),
    refs_field("networks", "networks", "networks it is a member of",
               ["youth-network"]),
    refs_field("works_with", "providers", "infrastructure providers it already gets "
               "support from", ["example-hub"], where="providers/"),
    refs_field("support_needs", "needs", "support it is looking for",
               ["funding"]),
    Field("skills_offered", ListOf(SKILL_ENTRY, max_items=20), "skills or resources it can "
          "share with other groups", ["catering", {"skill": "bookkeeping", "detail":
                                                   "a retired accountant, one evening a month"}]),
    Field("skills_wanted", ListOf(SKILL_ENTRY, max_items=20), "skills it would like from "
          "volunteers or partners", ["bookkeeping"]),
    Field("status", Choice(model.STATUSES), "whether it is running", "active"),
    *_LISTING_LOOK,
    Field("theme", Choice(model.SITE_THEMES), "the layout of its own site: `plain` (the "
          "default), `bold` (a band of the accent colour) or `calm` (a quiet side menu)",
          "calm"),
), "a voluntary or community organisation", translatable=LISTING_TRANSLATABLE)

PROVIDER = Record(model.Provider, (
    _NAME,
    Field("type", Ref("provider_types"), "the kind of "
          "infrastructure provider", "general-primary", required=True),
    _SUMMARY,
    *_LISTING_CONTACT,
    refs_field("wards", "wards", "wards it covers, or [borough-wide]",
               ["borough-wide"], required=True, min_items=1, extra=(model.BOROUGH_WIDE,)),
    *_LISTING_PLACE,
    refs_field("specialisms", "groups", "beneficiary groups it specialises in",
               ["bme"]),
    Field("referral_contact", CONTACT, "where referrals go",
          {"role": "Referrals coordinator", "email": "referrals@example.org"}, required=True),
    Field("services", ListOf(SERVICE, min_items=1, max_items=40), "the support it offers, one "
          "entry per service", [example_of(SERVICE)], required=True),
    *_LISTING_LOOK,
), "an infrastructure support provider", translatable=LISTING_TRANSLATABLE)

TAXONOMIES = (
    Taxonomy("needs", term_record("a support need")),
    Taxonomy("groups", term_record("a beneficiary group")),
    Taxonomy("stages", Record(model.Stage, TERM_FIELDS + (
        text_field("income_guide", "the rough income band, in words", "about £0-£10,000 a year",
                   required=True),
        Field("min_income", Integer(), "lower end of the band, pounds", 0, required=True),
        Field("max_income", Integer(), "upper end of the band, pounds", 10000, required=True),
    ), "a stage of development", translatable=(*TERM_TRANSLATABLE, "income_guide"))),
    Taxonomy("provider_types", term_record("a type of provider")),
    Taxonomy("wards", Record(model.Ward, TERM_FIELDS + (
        Field("code", Text(9), "ONS ward code", "E05009319", required=True),), "a ward",
        translatable=TERM_TRANSLATABLE)),
    Taxonomy("activities", term_record("an activity")),
    Taxonomy("languages", Record(model.Language, TERM_FIELDS + (
        Field("code", Text(12), "BCP 47 language code", "bn", required=True),
        text_field("native_name", "the language's name in itself", "বাংলা", required=True),
    ), "a language", translatable=TERM_TRANSLATABLE)),
    Taxonomy("skills", term_record("a skill or resource groups can share")),
    Taxonomy("networks", Record(model.Network, TERM_FIELDS + (
        Field("convenor", Ref("providers", "providers/"), "the provider that runs it",
              "example-hub"),
        Field("website", Url(), "the network's web site", "https://network.example.org/"),
    ), "a network", translatable=TERM_TRANSLATABLE)),
)


def _verified_today(today: dt.date, _root: Path) -> dict[str, str]:
    """Whoever creates a listing has just checked it; without the date it would be flagged."""
    return {"last_verified": today.isoformat()}


LISTING_SOURCE = (".md", ".yaml", ".yml")
KINDS = (
    # An organisation may be a folder (`orgs/<slug>/index.md`) to grow into a small site.
    Kind("org", Source("orgs", LISTING_SOURCE, folders=True), ORGANISATION, "orgs",
         "orgs/<slug>.md",
         reserved_slugs=frozenset({"page"}), new_values=_verified_today),
    Kind("provider", Source("providers", LISTING_SOURCE), PROVIDER, "providers",
         "providers/<slug>.md", reserved_slugs=frozenset({"by-type", "page"}),
         new_values=_verified_today),
)
