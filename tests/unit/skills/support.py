"""A small catalogue of organisations with skills, built in memory for matching tests."""
from __future__ import annotations

from thin_build.core.catalogue import Catalogue
from thin_build.core.site import SiteConfig
from thin_build.core.taxonomy import Term
from thin_build.directory.model import Organisation, SkillEntry, Stage, Ward

SITE = SiteConfig(title="Test Portal", tagline="Tests", borough="Tower Hamlets",
                  description="A portal for tests.", base_url="https://portal.example.org/",
                  repository_url="https://git.example.org/thin/portal",
                  contact_email="hello@example.org")


def org(slug: str, offers: str = "", wants: str = "", wards: str = "w1", stage: int = 1,
        name: str | None = None, email: bool = True, status: str = "active") -> Organisation:
    """`offers` and `wants` are skill slugs separated by spaces."""
    return Organisation(
        slug=slug, path=f"orgs/{slug}.md", name=name or f"Group {slug}", summary="A group.",
        stage=f"stage-{stage}", wards=tuple(wards.split()), status=status,
        email=f"hello@{slug}.example.org" if email else None,
        skills_offered=tuple(SkillEntry(skill=s) for s in offers.split()),
        skills_wanted=tuple(SkillEntry(skill=s) for s in wants.split()))


def catalogue(*orgs: Organisation, skills: int = 6, wards: int = 4) -> Catalogue:
    return Catalogue(site=SITE, collections={
        "orgs": tuple(sorted(orgs, key=lambda o: o.slug)),
        "stages": tuple(Stage(slug=f"stage-{n}", name=f"Stage {n}", income_guide="about",
                              min_income=0, max_income=1) for n in (1, 2, 3)),
        "wards": tuple(Ward(slug=f"w{n}", name=f"Ward {n}", code=f"E0500000{n}")
                       for n in range(1, wards + 1)),
        "skills": tuple(Term(slug=f"s{n}", name=f"Skill {n}") for n in range(1, skills + 1)),
    })
