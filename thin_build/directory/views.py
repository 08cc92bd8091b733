"""Views: catalogue records → the plain, resolved data a template shows.

Templates loop and format; they never look things up. So every slug here becomes a
name and a link, every date a human date, every colour a checked pair of colours,
and every listing's schema.org description a ready, escaped JSON string.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core import urls as core_urls
from ..core.catalogue import Catalogue
from ..core.i18n import N_, format_date, format_time
from ..core.i18n import gettext as _
from ..core.markup import json_for_html, text_colour_on
from ..core.present import Link, human_date, join_words, tel_uri
from ..core.translate import text_lang
from . import model, urls

# Marked here, translated where shown (`status_label`).
STATUS_LABELS = {"active": None, "temporarily-closed": N_("Temporarily closed"),
                 "closed": N_("Closed")}
_A_MONDAY = dt.date(2024, 1, 1)


def status_label(status: str) -> str | None:
    """A listing's status badge in the page's language; None for an active listing."""
    label = STATUS_LABELS[status]
    return _(label) if label else None


def day_name(day: str, width: str = "EEEE") -> str:
    """"Monday" (or "Mon" with width "EEE") for a day code, in the page's language."""
    return format_date(_A_MONDAY + dt.timedelta(days=model.DAYS.index(day)), width)


@dataclass(frozen=True)
class LanguageView:
    """A language shown in English with its own name marked up in its own language."""

    name: str
    native_name: str
    code: str
    url: str | None = None


@dataclass(frozen=True)
class HoursRow:
    days: str
    times: str


@dataclass(frozen=True)
class ContactView:
    website: str | None
    email: str | None
    phone: str | None
    tel: str | None
    address_lines: tuple[str, ...]
    postcode: str | None


@dataclass(frozen=True)
class Freshness:
    """When a listing was last checked, whether it is due for review, and how to fix it."""

    verified_text: str | None
    verified_iso: str | None
    needs_review: bool
    edit_url: str
    report_url: str


@dataclass(frozen=True)
class Theme:
    accent: str
    on_accent: str


@dataclass(frozen=True)
class Card:
    """A listing in a list: enough to choose whether to open it."""

    name: str
    url: str
    summary: str
    detail: str
    status: str | None
    lang: str | None = None  # the name's and summary's, when not the page's language


@dataclass(frozen=True)
class SkillView:
    """A skill offered or wanted: the term's name, and the group's own words if any."""

    name: str
    detail: str | None


def skills(cat: Catalogue, entries: tuple[model.SkillEntry, ...]) -> tuple[SkillView, ...]:
    return tuple(SkillView(cat.lookup("skills", e.skill).name, e.detail) for e in entries)


def term_links(cat: Catalogue, collection: str, slugs, facet: str | None = None):
    """Names (and browse links, where the facet has pages) for a list of slugs."""
    terms = cat.lookup_many(collection, slugs)
    return tuple(Link(t.name, urls.browse(facet, t.slug) if facet else "", text_lang(t, "name"))
                 for t in terms)


def languages(cat: Catalogue, slugs) -> tuple[LanguageView, ...]:
    return tuple(LanguageView(lang.name, lang.native_name, lang.code)
                 for lang in cat.lookup_many("languages", slugs))


def opening_hours(periods) -> tuple[HoursRow, ...]:
    return tuple(HoursRow(_day_range(p.days), _range(_clock(p.opens), _clock(p.closes))
                          + (" " + _("the next day") if p.past_midnight else ""))
                 for p in periods)


def _clock(time: str) -> str:
    """"14:30" as the page's language writes a time of day (as the calendar does);
    "24:00", closing at midnight, is no time of day to Babel, so it stays as written."""
    hours, minutes = (int(part) for part in time.split(":"))
    return time if hours == 24 else format_time(dt.time(hours, minutes), "short")


def _range(start: str, end: str) -> str:
    # Translators: a range of days or of times: "Monday to Thursday", "09:00 to 17:00"
    return _("%(start)s to %(end)s") % {"start": start, "end": end}


