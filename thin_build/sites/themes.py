"""The looks of an organisation's own site, and an accent colour that always reads.

A group picks a layout (`theme:`) and a colour (`accent_colour:`); the group should
never have to know what a contrast ratio is. So `theme_for` derives every colour a
theme uses from the accent, such that WCAG 2.2 AA holds whatever colour was chosen:
text on the accent (black or white, whichever reads), accent-coloured text and links
on each light surface a theme draws them on (`SURFACES`, 4.5:1, WCAG 1.4.3), and
accent-coloured borders, tabs and buttons on those surfaces (3:1, WCAG 1.4.11). A
colour that fails is moved towards black (towards white, were a surface dark) only as
far as it must, and `accent_problems` tells the coordinator, naming the colour, its
ratio and the colours used instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..core import urls as core_urls
from ..core.checking import Checking
from ..core.errors import Problem, warning
from ..core.markup import contrast_ratio, text_colour_on
from ..directory.model import SITE_THEMES, Organisation
from .content import has_site

TEXT_CONTRAST = 4.5  # WCAG 1.4.3: text and links
UI_CONTRAST = 3.0  # WCAG 1.4.11: borders, tabs, buttons
DEFAULT_ACCENT = "#1d4f91"  # the portal's own blue, for a group that chose no colour
# Where a theme draws accent-coloured text and lines: the page and the portal's tint
# (cards, tags, the calm theme's side column), as `templates/static/site.css` has them.
SURFACES = ("#ffffff", "#f3f2f1")


@dataclass(frozen=True)
class ThemeView:
    """The colours and stylesheets a site's frame uses; every pair already passes AA.

    `accent` fills bands and buttons (with `on_accent` text on it) and draws borders
    and tabs; `accent_text` colours headings and links on the page. `adjusted` is True
    when the group's own colour had to change.
    """

    name: str
    accent: str
    on_accent: str
    accent_text: str
    stylesheets: tuple[str, ...]
    adjusted: bool


def _mix(colour: str, target: str, share: float) -> str:
    """`colour` moved `share` (0 to 1) of the way to `target`, channel by channel."""
    channels = []
    for i in (1, 3, 5):
        a, b = int(colour[i:i + 2], 16), int(target[i:i + 2], 16)
        channels.append(round(a + (b - a) * share))
    return "#" + "".join(f"{c:02x}" for c in channels)


def _weakest(colour: str, surfaces: Iterable[str]) -> float:
    return min(contrast_ratio(colour, surface) for surface in surfaces)


def readable(colour: str, surfaces: tuple[str, ...], minimum: float) -> str:
    """The colour nearest `colour` with at least `minimum` contrast on every surface.

    It moves towards black on light surfaces (white on dark ones) in steps of 1/100,
    so the result stays recognisably the group's colour; the walk ends at black or
    white, which pass on any light or dark surfaces.
    """
    if _weakest(colour, surfaces) >= minimum:
        return colour
    target = text_colour_on(surfaces[0])
    for step in range(1, 100):
        candidate = _mix(colour, target, step / 100)
        if _weakest(candidate, surfaces) >= minimum:
            return candidate
    return target


def theme_for(org: Organisation) -> ThemeView:
    """The look of `org`'s own site: its theme with colours derived from its accent.

    The themes (`directory.model.SITE_THEMES`) differ in layout, not only colour, each in
    `templates/static/sites/theme-<name>.css`: `plain` keeps one column under a thin
    accent rule, `bold` puts the name in a band of the accent over a menu of tabs, `calm`
    moves the menu to a tinted side column on wide screens.
    """
    name = org.theme or SITE_THEMES[0]
    chosen = org.accent_colour or DEFAULT_ACCENT
    accent = readable(chosen, SURFACES, UI_CONTRAST)
    accent_text = readable(accent, SURFACES, TEXT_CONTRAST)
    return ThemeView(name=name, accent=accent, on_accent=text_colour_on(accent),
                     accent_text=accent_text,
                     stylesheets=(core_urls.static("sites/frame.css"),
                                  core_urls.static(f"sites/theme-{name}.css")),
                     adjusted=accent_text != chosen)


def accent_problems(site: Checking) -> Iterable[Problem]:
    """A warning for each organisation whose accent colour its site had to change.

    Only a site draws text in the accent; a listing's page puts black or white on it,
    which always reads, so a listing without a site is never warned about its colour.
    """
    for org in site.records.get("orgs", ()):
        if not org.accent_colour or not has_site(org):
            continue
        view = theme_for(org)
        if not view.adjusted:
            continue
        ratio = _weakest(org.accent_colour, SURFACES)
        yield warning("low-contrast-accent", (
            f"accent colour {org.accent_colour} has a contrast of only {ratio:.2f}:1 with "
            f"the page, and headings and links need {TEXT_CONTRAST}:1; the site uses "
            f"{view.accent_text} for text"
            + (f" and {view.accent} for bands and buttons (they need {UI_CONTRAST}:1)"
               if view.accent != view.accent_text else "")
            + "; choose a darker colour to have yours used as it is"),
            site.field_location("org", org.slug, "accent_colour"))
