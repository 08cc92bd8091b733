"""Interface language: the language a page is being built in, and its translations.

Views and templates translate as they run, so one build step serves every language:
the build sets the current language (`speaking`) around each language's pass, and
`gettext` and friends read it. Module-level strings are marked with `N_` and
translated where they are used, never at import time.

(First cut: the API every capability codes against. The catalogue loading, Babel
formatting and the per-language build are filled in by the languages work.)
"""
from __future__ import annotations

import contextlib
import gettext as _gettext
from contextvars import ContextVar
from typing import Iterator

_translations: ContextVar[_gettext.NullTranslations] = ContextVar(
    "translations", default=_gettext.NullTranslations())


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


@contextlib.contextmanager
def speaking(translations: _gettext.NullTranslations) -> Iterator[None]:
    token = _translations.set(translations)
    try:
        yield
    finally:
        _translations.reset(token)
