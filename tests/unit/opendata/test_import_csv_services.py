"""`thin import csv --kind provider --services`: services located in their own file."""
from __future__ import annotations

from pathlib import Path

from tests.helpers import TODAY
from thin_build import build
from thin_build.capabilities import PORTAL
from thin_build.opendata.import_csv import import_csv

PROVIDERS = ("slug,name,type,summary,wards,referral_contact_email\r\n"
             "east-help,East Help,general-primary,Help for groups.,borough-wide,"
             "r@east-help.example.org\r\n"
             "west-help,West Help,general-primary,More help.,borough-wide,"
             "r@west-help.example.org\r\n")
SERVICES = ("provider,position,need,title,description,stages,access,cost\r\n"
            "east-help,2,premises,Rooms,Finding a room.,stage-1,Email us.,Free\r\n"
            "east-help,1,funding,Bids,Help with bids.,stage-1; stage-2,Email us.,Free\r\n"
            "west-help,1,fundng,Bids,Help with bids.,stage-1,Email us.,Free\r\n"
            "north-help,1,funding,Bids,Help with bids.,stage-1,Email us.,Free\r\n")


def write(folder: Path, providers: str, services: str) -> None:
    (folder / "providers.csv").write_text(providers, encoding="utf-8")
    (folder / "services.csv").write_text(services, encoding="utf-8")


def test_services_are_attached_in_position_order_and_located(make_site, tmp_path: Path,
                                                             monkeypatch) -> None:
    root = make_site()
    write(tmp_path, PROVIDERS, SERVICES)
    monkeypatch.chdir(tmp_path)
    result = import_csv(Path("providers.csv"), "provider", root, PORTAL,
                        services=Path("services.csv"))
    assert [str(p) for p in result.problems] == [
        "services.csv:4:3: error[unknown-ref]: `services[1].need`: 'fundng' is not in "
        "content/taxonomies/needs.yaml; did you mean `funding`?",
        "services.csv:5:1: error[unknown-ref]: `provider`: 'north-help' is not a provider in "
        "the providers file; did you mean `west-help` or `east-help`?"]
    assert result.written == ["providers/east-help.md"]
    assert result.rows_with_problems == 1
    catalogue, problems = build.check_site(root, TODAY)
    assert catalogue is not None, [str(p) for p in problems if p.is_error]
    east = catalogue.lookup("providers", "east-help")
    assert [s.title for s in east.services] == ["Bids", "Rooms"]


def test_without_services_a_new_provider_says_what_is_missing(make_site, tmp_path: Path,
                                                              monkeypatch) -> None:
    write(tmp_path, PROVIDERS, "")
    monkeypatch.chdir(tmp_path)
    result = import_csv(Path("providers.csv"), "provider", make_site(), PORTAL)
    assert [str(p) for p in result.problems] == [
        f"providers.csv:{row}:1: error[required]: `services` is required: the support it "
        "offers, one entry per service" for row in (2, 3)]


def test_a_services_file_without_a_provider_column_stops_the_import(make_site, tmp_path: Path,
                                                                    monkeypatch) -> None:
    write(tmp_path, PROVIDERS, SERVICES.replace("provider,", "supplier,", 1))
    monkeypatch.chdir(tmp_path)
    result = import_csv(Path("providers.csv"), "provider", make_site(), PORTAL,
                        services=Path("services.csv"))
    assert [str(p) for p in result.problems] == [
        "services.csv:1:1: error[missing-column]: the required column `provider` is missing; "
        "add it (see the services download)",
        "services.csv:1:1: error[unknown-column]: unknown column `supplier`"]
    assert not result.written and result.summary() == ("Nothing imported: fix the problems "
                                                       "above first")
