"""The shared needs survey: results read against the questions, and the aggregates."""
from __future__ import annotations

import csv
import io

from tests.helpers import TODAY
from thin_build.build import build_site, check_site
from thin_build.surveys.aggregate import _hidden, satisfaction, survey_tables
from thin_build.surveys.model import Question, Response, Survey

RESULTS = "content/surveys/needs-check-results.csv"
HEADER = "respondent,stage,ward,needs,rating_funding,rating_premises,notes\n"


def problems_for(make_site, files) -> list[str]:
    _cat, problems = check_site(make_site(files), TODAY)
    return [f"{p.location}: {p.code}" for p in problems]


def test_the_base_survey_reads_every_row(make_site) -> None:
    cat, problems = check_site(make_site(), TODAY)
    assert problems == []
    (survey,) = cat.surveys
    assert [(r.row, r.respondent, r.stage, r.ward, r.needs, r.satisfaction)
            for r in survey.responses] == [
        (2, None, "stage-1", "bow-east", ("funding", "premises"),
         (("funding", 4), ("premises", 2))),
        (3, None, "stage-1", "spitalfields-banglatown", ("funding",),
         (("funding", 5),)),
        (4, None, "stage-2", "bow-east", ("funding", "payroll"),
         (("funding", 3), ("premises", 2))),
        (5, None, "stage-1", None, ("premises",), (("premises", 3),)),
        (6, None, None, "spitalfields-banglatown", ("funding",),
         (("funding", 4),)),
    ]


def test_each_mistake_is_located_at_its_row_and_column(make_site) -> None:
    rows = HEADER + ("bow-youth,stage-9,bow-east,funding,6,,\n"
                     "spice-kitchen,stage-1,weavers,fundng,,0,\n"
                     "bow-youth,stage-1,weavers,,,,\n")
    assert problems_for(make_site, {RESULTS: rows}) == [
        f"{RESULTS}:2:2: unknown-option", f"{RESULTS}:2:5: satisfaction-range",
        f"{RESULTS}:3:4: unknown-option", f"{RESULTS}:3:6: satisfaction-range",
        f"{RESULTS}:4:1: duplicate-respondent"]


def test_a_quoted_cell_over_two_lines_keeps_later_rows_on_their_own_lines(make_site) -> None:
    rows = HEADER + 'bow-youth,stage-1,bow-east,funding,4,,"two\nlines"\n,stage-7,,,,,\n'
    assert problems_for(make_site, {RESULTS: rows}) == [f"{RESULTS}:4:2: unknown-option"]


def test_an_unknown_respondent_gets_a_suggestion(make_site) -> None:
    _cat, problems = check_site(make_site({RESULTS: HEADER + "bow-yuoth,,,,,,\n"}), TODAY)
    assert [p.message for p in problems] == [
        "'bow-yuoth' is not an organisation in orgs/; did you mean `bow-youth`? Leave it "
        "empty to answer anonymously"]


def test_windows_1252_results_are_refused_where_the_byte_is(make_site) -> None:
    data = (HEADER + "bow-youth,stage-1,bow-east,funding,,,Caf\xe9\n").encode("cp1252")
    _cat, problems = check_site(make_site({RESULTS: data}), TODAY)
    assert [(str(p.location), p.code) for p in problems] == [(f"{RESULTS}:2:41", "not-utf8")]


def test_a_byte_order_mark_and_crlf_from_excel_are_accepted(make_site) -> None:
    data = ("\ufeff" + HEADER + "bow-youth,stage-1,,funding,4,,\n").replace("\n", "\r\n")
    cat, problems = check_site(make_site({RESULTS: data.encode("utf-8")}), TODAY)
    assert problems == []
    assert [(r.respondent, r.stage) for r in cat.surveys[0].responses] == [
        ("bow-youth", "stage-1")]


def test_results_without_their_survey_are_an_error(make_site) -> None:
    assert problems_for(make_site, {"content/surveys/needs-check.yaml": None}) == [
        f"{RESULTS}:1:1: orphan-table"]


def test_results_may_not_be_written_in_the_yaml(make_site) -> None:
    survey = (make_site() / "content/surveys/needs-check.yaml").read_text()
    assert problems_for(make_site, {"content/surveys/needs-check.yaml":
                                    survey + "results: []\n"}) == [
        "content/surveys/needs-check.yaml:20:1: unknown-key"]
    _cat, problems = check_site(make_site({RESULTS: None, "content/surveys/needs-check.yaml":
                                           survey + "results: [[a]]\n"}), TODAY)
    assert [(str(p.location), p.message) for p in problems] == [
        ("content/surveys/needs-check.yaml:20:1", "unknown field `results`; choose from "
         "intro, questions, title")]


def test_question_options_must_be_taxonomy_terms(make_site) -> None:
    survey = (make_site() / "content/surveys/needs-check.yaml").read_text()
    bad = survey.replace("options: [funding, premises]", "options: [funding, premisses]")
    assert problems_for(make_site, {"content/surveys/needs-check.yaml": bad}) == [
        "content/surveys/needs-check.yaml:16:24: unknown-option"]


