"""Listings as printed entries: plain rows (who, what, where, when, how, cost, contact).

Every printed edition (the full directory here, and the ward, need and large-print
editions) shows a listing the same way, so the rows are made once, from the
directory's own views (contact, opening hours, languages, A–Z order).
"""
from __future__ import annotations

from ..core import urls as core_urls
from ..core.catalogue import Catalogue
from ..core.i18n import gettext as _
from ..core.present import join_words
from ..core.translate import text_lang
from ..directory import urls as directory_urls
from ..directory import views
from ..directory.indexes import initial, sort_key
from ..directory.model import BOROUGH_WIDE, Organisation, Provider, Service


def _online(cat: Catalogue, path: str) -> str:
    """The listing's page as printed: an address a reader can type, in the document's
    language (a Bengali edition points at the Bengali pages)."""
    return cat.site.base_url.rstrip("/") + core_urls.localised(path)


def _row(label: str, *lines: str | None, lang: str | None = None) -> dict | None:
    """A labelled row; `lang` when its text is content still in the original language.
    The label comes with its colon here, once a row, not in the template's loop: a
    thousand-entry directory has ten thousand rows, its HTML made in the main process
    while the rendering workers wait."""
    kept = [line for line in lines if line]
    # Translators: a printed entry's row: its label, then its text ("Cost: free").
    shown = _("%(label)s:") % {"label": label}
    return {"label": shown, "lines": kept, "lang": lang} if kept else None


def _rows(*rows: dict | None) -> list[dict]:
    return [row for row in rows if row is not None]


def _where(cat: Catalogue, listing) -> dict | None:
    contact = views.contact(listing)
    if BOROUGH_WIDE in listing.wards:
        wards = _("Across the borough")
    else:
        wards = _("Wards: %(wards)s") % {
            "wards": ", ".join(w.name for w in cat.lookup_many("wards", listing.wards))}
    address = ", ".join(contact.address_lines + ((contact.postcode,) if contact.postcode else ()))
    # Translators: a printed entry's row label, before the address and wards.
    return _row(_("Where"), address, wards if listing.wards else None)


def _hours(listing) -> list[str]:
    rows = [f"{row.days}: {row.times}" for row in views.opening_hours(listing.opening_hours)]
    return rows + ([listing.opening_hours_note] if listing.opening_hours_note else [])


def _contact(listing) -> dict | None:
    # Translators: a printed entry's row label, before phone, email and web address.
    label = _("Contact")
    return _row(label, _("Phone %(phone)s") % {"phone": listing.phone} if listing.phone else None,
                _("Email %(email)s") % {"email": listing.email} if listing.email else None,
                _("Web %(web)s") % {"web": listing.website} if listing.website else None)


def _languages(cat: Catalogue, listing) -> dict | None:
    names = [lang.name for lang in views.languages(cat, listing.languages)]
    # Translators: a printed entry's row label, before the languages spoken there.
    return _row(_("Languages"), ", ".join(names)) if names else None


def service_entry(cat: Catalogue, provider: Provider, service: Service, anchor: str) -> dict:
    """One provider's service under its support need: the seven questions a volunteer asks."""
    stages = [s.name for s in cat.lookup_many("stages", service.stages)]
    groups = [g.name for g in cat.lookup_many("groups", service.groups)]
    referral = provider.referral_contact
    return {
        "anchor": anchor, "name": provider.name, "title": service.title,
        "lang": text_lang(provider, "name") or text_lang(service, "title"),
        "url": _online(cat, directory_urls.provider(provider.slug)), "status": None,
        "rows": _rows(
            # Translators: a printed entry's row label: which groups a service is for.
            _row(_("Who"), _("Groups at %(stages)s") % {"stages": join_words(stages)},
                 _("Especially for: %(groups)s") % {"groups": ", ".join(groups)}
                 if groups else None),
            # Translators: a printed entry's row label, before what the service is.
            _row(_("What"), service.description, lang=text_lang(service, "description")),
            _where(cat, provider),
            # Translators: a printed entry's row label, before days and times.
            _row(_("When"), *([service.when] if service.when else _hours(provider)),
                 lang=text_lang(service, "when")),
            _row(_("How to get it"), service.access, lang=text_lang(service, "access")),
            # Translators: a printed entry's row label, before who takes referrals.
            _row(_("Referrals"), ", ".join(
                part for part in (referral.role, referral.email, referral.phone) if part)),
            # Translators: a printed entry's row label, before what a service costs.
            _row(_("Cost"), service.cost, lang=text_lang(service, "cost")),
            _contact(provider),
            _languages(cat, provider)),
    }


def org_entry(cat: Catalogue, org: Organisation, anchor: str) -> dict:
    """One organisation in the A–Z: what it does, where, when and how to reach it."""
    groups = [g.name for g in cat.lookup_many("groups", org.groups)]
    return {
        "anchor": anchor, "name": org.name, "title": None, "lang": text_lang(org, "name"),
        "url": _online(cat, directory_urls.org(org.slug)),
        "status": views.status_label(org.status),
        "rows": _rows(
            _row(_("What"), org.summary, lang=text_lang(org, "summary")),
            _row(_("Who"), ", ".join(groups)) if groups else None,
            _where(cat, org),
            _row(_("When"), *_hours(org)),
            _contact(org),
            _languages(cat, org),
            # Translators: a printed entry's row label, before how accessible a place is.
            _row(_("Access"), org.accessibility, lang=text_lang(org, "accessibility"))),
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
