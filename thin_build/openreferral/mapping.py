"""One Open Referral organization and its services → the values of one listing file.

Which kind of listing: `--kind` decides when given; else an organization with a
provider-type attribute is a provider and one with a stage attribute an organisation
(the portal's own feed says so, and its `uri`, the listing's page, gives back its
slug), else a provider when it has services and an
organisation when it has none. What the portal requires and Open Referral may not say
(a provider's type, a service's need, an organisation's stage) comes from the
options, or the listing is not written and the error says which option to give.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..directory.model import BOROUGH_WIDE
from .documents import Doc
from .export import IDENTIFIERS
from .place import areas, hours, languages, phone, place
from .resolve import Terms
from .sources import Group

SUMMARY_LENGTH = 300
# A listing page's address, as the portal's feed gives it in `uri`: the slug comes back.
_PAGE = re.compile(r"/(orgs|providers)/([a-z0-9]+(?:-[a-z0-9]+)*)/?$")
STATUS = {"active": "active", "temporarily closed": "temporarily-closed",
          "inactive": "closed", "defunct": "closed"}
NO_ACCESS = "Contact the provider to ask how to get this service."
NO_COST = "Ask the provider."


@dataclass(frozen=True)
class Options:
    """Choices for what Open Referral does not say; None means "work it out"."""

    kind: str | None = None
    provider_type: str | None = None
    need: str | None = None
    stage: str | None = None


@dataclass(frozen=True)
class Mapped:
    kind: str
    values: dict
    where: str
    slug: str | None = None  # the slug of the page `uri` names, when it is a listing page


def map_group(terms: Terms, group: Group, options: Options) -> Mapped | None:
    """The listing for one organization, or None when an error has been reported."""
    org = group.organization
    org.read.add("services")
    errors_before = _errors(org)
    kind = options.kind or _kind(terms, org, group.services)
    values = _common(terms, org, group.services)
    if kind == "provider":
        values |= _provider(terms, org, group.services, options)
        if not values.get("wards"):
            values["wards"] = [BOROUGH_WIDE]
            org.findings.note(org.where, "no service areas among the portal's wards: the "
                              "provider is listed as borough-wide")
    else:
        values |= _organisation(terms, org, group.services, options)
    if _errors(org) > errors_before:
        return None
    page = _PAGE.search(org.text("uri") or "")
    slug = page.group(2) if page and page.group(1) == f"{kind}s" else None
    return Mapped(kind, {k: v for k, v in values.items() if v not in (None, "", [])},
                  org.where, slug)


def _errors(doc: Doc) -> int:
    return sum(1 for f in doc.findings.items if f.level == "error")


def _kind(terms: Terms, org: Doc, services: list[Doc]) -> str:
    if terms.attribute_terms(org, "provider_type"):
        return "provider"
    if terms.attribute_terms(org, "stage"):
        return "org"
    return "provider" if services else "org"


def _common(terms: Terms, org: Doc, services: list[Doc]) -> dict:
    """What any listing has: name, summary, contact, place, hours, areas, languages."""
    name = org.text("name")
    if name is None:
        org.findings.error(org.at("name"), "required: the organization's name")
    first = services[0] if services else None
    description = org.text("description") or (first.text("description") if first else None)
    values = {"name": name, "website": org.text("website"), "email": org.text("email"),
              "phone": phone(org), **_summary(org, description)}
    if org.text("logo"):
        org.findings.note(org.at("logo"), "not imported: a logo must be a file in "
                          "content/media/; download it and set `logo`")
    if first is None:
        return values
    service_phone = phone(first)  # read either way: the export writes it on both
    values["phone"] = values["phone"] or service_phone
    values["website"] = values["website"] or first.text("url")
    values |= place(first)
    opening, _words = hours(first)
    values |= opening
    values["languages"] = languages(terms, first)
    values["wards"] = areas(terms, first)
    values["last_verified"] = first.text("assured_date")
    for service in services[1:]:
        other = place(service) | hours(service)[0]
        if any(other.get(k) != values.get(k) for k in other):
            service.findings.note(service.where, "its address, accessibility or opening hours "
                                  "differ from the first service's; the listing keeps the "
                                  "first service's")
        values["languages"] += [s for s in languages(terms, service)
                                if s not in values["languages"]]
        values["wards"] += [s for s in areas(terms, service) if s not in values["wards"]]
        service.read.add("assured_date")
    if BOROUGH_WIDE in values["wards"]:
        values["wards"] = [BOROUGH_WIDE]
    return values


def _summary(org: Doc, description: str | None) -> dict:
    if description is None:
        org.findings.error(org.at("description"), "required: a description of the "
                           "organization, for the listing's summary")
        return {}
    if len(description) <= SUMMARY_LENGTH:
        return {"summary": description}
    cut = description[:SUMMARY_LENGTH]
    end = cut.rfind(". ")
    summary = cut[:end + 1] if end > 0 else cut.rsplit(" ", 1)[0] + "…"
    org.findings.note(org.at("description"), f"longer than a summary ({SUMMARY_LENGTH} "
                      "characters): its start is the summary and the whole is the body")
    return {"summary": summary, "body": description}


def _provider(terms: Terms, org: Doc, services: list[Doc],
              options: Options) -> dict:
    types = terms.attribute_terms(org, "provider_type") or \
        ([options.provider_type] if options.provider_type else [])
    if not types:
        org.findings.error(org.where, "no provider type (an attribute with link_type "
                           "provider_type); give --type, one of "
                           + ", ".join(terms.slugs["provider_types"]))
    if not services:
        org.findings.error(org.where, "a provider needs at least one service; this "
                           "organization has none (give --kind org to import it as one)")
    entries = [_service(terms, service, options) for service in services]
    return {"type": types[0] if types else None,
            "specialisms": terms.attribute_terms(org, "specialism"),
            "referral_contact": _referral(org, services),
            "services": [entry for entry in entries if entry is not None]}


def _service(terms: Terms, service: Doc, options: Options) -> dict | None:
    title = service.text("name")
    if title is None:
        service.findings.error(service.at("name"), "required: the service's name")
    needs = terms.attribute_terms(service, "need") or ([options.need] if options.need else [])
    if not needs:
        service.findings.error(service.where, "no support need (an attribute with "
                               "link_type need); give --need, one of "
                               + ", ".join(terms.slugs["needs"]))
    stages = terms.attribute_terms(service, "stage")
    if not stages:
        stages = list(terms.slugs["stages"])
        service.findings.note(service.where, "no stage attributes: the service is listed "
                              "for every stage")
    access = service.text("application_process")
    if access is None:
        access = NO_ACCESS
        service.findings.note(service.where, f"no application_process: wrote {NO_ACCESS!r}")
    _opening, words = hours(service)
    service.read.update(("url", "email", "eligibility_description", "status", "contacts",
                         "organization", "phones", "service_at_locations", "languages"))
    return {"need": needs[0] if needs else None, "title": title,
            "description": service.text("description") or title, "stages": stages,
            "groups": terms.attribute_terms(service, "group"), "access": access,
            "when": "; ".join(words) or None, "cost": _cost(service),
            "free_for": terms.attribute_terms(service, "free_for")}


def _cost(service: Doc) -> str:
    fees = service.text("fees")
    options = service.children("cost_options")
    for option in options:
        option.read.update(("option", "amount", "amount_description", "valid_from", "valid_to"))
    if fees:
        return fees
    for option in options:
        text, amount = option.text("amount_description"), option.number("amount")
        label = option.text("option")
        if text or amount is not None:
            price = f"£{amount:g} " if amount is not None else ""
            return " ".join(part for part in (label, price + (text or "")) if part).strip()
    service.findings.note(service.where, f"no fees or cost_options: wrote {NO_COST!r}")
    return NO_COST


def _referral(org: Doc, services: list[Doc]) -> dict | None:
    for service in services:
        for contact in service.children("contacts"):
            email = contact.text("email") or service.text("email") or org.text("email")
            if email:
                contact.read.add("name")  # a person's name: the portal keeps only roles
                return {"role": contact.text("title"), "email": email,
                        "phone": phone(contact)}
    email = (services[0].text("email") if services else None) or org.text("email")
    if email is None:
        org.findings.error(org.where, "no email for referrals: a service contact, the "
                           "service or the organization needs an email address")
        return None
    return {"email": email}


def _organisation(terms: Terms, org: Doc, services: list[Doc], options: Options) -> dict:
    stages = terms.attribute_terms(org, "stage") or ([options.stage] if options.stage else [])
    if not stages:
        org.findings.error(org.where, "no stage (an attribute with link_type stage); give "
                           "--stage")
    values = {"stage": stages[0] if stages else None,
              "networks": terms.attribute_terms(org, "network"),
              "support_needs": terms.attribute_terms(org, "support_need")}
    for identifier in org.children("organization_identifiers"):
        scheme = (identifier.text("identifier_scheme") or "").upper()
        label = (identifier.text("identifier_type") or "").casefold()
        for field, code, name in IDENTIFIERS:
            if scheme == code or name.casefold() == label:
                values[field] = identifier.text("identifier")
    if services:
        first = services[0]
        values |= {"groups": terms.attribute_terms(first, "group"),
                   "activities": terms.attribute_terms(first, "activity"),
                   "status": STATUS.get(first.text("status") or "active", "active")}
        first.read.update(("name", "description", "url", "email", "organization"))
        for extra in services[1:]:
            extra.findings.note(extra.where, "an organisation's listing holds one service "
                                "(the first); this one is not imported")
            extra.read.update(extra.data)
    return values
