"""Any results file, however mangled, gives located problems or responses, never a crash,
and no free-text answer survives into the responses."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from thin_build.core.companions import read_table
from thin_build.core.convert import Context
from thin_build.core.declare import convert_node
from thin_build.core.raw import RawMap
from thin_build.core.yaml_nodes import parse_yaml
from thin_build.surveys.schema import SURVEY

SURVEY_YAML = """title: T
intro: I
questions:
  - {id: stage, type: stage, text: Stage?}
  - {id: needs, type: needs, text: Needs?}
  - {id: rating, type: satisfaction, text: Rating?, options: [funding]}
  - {id: notes, type: text, text: Notes?}
"""
REFS = {"stages": {"stage-1": "Stage 1", "stage-2": "Stage 2"},
        "needs": {"funding": "Funding", "premises": "Premises"},
        "orgs": {"bow-youth": "Bow Youth"}}
HEADER = "respondent,stage,needs,rating_funding,notes\n"
cells = st.one_of(st.sampled_from(["", "stage-1", "funding; premises", "5", "6", "bow-youth",
                                   '"', '""', ";", " ", "stage-9"]),
                  st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)),
                          max_size=8))


def convert(tmp_path: Path, text: str):
    path = tmp_path / "s-results.csv"
    path.write_bytes(text.encode("utf-8"))
    table, problems = read_table(path, "s-results.csv", 256 * 1024)
    node, _ = parse_yaml(SURVEY_YAML, "s.yaml", 0)
    assert isinstance(node, RawMap)
    if table is not None:
        node.entries["results"] = (table.location, table)
    ctx = Context(refs=REFS)
    survey = convert_node(SURVEY, node, ctx, slug="s", path="s.yaml")
    return survey, problems, ctx.problems


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.lists(cells, min_size=3, max_size=6), max_size=5),
       secret=st.text(st.characters(categories=("L", "N")), min_size=12, max_size=20))
def test_any_results_file_gives_problems_or_responses(tmp_path_factory, rows, secret) -> None:
    tmp_path = tmp_path_factory.mktemp("csv")
    body = "".join(",".join(row) + "\n" for row in rows)
    secret = "Qz" + secret  # capitals no field name or slug has, so only free text holds it
    body += f",stage-1,funding,4,{secret}\n"
    survey, unread, problems = convert(tmp_path, HEADER + body)
    assert all(p.location.path == "s-results.csv" for p in unread + problems)
    if unread:  # the loader refused the file: the build stops on that
        return
    assert (survey is None) == any(p.is_error for p in problems)
    if survey is not None:
        assert secret not in repr(survey)
        assert all(r.stage in (None, "stage-1", "stage-2") for r in survey.responses)
