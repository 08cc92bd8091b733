"""Content pages (`content/pages/`): about, how to add a listing, accessibility, privacy.

They publish at the top level (`/about/`) and make up the footer menu.
"""
from ..core.capability import Capability, Kind, Source, Step
from ..core.render import FOOTER
from .pages import content_pages, footer_links, pages_keep_out_of_sections
from .schema import PAGE

PAGES = Capability(
    name="pages",
    kinds=(Kind("page", Source("content/pages", (".md",), required=False), PAGE, "pages",
                "content/pages/<slug>.md"),),
    checks=(pages_keep_out_of_sections,),
    steps=(
        Step(content_pages, reads=frozenset({
            "pages.body", "pages.slug", "pages.summary", "pages.title",
            "pages.untranslated"})),
    ),
    contributes={FOOTER: (footer_links,)},
    frame_reads=frozenset({"pages"}),  # the footer menu lists the content pages
)
