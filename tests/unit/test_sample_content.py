"""The bundled sample content: valid, and as rich as the foundation issue asks."""
from __future__ import annotations

import csv
from collections import Counter

import pytest

from tests.helpers import REPO, TODAY
from thin_build.build import check_site
from thin_build.core.load import slugify


@pytest.fixture(scope="module")
def sample():
    catalogue, problems = check_site(REPO, TODAY)
    assert catalogue is not None, "\n".join(map(str, problems))
    return catalogue, problems


def test_sample_has_no_errors_and_only_the_deliberate_warnings(sample) -> None:
    _, problems = sample
    codes = Counter(p.code for p in problems)
    assert not [p for p in problems if p.is_error]
    # Two notices past expiry; one site whose orange accent the build darkens for its text.
    assert codes == {"stale": 4, "unverified": 2, "expired": 2, "low-contrast-accent": 1}


def test_sample_covers_every_ward_stage_group_and_activity(sample) -> None:
    cat, _ = sample
    assert len(cat.orgs) >= 40
    assert 13 <= len(cat.providers) <= 20
    per_ward = Counter(w for org in cat.orgs for w in org.wards)
    assert all(per_ward[w.slug] >= 2 for w in cat.wards)
    assert {o.stage for o in cat.orgs} == {s.slug for s in cat.stages}
    assert {g for o in cat.orgs for g in o.groups} == {g.slug for g in cat.groups}
    assert {a for o in cat.orgs for a in o.activities} == {a.slug for a in cat.activities}
    assert {p.type for p in cat.providers} == {t.slug for t in cat.provider_types}
    assert {s.need for p in cat.providers for s in p.services} == {n.slug for n in cat.needs}
    assert {o.status for o in cat.orgs} == {"active", "temporarily-closed", "closed"}
    assert any(period.past_midnight for o in cat.orgs for period in o.opening_hours)


def test_sample_contacts_are_fictional(sample) -> None:
    """Sample data must never point at real people: example.org and Ofcom drama numbers."""
    cat, _ = sample
    for listing in cat.orgs + cat.providers:
        for email in filter(None, (listing.email, getattr(getattr(listing, "referral_contact", None), "email", None))):
            assert email.endswith("example.org"), listing.path
        if listing.website:
            assert ".example.org" in listing.website, listing.path
        for phone in filter(None, (listing.phone,)):
            digits = phone.replace(" ", "")
            assert digits.startswith("0207946") and 0 <= int(digits[-4:]) <= 999, listing.path


def test_wards_match_the_ons_lookup(sample) -> None:
    cat, _ = sample
    with open(REPO / "docs" / "data" / "tower-hamlets-wards-2024.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {(w.code, w.name) for w in cat.wards} == {(r["ward_code"], r["ward_name"]) for r in rows}
    assert all(w.slug == slugify(w.name.replace("&", "")) for w in cat.wards)
