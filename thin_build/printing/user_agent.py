"""WeasyPrint's user-agent stylesheet without the pseudo-elements no printed document uses.

WeasyPrint's `html5_ua.css` gives every element six pseudo-elements: `::marker`,
`::footnote-call`, `::footnote-marker`, `::note-call`, `::note-marker` and
`::note-callback`. Their selectors name no element, so each element gets six computed
styles of its own, never shared and never drawn: no print stylesheet here floats a
footnote or a note, and only list items show markers. In a directory part that was nine
styles in ten and about a sixth of its CPU time.

`PrintHTML` lays out with WeasyPrint's own sheet, as installed, with those rules
narrowed: markers for list items and `summary`, no footnote or note rules. Should a
WeasyPrint release word them differently, `narrowed` finds nothing to narrow and the
sheet is WeasyPrint's unchanged: slower, never wrong (tests/unit/printing/
test_user_agent.py says when that happens).
"""
from __future__ import annotations

from functools import cache

from weasyprint import CSS, HTML

MARKER_RULE = "::marker {"
NARROWED_MARKER_RULE = "li::marker, summary::marker {"
UNUSED_RULES = ("::footnote-call", "::footnote-marker", "::note-call", "::note-marker",
                "::note-callback")


def narrowed(stylesheet: str) -> str:
    """`stylesheet` (the text of `html5_ua.css`) with the universal pseudo-element rules
    narrowed or left out; unchanged if it has none of them."""
    lines = [line.replace(MARKER_RULE, NARROWED_MARKER_RULE) if line.startswith(MARKER_RULE)
             else line for line in stylesheet.splitlines()
             if not line.startswith(UNUSED_RULES)]
    return "\n".join(lines) + "\n"


@cache
def _sheet() -> CSS:
    from weasyprint import html

    return CSS(string=narrowed(html.UA), counter_style=html.UA_COUNTER_STYLE)


class PrintHTML(HTML):
    """WeasyPrint's HTML, laid out with the narrowed user-agent stylesheet."""

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        from weasyprint import html

        return [_sheet(), html.UA_FORM_STYLESHEET] if forms else [_sheet()]
