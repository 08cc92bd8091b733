"""The search page: its facet choices, its browse links, and every word its script shows.

The script writes nothing of its own: the messages it shows (counts, notes about a
query it cleaned, failures) are translated here and handed to it in one
`data-messages` attribute, so the Bengali page's script speaks Bengali.
"""
from __future__ import annotations

from ..core.catalogue import Catalogue
from ..core.i18n import N_, ngettext
from ..core.i18n import gettext as _
from ..core.plan import PagePlan
from ..core.translate import text_lang
from ..directory import urls as directory_urls
from . import urls
from .documents import FACETS, KINDS, FacetCodes

# What the search page offers instead of results when JavaScript is off.
BROWSE = ((N_("Organisations A to Z"), directory_urls.orgs_page(1)),
          (N_("Organisations by ward"), directory_urls.browse_index("wards")),
          (N_("Organisations by who they help"), directory_urls.browse_index("groups")),
          (N_("Organisations by activity"), directory_urls.browse_index("activities")),
          (N_("Support by need"), directory_urls.providers()))
# Each facet's label on the search form.
# Translators: the label of a search filter: the kind of people a group helps
FACET_LABELS = (("ward", N_("Ward")), ("group", N_("Who they help")),
                ("need", N_("Support need")), ("language", N_("Language")))


# A count's message is given for 0, 1 and 2, `%(num)s` left for the script to fill: three
# forms cover every catalogue whose plural rule turns only on n being 0, 1 or more, as
# English's (n != 1) and Bengali's (n > 1) do.
COUNTS = (0, 1, 2)


def script_messages() -> dict[str, object]:
    """Every message search.js shows, in the page's language."""
    return {
        # Translators: search status; %(num)s is a number of results
        "results": [ngettext("%(num)s result.", "%(num)s results.", n) for n in COUNTS],
        # Translators: search status with "Open now" ticked; %(total)s = all results found
        "openNow": [ngettext("%(num)s result open now, out of %(total)s matching.",
                             "%(num)s results open now, out of %(total)s matching.", n)
                    for n in COUNTS],
        # Translators: as above, while more results are still to be checked ("Show more")
        "openNowSoFar": [ngettext("%(num)s result open now so far, out of %(total)s matching.",
                                  "%(num)s results open now so far, out of %(total)s matching.",
                                  n) for n in COUNTS],
        "colon": _("A colon only works after a field name such as name: or summary:, "
                   "so it was ignored."),
        "operator": _("The ~ and ^ operators are not supported here, so they were ignored."),
        "wildcard": _("A * works only at the end of a word of two or more letters, "
                      "so it was ignored."),
        "empty": _("Type a word to search for, or browse below."),
        "nothing": _("Nothing matches that search. Check the spelling, use fewer words, "
                     "or browse below."),
        "unparseable": _("That search could not be understood. Try plain words, "
                         "or browse below."),
        "unavailable": _("Search is not available right now. Try again, or browse below."),
    }


def search_page(cat: Catalogue, codes: FacetCodes) -> PagePlan:
    """The search page: facet choices are rendered here, with lunr codes as values (and
    the language of a term's name when it has no translation in the page's)."""
    facets = tuple(
        (facet, _(label), tuple((codes.codes[facet][term.slug], term.name, text_lang(term, "name"))
                                for term in sorted(getattr(cat, FACETS[facet][1]),
                                                   key=lambda t: t.name.casefold())))
        for facet, label in FACET_LABELS)
    kinds = tuple((codes.codes["kind"][kind], _(label)) for kind, label in KINDS.items())
    return PagePlan(urls.search(), "search/search.html", _("Search"),
                    _("Search organisations, support providers and pages."),
                    {"facets": facets, "kinds": kinds,
                     "manifest": urls.search_file("manifest.json"),
                     "browse": tuple((_(label), link) for label, link in BROWSE),
                     "messages": script_messages()})
