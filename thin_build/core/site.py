"""Site settings (`content/site.yaml`): the portal's name, address and repository.

Every build needs these (the page frame, the sitemap, "suggest an edit" links), so
the site kind belongs to the core rather than to any capability.
"""
from __future__ import annotations

from dataclasses import dataclass

from .declare import Field, Record, text_field
from .fields import EMAIL, Integer, Url


@dataclass(frozen=True, kw_only=True)
class Licence:
    """The licence a site's published data is under: its name and where to read it."""

    name: str
    url: str


OPEN_GOVERNMENT_LICENCE = Licence(
    name="Open Government Licence v3.0",
    url="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")


@dataclass(frozen=True, kw_only=True)
class SiteConfig:
    title: str
    tagline: str
    borough: str
    description: str
    base_url: str
    repository_url: str
    repository_branch: str = "main"
    stale_after_months: int = 12
    contact_email: str
    data_licence: Licence = OPEN_GOVERNMENT_LICENCE


SITE = Record(SiteConfig, (
    text_field("title", "the portal's name", "THIN Portal", required=True, max_length=80),
    text_field("tagline", "one line under the title", "Who does what for Tower Hamlets' voluntary "
               "sector", required=True),
    text_field("borough", "the borough the portal covers", "Tower Hamlets", required=True),
    text_field("description", "what the portal is, for the home page and search engines",
               "Find support for your voluntary or community group, and the groups working near "
               "you.", required=True, max_length=600, multiline=True),
    Field("base_url", Url(), "where the site is published", "https://portal.example.org/",
          required=True),
    Field("repository_url", Url(), "the content repository, for \"suggest an edit\" links",
          "https://git.example.org/thin/portal", required=True),
    text_field("repository_branch", "the branch edits are proposed against", "main"),
    Field("stale_after_months", Integer(1, 120), "months after `last_verified` when a listing "
          "needs review", 12),
    Field("contact_email", EMAIL, "the coordinators' address", "hello@example.org",
          required=True),
    Field("data_licence", Record(Licence, (
        text_field("name", "the licence's name", OPEN_GOVERNMENT_LICENCE.name, required=True,
                   max_length=120),
        Field("url", Url(), "where the licence's text is published", OPEN_GOVERNMENT_LICENCE.url,
              required=True),
    ), "the licence's name and address"), "the licence the site's data downloads are "
          "published under; leave out for the Open Government Licence v3.0",
          {"name": OPEN_GOVERNMENT_LICENCE.name, "url": OPEN_GOVERNMENT_LICENCE.url}),
), "site settings")
