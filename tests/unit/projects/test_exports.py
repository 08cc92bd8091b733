"""The outcomes and milestones CSVs, read back with the csv module, and the milestones
feed, read with the three parsers the calendar's tests use."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from tests.helpers import REPO, TODAY
from tests.unit.calendar.test_ics import node_results, python_instances
from thin_build.build import build_site, check_site
from thin_build.projects import feeds

UTC = dt.timezone.utc
WINDOW = (dt.datetime(2025, 1, 1, tzinfo=UTC), dt.datetime(2030, 1, 1, tzinfo=UTC))


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("projects") / "site"
    build_site(REPO, out, TODAY, pdf=False)  # PDFs are not this room's
    catalogue, _ = check_site(REPO, TODAY)
    return catalogue, out


def read_csv(path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\r\n")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_outcomes_csv_round_trips(sample) -> None:
    catalogue, site = sample
    rows = read_csv(site / "projects" / "outcomes.csv")
    expected = [{"project": p.slug, "project_title": p.title, "outcome": o.name,
                 "unit": o.unit, "target": str(o.target), "period_start": a.start.isoformat(),
                 "period_end": a.end.isoformat(), "actual": str(a.value)}
                for p in catalogue.projects for o in p.outcomes for a in o.actuals]
    assert rows == expected
    assert sum(int(r["actual"]) for r in rows if r["project"] == "young-leaders") == 90


def test_milestones_csv_round_trips(sample) -> None:
    catalogue, site = sample
    rows = read_csv(site / "projects" / "milestones.csv")
    assert len(rows) == (sum(len(p.milestones) for p in catalogue.projects)
                         + sum(len(s.milestones) for s in catalogue.strategies))
    assert rows[0] == {"kind": "project", "slug": "digital-skills-for-staff",
                       "title": "Digital skills for community staff",
                       "milestone": "Course materials written", "due": "2026-03-31",
                       "status": "done", "note": ""}
    assert {r["kind"] for r in rows} == {"project", "strategy"}


def test_formula_text_is_neutralised(make_site, tmp_path) -> None:
    root = make_site({"content/projects/p.md": (
        "---\ntitle: P\nsummary: S\nlead: providers/hub\nfunder: F\nstart: 2026-04-01\n"
        "end: 2027-03-31\nbudget: 100\nmilestones:\n  - title: \"=HYPERLINK(1)\"\n"
        "    due: 2026-05-01\n---\n")})
    build_site(root, tmp_path / "site", TODAY, pdf=False)
    rows = read_csv(tmp_path / "site" / "projects" / "milestones.csv")
    assert [r["milestone"] for r in rows if r["slug"] == "p"] == ["'=HYPERLINK(1)"]


def test_milestones_feed_parses_identically_in_three_parsers(sample) -> None:
    catalogue, site = sample
    path = site / "projects" / "milestones.ics"
    owners = [("project", p.slug, p.milestones) for p in catalogue.projects] + [
        ("strategy", s.slug, s.milestones) for s in catalogue.strategies]
    expected = sorted(([feeds.uid(catalogue, kind, slug, i), m.due.isoformat(),
                        (m.due + dt.timedelta(days=1)).isoformat()]
                       for kind, slug, milestones in owners
                       for i, m in enumerate(milestones)),
                      key=lambda entry: (entry[1], entry[0]))
    assert len(expected) == 40
    assert python_instances(path.read_bytes(), *WINDOW) == expected
    node = node_results(path, *WINDOW)
    assert node["node-ical"]["instances"] == expected
    assert node["ical.js"]["instances"] == expected
    text = path.read_bytes().decode()
    assert "PRODID:-//" in text and "Project milestones" in text
    assert "UID:project-digital-skills-for-staff-milestone-2@" in text
