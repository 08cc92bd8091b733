"""Listings as printed entries: plain rows (who, what, where, when, how, cost, contact).

Every printed edition (the full directory here, and the ward, need and large-print
editions) shows a listing the same way, so the rows are made once, from the
directory's own views (contact, opening hours, languages, A–Z order).
"""
from __future__ import annotations

from ..core.catalogue import Catalogue
from ..core.present import join_words
from ..directory import urls as directory_urls
from ..directory import views
from ..directory.indexes import initial, sort_key
from ..directory.model import BOROUGH_WIDE, Organisation, Provider, Service


def _online(cat: Catalogue, path: str) -> str:
    """The listing's page as printed: an address a reader can type."""
    return cat.site.base_url.rstrip("/") + path


def _row(label: str, *lines: str | None) -> dict | None:
    kept = [line for line in lines if line]
    return {"label": label, "lines": kept} if kept else None


def _rows(*rows: dict | None) -> list[dict]:
    return [row for row in rows if row is not None]


def _where(cat: Catalogue, listing) -> dict | None:
    contact = views.contact(listing)
    if BOROUGH_WIDE in listing.wards:
        wards = "Across the borough"
    else:
        wards = "Wards: " + ", ".join(w.name for w in cat.lookup_many("wards", listing.wards))
    address = ", ".join(contact.address_lines + ((contact.postcode,) if contact.postcode else ()))
    return _row("Where", address, wards if listing.wards else None)


def _hours(listing) -> list[str]:
    rows = [f"{row.days}: {row.times}" for row in views.opening_hours(listing.opening_hours)]
    return rows + ([listing.opening_hours_note] if listing.opening_hours_note else [])


def _contact(listing) -> dict | None:
    return _row("Contact", f"Phone {listing.phone}" if listing.phone else None,
                f"Email {listing.email}" if listing.email else None,
                f"Web {listing.website}" if listing.website else None)


def _languages(cat: Catalogue, listing) -> dict | None:
    names = [lang.name for lang in views.languages(cat, listing.languages)]
    return _row("Languages", ", ".join(names)) if names else None


def service_entry(cat: Catalogue, provider: Provider, service: Service, anchor: str) -> dict:
    """One provider's service under its support need: the seven questions a volunteer asks."""
    stages = [s.name for s in cat.lookup_many("stages", service.stages)]
    groups = [g.name for g in cat.lookup_many("groups", service.groups)]
    referral = provider.referral_contact
    return {
        "anchor": anchor, "name": provider.name, "title": service.title,
        "url": _online(cat, directory_urls.provider(provider.slug)), "status": None,
        "rows": _rows(
            _row("Who", "Groups at " + join_words(stages),
                 ("Especially for: " + ", ".join(groups)) if groups else None),
            _row("What", service.description),
            _where(cat, provider),
            _row("When", *([service.when] if service.when else _hours(provider))),
            _row("How to get it", service.access),
            _row("Referrals", ", ".join(
                part for part in (referral.role, referral.email, referral.phone) if part)),
            _row("Cost", service.cost),
            _contact(provider),
            _languages(cat, provider)),
    }


def org_entry(cat: Catalogue, org: Organisation, anchor: str) -> dict:
    """One organisation in the A–Z: what it does, where, when and how to reach it."""
    groups = [g.name for g in cat.lookup_many("groups", org.groups)]
    return {
        "anchor": anchor, "name": org.name, "title": None,
        "url": _online(cat, directory_urls.org(org.slug)),
        "status": views.STATUS_LABELS[org.status],
        "rows": _rows(
            _row("What", org.summary),
            _row("Who", ", ".join(groups)) if groups else None,
            _where(cat, org),
            _row("When", *_hours(org)),
            _contact(org),
            _languages(cat, org),
            _row("Access", org.accessibility)),
    }


def by_need(cat: Catalogue, providers) -> list[dict]:
    """Each support need (taxonomy order) with its providers' services, A–Z by provider."""
    ordered = sorted(providers, key=lambda p: (sort_key(p.name), p.slug))
    sections = []
    for need in cat.needs:
        entries = [service_entry(cat, provider, service, f"s-{provider.slug}-{number}")
                   for provider in ordered
                   for number, service in enumerate(provider.services, 1)
                   if service.need == need.slug]
        if entries:
            sections.append({"anchor": f"need-{need.slug}", "name": need.name,
                             "entries": entries})
    return sections


def a_to_z(cat: Catalogue, orgs) -> list[dict]:
    """Organisations by initial letter, in the directory's own A–Z order."""
    letters: dict[str, list[dict]] = {}
    for org in sorted(orgs, key=lambda o: (sort_key(o.name), o.slug)):
        letters.setdefault(initial(org.name), []).append(org_entry(cat, org, f"o-{org.slug}"))
    return [{"letter": letter, "anchor": f"letter-{'0' if letter == '#' else letter.lower()}",
             "entries": entries} for letter, entries in letters.items()]
