"""Presentation helpers every capability's views share: links, dates, lists, phones, email."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import quote

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(frozen=True)
class Link:
    text: str
    url: str


def in_position_order(pairs: Iterable[tuple[int, Link]]) -> tuple[Link, ...]:
    """Links contributed as `(position, Link)` by several capabilities, in menu order."""
    return tuple(link for _position, link in sorted(pairs, key=lambda pair: pair[0]))


def human_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


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
    """"A", "A and B", "A, B and C": lists read as people write them."""
    return ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1]
