"""The referral agreements (`content/referrals.yaml`), declared once."""
from __future__ import annotations

from ..core.declare import Field, ListOf, Record, example_of, text_field
from ..core.fields import Ref
from . import model

GROUP_REFERRAL = Record(model.GroupReferral, (
    Field("group", Ref("groups"), "the beneficiary group this agreement is "
          "for", "bme", required=True),
    Field("agency", Ref("providers", "providers/"), "the agreed agency for groups that work "
          "with that beneficiary group; it must offer a service for the need open to them",
          "example-bme-partnership", required=True),
    text_field("explanation", "why, in a sentence shown to users", "A BME specialist agency that "
               "gives advice in community languages.", max_length=400, multiline=True),
), "a beneficiary group's agreed agency", translatable=("explanation",))

REFERRAL = Record(model.Referral, (
    Field("need", Ref("needs"), "the support need", "payroll",
          required=True),
    Field("agency", Ref("providers", "providers/"), "the agreed key referral agency; it must "
          "offer a service for the need. Leave out while none is agreed", "example-hub"),
    text_field("explanation", "a short explanation shown to users with the suggestions",
               "THIN partners agreed that the Hub takes payroll referrals first.", required=True,
               max_length=400, multiline=True),
    Field("by_group", ListOf(GROUP_REFERRAL, max_items=20), "a different agreed agency for "
          "groups working with one beneficiary group, e.g. a BME specialist first for BME-led "
          "groups", [example_of(GROUP_REFERRAL)]),
), "a need's agreed referral agency", translatable=("explanation",))

REFERRALS = Record(model.ReferralAgreements, (
    text_field("agreed_by", "the partnership that agreed these referral routes, as named in "
               "suggestions (\"THIN's agreed referral agency for payroll\")", "THIN", required=True,
               max_length=60),
    Field("agreements", ListOf(REFERRAL, max_items=200), "one entry per support need",
          [example_of(REFERRAL)], required=True),
), "agreed referral agencies")
