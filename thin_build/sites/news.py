"""A site's news: the list, a page per post and the Atom feed.

The feed is written by the calendar's Atom writer (`atom.atom_feed`), dated from the
posts only, so the same files give the same bytes on any day.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..calendar.atom import AtomEntry, atom_feed
from ..core import urls as core_urls
from ..core.i18n import gettext as _
from ..core.markup import render_markdown
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link, human_date
from ..core.translate import text_lang
from ..core.write import OutputFile
from . import model, urls
from .content import Site
from .frame import crumbs, site_frame


@dataclass(frozen=True)
class PostView:
    """A post as lists and its own page show it; `lang` as in `SiteFrame`."""

    title: str
    url: str
    date_iso: str
    date_text: str
    summary: str
    image_src: str | None
    image_alt: str | None
    lang: str | None


def post_view(post: model.NewsPost) -> PostView:
    return PostView(
        title=post.title, url=urls.post(post.org, post.name), date_iso=post.date.isoformat(),
        date_text=human_date(post.date), summary=post.summary,
        image_src=core_urls.download(post.image.path) if post.image else None,
        image_alt=post.image_alt if post.image else None, lang=text_lang(post))


def news_outputs(inputs: BuildInputs, site: Site) -> Iterator[PagePlan | OutputFile]:
    org = site.org
    url = urls.news(org.slug)
    # Translators: title of an organisation's news page; %(name)s is the organisation
    yield PagePlan(url, "sites/news.html", _("News from %(name)s") % {"name": org.name},
                   _("The latest news from %(name)s.") % {"name": org.name}, {
                       "frame": site_frame(site, url),
                       "posts": tuple(post_view(p) for p in site.posts),
                       "feed_url": urls.feed(org.slug)}, crumbs(site))
    news_crumbs = crumbs(site) + (Link(_("News"), url),)
    for post in site.posts:
        view = post_view(post)
        yield PagePlan(view.url, "sites/post.html", post.title, post.summary, {
            "frame": site_frame(site, url), "post": view,
            "body_html": render_markdown(post.body), "news_url": url}, news_crumbs)
    yield OutputFile(urls.feed(org.slug).lstrip("/"), feed(inputs, site))


def feed(inputs: BuildInputs, site: Site) -> bytes:
    cat, org = inputs.catalogue, site.org
    base = cat.site.base_url.rstrip("/")
    entries = [AtomEntry(post.date, post.title, base + urls.post(org.slug, post.name),
                         post.summary, org.name, _("News")) for post in site.posts]
    return atom_feed(cat, _("News from %(name)s") % {"name": org.name},
                     _("The latest news from %(name)s.") % {"name": org.name},
                     urls.feed(org.slug), urls.news(org.slug), entries, inputs.today)

