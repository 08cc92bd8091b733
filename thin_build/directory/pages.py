"""The directory's page plans: home, A–Z, provider indexes and the browse pages.

Each plan is a pure function of the catalogue and the shared directory indexes, so
pages can be rendered in any order, in parallel, or one at a time when a single
file changes. Other capabilities add links to the home page through `HOME_ROUTES`;
it lists the same pages as the footer menu. They add whole sections (a `Section`, shown
by their own template) to every page of the A–Z through `A_TO_Z_PAGE` and to each
browse page (a ward, a group, an activity) through `TERM_PAGE`: the printable editions.
"""
from __future__ import annotations

import string
from typing import Iterator

from ..core import urls as core_urls
from ..core.catalogue import Catalogue
from ..core.i18n import N_, ngettext
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link, in_position_order, pagers
from ..core.render import FOOTER
from ..core.taxonomy import Term
from ..core.translate import name_link
from . import urls
from .indexes import FACET_TITLES, FACETS, Directory, build_directory, initial
from .listing_pages import Section, org_page, provider_page

PAGE_SIZE = 30
# Extension point: `(position, Link)` pairs for the home page's list of routes.
# Their texts are marked with `N_` and translated when the home page is planned.
HOME_ROUTES = "directory.home-routes"
OWN_ROUTES = ((20, Link(N_("Browse the directory of organisations"), urls.orgs_page(1))),
              (21, Link(N_("Organisations by ward"), urls.browse_index("wards"))),
              (22, Link(N_("Organisations by who they help"), urls.browse_index("groups"))),
              (23, Link(N_("Organisations by activity"), urls.browse_index("activities"))))
# Extension points: `(inputs) -> Iterable[Section]` on every A–Z page, and
# `(inputs, facet, term) -> Iterable[Section]` on every page of a browse term.
A_TO_Z_PAGE = "directory.a-to-z"
TERM_PAGE = "directory.term-page"


def directory_pages(inputs: BuildInputs) -> Iterator[PagePlan]:
    """The directory's own pages: home, the A–Z, the provider indexes and the browse
    pages, from the shared indexes (each listing's page is a step of its own)."""
    cat, directory = inputs.catalogue, inputs.derived(build_directory)
    routes = tuple(Link(_(link.text), link.url)
                   for link in in_position_order(OWN_ROUTES + inputs.contributed(HOME_ROUTES)))
    pages = tuple(link for links in inputs.contributed(FOOTER) for link in links(cat))
    yield home(cat, directory, routes, pages)
    yield from orgs_a_to_z(directory, _parts(inputs, A_TO_Z_PAGE))
    yield from provider_indexes(cat, directory)
    for facet, collection, _field in FACETS:
        yield browse_index(cat, directory, facet, collection)
        for term in getattr(cat, collection):
            yield from browse_term(cat, directory, facet, term,
                                   _parts(inputs, TERM_PAGE, facet, term))


def org_pages(inputs: BuildInputs) -> Iterator[PagePlan]:
    """Each organisation's page (`Step(per="orgs")`)."""
    for org in inputs.each("orgs"):
        yield org_page(inputs, org)


def provider_pages(inputs: BuildInputs) -> Iterator[PagePlan]:
    """Each provider's page (`Step(per="providers")`)."""
    for provider in inputs.each("providers"):
        yield provider_page(inputs, provider)


def _parts(inputs: BuildInputs, point: str, *args) -> tuple[Section, ...]:
    """The sections other capabilities contribute to one page, in registry order."""
    return tuple(section for part_of in inputs.contributed(point)
                 for section in part_of(inputs, *args))


def home(cat: Catalogue, directory: Directory, routes: tuple[Link, ...],
         pages: tuple[Link, ...]) -> PagePlan:
    return PagePlan(core_urls.home(), "directory/home.html", cat.site.title, cat.site.description, {
        "routes": routes, "org_count": len(cat.orgs), "provider_count": len(cat.providers),
        "ward_count": len(cat.wards), "pages": pages,
    })


