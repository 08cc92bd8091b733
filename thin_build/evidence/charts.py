"""Bar charts as SVG text, drawn at build time: no JavaScript, readable without colour.

Each bar has its label written above it and its value written beside it, so a reader
never has to match a colour to a legend; the chart has a `<title>` and a `<desc>`
(named by `aria-labelledby`) and always stands beside its data table, which is what a
screen reader is pointed to. A bar whose value is None is a suppressed small cell:
it is drawn as no bar at all, labelled "fewer than 3", so its size cannot be measured
off the picture. The drawing scales with the page (`viewBox`, no fixed width), and
its text is 16 px on a wide screen and no less than 11 px on a 320 px phone.
"""
from __future__ import annotations

from typing import Callable, Sequence

from markupsafe import Markup

from ..core.i18n import format_number, ngettext
from ..core.i18n import gettext as _
from .suppress import fewer_than

WIDTH = 400         # drawn at most this wide (evidence.css), so 16 px text stays 16 px
LABEL_HEIGHT = 22   # the label line above each bar
BAR_HEIGHT = 18
ROW_GAP = 12
VALUE_ROOM = 150    # space kept right of the longest bar for its value
BAR_COLOUR = "#1d4f91"  # 8.6:1 on white: bars need 3:1 (WCAG 1.4.11), text 4.5:1
TEXT_COLOUR = "#1a1a1a"

# A chart's unit (a table's `Chart.unit`) as words after a number, in the page's
# language with its plural (written out as calls, so extraction sees both forms).
UNITS: dict[str, Callable[[int], str]] = {
    "organisations": lambda n: ngettext("%(num)s organisation", "%(num)s organisations", n),
    "listings": lambda n: ngettext("%(num)s listing", "%(num)s listings", n),
    "members": lambda n: ngettext("%(num)s member", "%(num)s members", n),
    "responses": lambda n: ngettext("%(num)s response", "%(num)s responses", n),
    # Translators: a share, e.g. "40 per cent" beside a bar
    "per cent": lambda n: _("%(num)s per cent"),
}


def value_text(value: int | None, unit: str = "") -> str:
    """A bar's value in words: "£1,250", "12 organisations", or "fewer than 3".

    `unit` "£" goes in front of the number; a unit of `UNITS` is worded in the page's
    language with its plural.
    """
    if value is None:
        return fewer_than()
    if unit == "£":
        return f"£{format_number(value)}"
    if unit in UNITS:
        return UNITS[unit](value) % {"num": format_number(value)}
    return f"{format_number(value)} {unit}" if unit else format_number(value)


def bar_chart(chart_id: str, title: str, description: str,
              bars: Sequence[tuple[str, int | None]], unit: str = "") -> str:
    """A horizontal bar chart, one bar per (label, value), in the order given.

    Returns SVG markup (a `Markup`, so templates insert it without `|safe`); every
    piece of text in it is escaped here.
    """
    largest = max((value for _label, value in bars if value), default=0)
    row = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    height = max(row * len(bars), row)
    span = WIDTH - VALUE_ROOM
    parts = [Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{id}" role="img" '
        'viewBox="0 0 {w} {h}" aria-labelledby="{id}-title {id}-desc" '
        'font-family="sans-serif" font-size="16">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
    ).format(id=chart_id, w=WIDTH, h=height, title=title, desc=description)]
    for index, (label, value) in enumerate(bars):
        top = index * row
        length = round(span * value / largest) if value and largest else 0
        if value and not length:
            length = 2  # a small but real value stays visible
        bar_top = top + LABEL_HEIGHT
        parts.append(Markup(
            '<g><text x="0" y="{ly}" fill="{ink}">{label}</text>'
        ).format(ly=top + 16, ink=TEXT_COLOUR, label=label))
        if length:
            parts.append(Markup(
                '<rect x="0" y="{y}" width="{w}" height="{h}" fill="{fill}"/>'
            ).format(y=bar_top, w=length, h=BAR_HEIGHT, fill=BAR_COLOUR))
        parts.append(Markup('<text x="{x}" y="{y}" fill="{ink}">{text}</text></g>').format(
            x=length + 6, y=bar_top + 14, ink=TEXT_COLOUR, text=value_text(value, unit)))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)

