"""A small fixed catalogue whose evidence is worked out by hand in the tests.

Ten organisations count (k has closed and is left out). Incomes sit on the band
boundaries (9,999 / 10,000 / 99,999 / 100,000 / 1,000,000); c and j give no income,
c gives no staff or volunteers, b and h no hours.
"""
from __future__ import annotations

import datetime as dt

from thin_build.core.catalogue import Catalogue
from thin_build.core.site import HourlyRate, SiteConfig
from thin_build.core.taxonomy import Term
from thin_build.directory.model import (
    Contact,
    Language,
    Network,
    Organisation,
    Provider,
    Stage,
    Ward,
)

RATE = HourlyRate(amount="14.80", name="London Living Wage",
                  source="Living Wage Foundation, rate announced in October 2025",
                  date=dt.date(2025, 11, 3))
RECENT = dt.date(2026, 6, 1)

#       slug stage income staff vols hours wards verified
ORGS = (
    ("a", 1, 9_999, None, 10, 40, ("w1",), dt.date(2026, 10, 25)),
    ("b", 1, 10_000, 0, 5, None, ("w1", "w2"), dt.date(2025, 11, 24)),
    ("c", 1, None, None, None, 20, ("w1",), dt.date(2025, 11, 25)),
    ("d", 1, 2_000, 0, 4, 16, ("w2",), None),
    ("e", 2, 100_000, 2, 8, 30, ("w1",), RECENT),
    ("f", 2, 99_999, 3, 12, 50, ("w3",), RECENT),
    ("g", 2, 50_000, 1, 6, 24, ("w2",), RECENT),
    ("h", 2, 250_000, 5, 20, None, ("w2",), RECENT),
    ("i", 3, 1_000_000, 10, 30, 100, ("w1", "w3"), RECENT),
    ("j", 3, None, 20, 40, 200, ("w3",), RECENT),
)


def _org(slug, stage, income, staff, volunteers, hours, wards, verified) -> Organisation:
    return Organisation(
        slug=slug, path=f"orgs/{slug}.md", name=f"Group {slug.upper()}", summary="A group.",
        stage=f"stage-{stage}", annual_income=income, paid_staff=staff, volunteers=volunteers,
        volunteer_hours_per_month=hours, wards=wards, last_verified=verified,
        groups={"a": ("g1",), "b": ("g1",), "c": ("g2",)}.get(slug, ()),
        languages=("bn", "en") if slug == "j" else ("en",),
        networks=("n1",) if slug in "abcd" else ())


def _term(cls, slug, **extra):
    return cls(slug=slug, name=f"Term {slug}", **extra)


def catalogue(rate: HourlyRate | None = RATE) -> Catalogue:
    site = SiteConfig(title="Test Portal", tagline="Tests", borough="Tower Hamlets",
                      description="A portal for tests.", base_url="https://portal.example.org/",
                      repository_url="https://git.example.org/thin/portal",
                      contact_email="hello@example.org", volunteer_rate=rate)
    closed = Organisation(slug="k", path="orgs/k.md", name="Group K", summary="Closed.",
                          stage="stage-3", annual_income=5_000_000, paid_staff=50,
                          volunteers=100, volunteer_hours_per_month=1000, wards=("w4",),
                          status="closed", last_verified=RECENT)
    provider = Provider(slug="p", path="providers/p.md", name="Hub", summary="Support.",
                        type="general", wards=("borough-wide",), last_verified=RECENT,
                        referral_contact=Contact(email="referrals@example.org"))
    return Catalogue(site=site, collections={
        "orgs": (*(_org(*row) for row in ORGS), closed),
        "providers": (provider,),
        "stages": tuple(Stage(slug=f"stage-{n}", name=f"Stage {n}", income_guide="about",
                              min_income=0, max_income=1) for n in (1, 2, 3)),
        "wards": tuple(_term(Ward, f"w{n}", code=f"E0500000{n}") for n in (1, 2, 3, 4)),
        "groups": (_term(Term, "g1"), _term(Term, "g2"), _term(Term, "g3")),
        "activities": (_term(Term, "unused"),),
        "languages": (_term(Language, "en", code="en", native_name="English"),
                      _term(Language, "bn", code="bn", native_name="বাংলা")),
        "networks": (_term(Network, "n1"), _term(Network, "n2")),
    })
