"""One-page flyers: a listing for a noticeboard, with a QR code back to its page.

A flyer is read standing up, from a step away, by someone deciding whether to get in
touch: so it carries who the listing is, what it offers and for whom, where and when,
and how to contact it, in large type on one A4 page, and a QR code to the listing's
page on the portal (an absolute address from `base_url`) for everything else. So that
the longest listing the schema allows still fits one page, lists are cut short with
"and N more" and the free texts that may run long (wards, hours note, access) end in
"…" at a word (the page has the rest). A closed organisation gets no flyer: nobody
should pin one up.
"""
from __future__ import annotations

from typing import Iterator

from ..core import urls as core_urls
from ..core.catalogue import Catalogue
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs
from ..directory import urls as directory_urls
from ..directory import views
from ..directory.model import BOROUGH_WIDE, Listing, Organisation, Provider
from ..referral.rank import lower_first
from . import urls
from .documents import PrintDocument, in_default_language
from .qr import qr_image_url

FLYER = "flyer"  # the kind of document a flyer is
FLYER_TEMPLATE = "printing/flyer.html"
MAX_ITEMS = 5  # services or activities on one flyer; the page lists the rest
# Characters of the free texts a flyer shows in full up to this length.
BRIEF = {"where": 160, "for_whom": 160, "languages": 120, "hours_note": 160,
         "accessibility": 220}


def flyer_path(collection: str, slug: str) -> str:
    """Where the flyer of `orgs/<slug>` or `providers/<slug>` is published."""
    return urls.pdf(f"flyers/{collection}/{slug}")


def flyer_documents(inputs: BuildInputs) -> Iterator[PrintDocument]:
    """A flyer for every organisation that is not closed and for every provider, in the
    site's own language (see `documents.in_default_language`)."""
    if not in_default_language(inputs):
        return
    cat = inputs.catalogue
    for org in cat.orgs:
        if org.status != "closed":
            yield _flyer(cat, org, "orgs", directory_urls.org(org.slug), _org_parts(cat, org))
    for provider in cat.providers:
        yield _flyer(cat, provider, "providers", directory_urls.provider(provider.slug),
                     _provider_parts(cat, provider))


def _flyer(cat: Catalogue, listing: Listing, collection: str, page: str,
           parts: dict) -> PrintDocument:
    address = cat.site.base_url.rstrip("/") + page
    data = {
        "name": listing.name,
        "summary": listing.summary,
        "status": views.status_label(getattr(listing, "status", "active")),
        "where": _brief(_where(cat, listing), "where"),
        "hours": views.opening_hours(listing.opening_hours)[:MAX_ITEMS],
        "hours_note": _brief(listing.opening_hours_note, "hours_note"),
        "languages": _brief(", ".join(lang.name for lang in
                                      views.languages(cat, listing.languages)), "languages"),
        "accessibility": _brief(listing.accessibility, "accessibility"),
        "contact": views.contact(listing),
        "logo": core_urls.media(listing.logo) if listing.logo else None,
        "qr": qr_image_url(address),
        "address": address,
        "site": cat.site.title,
        **parts,
    }
    return PrintDocument(path=flyer_path(collection, listing.slug), template=FLYER_TEMPLATE,
                         title=_("%(name)s: flyer") % {"name": listing.name}, kind=FLYER,
                         data=data,
                         description=listing.summary)


def _where(cat: Catalogue, listing: Listing) -> str:
    if BOROUGH_WIDE in listing.wards:
        return _("Across %(borough)s") % {"borough": cat.site.borough}
    return ", ".join(ward.name for ward in cat.lookup_many("wards", listing.wards))


def _brief(text: str | None, field: str) -> str | None:
    """`text` up to BRIEF[field] characters, cut at a word and ended with "…" if longer."""
    limit = BRIEF[field]
    if not text or len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"


def _shortened(names: list[str]) -> tuple[tuple[str, ...], int]:
    """At most MAX_ITEMS names, and how many were left for the listing's page."""
    return tuple(names[:MAX_ITEMS]), max(0, len(names) - MAX_ITEMS)


def _org_parts(cat: Catalogue, org: Organisation) -> dict:
    offers, more = _shortened([a.name for a in cat.lookup_many("activities", org.activities)])
    return {"kind": _("Voluntary and community organisation"), "offers_heading": _("What we do"),
            "offers": offers, "more": more,
            "for_whom": _brief(", ".join(g.name for g in cat.lookup_many("groups", org.groups)),
                               "for_whom"),
            "referral": None}


def _provider_parts(cat: Catalogue, provider: Provider) -> dict:
    offers, more = _shortened([f"{s.title} ({lower_first(cat.lookup('needs', s.need).name)})"
                               for s in provider.services])
    return {"kind": cat.lookup("provider_types", provider.type).name,
            "offers_heading": _("Support we offer groups"), "offers": offers, "more": more,
            "for_whom": _brief(", ".join(g.name for g in
                                         cat.lookup_many("groups", provider.specialisms)),
                               "for_whom"),
            "referral": provider.referral_contact}