def orgs_a_to_z(directory: Directory, parts: tuple[Section, ...] = ()) -> Iterator[PagePlan]:
    """A–Z in pages of PAGE_SIZE; the letter bar links to the page where each letter starts."""
    cards = directory.org_cards
    pages = [cards[i:i + PAGE_SIZE] for i in range(0, len(cards), PAGE_SIZE)] or [()]
    first_page: dict[str, int] = {}
    for number, chunk in enumerate(pages, start=1):
        for card in chunk:
            first_page.setdefault(initial(card.name), number)
    letters = tuple(
        Link(letter, f"{urls.orgs_page(first_page[letter])}#letter-{_anchor(letter)}"
                   if letter in first_page else "")
        for letter in ("#", *string.ascii_uppercase))
    for (number, chunk), pager in zip(enumerate(pages, start=1),
                                      pagers(len(pages), urls.orgs_page)):
        groups: dict[str, list] = {}
        for card in chunk:
            groups.setdefault(initial(card.name), []).append(card)
        sections = tuple((letter, _anchor(letter), tuple(items))
                         for letter, items in groups.items())
        title = (_("Organisations A to Z, page %(number)d") % {"number": number} if number > 1
                 else _("Organisations A to Z"))
        yield PagePlan(urls.orgs_page(number), "directory/orgs.html", title,
                       ngettext("All %(num)d voluntary and community organisation, A to Z.",
                                "All %(num)d voluntary and community organisations, A to Z.",
                                len(cards)) % {"num": len(cards)},
                       {"letters": letters, "sections": sections,
                        "pager": pager,
                        "total": len(cards), "parts": parts})


def _anchor(letter: str) -> str:
    return "other" if letter == "#" else letter.lower()


def provider_indexes(cat: Catalogue, directory: Directory) -> Iterator[PagePlan]:
    by_need = tuple((need, directory.providers_by_need[need.slug]) for need in cat.needs)
    yield PagePlan(urls.providers(), "directory/providers.html",
                   _("Find support: providers by need"),
                   _("Infrastructure support providers for voluntary and community "
                     "organisations, grouped by the support they offer."),
                   {"by_need": by_need, "all": tuple(directory.provider_cards.values())})
    by_type = tuple((kind, directory.providers_by_type[kind.slug]) for kind in cat.provider_types)
    yield PagePlan(urls.providers_by_type(), "directory/providers_by_type.html",
                   _("Support providers by type"),
                   _("Infrastructure support providers grouped by the kind of support body."),
                   {"by_type": by_type}, (Link(_("Find support"), urls.providers()),))


def browse_index(cat: Catalogue, directory: Directory, facet: str,
                 collection: str) -> PagePlan:
    title = _(FACET_TITLES[facet])
    terms = tuple((name_link(t, urls.browse(facet, t.slug)),
                   len(directory.by_facet[facet][t.slug]), t.description)
                  for t in sorted(getattr(cat, collection), key=lambda t: t.name.casefold()))
    return PagePlan(urls.browse_index(facet), "directory/browse_index.html", title,
                    # Translators: e.g. "Organisations by ward in Tower Hamlets."
                    _("%(title)s in %(borough)s.") % {"title": title, "borough": cat.site.borough},
                    {"terms": terms, "facet": facet})


def browse_term(cat: Catalogue, directory: Directory, facet: str, term: Term,
                parts: tuple[Section, ...] = ()) -> Iterator[PagePlan]:
    index_title = _(FACET_TITLES[facet])
    cards = directory.by_facet[facet][term.slug]
    chunks = [cards[i:i + PAGE_SIZE] for i in range(0, len(cards), PAGE_SIZE)] or [()]
    providers = directory.providers_by_ward.get(term.slug, ()) if facet == "wards" else ()
    term_pagers = pagers(len(chunks), lambda n: urls.browse(facet, term.slug, n))
    for (number, chunk), pager in zip(enumerate(chunks, start=1), term_pagers):
        # Translators: a ward's, group's or activity's page after the first, "Bow West, page 2"
        title = (_("%(name)s, page %(number)d") % {"name": term.name, "number": number}
                 if number > 1 else term.name)
        yield PagePlan(
            urls.browse(facet, term.slug, number), "directory/browse_term.html", title,
            term.description or _("Organisations: %(name)s.") % {"name": term.name},
            {"term": term, "listings": chunk, "total": len(cards), "providers": providers,
             "facet": facet, "parts": parts,
             "pager": pager},
            (Link(index_title, urls.browse_index(facet)),))
