"""Records and lists: unknown keys, required fields, nested paths; and the schema itself."""
from __future__ import annotations

from typing import Any, Iterator

import pytest

from thin_build.capabilities import PORTAL
from thin_build.core.convert import Context, Invalid
from thin_build.core.declare import Field, ListOf, Record, convert_node
from thin_build.core.downloads import DownloadPath
from thin_build.core.errors import Location
from thin_build.core.fields import MediaPath, Ref
from thin_build.core.filetypes import Downloads, FoundFile, type_for_name
from thin_build.core.raw import RawList, RawMap, RawNode, RawScalar
from thin_build.directory import model as directory_model
from thin_build.directory import schema as directory_schema

PATH = "providers/p.md"


def raw(value: Any, line: int = 1, column: int = 1) -> RawNode:
    """Python data as raw nodes; each nested value one line further down, for locations."""
    loc = Location(PATH, line, column)
    if isinstance(value, dict):
        return RawMap({key: (Location(PATH, line + i, column), raw(v, line + i, column + 2))
                       for i, (key, v) in enumerate(value.items())}, loc)
    if isinstance(value, list):
        return RawList(tuple(raw(item, line + i, column + 2) for i, item in enumerate(value)),
                       loc)
    return RawScalar(None if value is None else str(value), loc)


REFS = {"needs": {"funding": "Funding and fundraising", "payroll": "Payroll"},
        "stages": {"stage-1": "Stage 1", "stage-2": "Stage 2"},
        "groups": {"bme": "BME communities"}, "wards": {"bow-east": "Bow East"},
        "provider_types": {"network": "Network"}, "languages": {"english": "English"},
        "activities": {}, "networks": {}, "providers": {"hub": "Hub"}}


def context(refs=None) -> Context:
    return Context(refs=refs if refs is not None else REFS)


def service(**changes) -> dict:
    base = {"need": "funding", "title": "Advice", "description": "Help.",
            "stages": ["stage-1"], "access": "Email us.", "cost": "Free"}
    return {k: v for k, v in (base | changes).items() if v is not ...}


def provider(**changes) -> dict:
    base = {"name": "Hub", "type": "network", "summary": "Helps.", "wards": ["bow-east"],
            "referral_contact": {"email": "r@example.org"}, "services": [service()]}
    return {k: v for k, v in (base | changes).items() if v is not ...}


def convert(record: Record, data: dict, refs=None):
    ctx = context(refs)
    value = convert_node(record, raw(data), ctx, slug="p", path=PATH)
    return value, [str(p) for p in ctx.problems]


def test_a_valid_provider_converts_to_its_model() -> None:
    value, problems = convert(directory_schema.PROVIDER, provider())
    assert problems == []
    assert isinstance(value, directory_model.Provider)
    assert value.services[0] == directory_model.Service(need="funding", title="Advice", description="Help.",
                                              stages=("stage-1",), access="Email us.",
                                              cost="Free")
    assert value.referral_contact == directory_model.Contact(email="r@example.org")
    assert (value.slug, value.path) == ("p", PATH)


def test_unknown_key_is_reported_at_the_key_with_a_suggestion() -> None:
    value, problems = convert(directory_schema.PROVIDER, provider(webiste="https://x.example.org"))
    assert value is None
    assert problems == [f"{PATH}:7:1: error[unknown-key]: unknown field `webiste`; did you mean "
                        "`website`?"]


def test_missing_required_field_is_reported_once_at_the_record() -> None:
    value, problems = convert(directory_schema.PROVIDER, provider(summary=...))
    assert value is None
    assert problems == [f"{PATH}:1:1: error[required]: `summary` is required: one or two "
                        "sentences saying what it does"]


def test_null_required_field_is_reported_at_its_key() -> None:
    _, problems = convert(directory_schema.PROVIDER, provider(summary=None))
    assert problems == [f"{PATH}:3:1: error[required]: `summary` is required: one or two "
                        "sentences saying what it does"]


def test_present_but_invalid_is_not_also_called_missing() -> None:
    _, problems = convert(directory_schema.PROVIDER, provider(type="netwrok", wards=[]))
    assert len(problems) == 2
    assert not any("[required]" in p for p in problems)
    assert "error[unknown-ref]: `type`: 'netwrok' is not in content/taxonomies/" \
           "provider-types.yaml; did you mean `network`?" in problems[0]
    assert "error[list-length]: `wards`: has 0 items; it needs 1 to 100" in problems[1]


def test_null_optional_values_are_treated_as_absent() -> None:
    value, problems = convert(directory_schema.PROVIDER, provider(website=None, phone=None,
                                                        languages=None))
    assert problems == []
    assert (value.website, value.phone, value.languages) == (None, None, ())


def test_nested_problems_name_their_path() -> None:
    services = [service(), service(need="fundng", stages=["stage-1", "stage-9"], title=...)]
    value, problems = convert(directory_schema.PROVIDER, provider(services=services,
                                                        referral_contact={"email": "nope"}))
    assert value is None
    messages = [p.split(": ", 1)[1] for p in problems]
    assert messages == [
        "error[bad-email]: `referral_contact.email`: 'nope' is not an email address; write "
        "it like info@example.org",
        "error[unknown-ref]: `services[2].need`: 'fundng' is not in content/taxonomies/"
        "needs.yaml; did you mean `funding`?",
        "error[unknown-ref]: `services[2].stages[2]`: 'stage-9' is not in content/taxonomies/"
        "stages.yaml; did you mean `stage-2` or `stage-1`?",
        "error[required]: `services[2]`: `title` is required: the service's name",
    ]


