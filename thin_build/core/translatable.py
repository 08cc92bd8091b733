"""Translated content, as records carry it: `translations:` inside a record's own file.

A listing, a taxonomy term or a question keeps its translations beside the original
(`translations: {bn: {name: ..., summary: ...}}`), so one pull request shows both
languages, and renaming or deleting a listing cannot leave a translation behind. A
kind says which of its fields may be translated (`Record(..., translatable=(...))`);
its model class inherits `Translatable` to carry what was written. `translate.py`
swaps the translations in for a language's pages.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .errors import Location

TRANSLATIONS_KEY = "translations"
TRANSLATION_DATE = "last_verified"


@dataclass(frozen=True)
class Translation:
    """One language's text for some of a record's translatable fields.

    `values` keeps the file's order of (field, converted value); `path` names the
    mapping in messages (`services[2].translations.bn`) and `location` is its key.
    """

    language: str
    values: tuple[tuple[str, Any], ...]
    last_verified: dt.date | None = None
    path: str = field(default="", compare=False)
    location: Location = field(default=Location(""), compare=False)


@dataclass(frozen=True)
class Translations:
    """What a record's file says in other languages, and which fields it may translate.

    Only what the file says counts in comparisons: `fields` comes from the declaration,
    so a record made in code equals the same record read from a file.
    """

    fields: tuple[str, ...] = field(default=(), compare=False)
    languages: tuple[Translation, ...] = ()

    def get(self, code: str) -> Translation | None:
        return next((t for t in self.languages if t.language == code), None)

    def as_values(self) -> dict[str, dict[str, Any]]:
        """The `translations:` mapping as a file writes it (`{"bn": {"name": ...}}`)."""
        return {t.language: dict(t.values) | ({TRANSLATION_DATE: t.last_verified}
                                             if t.last_verified else {})
                for t in self.languages}


@dataclass(frozen=True)
class Untranslated:
    """The fields of a localised record still shown in the original `language`."""

    language: str
    fields: frozenset[str]


NO_TRANSLATIONS = Translations()


@dataclass(frozen=True, kw_only=True)
class Translatable:
    """Base of every model class whose declaration names translatable fields.

    `translations` is what the file holds; `untranslated` is set by
    `translate.localised` on a language's copy of the catalogue (None in the
    original language, or when every field with text is translated).
    """

    translations: Translations = NO_TRANSLATIONS
    untranslated: Untranslated | None = None
