"""The directory's listings as Open Referral UK organizations and services.

A provider is an organization whose services are its services; a voluntary or
community organisation (VCO) is an organization with one service, its own offer to
the public (named after it), because council directories list services and that is
where ORUK keeps places, times, areas and languages. What a listing says about
itself in general (address, opening hours, languages, wards) goes on each of its
services. Fields the UK profile lacks but HSDS 3.0 has (`phones`,
`application_process`, `eligibility_description`, a language's `name` and `code`,
`address_2`) are written under their HSDS names; docs/openreferral.md has the table.
"""
from __future__ import annotations

from ..core import urls as core_urls
from ..core.catalogue import Catalogue
from ..core.load import slugify
from ..directory import urls as directory_urls
from ..directory.model import BOROUGH_WIDE, DAYS, Listing, Organisation, Provider, Service
from .ids import oruk_id
from .terms import ONS_GEOGRAPHY, attributes

BYDAY = dict(zip(DAYS, ("MO", "TU", "WE", "TH", "FR", "SA", "SU")))
STATUS = {"active": "active", "temporarily-closed": "temporarily closed", "closed": "defunct"}
IDENTIFIERS = (("charity_number", "GB-CHC", "Charity number"),
               ("company_number", "GB-COH", "Company number"))


def _drop_empty(doc: dict) -> dict:
    return {key: value for key, value in doc.items() if value not in (None, "", [])}


def _key(listing: Listing) -> tuple[str, str]:
    return ("provider" if isinstance(listing, Provider) else "org", listing.slug)


def organization_summary(cat: Catalogue, listing: Listing) -> dict:
    """The fields of `organization_list.json`: a list item, and a service's organization."""
    base = cat.site.base_url.rstrip("/")
    page = (directory_urls.provider if isinstance(listing, Provider) else directory_urls.org)
    return _drop_empty({
        "id": oruk_id(*_key(listing)), "name": listing.name, "description": listing.summary,
        "email": listing.email, "website": listing.website,
        "logo": base + core_urls.media(listing.logo) if listing.logo else None,
        "uri": base + page(listing.slug)})


def organization_document(cat: Catalogue, listing: Listing, services: list[dict]) -> dict:
    """One organization with everything ORUK can say about it, and its `services` as
    summaries (`feed.service_summary`): each service's detail is in its own document,
    so the feed does not carry it twice."""
    key = _key(listing)
    doc = organization_summary(cat, listing)
    if isinstance(listing, Provider):
        links = (("provider_type", (listing.type,)), ("specialism", listing.specialisms))
    else:
        links = (("stage", (listing.stage,)), ("network", listing.networks),
                 ("support_need", listing.support_needs))
        doc["organization_identifiers"] = [
            {"id": oruk_id(*key, "identifier", scheme), "organization_id": doc["id"],
             "identifier_scheme": scheme, "identifier_type": label,
             "identifier": getattr(listing, field)}
            for field, scheme, label in IDENTIFIERS if getattr(listing, field)]
    doc["attributes"] = attributes(cat, key, doc["id"], links)
    doc["phones"] = _phones(key, listing.phone)
    doc["services"] = [{k: v for k, v in service.items() if k != "organization"}
                       for service in services]
    return _drop_empty(doc)


def service_documents(cat: Catalogue, listing: Listing) -> list[dict]:
    """The full service documents of one listing, each with its organization summary."""
    organization = organization_summary(cat, listing)
    if isinstance(listing, Organisation):
        return [_service(cat, listing, organization, (*_key(listing), "service"), {
            "name": listing.name, "description": listing.summary, "url": listing.website,
            "email": listing.email, "status": STATUS[listing.status]}, (
            ("group", listing.groups), ("activity", listing.activities),
            ("area", listing.wards)), [])]
    taken: set[str] = set()
    return [_provider_service(cat, listing, organization, service, taken)
            for service in listing.services]


