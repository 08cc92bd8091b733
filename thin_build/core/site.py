"""Site settings (`content/site.yaml`): the portal's name, address and repository.

Every build needs these (the page frame, the sitemap, "suggest an edit" links), so
the site kind belongs to the core rather than to any capability.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from .convert import Context, Invalid
from .declare import Field, ListOf, Record, text_field
from .fields import EMAIL, Choice, Date, Integer, Pattern, Url
from .i18n import ENGLISH, Language
from .raw import RawNode
from .translatable import Translatable


@dataclass(frozen=True, kw_only=True)
class Licence:
    """The licence a site's published data is under: its name and where to read it."""

    name: str
    url: str


OPEN_GOVERNMENT_LICENCE = Licence(
    name="Open Government Licence v3.0",
    url="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")


@dataclass(frozen=True, kw_only=True)
class HourlyRate:
    """The hourly wage volunteers' time is valued at, never without its source and date.

    A replacement value means nothing unless a reader can see whose rate it is and
    when it was set, so all four fields are required once the rate is given.
    """

    amount: str
    name: str
    source: str
    date: dt.date


@dataclass(frozen=True, kw_only=True)
class SiteConfig(Translatable):
    """The settings; the tagline and description may be given in other languages
    (`translations: {bn: {tagline: ...}}`), the name stays as it is everywhere."""

    title: str
    tagline: str
    borough: str
    description: str
    base_url: str
    repository_url: str
    repository_branch: str = "main"
    stale_after_months: int = 12
    contact_email: str
    data_licence: Licence = OPEN_GOVERNMENT_LICENCE
    volunteer_rate: HourlyRate | None = None
    languages: tuple[Language, ...] = (ENGLISH,)


class BabelLocale(Pattern):
    """A locale Babel has the dates, numbers and plural rules of (`bn_BD`, `ur_PK`)."""

    def convert_text(self, text: str) -> str:
        text = super().convert_text(text)
        try:
            Locale.parse(text)
        except (UnknownLocaleError, ValueError):
            raise Invalid("unknown-locale", f"{text!r} is not a locale Babel knows; write a "
                          "language and country code such as bn_BD, ur_PK or so_SO") from None
        return text


class Languages(ListOf):
    """The site's languages, each code once; the first is the default, published at `/`."""

    def convert(self, node: RawNode, ctx: Context) -> tuple:
        values = super().convert(node, ctx)
        seen: set[str] = set()
        for language, item in zip(values, node.items):
            if language.code in seen:
                ctx.report("duplicate-item", f"the language {language.code!r} is listed twice",
                           item.location)
                raise Invalid.reported()
            seen.add(language.code)
        return values


LANGUAGE = Record(Language, (
    Field("code", Pattern(r"[a-z]{2,3}", "a language code", "bad-language-code",
                          "bn (two or three lowercase letters, ISO 639)"),
          "the language's code, also its URL prefix (`/bn/`) and its folder in translations/",
          "bn", required=True),
    text_field("name", "the language's name in its own script, as the language switcher "
               "shows it", "বাংলা", required=True, max_length=40),
    Field("locale", BabelLocale(r"[a-z]{2,3}(_[A-Z]{2})?", "a locale", "bad-locale",
                                "bn_BD (language, underscore, country)"),
          "the locale dates, numbers and plural forms follow", "bn_BD", required=True),
    Field("dir", Choice(("ltr", "rtl")), "the direction the language is written in: `rtl` "
          "for Urdu, Arabic or Somali in Arabic script", "ltr"),
), "a language's code, name, locale and direction")
SITE = Record(SiteConfig, (
    text_field("title", "the portal's name", "THIN Portal", required=True, max_length=80),
    text_field("tagline", "one line under the title", "Who does what for Tower Hamlets' voluntary "
               "sector", required=True),
    text_field("borough", "the borough the portal covers", "Tower Hamlets", required=True),
    text_field("description", "what the portal is, for the home page and search engines",
               "Find support for your voluntary or community group, and the groups working near "
               "you.", required=True, max_length=600, multiline=True),
    Field("base_url", Url(), "where the site is published", "https://portal.example.org/",
          required=True),
    Field("repository_url", Url(), "the content repository, for \"suggest an edit\" links",
          "https://git.example.org/thin/portal", required=True),
    text_field("repository_branch", "the branch edits are proposed against", "main"),
    Field("stale_after_months", Integer(1, 120), "months after `last_verified` when a listing "
          "needs review", 12),
    Field("contact_email", EMAIL, "the coordinators' address", "hello@example.org",
          required=True),
    Field("data_licence", Record(Licence, (
        text_field("name", "the licence's name", OPEN_GOVERNMENT_LICENCE.name, required=True,
                   max_length=120),
        Field("url", Url(), "where the licence's text is published", OPEN_GOVERNMENT_LICENCE.url,
              required=True),
    ), "the licence's name and address"), "the licence the site's data downloads are "
          "published under; leave out for the Open Government Licence v3.0",
          {"name": OPEN_GOVERNMENT_LICENCE.name, "url": OPEN_GOVERNMENT_LICENCE.url}),
    Field("volunteer_rate", Record(HourlyRate, (
        Field("amount", Pattern(r"[0-9]{1,4}(\.[0-9]{2})?", "an amount in pounds", "bad-amount",
                                '"14.80" (pounds and pence, no £)'), "pounds an hour, in quotes",
              "14.80", required=True),
        text_field("name", "the rate's name", "London Living Wage", required=True),
        text_field("source", "who sets the rate, or where it is published",
                   "Living Wage Foundation, rate announced October 2025", required=True),
        Field("date", Date(), "when someone last checked the rate against its source",
              "2025-11-03", required=True),
    ), "the rate's amount, name, source and date"), "the hourly wage volunteer time is "
          "valued at on the evidence page; leave out to show hours without a value",
          {"amount": "14.80", "name": "London Living Wage",
           "source": "Living Wage Foundation, rate announced October 2025",
           "date": "2025-11-03"}),
    Field("languages", Languages(LANGUAGE, min_items=1, max_items=30), "the languages the "
          "site is published in, the default first (at `/`; the others at `/<code>/`); each "
          "other language needs translations/<code>/LC_MESSAGES/messages.po. Leave out for "
          "English only", [{"code": "en", "name": "English", "locale": "en_GB"},
                           {"code": "bn", "name": "বাংলা", "locale": "bn_BD"}]),
), "site settings", translatable=("tagline", "description"))
