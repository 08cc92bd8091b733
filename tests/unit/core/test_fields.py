"""Field types: each converts and normalises good text, and explains how to fix bad text."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from thin_build.core.convert import SLUG_PATTERN, Context, Invalid, suggest
from thin_build.core.errors import Location
from thin_build.core.fields import (
    COLOUR,
    EMAIL,
    POSTCODE,
    SLUG,
    Choice,
    Date,
    Integer,
    Markdown,
    MediaPath,
    Phone,
    Ref,
    Text,
    Time,
    Url,
)
from thin_build.core.raw import RawList, RawMap, RawScalar
from thin_build.directory.schema import CHARITY_NUMBER, COMPANY_NUMBER

HERE = Location("orgs/x.md", 3, 7)
WARDS = {"bow-east": "Bow East", "weavers": "Weavers",
         "spitalfields-banglatown": "Spitalfields & Banglatown"}


def ctx(**refs) -> Context:
    return Context(refs=refs or {"wards": WARDS}, media=frozenset({"logos/a.png"}))


def convert(kind, text: str, context: Context | None = None):
    return kind.convert(RawScalar(text, HERE), context or ctx())


def rejection(kind, text: str, context: Context | None = None) -> Invalid:
    with pytest.raises(Invalid) as caught:
        convert(kind, text, context)
    return caught.value


@pytest.mark.parametrize("kind, text, expected", [
    (POSTCODE, "e1 6an", "E1 6AN"),
    (POSTCODE, "E16AN", "E1 6AN"),
    (POSTCODE, "ec1a 1bb", "EC1A 1BB"),
    (POSTCODE, "  sw1a2aa ", "SW1A 2AA"),
    (Phone(), "+44 20 7946 0123", "+44 20 7946 0123"),
    (Phone(), "020  7946\t0123", "020 7946 0123"),
    (Phone(), "(020) 7946-0123", "(020) 7946-0123"),
    (Phone(), "07700 900123", "07700 900123"),
    (Time(), "9:05", "09:05"),
    (Time(), "00:00", "00:00"),
    (Time(), "23:59", "23:59"),
    (Time(), "24:00", "24:00"),
    (COLOUR, "#0B6E4F", "#0b6e4f"),
    (Url(), "HTTPS://example.org/Path?Q=1", "https://example.org/Path?Q=1"),
    (Url(), "Http://example.org", "http://example.org"),
    (Url(), "https://EXAMPLE.org/", "https://EXAMPLE.org/"),
    (Integer(), "0", 0),
    (Integer(), "85000", 85000),
    (Integer(), "1000000000000", 10**12),
    (Integer(1, 120), "120", 120),
    (Date(), "2024-02-29", dt.date(2024, 2, 29)),
    (Date(), "2026-12-31", dt.date(2026, 12, 31)),
    (EMAIL, "first.last+tag@sub.example.org", "first.last+tag@sub.example.org"),
    (SLUG, "bow-east-2", "bow-east-2"),
    (CHARITY_NUMBER, "1234567", "1234567"),
    (CHARITY_NUMBER, "123456-1", "123456-1"),
    (CHARITY_NUMBER, "SC012345", "SC012345"),
    (COMPANY_NUMBER, "SC123456", "SC123456"),
    (Text(), "  padded  ", "padded"),
    (Text(5), "abcde", "abcde"),
    (Markdown(), "line one\nline two", "line one\nline two"),
    (Choice(("active", "closed")), "closed", "closed"),
    (Ref("wards", "wards.yaml"), "bow-east", "bow-east"),
    (Ref("wards", "wards.yaml", ("borough-wide",)), "borough-wide", "borough-wide"),
    (MediaPath(), "logos/a.png", "logos/a.png"),
])
def test_valid_values_convert_and_normalise(kind, text, expected) -> None:
    assert convert(kind, text) == expected


@pytest.mark.parametrize("kind, text, code, how_to_fix", [
    (POSTCODE, "E1", "bad-postcode", "write it like E1 6AN"),
    (POSTCODE, "12345", "bad-postcode", "write it like E1 6AN"),
    (Phone(), "12345", "bad-phone", "write it like `020 7946 0123`"),
    (Phone(), "020 7946 01", "bad-phone", "10 or 11 digits"),
    (Phone(), "+1 212 555 0100", "bad-phone", "starting with 0, or +44"),
    (Phone(), "0\u0662\u0660\u0667\u0669\u0664\u0666\u0660\u0661\u0662\u0663", "bad-phone",
     "write it like"),
    (Time(), "24:01", "bad-time", 'like "09:30"'),
    (Time(), "25:00", "bad-time", "24-hour time in quotes"),
    (Time(), "12:60", "bad-time", "24-hour time"),
    (Time(), "9:5", "bad-time", "24-hour time"),
    (Time(), "9.30", "bad-time", "24-hour time"),
    (Time(), "9:30am", "bad-time", "24-hour time"),
    (Time(), "\u0660\u0669:\u0663\u0660", "bad-time", "24-hour time"),
    (COLOUR, "0b6e4f", "bad-colour", '"#0b6e4f" (in quotes)'),
    (COLOUR, "#0b6e4", "bad-colour", "in quotes"),
    (COLOUR, "green", "bad-colour", "in quotes"),
    (Url(), "javascript:alert(1)", "bad-url", "must start with https://"),
    (Url(), "data:text/html,hi", "bad-url", "must start with https://"),
    (Url(), "www.example.org", "bad-url", "must start with https://"),
    (Url(), "https://exa mple.org", "bad-url", "copy the address from the browser"),
    (Url(), 'https://example.org/"onmouseover="x', "bad-url", "copy the address"),
    (Url(), "https://localhost/", "bad-url", "not a web site's name"),
    (Integer(), "85,000", "bad-number", "; write it as 85000 (digits only, without commas, "
     "spaces, £ or k)"),
    (Integer(), "£85,000", "bad-number", "; write it as 85000 ("),
    (Integer(), "85k", "bad-number", "; write it as 85000 ("),
    (Integer(), "£85k", "bad-number", "; write it as 85000 ("),
    (Integer(), "£1.2m", "bad-number", "; write it as 1200000 ("),
    (Integer(), "£85000", "bad-number", "digits only"),
    (Integer(), "lots", "bad-number", "not a whole number; e.g. 85000 (digits only"),
    (Integer(), "1.5", "bad-number", "whole number"),
    (Integer(), "-1", "bad-number", "(0 to 1000000000000)"),
    (Integer(1, 120), "121", "bad-number", "(1 to 120)"),
    (Integer(), "\u0663", "bad-number", "digits only"),
    (Date(), "2026-02-29", "bad-date", "not a real date"),
    (Date(), "2025-13-01", "bad-date", "not a real date"),
    (Date(), "31/01/2026", "bad-date", "write it as YYYY-MM-DD"),
    (Date(), "2026-1-31", "bad-date", "YYYY-MM-DD"),
    (Date(), "\u0662\u0660\u0662\u0666-\u0660\u0661-\u0663\u0661", "bad-date", "YYYY-MM-DD"),
    (EMAIL, "a@b", "bad-email", "write it like info@example.org"),
    (EMAIL, "not an email", "bad-email", "info@example.org"),
    (SLUG, "Bow-East", "bad-slug", "lowercase letters, digits and single hyphens"),
    (SLUG, "bow--east", "bad-slug", "single hyphens"),
    (CHARITY_NUMBER, "12-34", "bad-number", "1234567 (England and Wales)"),
    (COMPANY_NUMBER, "sc123456", "bad-number", "01234567 or SC123456"),
    (Text(5), "abcdef", "too-long", "the limit is 5. Shorten it"),
    (Text(), "one\ntwo", "multiline", "must be on one line"),
    (Choice(("active", "closed")), "activ", "bad-choice", "did you mean `active`?"),
    (Choice(("a", "b")), "zzz", "bad-choice", "choose from a, b"),
    (Ref("wards", "wards.yaml"), "bow-eats", "unknown-ref", "did you mean `bow-east`?"),
    (MediaPath(), "../../etc/passwd.png", "bad-path", "a path inside content/media/"),
    (MediaPath(), "logos/A.PNG", "bad-path", "lowercase"),
    (MediaPath(), "logos/a.gif", "bad-path", "ending in .png"),
    (MediaPath(), "logos/b.png", "missing-file", "content/media/logos/b.png does not exist"),
])
def test_invalid_values_say_what_is_wrong_and_how_to_fix(kind, text, code, how_to_fix) -> None:
    problem = rejection(kind, text)
    assert problem.code == code
    assert how_to_fix in problem.message


def test_valid_time_and_phone_are_ascii_only() -> None:
    """Digits from other scripts would compare and link wrongly (`tel:`, past-midnight)."""
    assert convert(Time(), "09:30").isascii()
    for text in ("\u0660\u0669:30", "09:\u0663\u0660"):
        assert rejection(Time(), text).code == "bad-time"


def test_ref_suggests_the_slug_of_a_name_typed_in_full() -> None:
    problem = rejection(Ref("wards", "content/taxonomies/wards.yaml"), "Bow East")
    assert problem.code == "unknown-ref"
    assert problem.message == ("'Bow East' is not in content/taxonomies/wards.yaml; did you mean "
                               "`bow-east` (the slug of 'Bow East')?")


def test_ref_to_a_taxonomy_that_failed_to_load_is_not_reported_twice() -> None:
    assert convert(Ref("needs", "needs.yaml"), "anything", ctx(wards=WARDS)) == "anything"


def test_scalar_types_refuse_lists_and_maps() -> None:
    items = RawList((RawScalar("a", HERE),), HERE)
    mapping = RawMap({"a": (HERE, RawScalar("b", HERE))}, HERE)
    for kind in (Text(), Integer(), Date(), Url(), Ref("wards", "wards.yaml"), MediaPath()):
        for node in (items, mapping):
            with pytest.raises(Invalid) as caught:
                kind.convert(node, ctx())
            assert caught.value.code == "wrong-type"
    with pytest.raises(Invalid, match="not a list"):
        Text().convert(items, ctx())


@pytest.mark.parametrize("value, choices, names, expected", [
    ("bow-eats", ["bow-east", "weavers"], None, "; did you mean `bow-east`?"),
    ("Weavers", list(WARDS), WARDS, "; did you mean `weavers` (the slug of 'Weavers')?"),
    (" spitalfields & banglatown ", list(WARDS), WARDS,
     "; did you mean `spitalfields-banglatown` (the slug of 'Spitalfields & Banglatown')?"),
    ("zzzz", ["b", "a"], None, "; choose from a, b"),
    ("zzzz", [f"choice-{n}" for n in range(13)], None, ""),
    ("webiste", ["website", "email", "phone"], None, "; did you mean `website`?"),
])
def test_suggest(value, choices, names, expected) -> None:
    assert suggest(value, choices, names) == expected


def test_context_report_names_the_field_path() -> None:
    context = ctx()
    context.path[:] = ["services", 1, "need"]
    context.report("unknown-ref", "'x' is wrong", HERE)
    context.path.clear()
    context.report("required", "top level", HERE)
    assert [str(p) for p in context.problems] == [
        "orgs/x.md:3:7: error[unknown-ref]: `services[2].need`: 'x' is wrong",
        "orgs/x.md:3:7: error[required]: top level",
    ]


ALL_TYPES = [Text(), Text(9), Markdown(), EMAIL, POSTCODE, COLOUR, SLUG, CHARITY_NUMBER,
             COMPANY_NUMBER, Phone(), Time(), Url(), Integer(), Integer(1, 120), Date(),
             Choice(("a", "b")), Ref("wards", "wards.yaml"), Ref("wards", "w", ("borough-wide",)),
             MediaPath()]
JSON_TYPES = {"string", "integer", "number", "boolean", "array", "object", "null"}


@pytest.mark.parametrize("kind", ALL_TYPES, ids=lambda k: type(k).__name__)
def test_json_schema_is_well_formed(kind) -> None:
    for refs in (None, {"wards": WARDS}):
        schema = kind.json_schema(refs)
        assert schema["type"] in JSON_TYPES
        if "pattern" in schema:
            re.compile(schema["pattern"])
            assert schema["pattern"].startswith("^")
        if "enum" in schema:
            assert schema["enum"] and all(isinstance(v, str) for v in schema["enum"])
        for bound in ("maxLength", "minimum", "maximum"):
            assert isinstance(schema.get(bound, 0), int)
        assert kind.describe()


@pytest.mark.parametrize("kind, text", [
    (POSTCODE, "e1 6an"), (COLOUR, "#0B6E4F"), (EMAIL, "info@example.org"), (SLUG, "bow-east"),
    (CHARITY_NUMBER, "SC012345"), (COMPANY_NUMBER, "01234567"), (Phone(), "+44 20 7946 0123"),
    (Phone(), "020 7946 0123"), (Time(), "9:05"), (Time(), "24:00"), (MediaPath(), "logos/a.png"),
    (Url(), "HTTPS://example.org/"), (Ref("wards", "wards.yaml"), "bow-east"),
])
def test_json_schema_accepts_what_the_validator_accepts(kind, text) -> None:
    """An editor must never flag a value that `thin validate` passes."""
    schema = kind.json_schema()
    for value in (text, convert(kind, text)):
        assert re.search(schema["pattern"], value), (schema["pattern"], value)


def test_ref_schema_lists_the_real_slugs_and_extras() -> None:
    schema = Ref("wards", "w", ("borough-wide",)).json_schema({"wards": WARDS})
    assert schema["enum"] == ["bow-east", "spitalfields-banglatown", "weavers", "borough-wide"]
    assert Ref("wards", "w").json_schema()["pattern"] == SLUG_PATTERN


def test_integer_schema_carries_its_bounds() -> None:
    assert Integer(1, 120).json_schema() == {"type": "integer", "minimum": 1, "maximum": 120}
    assert Text(9).json_schema() == {"type": "string", "maxLength": 9}
