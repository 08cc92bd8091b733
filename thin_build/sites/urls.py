"""Where an organisation's site lives: under its listing's address, `/orgs/<org>/`."""
from __future__ import annotations

from ..directory import urls as directory_urls


def home(org: str) -> str:
    return directory_urls.org(org)


def page(org: str, name: str) -> str:
    return f"{home(org)}{name}/"


def news(org: str) -> str:
    return f"{home(org)}news/"


def post(org: str, name: str) -> str:
    return f"{news(org)}{name}/"


def feed(org: str) -> str:
    return f"{news(org)}feed.atom"


def events(org: str) -> str:
    return f"{home(org)}events/"


def contact(org: str) -> str:
    return f"{home(org)}contact/"


def embed(org: str, name: str) -> str:
    """A file another website shows the group's events or news from (`events.json`)."""
    return f"{home(org)}embed/{name}"


def short(org: str) -> str:
    """The short address printed on flyers, a redirect to the listing or site."""
    return f"/o/{org}/"
