"""The downloads of the built sample: every format parses, agrees, is documented and sized."""
from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest
from markupsafe import escape

from tests.helpers import REPO, TODAY, inputs_for
from thin_build.build import build_site, check_site
from thin_build.core.filetypes import human_size
from thin_build.core.write import OutputFile
from thin_build.opendata.cells import cell_text
from thin_build.opendata.columns import KINDS, columns, import_template
from thin_build.opendata.csv_format import neutralise
from thin_build.opendata.pages import data_files
from thin_build.opendata.tables import TABLES


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_site(REPO, out, TODAY)
    return out / "data"


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} has no byte-order mark"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_every_table_is_written_in_every_format(data: Path) -> None:
    written = {p.name for p in data.iterdir()} - {"index.html"}
    expected = {f"{t.name}.{ext}" for t in TABLES
                for ext in ("csv", "json") + (("jsonl",) if t.json_lines else ())}
    expected |= {"import-template-organisations.csv", "import-template-providers.csv"}
    assert written == expected
    big = {t.name for t in TABLES if t.json_lines}
    assert {"organisations", "services", "events"} <= big


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_csv_json_and_json_lines_agree_row_for_row(data: Path, table) -> None:
    cat, _ = check_site(REPO, TODAY)
    header, *rows = read_csv(data / f"{table.name}.csv")
    assert header == [col.name for col in table.columns]
    assert len(rows) == len(list(table.rows(cat))) > 0
    document = json.loads((data / f"{table.name}.json").read_text("utf-8"))
    assert document["columns"] == header
    assert document["licence"]["name"] == "Open Government Licence v3.0"
    json_rows = document["rows"]
    if table.json_lines:
        lines = (data / f"{table.name}.jsonl").read_text("utf-8").splitlines()
        assert [json.loads(line) for line in lines] == json_rows
    assert len(json_rows) == len(rows)
    for csv_row, json_row in zip(rows, json_rows):
        assert list(json_row) == header
        expected = [neutralise(cell_text(tuple(v) if isinstance(v, list) else v))
                    for v in json_row.values()]
        assert csv_row == expected


def test_rows_are_in_slug_order_and_values_as_published(data: Path) -> None:
    header, *rows = read_csv(data / "organisations.csv")
    slugs = [row[header.index("slug")] for row in rows]
    assert slugs == sorted(slugs)
    bow = json.loads(next(line for line in (data / "organisations.jsonl").open(encoding="utf-8")
                          if '"slug":"nari-shongho-womens-group"' in line))
    assert re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", bow["last_verified"])
    assert any("\u0980" <= ch <= "\u09ff" for ch in json.dumps(bow, ensure_ascii=False))
    event = json.loads((data / "events.jsonl").read_text("utf-8").splitlines()[0])
    assert re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?", event["start"])


def test_bengali_text_survives_the_csv(data: Path) -> None:
    header, *rows = read_csv(data / "organisations.csv")
    row = next(r for r in rows if r[0] == "nari-shongho-womens-group")
    source = (REPO / "orgs/nari-shongho-womens-group.md").read_text("utf-8")
    # the listing's own fields; its `translations:` (for the Bengali pages) are not columns
    source = re.sub(r"\ntranslations:\n(?:(?:  .*)?\n)*", "\n", source)
    bengali = re.findall(r"[\u0980-\u09ff][\u0980-\u09ff ]*[\u0980-\u09ff]", source)
    assert bengali and all(any(word in cell for cell in row) for word in bengali)


def test_nested_fields_and_lists_are_flattened_by_the_rule(make_site) -> None:
    cat, _ = check_site(make_site({"orgs/bow-youth.md": (REPO / "tests/sites/base/orgs/"
                                   "bow-youth.md").read_text("utf-8").replace(
        '    closes: "21:00"\n',
        '    closes: "21:00"\n  - days: [sat]\n    opens: "10:00"\n    closes: "13:00"\n')}),
        TODAY)
    cols = {col.name: col for col in columns("org")}
    bow = next(org for org in cat.orgs if org.slug == "bow-youth")
    assert cols["opening_hours_days"].value(bow, cat) == ("mon, tue, wed, thu", "sat")
    assert cols["opening_hours_opens"].value(bow, cat) == ("16:00", "10:00")
    assert cell_text(cols["languages"].value(bow, cat)) == "english; bengali"
    assert cols["paid_staff"].value(bow, cat) == 3
    assert cols["wards_names"].path == () and cols["wards"].path == ("wards",)
    provider = {col.name: col for col in columns("provider")}
    assert "referral_contact_email" in provider and "services_title" not in provider


