"""Where and when, read from one Open Referral service: address, opening hours, areas.

A listing has one address and one set of opening hours; in Open Referral they belong
to each service. So the listing takes them from its first service, and a later
service that says something else gets a note (the export writes the same on each).
"""
from __future__ import annotations

import re

from ..directory.model import BOROUGH_WIDE, DAYS
from .documents import Doc
from .resolve import Terms

DAY_CODES = dict(zip(("MO", "TU", "WE", "TH", "FR", "SA", "SU"), DAYS))
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?")


def place(service: Doc) -> dict:
    """Address, postcode and accessibility of the service's first location."""
    return service.memo("place", lambda: _place(service))


def _place(service: Doc) -> dict:
    values: dict = {}
    locations = service.children("service_at_locations")
    for extra in locations[1:]:
        service.findings.note(extra.where, "a listing has one address; only the first "
                              "location is imported")
    location = locations[0].child("location") if locations else None
    if location is None:
        return values
    location.read.update(("location_type", "name", "description"))
    addresses = location.children("addresses")
    if addresses:
        address = addresses[0]
        lines = [address.text(key) for key in ("address_1", "address_2", "city")]
        address.read.update(("state_province", "country", "address_type", "region"))
        values["address"] = "\n".join(line for line in lines if line) or None
        values["postcode"] = address.text("postal_code")
    access = location.children("accessibility")
    if access:
        values["accessibility"] = access[0].text("description") or access[0].text("details")
        access[0].read.update(("details", "accessibility", "url"))
    return values


def hours(service: Doc) -> tuple[dict, list[str]]:
    """Opening hours (and their note) from weekly schedules, and the descriptions of
    schedules that are only words ("by appointment"), which become a service's `when`."""
    return service.memo("hours", lambda: _hours(service))


def _hours(service: Doc) -> tuple[dict, list[str]]:
    periods, note, words = [], None, []
    for schedule in service.children("schedules"):
        freq, byday = schedule.text("freq"), schedule.text("byday")
        opens, closes = _time(schedule, "opens_at"), _time(schedule, "closes_at")
        description = schedule.text("description")
        interval = schedule.number("interval")
        if byday and opens and closes and freq in (None, "WEEKLY") and interval in (None, 1):
            days = _days(schedule, byday)
            if days:
                periods.append({"days": days, "opens": opens, "closes": closes})
                notes = schedule.text("notes")  # the listing's one note, on every period
                note = note or notes or description
        elif description and not byday:
            words.append(description)
        else:
            schedule.findings.note(schedule.where, "only weekly opening times (WEEKLY with "
                                   "byday, opens_at and closes_at) can be imported; left out")
    values = {"opening_hours": periods, "opening_hours_note": note} if periods else {}
    return values, words


def _days(schedule: Doc, byday: str) -> list[str]:
    codes = [code.strip().upper() for code in byday.split(",")]
    unknown = [code for code in codes if code not in DAY_CODES]
    if unknown:
        schedule.findings.error(schedule.at("byday"), f"expected days such as MO,TU,WE; "
                                f"found {', '.join(unknown)}")
        return []
    return [DAY_CODES[code] for code in codes]


def _time(schedule: Doc, key: str) -> str | None:
    value = schedule.text(key)
    if value is None:
        return None
    if not _TIME.fullmatch(value):
        schedule.findings.error(schedule.at(key), f"expected a time such as 09:30:00, "
                                f"found {value!r}")
        return None
    return value[:5]


def areas(terms: Terms, service: Doc) -> list[str]:
    """Wards from the service's areas and area attributes, in the order given."""
    return list(service.memo("areas", lambda: _areas(terms, service)))


def _areas(terms: Terms, service: Doc) -> list[str]:
    found = [terms.area(area) for area in service.children("service_areas")]
    found += terms.attribute_terms(service, "area")
    result: list[str] = []
    for slug in found:
        if slug and slug not in result:
            result.append(slug)
    return [BOROUGH_WIDE] if BOROUGH_WIDE in result else result


def languages(terms: Terms, service: Doc) -> list[str]:
    return list(service.memo("languages", lambda: _languages(terms, service)))


def _languages(terms: Terms, service: Doc) -> list[str]:
    result = []
    for language in service.children("languages"):
        name, code = language.text("name"), language.text("code")
        slug = terms.find("languages", code, name)
        if slug is None:
            language.findings.note(language.where, f"language {name or code!r} is not in the "
                                   "portal's languages; left out" if name or code else
                                   "a language without a name or code; left out")
        elif slug not in result:
            result.append(slug)
    return result


def phone(doc: Doc) -> str | None:
    return doc.memo("phone", lambda: _phone(doc))


def _phone(doc: Doc) -> str | None:
    numbers = [p.text("number") for p in doc.children("phones")]
    for extra in doc.children("phones")[1:]:
        extra.findings.note(extra.where, "only the first phone number is imported")
    return numbers[0] if numbers else None
