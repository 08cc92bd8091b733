"""What the library adds to other rooms' pages: a provider's toolkits, and a need's
toolkits and regional support on its referral page (`/support/<need>/`).
"""
from __future__ import annotations

from typing import Iterator

from ..core.i18n import gettext as _
from ..core.plan import BuildInputs
from ..core.present import Link
from ..core.taxonomy import Term
from ..directory.listing_pages import LinkGroup, Section
from ..directory.model import Provider
from ..referral.rank import lower_first
from . import urls
from .views import build_library, regional_for


def provider_toolkits(inputs: BuildInputs, provider: Provider) -> Iterator[LinkGroup]:
    """The toolkits a provider wrote, in its "Who" section."""
    library = inputs.derived(build_library)
    written = library.by_author.get(provider.slug, ())
    if written:
        yield LinkGroup("who", _("Toolkits we wrote"),
                        tuple(Link(t.title, urls.toolkit(t.slug)) for t in written),
                        _("Free to download from the toolkit library."))


def need_parts(inputs: BuildInputs, need: Term) -> Iterator[Section]:
    """Toolkits for the need and regional support for it, on the need's referral page."""
    library = inputs.derived(build_library)
    toolkits = tuple(library.cards[t.slug] for t in library.by_topic.get(need.slug, ()))
    regional = regional_for(library, (need.slug,))
    if toolkits or regional:
        yield Section("toolkits-and-links", _("Toolkits and wider support"),
                      "toolkits/_need_section.html",
                      {"phrase": lower_first(need.name), "toolkits": toolkits,
                       "topic_page": Link(_("All toolkits on %(topic)s")
                                          % {"topic": lower_first(need.name)},
                                          urls.by_topic(need.slug)) if toolkits else None,
                       "regional": regional,
                       "links_page": Link(_("All regional and national support"),
                                          urls.links())})
