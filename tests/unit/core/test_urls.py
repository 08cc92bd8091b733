"""Query strings written without `urlencode`'s per-character work are its bytes exactly."""
from __future__ import annotations

from urllib.parse import quote, urlencode

from hypothesis import given
from hypothesis import strategies as st

from thin_build.core.urls import query_string

TEXT = st.text(st.characters(codec="utf-8"), max_size=20) | st.from_regex(r"[a-z0-9-]{1,12}",
                                                                         fullmatch=True)


@given(st.dictionaries(TEXT, TEXT, max_size=4))
def test_a_query_string_is_what_urlencode_writes(params: dict[str, str]) -> None:
    assert query_string(params) == urlencode(params)
    assert query_string(params, plus=False) == urlencode(params, quote_via=quote)
