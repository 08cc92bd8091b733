"""Site settings (`content/site.yaml`): the portal's name, address and repository.

Every build needs these (the page frame, the sitemap, "suggest an edit" links), so
the site kind belongs to the core rather than to any capability.
"""
from __future__ import annotations

from dataclasses import dataclass

from .declare import Field, Record, text_field
from .fields import EMAIL, Integer, Url


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
), "site settings")
