"""`thin import openreferral`: the profile's examples, an HSDS CSV data package, and
bad documents, each located by JSON pointer or CSV row."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

from click.testing import CliRunner

from tests.helpers import TODAY
from thin_build.build import build_site, check_site
from thin_build.capabilities import PORTAL
from thin_build.cli import main
from thin_build.openreferral.importer import import_openreferral
from thin_build.openreferral.mapping import Options

EXAMPLES = Path(__file__).parent / "fixtures" / "oruk-examples"
OPTIONS = Options(provider_type="general-primary", need="funding")


def _messages(result) -> list[str]:
    return [str(finding) for finding in result.findings]


def test_the_profiles_examples_import_into_a_listing_that_validates_and_builds(make_site, tmp_path) -> None:
    root = make_site()
    result = import_openreferral(EXAMPLES, root, PORTAL, OPTIONS)
    assert result.written == ["providers/example-organization-inc.md"] and not result.failed
    text = (root / "providers" / "example-organization-inc.md").read_text(encoding="utf-8")
    assert text.startswith('---\nname: "Example Organization Inc."\ntype: "general-primary"\n')
    assert '  - days: ["thu", "fri"]\n    opens: "10:00"\n    closes: "18:00"\n' in text
    assert 'referral_contact:\n  role: "Reception Manager"\n  email: "email@example.com"\n' in text
    assert 'last_verified: "2005-01-01"' in text and 'cost: "fees_description"' in text
    messages = _messages(result)
    # Every field left out is named once, where it is.
    assert "service_full.json: minimum_age: note: not imported: a listing has no field for it" in messages
    assert "service_full.json: service_at_locations[0].location.latitude: note: not imported: a listing has no field for it" in messages
    assert "organization_full.json: note: `postcode` left out: 'ABC 1234' is not a UK postcode; write it like E1 6AN" in messages
    assert "service_full.json: attributes[0]: note: link_type 'link_type' (term 'name') is not one the portal reads; not imported (it reads need, stage, free_for, group, specialism, area, activity, provider_type, network, support_need)" in messages
    assert "taxonomy.json: note: 1 taxonomies or terms: not imported (the portal keeps its own taxonomies in content/taxonomies/)" in messages
    assert len(messages) == len(set(messages))
    build_site(root, tmp_path / "site", TODAY)
    assert (tmp_path / "site" / "providers" / "example-organization-inc" / "index.html").is_file()


def test_without_the_options_the_missing_values_are_errors_and_nothing_is_written(make_site) -> None:
    root = make_site()
    result = import_openreferral(EXAMPLES / "organization_full.json", root, PORTAL)
    assert result.written == [] and result.failed
    errors = [m for m in _messages(result) if ": error: " in m]
    assert errors == [
        "organization_full.json: error: no provider type (an attribute with link_type provider_type); give --type, one of general-primary, network",
        "organization_full.json: services[0]: error: no support need (an attribute with link_type need); give --need, one of funding, payroll, premises",
    ]
    assert not (root / "providers" / "example-organization-inc.md").exists()


def _organization(services: list[dict]) -> dict:
    return {"id": "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", "name": "Riverside Advice Collective",
            "description": "Free advice for small groups.", "email": "hello@riverside.example.org",
            "services": services}


def _service(name: str, **extra) -> dict:
    return {"id": f"ac148810-d857-441c-9679-40000000000{len(name) % 10}", "name": name,
            "status": "active", "description": f"{name}, for groups.", **extra}


def test_wrong_types_are_located_by_json_pointer_and_unknown_fields_noted(make_site, tmp_path) -> None:
    services = [_service(f"Service {n}") for n in range(3)] + [_service(
        "Drop-in", schedules=[{"id": "48102e86-bb50-41c4-8f1e-e269368c41d1", "freq": "WEEKLY",
                               "byday": 5, "opens_at": "10:00:00", "closes_at": "12:00:00"}],
        favourite_colour="green")]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_organization(services)), encoding="utf-8")
    result = import_openreferral(bad, make_site(), PORTAL, OPTIONS)
    messages = _messages(result)
    assert "bad.json: services[3].schedules[0].byday: error: expected text, found a number" in messages
    assert "bad.json: services[3].favourite_colour: note: unknown field; accepted, not imported" in messages
    assert result.written == []


def test_unreadable_and_unresolvable_documents_are_errors(make_site, tmp_path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "broken.json").write_text('{"id": "x",\n "name": }', encoding="utf-8")
    (tmp_path / "in" / "orphan.json").write_text(json.dumps(
        _service("Orphan", organization_id="cd09a387-91f4-4555-94ec-e799c35344cd")), encoding="utf-8")
    (tmp_path / "in" / "list.json").write_text(json.dumps({"contents": [42]}), encoding="utf-8")
    result = import_openreferral(tmp_path / "in", make_site(), PORTAL, OPTIONS)
    assert _messages(result) == [
        "broken.json:2:10: error: is not JSON: Expecting value",
        "list.json: contents[0]: error: expected an Open Referral record (an object)",
        "orphan.json: organization_id: error: no organization with id 'cd09a387-91f4-4555-94ec-e799c35344cd' in the input; the service is not imported",
    ]


def test_an_existing_listing_is_never_overwritten_and_a_dry_run_writes_nothing(make_site) -> None:
    root = make_site()
    dry = import_openreferral(EXAMPLES, root, PORTAL, OPTIONS, dry_run=True)
    assert dry.written == ["providers/example-organization-inc.md"] and not dry.committed
    assert not (root / "providers" / "example-organization-inc.md").exists()
    import_openreferral(EXAMPLES, root, PORTAL, OPTIONS)
    before = (root / "providers" / "example-organization-inc.md").read_bytes()
    again = import_openreferral(EXAMPLES, root, PORTAL, OPTIONS)
    assert again.written == [] and again.skipped == ["providers/example-organization-inc.md"]
    assert "organization_full.json: note: 'Example Organization Inc.' is already listed as providers/example-organization-inc.md; not overwritten" in _messages(again)
    assert (root / "providers" / "example-organization-inc.md").read_bytes() == before


def _write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


ORG = "11111111-1111-4111-8111-111111111111"
SERVICE = "22222222-2222-4222-8222-222222222222"
PACKAGE = {
    "datapackage.json": '{"name": "example", "resources": [{"name": "organizations", "path": "organizations.csv"}]}',
    "organizations.csv": f"""
        id,name,description,email,website
        {ORG},Bow Lane Community Hub,A community hub with meeting rooms and advice.,hello@bowlane.example.org,https://bowlane.example.org/
        """,
    "services.csv": f"""
        id,organization_id,name,description,status,fees,application_process,shoe_size
        {SERVICE},{ORG},Room hire advice,Help to find and book a meeting room.,active,Free,Email us.,9
        33333333-3333-4333-8333-333333333333,99999999-9999-4999-8999-999999999999,Lost,Nobody's,active,,,
        """,
    "locations.csv": """
        id,location_type,name
        44444444-4444-4444-8444-444444444444,physical,Hub
        """,
    "service_at_locations.csv": f"""
        id,service_id,location_id
        55555555-5555-4555-8555-555555555555,{SERVICE},44444444-4444-4444-8444-444444444444
        """,
    "addresses.csv": """
        id,location_id,address_1,address_2,city,state_province,postal_code,country,address_type
        66666666-6666-4666-8666-666666666666,44444444-4444-4444-8444-444444444444,1 Bow Lane,,London,Tower Hamlets,E3 2AB,GB,physical
        """,
    "phones.csv": f"""
        id,organization_id,number
        77777777-7777-4777-8777-777777777777,{ORG},020 7946 0555
        """,
    "schedules.csv": f"""
        id,service_id,freq,byday,opens_at,closes_at,interval
        88888888-8888-4888-8888-888888888888,{SERVICE},WEEKLY,"MO,WE",09:30:00,16:00:00,1
        """,
    "languages.csv": f"""
        id,service_id,name,code
        99999999-aaaa-4999-8999-999999999999,{SERVICE},Bengali,bn
        """,
    "service_areas.csv": f"""
        id,service_id,name
        aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa,{SERVICE},Bow East
        """,
    "taxonomy_terms.csv": """
        id,name,description,term
        bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb,Premises,Rooms and buildings,premises
        """,
    "attributes.csv": f"""
        id,link_id,taxonomy_term_id,link_type
        cccccccc-cccc-4ccc-8ccc-cccccccccccc,{SERVICE},bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb,need
        dddddddd-dddd-4ddd-8ddd-dddddddddddd,eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee,bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb,need
        """,
}


def test_an_hsds_csv_data_package_imports_with_rows_located(make_site, tmp_path) -> None:
    _write(tmp_path / "package", PACKAGE)
    root = make_site()
    result = import_openreferral(tmp_path / "package", root, PORTAL,
                                 Options(provider_type="general-primary"))
    assert result.written == ["providers/bow-lane-community-hub.md"]
    assert _messages(result) == [
        "attributes.csv:3:link_id: note: no record with id 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee' for this attribute; not imported",
        "services.csv:3:organization_id: error: no organization with id '99999999-9999-4999-8999-999999999999' in the input; the service is not imported",
        "services.csv:2: note: no stage attributes: the service is listed for every stage",
        "services.csv:2:shoe_size: note: unknown field; accepted, not imported",
    ]
    text = (root / "providers" / "bow-lane-community-hub.md").read_text(encoding="utf-8")
    assert text == textwrap.dedent('''\
        ---
        name: "Bow Lane Community Hub"
        type: "general-primary"
        summary: "A community hub with meeting rooms and advice."
        website: "https://bowlane.example.org/"
        email: "hello@bowlane.example.org"
        phone: "020 7946 0555"
        address: |-
          1 Bow Lane
          London
        postcode: "E3 2AB"
        wards: ["bow-east"]
        languages: ["bengali"]
        opening_hours:
          - days: ["mon", "wed"]
            opens: "09:30"
            closes: "16:00"
        referral_contact:
          email: "hello@bowlane.example.org"
        services:
          - need: "premises"
            title: "Room hire advice"
            description: "Help to find and book a meeting room."
            stages: ["stage-1", "stage-2", "stage-3"]
            access: "Email us."
            cost: "Free"
        ---
        ''')
    _catalogue, problems = check_site(root, TODAY)
    assert [p for p in problems if p.is_error] == []


def test_the_command_prints_each_finding_and_a_summary(make_site) -> None:
    root = make_site()
    run = CliRunner().invoke(main, ["import", "openreferral", str(EXAMPLES / "organization_full.json"),
                                    "--root", str(root), "--type", "general-primary",
                                    "--need", "funding", "--dry-run"])
    assert run.exit_code == 0, run.output
    assert run.output.splitlines()[-2:] == [
        "providers/example-organization-inc.md: would be written",
        "1 would be written, 0 skipped (already listed), 0 error(s), 27 note(s)"]
