"""Content pages, declared once."""
from __future__ import annotations

from ..core.declare import Field, Record, text_field
from ..core.fields import Integer, Markdown
from . import model

PAGE = Record(model.Page, (
    text_field("title", "the page's title", "About THIN", required=True, max_length=120),
    text_field("summary", "one or two sentences saying what it does",
               "We run a youth club and homework help for young people in Bow.",
               required=True, max_length=300),
    Field("order", Integer(maximum=1000), "position in the footer menu (smaller first)", 10),
    Field("body", Markdown(), "the page's text, in Markdown",
          "THIN brings together the borough's **support providers**.", required=True),
), "a content page", translatable=("title", "summary", "body"))
