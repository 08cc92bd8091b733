"""Where joint projects, their filter pages, exports and feed, and the strategies live.

Projects are under /projects/ (filters under `need/`, `theme/` and `partner/`, which no
project may take as its slug); strategies and the page per theme under /strategies/.
"""
from __future__ import annotations


def projects() -> str:
    return "/projects/"


def project(slug: str) -> str:
    return f"/projects/{slug}/"


def by_need(slug: str) -> str:
    return f"/projects/need/{slug}/"


def by_theme(slug: str) -> str:
    return f"/projects/theme/{slug}/"


def by_partner(ref: str) -> str:
    """`orgs/<slug>` or `providers/<slug>`: the two namespaces stay apart in the URL too."""
    return f"/projects/partner/{ref}/"


def outcomes_csv() -> str:
    return "/projects/outcomes.csv"


def milestones_csv() -> str:
    return "/projects/milestones.csv"


def milestones_feed() -> str:
    return "/projects/milestones.ics"


def strategies() -> str:
    return "/strategies/"


def strategy(slug: str) -> str:
    return f"/strategies/{slug}/"


def theme(slug: str) -> str:
    """A strategy theme: its strategies, its projects and the providers that match it."""
    return f"/strategies/theme/{slug}/"