def test_list_duplicates_are_reported_at_the_second_item() -> None:
    ctx = context()
    kind = ListOf(Ref("stages", "stages.yaml"))
    value = convert_node(kind, raw(["stage-1", "stage-2", "stage-1"], line=4), ctx)
    assert value == ("stage-1", "stage-2")
    assert [str(p) for p in ctx.problems] == [
        f"{PATH}:6:3: error[duplicate-item]: 'stage-1' is listed twice"]


@pytest.mark.parametrize("items, ok", [(0, False), (1, True), (3, True), (4, False)])
def test_list_length_bounds(items: int, ok: bool) -> None:
    kind = ListOf(Ref("stages", "stages.yaml"), min_items=1, max_items=3)
    ctx = context({"stages": {f"s{n}": "" for n in range(5)}})
    value = convert_node(kind, raw([f"s{n}" for n in range(items)]), ctx)
    assert (value is not None) is ok
    assert [p.code for p in ctx.problems] == ([] if ok else ["list-length"])
    if not ok:
        assert f"has {items} items; it needs 1 to 3" in ctx.problems[0].message


def test_a_failed_item_fails_the_list_without_a_second_message() -> None:
    ctx = context()
    value = convert_node(ListOf(Ref("stages", "s.yaml")), raw(["stage-1", "stage-7"]), ctx)
    assert value is None
    assert [p.code for p in ctx.problems] == ["unknown-ref"]


def test_wrong_shapes_say_what_was_expected() -> None:
    for kind, data, phrase in ((ListOf(Ref("stages", "s")), "stage-1", "expected a list of"),
                               (directory_schema.CONTACT, ["x"], "expected a set of fields"),
                               (directory_schema.CONTACT, "x", "expected a set of fields")):
        with pytest.raises(Invalid) as caught:
            kind.convert(raw(data), context())
        assert caught.value.code == "wrong-type"
        assert phrase in caught.value.message


# --- the schema itself: every field documented, every example valid -------------------------

def all_records() -> Iterator[tuple[str, Record]]:
    seen: set[int] = set()

    def walk(name: str, record: Record) -> Iterator[tuple[str, Record]]:
        if id(record) in seen:
            return
        seen.add(id(record))
        yield name, record
        for f in record.fields:
            nested = f.type.item if isinstance(f.type, ListOf) else f.type
            if isinstance(nested, Record):
                yield from walk(f"{name}.{f.name}", nested)

    for name, record in ([(k.name, k.record) for k in PORTAL.kinds]
                         + [(t.name, t.record) for t in PORTAL.taxonomies]):
        yield from walk(name, record)


ALL_FIELDS = [(f"{name}.{f.name}", f) for name, record in all_records() for f in record.fields]


def test_the_walk_finds_nested_records() -> None:
    names = {name for name, _ in all_records()}
    assert {"provider.services", "provider.referral_contact", "org.opening_hours",
            "networks", "site"} <= names


def _example_refs() -> tuple[dict[str, dict[str, str]], frozenset[str], Downloads]:
    """References, media and downloads holding every slug and file the examples mention."""
    refs: dict[str, dict[str, str]] = {name: {} for name in REFS}
    media: set[str] = set()
    files: dict[str, FoundFile] = {}

    def collect(kind, example) -> None:
        if isinstance(kind, ListOf) and isinstance(example, list):
            for item in example:
                collect(kind.item, item)
        elif isinstance(kind, Record) and isinstance(example, dict):
            fields = kind.field_map()
            for key, value in example.items():
                if key in fields:
                    collect(fields[key].type, value)
        elif isinstance(kind, Record) and kind.shorthand:  # a lone value of that field
            collect(kind.field_map()[kind.shorthand].type, example)
        elif isinstance(kind, Ref):
            refs.setdefault(kind.target, {})[str(example)] = str(example)
        elif isinstance(kind, MediaPath):
            media.add(str(example))
        elif isinstance(kind, DownloadPath):
            path = f"{kind.folder}/{example}"
            files[path] = FoundFile(path, 1000, type_for_name(path))

    for _, f in ALL_FIELDS:
        collect(f.type, f.example)
    return refs, frozenset(media), Downloads(files)


@pytest.mark.parametrize("name, spec", ALL_FIELDS, ids=[name for name, _ in ALL_FIELDS])
def test_every_field_has_help_and_an_example_that_validates(name: str, spec: Field) -> None:
    assert spec.help and spec.help == spec.help.strip() and len(spec.help) >= 8, name
    assert spec.example is not None, f"{name} needs an example for the guide and `thin new`"
    refs, media, downloads = _example_refs()
    ctx = Context(refs=refs, media=media, downloads=downloads)
    converted = convert_node(spec.type, raw(spec.example), ctx)
    assert ctx.problems == [], name
    assert converted is not None


def test_every_field_is_an_attribute_of_its_model() -> None:
    """A field the model lacks would crash conversion instead of reporting a problem."""
    for name, record in all_records():
        attributes = set(record.cls.__dataclass_fields__)
        assert {f.name for f in record.fields} <= attributes, name