def test_every_column_written_has_a_meaning_and_an_example() -> None:
    for kind in KINDS:
        names = [col.name for col in columns(kind)]
        assert len(names) == len(set(names)), f"{kind} has a column twice"
        for col in columns(kind):
            assert col.meaning.strip(), f"{kind}.{col.name} has no meaning"
            assert col.example.strip(), f"{kind}.{col.name} has no example"


def _page(data: Path) -> str:
    return (data / "index.html").read_text("utf-8")


def test_the_page_documents_every_column_written(data: Path) -> None:
    page = _page(data)
    for table in TABLES:
        header = read_csv(data / f"{table.name}.csv")[0]
        section = page.split(f'<h2 id="{table.name}">', 1)[1].split("</section>", 1)[0]
        documented = [html.unescape(n) for n in re.findall(r"<dt><code>([^<]+)</code></dt>",
                                                           section)]
        assert documented == header, table.name
        for col in table.columns:
            assert str(escape(col.meaning)) in section, f"{table.name}.{col.name}"


@pytest.mark.parametrize("page_in", ["data", "bn/data"])
def test_the_page_lists_every_file_with_its_real_size(data: Path, page_in: str) -> None:
    """In Bengali too: the files are the site language's, so the page gives their sizes,
    not those of the tables in Bengali that a pass in Bengali could make."""
    page = (data.parent / page_in / "index.html").read_text("utf-8")
    links = dict(re.findall(r'<a href="/data/([^"]+)">[^<]+</a> \(([^)]+)\)', page))
    files = {p.name: p.stat().st_size for p in data.iterdir() if p.name != "index.html"}
    assert set(links) == set(files)
    for name, size in files.items():  # the number; the unit is in the page's language
        assert links[name].split()[0] == human_size(size).split()[0], name


def test_the_page_states_the_licence_and_the_csv_rules(data: Path) -> None:
    page = _page(data)
    assert ('<a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/'
            'version/3/">Open Government Licence v3.0</a>') in page
    assert "byte-order mark" in page and "RFC 4180" in page
    assert "gets an apostrophe (&#39;) in front" in page
    assert '<a href="/data/">Open data</a>' in page  # the footer link


def test_a_site_may_name_its_own_licence(make_site) -> None:
    site_yaml = (REPO / "tests/sites/base/content/site.yaml").read_text("utf-8")
    root = make_site({"content/site.yaml": site_yaml + "data_licence:\n  name: CC BY 4.0\n"
                      "  url: https://creativecommons.org/licenses/by/4.0/\n"})
    out = root / "site"
    build_site(root, out, TODAY)
    assert ('<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>'
            in (out / "data/index.html").read_text("utf-8"))
    document = json.loads((out / "data/organisations.json").read_text("utf-8"))
    assert document["licence"] == {"name": "CC BY 4.0",
                                   "url": "https://creativecommons.org/licenses/by/4.0/"}


def test_a_formula_in_content_is_neutralised_in_csv_and_exact_in_json(make_site) -> None:
    payload = '=HYPERLINK("https://evil.example.org/","Click me")'
    base = (REPO / "tests/sites/base/orgs/bow-youth.md").read_text("utf-8")
    root = make_site({"orgs/bow-youth.md": base.replace(
        "summary: Youth club and homework help in Bow.", f"summary: '{payload}'")})
    build_site(root, root / "site", TODAY)
    header, *rows = read_csv(root / "site/data/organisations.csv")
    bow = next(row for row in rows if row[0] == "bow-youth")
    assert bow[header.index("summary")] == "'" + payload
    line = next(line for line in (root / "site/data/organisations.jsonl").read_text(
        "utf-8").splitlines() if '"bow-youth"' in line)
    assert json.loads(line)["summary"] == payload


def test_two_builds_write_the_same_bytes() -> None:
    def files() -> dict[str, bytes | str]:
        cat, _ = check_site(REPO, TODAY)
        return {item.path: item.data for item in data_files(inputs_for(cat))
                if isinstance(item, OutputFile)}
    assert files() == files()


@pytest.mark.parametrize(("table", "kind"), [("organisations", "org"), ("providers",
                                                                        "provider")])
def test_the_import_templates_are_downloadable(data: Path, table: str, kind: str) -> None:
    header, example = read_csv(data / f"import-template-{table}.csv")
    assert (data / f"import-template-{table}.csv").read_bytes() == \
        import_template(kind).encode("utf-8")
    assert header[0] == "slug" and "name" in header
    assert not [name for name in header if name.endswith(("_name", "_names"))]
    assert len(example) == len(header)
