"""Generated documents: JSON Schemas for editors and the content guide."""
from __future__ import annotations

import json
import re

from thin_build.capabilities import PORTAL
from thin_build.core.declare import ListOf, Record
from thin_build.core.guide import content_guide, json_schemas

REFS = {"wards": ["bow-east", "weavers"], "needs": ["funding", "payroll"],
        "stages": ["stage-1", "stage-2"], "groups": ["bme"], "activities": ["food"],
        "languages": ["english"], "networks": ["youth-network"],
        "provider_types": ["network"], "providers": ["hub"]}
EXPECTED_FILES = ({f"{kind.name}.schema.json" for kind in PORTAL.kinds}
                  | {f"taxonomy-{tax.file}.schema.json" for tax in PORTAL.taxonomies})


def parsed(refs=None) -> dict[str, dict]:
    return {name: json.loads(text) for name, text in json_schemas(PORTAL, refs).items()}


def walk(schema):
    """Every sub-schema, depth first."""
    yield schema
    for value in schema.values():
        if isinstance(value, dict):
            yield from walk(value)


def test_every_kind_and_taxonomy_has_a_schema_that_parses() -> None:
    for refs in (None, REFS):
        schemas = parsed(refs)
        assert set(schemas) == EXPECTED_FILES
        for name, doc in schemas.items():
            assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
            assert doc["$id"].endswith("/" + name)
            assert doc["title"] and doc["description"]
            for sub in walk(doc):
                if "pattern" in sub:
                    re.compile(sub["pattern"])
                if sub.get("type") == "object" and "properties" in sub:
                    assert set(sub["required"]) <= set(sub["properties"]), name
                    assert sub["additionalProperties"] is False


def test_schema_text_is_stable_and_ends_with_a_newline() -> None:
    assert json_schemas(PORTAL, REFS) == json_schemas(PORTAL, REFS)
    assert all(text.endswith("}\n") for text in json_schemas(PORTAL).values())


def test_kind_schemas_describe_every_field() -> None:
    schemas = parsed()
    for kind in PORTAL.kinds:
        properties = schemas[f"{kind.name}.schema.json"]["properties"]
        names = {f.name for f in kind.record.fields}
        names |= {"translations"} if kind.record.translatable else set()
        if kind.name == "site":
            assert set(properties) == names
        else:  # the Markdown body follows the front matter; it is not a key
            assert set(properties) == names - {"body"}
            assert "body" not in schemas[f"{kind.name}.schema.json"]["required"]
        assert all(prop["description"] for prop in properties.values())


def test_taxonomy_schemas_are_lists_of_terms() -> None:
    schemas = parsed()
    for tax in PORTAL.taxonomies:
        doc = schemas[f"taxonomy-{tax.file}.schema.json"]
        assert doc["type"] == "array"
        translations = {"translations"} if tax.record.translatable else set()
        assert set(doc["items"]["properties"]) == {f.name for f in tax.record.fields} | translations
        assert "slug" in doc["items"]["required"]


def test_refs_become_enumerations_of_real_slugs() -> None:
    org = parsed(REFS)["org.schema.json"]["properties"]
    assert org["wards"]["items"]["enum"] == ["bow-east", "weavers"]
    assert org["stage"]["enum"] == ["stage-1", "stage-2"]
    assert org["works_with"]["items"]["enum"] == ["hub"]
    assert org["support_needs"]["items"]["enum"] == ["funding", "payroll"]
    provider = parsed(REFS)["provider.schema.json"]["properties"]
    assert provider["wards"]["items"]["enum"] == ["bow-east", "weavers", "borough-wide"]
    need = provider["services"]["items"]["properties"]["need"]
    assert need["enum"] == ["funding", "payroll"]
    networks = parsed(REFS)["taxonomy-networks.schema.json"]["items"]["properties"]
    assert networks["convenor"]["enum"] == ["hub"]


def test_without_refs_slugs_are_patterns() -> None:
    org = parsed()["org.schema.json"]["properties"]
    assert "enum" not in org["wards"]["items"]
    assert re.fullmatch(org["wards"]["items"]["pattern"][1:-1], "bow-east")


def test_content_guide_mentions_every_field_of_every_kind() -> None:
    guide = content_guide(PORTAL)
    assert guide.startswith("# Content guide\n")
    assert "Do not edit by hand" in guide

    def check(record: Record, where: str) -> None:
        for f in record.fields:
            assert f"| `{f.name}` |" in guide, f"{where}.{f.name}"
            assert f.help.replace("\n", " ") in guide
            nested = f.type.item if isinstance(f.type, ListOf) else f.type
            if isinstance(nested, Record):
                assert f"### Each entry of `{f.name}`" in guide
                check(nested, f"{where}.{f.name}")

    for kind in PORTAL.kinds:
        check(kind.record, kind.name)
    for tax in PORTAL.taxonomies:
        check(tax.record, tax.name)
        assert f"### `{tax.file}.yaml`" in guide
    for where in ("orgs/<slug>.md", "providers/<slug>.md", "content/site.yaml"):
        assert f"`{where}`" in guide


def test_content_guide_tables_are_well_formed() -> None:
    for line in content_guide(PORTAL).splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            cells = re.split(r"(?<!\\)\|", line)[1:-1]
            assert len(cells) == 5, line