def _provider_service(cat: Catalogue, provider: Provider, organization: dict, service: Service,
                      taken: set[str]) -> dict:
    name = slugify(service.title) or "service"
    unique, number = name, 2
    while unique in taken:  # two services of one provider with the same title
        unique, number = f"{name}-{number}", number + 1
    taken.add(unique)
    key = ("provider", provider.slug, "service", unique)
    stages = cat.lookup_many("stages", service.stages)
    groups = cat.lookup_many("groups", service.groups)
    eligibility = "For organisations at " + ", ".join(s.name for s in stages)
    if groups:
        eligibility += "; working with " + ", ".join(g.name.lower() for g in groups)
    contact = provider.referral_contact
    own = {"name": service.title, "description": service.description, "url": provider.website,
           "email": contact.email, "status": "active", "fees": service.cost,
           "application_process": service.access, "eligibility_description": eligibility + "."}
    extra = [{"id": oruk_id(*key, "schedule", "when"), "description": service.when}] \
        if service.when else []
    doc = _service(cat, provider, organization, key, own, (
        ("need", (service.need,)), ("stage", service.stages), ("group", service.groups),
        ("free_for", service.free_for), ("area", provider.wards)), extra)
    doc["cost_options"] = [{"id": oruk_id(*key, "cost"), "service_id": doc["id"],
                            "option": "Cost", "amount_description": service.cost}] + [
        {"id": oruk_id(*key, "cost", "free", stage.slug), "service_id": doc["id"],
         "option": f"Free for {stage.name}", "amount": 0, "amount_description": "Free"}
        for stage in cat.lookup_many("stages", service.free_for)]
    doc["contacts"] = [_drop_empty({
        "id": oruk_id(*key, "contact"), "service_id": doc["id"], "title": contact.role,
        "email": contact.email, "phones": _phones((*key, "contact"), contact.phone)})]
    return doc


def _service(cat: Catalogue, listing: Listing, organization: dict, key: tuple[str, ...],
             own: dict, links: tuple, extra_schedules: list[dict]) -> dict:
    service_id = oruk_id(*key)
    doc = {"id": service_id, "organization_id": organization["id"], **own,
           "assured_date": listing.last_verified.isoformat() if listing.last_verified else None,
           "organization": organization,
           "schedules": [*_schedules(key, service_id, listing), *extra_schedules],
           "service_areas": _areas(cat, key, service_id, listing.wards),
           "service_at_locations": _locations(cat, key, service_id, listing),
           "languages": [{"id": oruk_id(*key, "language", language.slug),
                          "service_id": service_id, "name": language.name,
                          "code": language.code}
                         for language in cat.lookup_many("languages", listing.languages)],
           "phones": _phones(key, listing.phone),
           "attributes": attributes(cat, key, service_id, links)}
    return _drop_empty(doc)


def _schedules(key: tuple[str, ...], service_id: str, listing: Listing) -> list[dict]:
    return [_drop_empty({
        "id": oruk_id(*key, "schedule", "-".join(period.days), period.opens),
        "service_id": service_id, "freq": "WEEKLY", "interval": 1,
        "byday": ",".join(BYDAY[day] for day in period.days),
        "opens_at": period.opens + ":00", "closes_at": period.closes + ":00",
        "notes": listing.opening_hours_note}) for period in listing.opening_hours]


def _areas(cat: Catalogue, key: tuple[str, ...], service_id: str, wards) -> list[dict]:
    areas = []
    for slug in wards:
        if slug == BOROUGH_WIDE:
            areas.append({"id": oruk_id(*key, "area", slug), "service_id": service_id,
                          "name": cat.site.borough, "service_area": BOROUGH_WIDE})
            continue
        ward = cat.lookup("wards", slug)
        areas.append({"id": oruk_id(*key, "area", slug), "service_id": service_id,
                      "name": ward.name, "service_area": slug, "uri": ONS_GEOGRAPHY + ward.code})
    return areas


def _locations(cat: Catalogue, key: tuple[str, ...], service_id: str,
               listing: Listing) -> list[dict]:
    """The listing's premises: the address's first line, the middle lines, the town last."""
    if not (listing.address or listing.postcode or listing.accessibility):
        return []
    place = (*_key(listing), "location")
    location_id = oruk_id(*place)
    lines = [line.strip() for line in (listing.address or "").splitlines() if line.strip()]
    location = {"id": location_id, "location_type": "physical", "name": listing.name}
    if lines or listing.postcode:
        city = lines.pop() if len(lines) > 1 else ""
        address = {"id": oruk_id(*place, "address"), "location_id": location_id,
                   "address_1": lines[0] if lines else "", "city": city,
                   "state_province": cat.site.borough, "postal_code": listing.postcode or "",
                   "country": "GB", "address_type": "physical"}
        if len(lines) > 1:
            address["address_2"] = ", ".join(lines[1:])
        location["addresses"] = [address]
    if listing.accessibility:
        location["accessibility"] = [{"id": oruk_id(*place, "accessibility"),
                                      "location_id": location_id,
                                      "description": listing.accessibility}]
    return [{"id": oruk_id(*key, "at", "location"), "service_id": service_id,
             "location_id": location_id, "location": location}]


def _phones(key: tuple[str, ...], number: str | None) -> list[dict]:
    return [{"id": oruk_id(*key, "phone"), "number": number}] if number else []
