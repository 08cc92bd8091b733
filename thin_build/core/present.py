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


def pagers(count: int, url_for: Callable[[int], str]) -> list[dict | None]:
    """The pager of each of a list's `count` pages (None when there is only one).

    The pagers share one tuple of page links, so planning a long list stays linear
    in its pages (each rendered page still links to every page).
    """
    if count <= 1:
        return [None] * count
    links = tuple(Link(str(n), url_for(n)) for n in range(1, count + 1))
    return [{"number": n, "count": count,
             "previous": links[n - 2].url if n > 1 else None,
             "next": links[n].url if n < count else None, "pages": links}
            for n in range(1, count + 1)]