def _day_range(days: tuple[str, ...]) -> str:
    """"Monday to Thursday" for consecutive days, otherwise a list."""
    order = sorted(model.DAYS.index(d) for d in days)
    names = [day_name(model.DAYS[i]) for i in order]
    if len(order) > 2 and order == list(range(order[0], order[-1] + 1)):
        return _range(names[0], names[-1])
    return join_words(names)


def contact(listing: model.Listing) -> ContactView:
    return ContactView(
        website=listing.website, email=listing.email, phone=listing.phone,
        tel=tel_uri(listing.phone) if listing.phone else None,
        address_lines=tuple(line.strip() for line in (listing.address or "").splitlines()
                            if line.strip()),
        postcode=listing.postcode)


def freshness(cat: Catalogue, listing: model.Listing, today: dt.date) -> Freshness:
    site = cat.site
    verified = listing.last_verified
    return Freshness(
        verified_text=human_date(verified) if verified else None,
        verified_iso=verified.isoformat() if verified else None,
        needs_review=model.review_due(verified, site.stale_after_months, today),
        edit_url=core_urls.edit_link(site.repository_url, site.repository_branch, listing.path),
        report_url=core_urls.report_problem_link(site.repository_url, listing.name, listing.path))


def theme(listing: model.Listing) -> Theme | None:
    if not listing.accent_colour:
        return None
    return Theme(listing.accent_colour, text_colour_on(listing.accent_colour))


def org_card(cat: Catalogue, org: model.Organisation) -> Card:
    wards = ", ".join(w.name for w in cat.lookup_many("wards", org.wards))
    return Card(org.name, urls.org(org.slug), org.summary, wards, status_label(org.status),
                text_lang(org, "name", "summary"))


def provider_card(cat: Catalogue, provider: model.Provider) -> Card:
    kind = cat.lookup("provider_types", provider.type).name
    return Card(provider.name, urls.provider(provider.slug), provider.summary, kind, None,
                text_lang(provider, "name", "summary"))


def listing_json_ld(cat: Catalogue, listing: model.Listing, schema_type: str) -> str:
    """schema.org description of an organisation, escaped for a `<script>` element."""
    data: dict = {
        "@context": "https://schema.org", "@type": schema_type, "name": listing.name,
        "description": listing.summary,
        "url": cat.site.base_url.rstrip("/") + urls.org(listing.slug)
        if isinstance(listing, model.Organisation)
        else cat.site.base_url.rstrip("/") + urls.provider(listing.slug),
        "areaServed": [{"@type": "AdministrativeArea", "name": ward.name,
                        "identifier": ward.code}
                       for ward in cat.lookup_many("wards", [w for w in listing.wards
                                                             if w != model.BOROUGH_WIDE])]
        or {"@type": "AdministrativeArea", "name": f"London Borough of {cat.site.borough}"},
        "knowsLanguage": [lang.code for lang in cat.lookup_many("languages", listing.languages)],
    }
    for key, value in (("sameAs", listing.website), ("email", listing.email),
                       ("telephone", listing.phone)):
        if value:
            data[key] = value
    if listing.address or listing.postcode:
        lines = contact(listing).address_lines
        data["address"] = {"@type": "PostalAddress",
                           "streetAddress": ", ".join(lines[:-1] or lines),
                           "addressLocality": lines[-1] if len(lines) > 1 else "London",
                           "postalCode": listing.postcode or "", "addressCountry": "GB"}
    if listing.opening_hours:
        data["openingHoursSpecification"] = [
            {"@type": "OpeningHoursSpecification", "opens": p.opens, "closes": p.closes,
             "dayOfWeek": [f"https://schema.org/{model.DAY_NAMES[d]}" for d in p.days]}
            for p in listing.opening_hours]
    if isinstance(listing, model.Organisation) and listing.charity_number:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "Charity number",
                              "value": listing.charity_number}
    return json_for_html(data)
