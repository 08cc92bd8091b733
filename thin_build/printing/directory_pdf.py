"""The full directory as one PDF: cover, how to use it, contents, support by need,
organisations A–Z, and indexes of needs and wards, all with page numbers.

Page numbers are never computed here: the template links every contents and index
line to its entry's anchor, and `parts.py` writes in the page each entry actually
landed on once the directory's parts are laid out.
"""
from __future__ import annotations

from typing import Iterator

from ..core import urls as core_urls
from ..core.catalogue import Catalogue
from ..core.i18n import current_language
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs
from ..core.translate import text_lang
from ..directory.indexes import sort_key
from ..directory.model import BOROUGH_WIDE
from . import urls
from .documents import DIRECTORY_TEMPLATE, PrintDocument, in_default_language
from .entries import a_to_z, by_need


def directory_documents(inputs: BuildInputs) -> Iterator[PrintDocument]:
    """The full directory in the site's own language; in each other language the
    provider directory (support by need), the part most asked for in translation and
    the one whose headings and labels a reader of that language needs most."""
    cat = inputs.catalogue
    if in_default_language(inputs):
        yield PrintDocument(
            urls.full_directory(), DIRECTORY_TEMPLATE,
            _("%(site)s: the full directory") % {"site": cat.site.title}, "directory",
            directory_data(cat, cat.orgs, cat.providers),
            description=_("Every support provider by need and every organisation A–Z, with a "
                          "contents page and indexes of needs and wards."), in_parts=True)
        return
    yield PrintDocument(
        urls.provider_directory(), DIRECTORY_TEMPLATE,
        _("%(site)s: support providers") % {"site": cat.site.title}, "directory",
        {**directory_data(cat, (), cat.providers),
         # Translators: the edition's name on its cover: "বাংলা সংস্করণ" ("Bengali edition").
         "edition": _("%(language)s edition") % {"language": current_language().name}},
        description=_("Every support provider by need, with a contents page and an index "
                      "of needs."), in_parts=True)


def directory_data(cat: Catalogue, orgs, providers) -> dict:
    """What the directory template shows, for any selection of organisations and providers.

    The editions reuse it and `printing/directory.html` with their own `edition` name;
    with no organisations there is no A–Z and no ward index.
    """
    needs = by_need(cat, providers)
    letters = a_to_z(cat, orgs)
    portal = cat.site.base_url.rstrip("/") + core_urls.localised("/")
    return {"borough": cat.site.borough, "portal_url": portal, "edition": None,
            "needs": needs, "letters": letters,
            "ward_index": ward_index(cat, orgs, providers),
            "counts": {"orgs": len(orgs), "providers": len(providers)}}


def ward_index(cat: Catalogue, orgs, providers) -> list[dict]:
    """Each ward with the listings working there (A–Z), as links to their entries.

    A provider working across the borough is in every ward, so it is named once in the
    contents instead of under all twenty wards; its services link to their own pages.
    """
    wards = []
    for ward in cat.wards:
        if ward.slug == BOROUGH_WIDE:
            continue
        named = [(o.name, f"o-{o.slug}", text_lang(o, "name")) for o in orgs
                 if ward.slug in o.wards]
        named += [(p.name, f"s-{p.slug}-1", text_lang(p, "name")) for p in providers
                  if ward.slug in p.wards and p.services]
        if named:
            wards.append({"name": ward.name, "anchor": f"ward-{ward.slug}",
                          "entries": [{"name": name, "anchor": anchor, "lang": lang}
                                      for name, anchor, lang
                                      in sorted(named, key=lambda item: sort_key(item[0]))]})
    return wards
