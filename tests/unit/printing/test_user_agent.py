"""The narrowed user-agent stylesheet (`printing.user_agent`): it still narrows the
WeasyPrint installed, it is the one used, and what it leaves out was never drawn."""
from __future__ import annotations

from collections import Counter

import pytest
import weasyprint
from weasyprint import css, html

from thin_build.printing.user_agent import NARROWED_MARKER_RULE, UNUSED_RULES, PrintHTML, narrowed

# Lists (with markers), headings, links, a quotation (::before and ::after content) and
# plain paragraphs: what the printed documents are made of.
DOCUMENT = """<html lang="en"><head><style>@page { size: A6; margin: 10mm }</style></head>
<body><h1 id="top">Directory</h1><ul><li>One</li><li>Two <a href="#top">back</a></li></ul>
<ol><li>First</li></ol><p>A <q>quoted</q> line.</p><p lang="bn">নদী</p></body></html>"""


def test_the_installed_weasyprint_sheet_is_narrowed():
    """Fails when a WeasyPrint release words these rules differently: then look again."""
    sheet = narrowed(html.UA)
    assert sheet != html.UA
    assert NARROWED_MARKER_RULE in sheet
    assert not [line for line in sheet.splitlines() if line.startswith(("::marker",
                                                                          *UNUSED_RULES))]


def test_a_sheet_without_those_rules_is_left_as_it_is():
    assert narrowed("p { margin: 0 }\n") == "p { margin: 0 }\n"


@pytest.fixture
def pseudo_styles(monkeypatch):
    """Counts of the pseudo-element styles WeasyPrint computes, by pseudo-element."""
    counts: Counter = Counter()
    compute = css.StyleFor.set_computed_styles

    def counting(self, element, parent, root=None, pseudo_type=None, **kwargs):
        if isinstance(element, str):  # a page's margin boxes, not an element's
            return compute(self, element, parent, root, pseudo_type, **kwargs)
        counts[pseudo_type] += 1
        return compute(self, element, parent, root, pseudo_type, **kwargs)

    monkeypatch.setattr(css.StyleFor, "set_computed_styles", counting)
    return counts


def test_only_list_items_get_a_marker_style_and_nothing_a_note_style(pseudo_styles):
    PrintHTML(string=DOCUMENT).render()
    items = DOCUMENT.count("<li>")
    assert pseudo_styles["marker"] == items
    assert not any(pseudo_styles[rule.strip(":")] for rule in UNUSED_RULES)


def test_weasyprint_s_own_sheet_gives_every_element_six(pseudo_styles):
    """The cost the narrowing saves; if this fails, WeasyPrint no longer pays it."""
    weasyprint.HTML(string=DOCUMENT).render()
    assert pseudo_styles["footnote-call"] > DOCUMENT.count("<li>")


def test_the_pdf_is_the_same_with_either_sheet():
    options = {"pdf_tags": True, "pdf_identifier": b"same"}
    assert (PrintHTML(string=DOCUMENT).write_pdf(**options)
            == weasyprint.HTML(string=DOCUMENT).write_pdf(**options))
