"""Presentation helpers every capability's views share: links, dates, lists, phones, email.

Dates and lists are written in the language of the page being built (`core.i18n`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Iterable
from urllib.parse import quote

from .i18n import format_date, format_list


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    lang: str | None = None  # the text's language when not the page's (`translate.text_lang`)


def in_position_order(pairs: Iterable[tuple[int, Link]]) -> tuple[Link, ...]:
    """Links contributed as `(position, Link)` by several capabilities, in menu order."""
    return tuple(link for _position, link in sorted(pairs, key=lambda pair: pair[0]))


def human_date(day: dt.date) -> str:
    """"24 November 2026" in English, "24 নভেম্বর, 2026" in Bengali."""
    return format_date(day, "long")


def day_and_month(day: dt.date) -> str:
    """"24 November": a date in a list where the year is plain from the heading."""
    return format_date(day, "d MMMM")


def month_and_year(year: int, month: int) -> str:
    """"November 2026": a calendar month's name, in the page's language."""
    return format_date(dt.date(year, month, 1), "LLLL y")


def tel_uri(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return "tel:+44" + digits[1:] if digits.startswith("0") else "tel:+" + digits


def mailto(email: str, subject: str, body: str = "") -> str:
    """A mailto: URL with the address's local part, subject and body percent-encoded
    (RFC 6068: lines in the body end in CRLF), so content can never add a header."""
    local, _, domain = email.rpartition("@")
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"?subject={quote(subject, safe='')}"
    if body:
        query += f"&body={quote(body, safe='')}"
    return f"mailto:{quote(local, safe='')}@{domain}{query}"


def join_words(items: list[str]) -> str:
    """"A", "A and B", "A, B and C": lists read as people write them, in the page's language."""
    return format_list(items)


PAGER_REACH = 2  # page links either side of the current one


def pagers(count: int, url_for: Callable[[int], str]) -> list[dict | None]:
    """The pager of each of a list's `count` pages (None when there is only one).

    A pager links the first and last pages and those within `PAGER_REACH` of the
    current one, with a gap (None) for each run of pages left out, as GOV.UK's
    pagination does: a page of the A–Z at 20,000 organisations links 7 pages, not 667,
    so its plan, its HTML and the time to make both stay the same size however long
    the list grows. A gap never stands for a single page: that page is linked instead.
    """
    if count <= 1:
        return [None] * count
    links = tuple(Link(str(n), url_for(n)) for n in range(1, count + 1))
    return [{"number": n, "count": count, "current": links[n - 1].url,
             "previous": links[n - 2].url if n > 1 else None,
             "next": links[n].url if n < count else None, "pages": _window(links, n)}
            for n in range(1, count + 1)]


def _window(links: tuple[Link, ...], number: int) -> tuple[Link | None, ...]:
    count = len(links)
    low, high = max(1, number - PAGER_REACH), min(count, number + PAGER_REACH)
    shown = sorted({1, count, *range(low, high + 1)})
    window: list[Link | None] = []
    for previous, page in zip([0, *shown], shown):
        if page - previous == 2:  # one page left out: link it rather than a gap
            window.append(links[page - 2])
        elif page - previous > 2:
            window.append(None)
        window.append(links[page - 1])
    return tuple(window)