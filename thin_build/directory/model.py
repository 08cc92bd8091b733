"""The directory's records: organisations, providers, their services and taxonomies.

Records hold converted values only (dates are dates, lists are tuples); how a value
was spelled in its file is the loader's business and how it looks on a page is the
views'. Nothing here reads files or knows about HTML.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from types import MappingProxyType

from ..core.taxonomy import Term
from ..core.translatable import Translatable

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = MappingProxyType(dict(zip(DAYS, (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))))
BOROUGH_WIDE = "borough-wide"
STATUSES = ("active", "temporarily-closed", "closed")
# The looks an organisation's own site can take (`theme:`); the sites room draws each one.
SITE_THEMES = ("plain", "bold", "calm")


@dataclass(frozen=True, kw_only=True)
class Stage(Term):
    """A stage of development from the THIN plan, with its rough income band."""

    income_guide: str
    min_income: int
    max_income: int


@dataclass(frozen=True, kw_only=True)
class Ward(Term):
    code: str


@dataclass(frozen=True, kw_only=True)
class Language(Term):
    code: str
    native_name: str


@dataclass(frozen=True, kw_only=True)
class Network(Term):
    convenor: str | None = None
    website: str | None = None


@dataclass(frozen=True, kw_only=True)
class SkillEntry:
    """A skill an organisation offers or wants: a term of the skills taxonomy, so offers
    and wants can be matched, with the organisation's own words beside it."""

    skill: str
    detail: str | None = None


@dataclass(frozen=True, kw_only=True)
class OpeningPeriod:
    """Opening times on some days; `closes` earlier than `opens` means past midnight."""

    days: tuple[str, ...]
    opens: str
    closes: str

    @property
    def past_midnight(self) -> bool:
        return self.closes <= self.opens


@dataclass(frozen=True, kw_only=True)
class Contact(Translatable):
    role: str | None = None
    email: str
    phone: str | None = None


@dataclass(frozen=True, kw_only=True)
class Service(Translatable):
    """One thing a provider offers for one support need: what, who for, how, when, cost."""

    need: str
    title: str
    description: str
    stages: tuple[str, ...]
    groups: tuple[str, ...] = ()
    access: str
    when: str | None = None
    cost: str
    free_for: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Listing(Translatable):
    """What organisations and providers share: identity, contact and freshness."""

    slug: str
    path: str
    name: str
    summary: str
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    postcode: str | None = None
    wards: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    opening_hours: tuple[OpeningPeriod, ...] = ()
    opening_hours_note: str | None = None
    accessibility: str | None = None
    logo: str | None = None
    accent_colour: str | None = None
    last_verified: dt.date | None = None
    body: str | None = None


@dataclass(frozen=True, kw_only=True)
class Organisation(Listing):
    """A voluntary or community organisation (VCO) and its small website."""

    charity_number: str | None = None
    company_number: str | None = None
    groups: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    stage: str
    annual_income: int | None = None
    paid_staff: int | None = None
    volunteers: int | None = None
    volunteer_hours_per_month: int | None = None
    networks: tuple[str, ...] = ()
    works_with: tuple[str, ...] = ()
    support_needs: tuple[str, ...] = ()
    skills_offered: tuple[SkillEntry, ...] = ()
    skills_wanted: tuple[SkillEntry, ...] = ()
    status: str = "active"
    theme: str | None = None  # None: the first of SITE_THEMES, `plain`


@dataclass(frozen=True, kw_only=True)
class Provider(Listing):
    """An infrastructure support provider and the services it offers VCOs."""

    type: str
    specialisms: tuple[str, ...] = ()
    referral_contact: Contact
    services: tuple[Service, ...] = ()

    @property
    def borough_wide(self) -> bool:
        return BOROUGH_WIDE in self.wards


def split_listing_ref(ref: str) -> tuple[str, str]:
    """"orgs/bow-youth" → ("orgs", "bow-youth"), the arguments of `Catalogue.lookup`."""
    collection, _, slug = ref.partition("/")
    return collection, slug


def review_date(last_verified: dt.date, months: int) -> dt.date:
    """The day a listing verified on `last_verified` is due for review again.

    The same day `months` later, or that month's last day when it is shorter
    (verified 31 August, due 28 or 29 February with six months).
    """
    year, month = divmod(last_verified.month - 1 + months, 12)
    year += last_verified.year
    day = min(last_verified.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def review_due(last_verified: dt.date | None, months: int, today: dt.date) -> bool:
    """True when a listing was never verified or was verified `months` or more ago."""
    return last_verified is None or review_date(last_verified, months) <= today