def test_needs_by_stage_hides_small_cells_and_shows_what_providers_offer(make_site) -> None:
    cat, _ = check_site(make_site(), TODAY)
    stage_table = survey_tables(cat.surveys[0], cat)[0]
    assert stage_table.header[1:5] == ("Stage 1: emerging", "Stage 2: improving",
                                       "Stage 3: established", "Stage not given")
    texts = [[cell.text for cell in row] for row in stage_table.rows]
    # hub offers funding (stages 1-2) and premises (all); payroll-bureau payroll (2-3).
    assert texts == [
        ["Funding and fundraising", "fewer than 3", "fewer than 3", "0", "fewer than 3", "4",
         "1", "Stage 3: established"],
        ["Payroll", "0", "fewer than 3", "0", "0", "fewer than 3", "1", "Stage 1: emerging"],
        ["Premises", "fewer than 3", "0", "0", "0", "fewer than 3", "1", "none"],
    ]
    assert [c.csv for c in stage_table.rows[0][1:6]] == ["fewer than 3"] * 2 + ["0"] + [
        "fewer than 3", "4"]
    assert stage_table.coverage == "Based on 4 of 5 responses that gave their stage."


def test_needs_by_ward_lists_only_needs_at_least_3_want(make_site) -> None:
    cat, _ = check_site(make_site(), TODAY)
    survey = cat.surveys[0]
    more = tuple(Response(n, None, None, "bow-east", needs, ()) for n, needs in (
        (7, ("premises", "funding")), (8, ("premises",)), (9, ("premises",))))
    survey = Survey(slug=survey.slug, path=survey.path, title=survey.title,
                    intro=survey.intro, questions=survey.questions,
                    responses=survey.responses + more)
    ward_table = survey_tables(survey, cat)[1]
    assert [[c.text for c in row] for row in ward_table.rows] == [
        ["Bow East", "5", "Premises: 4 (providers offering it: 1); Funding and fundraising: 3 "
         "(providers offering it: 1)"],
        ["Spitalfields & Banglatown", "fewer than 3", "none wanted by 3 or more"],
        ["Weavers", "0", "no answers"],
    ]
    assert ward_table.coverage == "Based on 7 of 8 responses that gave their ward."


def test_two_small_cells_alone_get_a_cover_cell() -> None:
    assert _hidden([2, 4, 2, 0]) == {0, 1, 2}
    assert _hidden([5, 2, 4, 3]) == {1, 3}
    assert _hidden([5, 4, 3]) == frozenset()


def survey_with(scores: list[int]) -> Survey:
    question = Question(id="rating", type="satisfaction", text="How was it?",
                        options=("funding",))
    return Survey(slug="s", path="content/surveys/s.yaml", title="S", intro="I",
                  questions=(question,),
                  responses=tuple(Response(n, None, None, None, (), (("funding", s),))
                                  for n, s in enumerate(scores, start=2)))


def test_satisfaction_count_mean_and_distribution(make_site) -> None:
    cat, _ = check_site(make_site(), TODAY)
    (row,) = satisfaction(survey_with([4, 4, 4, 5, 5, 5, 3, 3, 3]), cat).rows
    assert [c.text for c in row] == ["Funding and fundraising", "9", "4.0", "0", "0", "3",
                                     "3", "3", "67%"]
    (row,) = satisfaction(survey_with([4, 4, 4, 5, 5, 5, 5]), cat).rows
    assert [c.csv for c in row[1:]] == ["7", "4.6", "0", "0", "0", "3", "4", "100"]


def test_satisfaction_hides_what_would_reveal_a_small_cell(make_site) -> None:
    cat, _ = check_site(make_site(), TODAY)
    (row,) = satisfaction(survey_with([4, 4, 4, 4, 5, 3, 3, 3]), cat).rows
    assert [c.csv for c in row[1:]] == ["8", "not shown", "0", "0", "hidden", "4",
                                        "fewer than 3", "not shown"]
    (row,) = satisfaction(survey_with([4, 5]), cat).rows
    assert row[1].text == "fewer than 3" and {c.text for c in row[3:8]} == {"fewer than 3"}


def test_published_csvs_round_trip_and_free_text_never_appears(make_site, tmp_path) -> None:
    out = tmp_path / "site"
    build_site(make_site(), out, TODAY)
    folder = out / "evidence" / "surveys" / "needs-check"
    with open(folder / "satisfaction.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["Support need", "Organisations rating it", "Average (1 to 5)",
                           "Rated 1"]
    assert rows[2][:3] == ["Premises", "3", "not shown"]
    template = (folder / "results-template.csv").read_text("utf-8-sig")
    assert next(csv.reader(io.StringIO(template))) == HEADER.strip().split(",")
    for path in out.rglob("*"):
        if path.is_file():
            assert b"SECRET-FREE-TEXT" not in path.read_bytes(), path
    assert (folder / "form" / "index.html").is_file()
    assert "survey-needs-check" in (out / "evidence" / "index.html").read_text("utf-8")


def test_a_results_file_is_read_with_every_file_check(make_site) -> None:
    assert problems_for(make_site, {RESULTS: ""}) == [f"{RESULTS}:1:1: empty-file"]
    assert problems_for(make_site, {RESULTS: HEADER + 'bow-youth,"stage-1\n'}) == [
        f"{RESULTS}:2:1: bad-csv"]
    assert problems_for(make_site, {RESULTS: HEADER + ",stage-1,,,,,\x07\n"}) == [
        f"{RESULTS}:2:14: control-char"]
    big = HEADER + ",stage-1,,,,,\n" * 30_000
    assert problems_for(make_site, {RESULTS: big}) == [f"{RESULTS}:1:1: file-too-large"]


def test_a_linked_results_file_is_never_followed(make_site, tmp_path) -> None:
    root = make_site()
    outside = tmp_path / "elsewhere.csv"
    outside.write_text(HEADER, "utf-8")
    (root / RESULTS).unlink()
    (root / RESULTS).symlink_to(outside)
    _cat, problems = check_site(root, TODAY)
    assert [f"{p.location}: {p.code}" for p in problems] == [f"{RESULTS}:1:1: symlink"]
