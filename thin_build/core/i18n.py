"""Interface language: the language a page is being built in, its translations, its formats.

Views and templates translate as they run, so one build step serves every language:
the build sets the current language (`speaking`) around each language's pass, and
`gettext` and friends, and the date and number formatters, read it. Module-level
strings are marked with `N_` and translated where they are used, never at import time.

Dates, times, numbers and lists are formatted by Babel with the language's locale
(`en_GB` writes "24 November 2026", `bn_BD` "24 নভেম্বর, 2026"), so no view spells a
month name or the word "and" itself. Digits are Western in every language: Babel's
default, and the digits phone numbers, postcodes and opening times are written in.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gettext as _gettext
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Sequence

from babel import Locale
from babel import dates as _dates
from babel import lists as _lists
from babel import numbers as _numbers


@dataclass(frozen=True, kw_only=True)
class Language:
    """One language the site is published in (`languages:` in `content/site.yaml`).

    `name` is written in the language's own script ("বাংলা"), as the switcher shows it;
    `locale` is Babel's (`bn_BD`) for dates, numbers and plural rules; `dir` is `ltr` or
    `rtl`.
    """

    code: str
    name: str
    locale: str
    dir: str = "ltr"

    @property
    def tag(self) -> str:
        """The BCP 47 tag for `<html lang>`: `en-GB`, `bn-BD`."""
        return self.locale.replace("_", "-")


ENGLISH = Language(code="en", name="English", locale="en_GB")

_translations: ContextVar[_gettext.NullTranslations] = ContextVar(
    "translations", default=_gettext.NullTranslations())
_language: ContextVar[Language] = ContextVar("language", default=ENGLISH)


def gettext(message: str) -> str:
    return _translations.get().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.get().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations.get().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _translations.get().npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it (module-level tables)."""
    return message


def current_language() -> Language:
    """The language the page being built is in (English outside any build pass)."""
    return _language.get()


@contextlib.contextmanager
def speaking(translations: _gettext.NullTranslations,
             language: Language = ENGLISH) -> Iterator[None]:
    """Translate, and format dates and numbers, in `language` inside the block."""
    token = _translations.set(translations)
    lang_token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(lang_token)
        _translations.reset(token)


@functools.lru_cache(maxsize=None)
def _parsed_locale(identifier: str) -> Locale:
    """Parsed once per process: a build at scale formats a date a million times."""
    return Locale.parse(identifier)


def _locale() -> Locale:
    return _parsed_locale(current_language().locale)


# The same dates and times of day recur on thousands of pages (opening hours, "last
# checked" dates) and Babel's formatting is pure, so each is formatted once per locale.
# Only plain dates and naive times are remembered: aware datetimes are equal across
# time zones, so they would share a key while reading differently.
@functools.lru_cache(maxsize=1 << 14)
def _formatted(value: dt.date | dt.time, format: str, identifier: str) -> str:
    formatter = _dates.format_time if isinstance(value, dt.time) else _dates.format_date
    return formatter(value, format, locale=_parsed_locale(identifier))


def format_date(day: dt.date, format: str = "long") -> str:
    """A date in the page's language: Babel's `short`/`medium`/`long`/`full` or a CLDR
    pattern (`"d MMMM"`, `"EEEE d MMMM"`, `"MMMM y"`)."""
    if type(day) is dt.date:
        return _formatted(day, format, current_language().locale)
    return _dates.format_date(day, format, locale=_locale())


def format_time(time: dt.time | dt.datetime, format: str = "short") -> str:
    """A time of day in the page's language (`14:30` in English, `2:30 PM` in Bengali)."""
    if type(time) is dt.time and time.tzinfo is None:
        return _formatted(time, format, current_language().locale)
    return _dates.format_time(time, format, locale=_locale())


def format_number(number: int | float | Decimal, decimals: int | None = None) -> str:
    """A number with the language's grouping (`12,345`); `decimals` fixes the places shown."""
    if decimals is None:
        return _numbers.format_decimal(number, locale=_locale())
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return _numbers.format_decimal(number, pattern, locale=_locale())


def format_list(items: Sequence[str]) -> str:
    """"A, B and C" in English, "A, B এবং C" in Bengali: a list as the language writes one."""
    return _lists.format_list(list(items), locale=_locale()) if items else ""
