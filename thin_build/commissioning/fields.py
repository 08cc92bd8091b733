"""The field type the opportunities add: money in pounds, one figure or a range.

Coordinators copy values from tender notices, where "£25,000" and "£10,000 to
£50,000" are how they are written, so those are accepted as typed; anything else
gets a message that shows the forms that work.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.convert import FieldType, Invalid
from . import model

MAX_POUNDS = 10**10
_AMOUNT = r"£?\s*([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)"
_VALUE = re.compile(rf"{_AMOUNT}(?:\s*(?:to|-|–)\s*{_AMOUNT})?")
_EXAMPLES = "`25000`, `£25,000` or a range, `£10,000 to £50,000`"


def _pounds(text: str) -> int:
    value = int(text.replace(",", ""))
    if not 1 <= value <= MAX_POUNDS:
        raise Invalid("opportunity-bad-value", f"£{value:,} is out of range (£1 to "
                      f"£{MAX_POUNDS:,})")
    return value


@dataclass(frozen=True)
class Money(FieldType):
    """Whole pounds, "25000" or "£25,000", or a range low to high."""

    def convert_text(self, text: str) -> model.Value:
        match = _VALUE.fullmatch(text.strip())
        if match is None:
            raise Invalid("opportunity-bad-value", f"{text[:80]!r} is not an amount in pounds; "
                          f"write it like {_EXAMPLES} (whole pounds, no pence)")
        low = _pounds(match[1])
        high = _pounds(match[2]) if match[2] else None
        if high is not None and high < low:
            raise Invalid("opportunity-bad-value", f"the range runs from £{low:,} down to "
                          f"£{high:,}; write the smaller amount first")
        return model.Value(low=low, high=None if high == low else high)

    def json_schema(self, refs=None) -> dict:
        return {"type": ["string", "integer"], "pattern": f"^(?:{_VALUE.pattern})$"}

    def describe(self) -> str:
        return f"an amount in whole pounds, e.g. {_EXAMPLES}"
