"""Where the calendar, event pages, feeds and the notice board live."""
from __future__ import annotations


def calendar() -> str:
    return "/calendar/"


def calendar_month(year: int, month: int) -> str:
    return f"/calendar/{year:04d}/{month:02d}/"


def calendar_past(number: int = 1) -> str:
    return "/calendar/past/" if number == 1 else f"/calendar/past/page/{number}/"


def calendar_category(slug: str) -> str:
    return f"/calendar/categories/{slug}/"


def calendar_organiser(ref: str) -> str:
    """Events of "orgs/<slug>" or "providers/<slug>": two namespaces, two folders."""
    return f"/calendar/{ref}/"


def calendar_feed() -> str:
    return "/calendar.ics"


def category_feed(slug: str) -> str:
    return f"/calendar/categories/{slug}.ics"


def organiser_feed(ref: str) -> str:
    return f"/calendar/{ref}.ics"


def event(slug: str) -> str:
    return f"/events/{slug}/"


def event_ics(slug: str) -> str:
    return f"/events/{slug}.ics"


def notices() -> str:
    return "/notices/"


def notice(slug: str) -> str:
    return f"/notices/#notice-{slug}"


def updates_feed() -> str:
    """The Atom feed of new events and notices."""
    return "/feed.atom"


def webcal(absolute_url: str) -> str:
    """The subscribe link calendar apps open: the same address with the webcal: scheme."""
    return "webcal:" + absolute_url.partition(":")[2]
