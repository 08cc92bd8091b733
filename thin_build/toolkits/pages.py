"""The toolkit library's build steps: the library and its filter pages, a page per
toolkit, and the regional links page; all static, so they work without JavaScript.
"""
from __future__ import annotations

from typing import Iterator

from ..core import urls as core_urls
from ..core.catalogue import Catalogue
from ..core.i18n import N_, ngettext
from ..core.i18n import gettext as _
from ..core.markup import render_markdown
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link, human_date
from ..core.taxonomy import Term
from ..core.translate import field_langs, name_link, text_lang
from ..directory import urls as directory_urls
from ..directory.indexes import build_directory
from ..referral import urls as referral_urls
from ..referral.rank import lower_first
from . import model, urls
from .views import (
    AREA_NAMES,
    Library,
    build_library,
    filter_links,
    link_card,
    regional_for,
    related,
    stage_names,
    type_name,
    type_slug,
)

_LIBRARY_TEXT = N_("Toolkits")


def _library() -> Link:
    """The breadcrumb back to the library, in the page's language."""
    return Link(_(_LIBRARY_TEXT), urls.library())


def library_pages(inputs: BuildInputs) -> Iterator[PagePlan]:
    """The library grouped by topic, and one static page per topic, type and stage."""
    cat, library = inputs.catalogue, inputs.derived(build_library)
    ways_in = filter_links(cat, library)
    topics = tuple((name_link(n, urls.by_topic(n.slug)),
                    tuple(library.cards[t.slug] for t in library.by_topic[n.slug]))
                   for n in cat.needs if n.slug in library.by_topic)
    yield PagePlan(urls.library(), "toolkits/library.html", _("Toolkits, templates and guides"),
                   _("Fact sheets, templates, policies and guides from local support providers, "
                     "free to download, by topic, type and stage."),
                   {"ways_in": ways_in, "topics": topics, "count": len(library.cards),
                    "links": Link(_("Regional and national support"), urls.links())})
    for need in cat.needs:
        if need.slug in library.by_topic:
            yield _filtered(library, ways_in, urls.by_topic(need.slug), need.name,
                            _("Toolkits on %(topic)s") % {"topic": lower_first(need.name)},
                            library.by_topic[need.slug],
                            _support_link(need))
    for kind in model.TOOLKIT_TYPES:
        if kind in library.by_type:
            yield _filtered(library, ways_in, urls.by_type(type_slug(kind)), type_name(kind),
                            type_name(kind), library.by_type[kind])
    for stage in cat.stages:
        if stage.slug in library.by_stage:
            yield _filtered(library, ways_in, urls.by_stage(stage.slug), stage.name,
                            _("Toolkits for %(stage)s") % {"stage": stage.name},
                            library.by_stage[stage.slug])


def _support_link(need: Term) -> Link:
    """The need's referral page, which ranks the providers for a group's answers."""
    return Link(_("Find support with %(need)s") % {"need": lower_first(need.name)},
                referral_urls.support_need(need.slug))


def _filtered(library: Library, ways_in: dict, url: str, current: str, title: str,
              toolkits: tuple[model.Toolkit, ...], support: Link | None = None) -> PagePlan:
    # Translators: a filter page's description, e.g. "3 toolkits: guides."
    description = ngettext("%(num)d toolkit: %(title)s.", "%(num)d toolkits: %(title)s.",
                           len(toolkits)) % {"num": len(toolkits), "title": title.lower()}
    return PagePlan(url, "toolkits/filtered.html", title, description,
                    {"ways_in": ways_in, "current": url, "current_name": current,
                     "items": tuple(library.cards[t.slug] for t in toolkits),
                     "support": support}, (_library(),))


def toolkit_pages(inputs: BuildInputs) -> Iterator[PagePlan]:
    """Each toolkit's page (`Step(per="toolkits")`)."""
    for toolkit in inputs.each("toolkits"):
        yield toolkit_page(inputs, toolkit)


def _get_help(inputs: BuildInputs, toolkit: model.Toolkit) -> tuple[dict, ...]:
    """For each topic: the providers offering it and the referral page for it."""
    cat, directory = inputs.catalogue, inputs.derived(build_directory)
    help_with = []
    for need in cat.lookup_many("needs", toolkit.topics):
        providers: dict[str, Link] = {}
        for card, _service in directory.providers_by_need.get(need.slug, ()):
            providers.setdefault(card.url, Link(card.name, card.url, card.lang))
        help_with.append({"need": need.name, "providers": tuple(providers.values()),
                          "referral": _support_link(need)})
    return tuple(help_with)


def toolkit_page(inputs: BuildInputs, toolkit: model.Toolkit) -> PagePlan:
    cat, library = inputs.catalogue, inputs.derived(build_library)
    author = cat.lookup("providers", toolkit.author)
    downloads = tuple({"label": f.label, "url": core_urls.download(f.file.path),
                       "summary": f.file.summary, "media_type": f.file.type.media_type,
                       "lang": text_lang(f, "label")}
                      for f in toolkit.files)
    card = library.cards[toolkit.slug]
    return PagePlan(urls.toolkit(toolkit.slug), "toolkits/toolkit.html", toolkit.title,
                    card.summary or card.detail, {
                        "type": Link(card.type, urls.by_type(type_slug(toolkit.type))),
                        "topics": tuple(name_link(n, urls.by_topic(n.slug))
                                        for n in cat.lookup_many("needs", toolkit.topics)),
                        "stages": stage_names(cat, toolkit),
                        "author": name_link(author, directory_urls.provider(author.slug)),
                        "author_lang": text_lang(author, "name"),
                        "lang": field_langs(toolkit),
                        "licence": toolkit.licence,
                        "reviewed": human_date(toolkit.last_reviewed),
                        "reviewed_iso": toolkit.last_reviewed.isoformat(),
                        "downloads": downloads, "link": toolkit.link,
                        "body_html": render_markdown(toolkit.body),
                        "related": related(library, toolkit),
                        "get_help": _get_help(inputs, toolkit),
                        "regional": regional_for(library, toolkit.topics),
                        "all_links": Link(_("All regional and national support"), urls.links())},
                    (_library(),))


def links_page(inputs: BuildInputs) -> Iterator[PagePlan]:
    """Regional, London and national support, by area, and again by topic."""
    cat, library = inputs.catalogue, inputs.derived(build_library)
    links = sorted(cat.regional_links.links, key=lambda k: (k.name.casefold(), k.url))
    areas = tuple((area, _(AREA_NAMES[area]),
                   tuple(_link_entry(cat, link) for link in links if link.area == area))
                  for area in model.AREAS if any(link.area == area for link in links))
    topics = tuple((n.slug, n.name, library.links_by_topic[n.slug]) for n in cat.needs
                   if n.slug in library.links_by_topic)
    yield PagePlan(urls.links(), "toolkits/links.html", _("Regional and national support"),
                   _("Organisations beyond the borough that help community groups: in East "
                     "London, London-wide and across the country."),
                   {"areas": areas, "topics": topics, "library": _library()})


def _link_entry(cat: Catalogue, link: model.RegionalLink) -> dict:
    return {"card": link_card(link),
            "topics": tuple(name_link(n, urls.links_topic(n.slug))
                            for n in cat.lookup_many("needs", link.topics))}


def footer_link(cat: Catalogue) -> tuple[Link, ...]:
    return (Link(_("Regional and national support"), urls.links()),)
