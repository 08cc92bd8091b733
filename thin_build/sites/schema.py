"""The kinds of a site, declared once: its pages and its news posts.

Both are read from inside organisations' folders (`Source(..., inside=...)`), and a
post's picture from the site's own `media/` folder, so a group's files stay together
and a pull request about its site touches only its folder.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..core.capability import Kind, Source
from ..core.convert import Context, Invalid
from ..core.declare import Field, Record, text_field
from ..core.downloads import Download, DownloadPath
from ..core.fields import Date, Integer, Markdown
from ..core.filetypes import JPEG, PNG, WEBP, FileType
from ..core.raw import RawNode
from . import model

MEDIA = "media"
NEWS = "news"
MAX_IMAGE_BYTES = 300 * 1024  # a news picture for phones; the loader allows 1 MiB anywhere
IMAGE_TYPES = (PNG, JPEG, WEBP)


@dataclass(frozen=True)
class SiteImage(DownloadPath):
    """A picture in the site's own `orgs/<org>/media/` folder, named from there.

    The folder is the file's own site's (`folder` inside the converted file's
    `orgs/<org>/`), so the same `photo.jpg` means each group's own picture; its type
    is checked by content, and its size against `max_bytes` with a picture's advice.
    """

    folder: str = MEDIA
    types: tuple[FileType, ...] = IMAGE_TYPES
    max_bytes: int = MAX_IMAGE_BYTES

    def convert(self, node: RawNode, ctx: Context) -> Download:
        site = "/".join(ctx.file.split("/")[:2])
        here = DownloadPath(f"{site}/{self.folder}" if site else self.folder, self.types)
        try:
            image = here.convert(node, ctx)
        except Invalid as exc:
            if exc.code == "wrong-file-type":
                raise Invalid("not-an-image", exc.message) from None
            raise
        if image.size > self.max_bytes:
            raise Invalid("file-too-large", f"{image.path} is {image.size:,} bytes; a post's "
                          f"picture may be at most {self.max_bytes // 1024} KB: save it "
                          "smaller (1,200 pixels wide is plenty for phones and laptops)")
        return image

    def describe(self) -> str:
        return (f"an image in the organisation's `{self.folder}/` folder (PNG, JPEG or WebP, "
                f"at most {self.max_bytes // 1024} KB), e.g. `garden-open-day.jpg`")


_TITLE = text_field("title", "the title, as the menu or the news list shows it",
                    "Volunteer with us", required=True, max_length=80)
_BODY = Field("body", Markdown(), "the text after the front matter, in Markdown",
              "We meet on **Saturday mornings**.", required=True)

SITE_PAGE = Record(model.SitePage, (
    _TITLE,
    text_field("summary", "a sentence saying what the page is about, for search results",
               "How to join our volunteers and what they do.", max_length=300),
    Field("order", Integer(maximum=1000), "position in the site's menu (smaller first; pages "
          "with the same order go by title)", 10),
    _BODY,
), "a page of an organisation's site", translatable=("title", "summary", "body"))

NEWS_POST = Record(model.NewsPost, (
    text_field("title", "the post's headline", "Our garden open day", required=True,
               max_length=120),
    Field("date", Date(), "the day it is published, the same as the start of its file name; "
          "a later date keeps it hidden until that day", "2026-11-20", required=True),
    text_field("summary", "one or two sentences for the news list and the feed",
               "Thank you to everyone who came to plant bulbs.", required=True, max_length=300),
    Field("image", SiteImage(), "a picture for the post", "open-day.jpg"),
    text_field("image_alt", "what the picture shows, for people who cannot see it (needed "
               "with `image`)", "Volunteers planting bulbs in the community garden",
               max_length=200),
    _BODY,
), "a news post of an organisation's site",
    translatable=("title", "summary", "image_alt", "body"))


def _dated_today(today: dt.date, _root: Path) -> dict[str, str]:
    """A new post is dated the day it is written, which its file name starts with too."""
    return {"date": today.isoformat()}


KINDS = (
    Kind("site_page", Source("orgs", (".md",), required=False, inside="", files=MEDIA),
         SITE_PAGE, "site_pages", "orgs/<org>/<page>.md"),
    Kind("news", Source("orgs", (".md",), required=False, inside=NEWS), NEWS_POST,
         "news_posts", "orgs/<org>/news/<yyyy-mm-dd>-<name>.md", new_values=_dated_today),
)
