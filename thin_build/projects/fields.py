"""The field types projects and strategies add: pounds, counts, partners, a lead agency.

Each gives its own error code, so a coordinator (and `tests/sites/invalid/`) can tell a
budget typed as words from a negative count or a partner that is not in the directory.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..calendar.fields import OrganiserRef
from ..core.convert import Context, FieldType, Invalid, suggest
from ..core.declare import ListOf, convert_node
from ..core.errors import Severity
from ..core.raw import RawList, RawNode, RawScalar

MAX_POUNDS = 10**10


@dataclass(frozen=True)
class Pounds(FieldType):
    """Whole pounds as funders' reports write them: `85000` or `£85,000`."""

    code: str = "project-bad-budget"

    def convert_text(self, text: str) -> int:
        match = re.fullmatch(r"£?\s*([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)", text)
        if match is None or int(match[1].replace(",", "")) > MAX_POUNDS:
            raise Invalid(self.code, f"{text[:80]!r} is not an amount in whole pounds; write "
                          "it like `85000` or `£85,000` (no pence, no words)")
        return int(match[1].replace(",", ""))

    def json_schema(self, refs=None) -> dict:
        return {"type": ["string", "integer"], "pattern": r"^£?\s*[0-9][0-9,]*$"}

    def describe(self) -> str:
        return "an amount in whole pounds, e.g. `85000` or `£85,000`"


@dataclass(frozen=True)
class Count(FieldType):
    """A whole number achieved in a period: zero or more."""

    def convert_text(self, text: str) -> int:
        if re.fullmatch(r"-\s*[0-9]{1,12}", text):
            raise Invalid("project-negative-actual", f"{text} is negative; an actual counts "
                          "what was achieved in the period, so write 0 or more (a correction "
                          "goes in the period it corrects)")
        if not re.fullmatch(r"[0-9]{1,12}", text):
            raise Invalid("bad-number", f"{text[:80]!r} is not a whole number; write digits "
                          "only, e.g. 12")
        return int(text)

    def json_schema(self, refs=None) -> dict:
        return {"type": "integer", "minimum": 0}

    def describe(self) -> str:
        return "a whole number, 0 or more"


@dataclass(frozen=True)
class PartnerRef(OrganiserRef):
    """A partner: a listed organisation or provider, as `orgs/<slug>` or `providers/<slug>`."""

    def convert(self, node: RawNode, ctx: Context) -> str:
        try:
            return super().convert(node, ctx)
        except Invalid as exc:
            if exc.code != "unknown-organiser":
                raise
            raise Invalid("project-unknown-partner", exc.message + " (a partner must be in "
                          "the directory: add its listing first)") from None


@dataclass(frozen=True)
class Partners(ListOf):
    """Partners, each once: a partner listed twice is a warning on the second mention
    (the page shows it once), not an error that stops the build."""

    item: FieldType = PartnerRef()

    def convert(self, node: RawNode, ctx: Context) -> tuple:
        if not isinstance(node, RawList) or len(node.items) > self.max_items:
            return super().convert(node, ctx)  # its messages for a non-list, or too many
        values, failed = [], False
        for index, item in enumerate(node.items):
            ctx.path.append(index)
            value = convert_node(self.item, item, ctx)
            if value is None:
                failed = True
            elif value in values:
                ctx.report("project-duplicate-partner", f"{value!r} is already a partner; "
                           "delete the second mention", item.location)
                ctx.problems[-1] = replace(ctx.problems[-1], severity=Severity.WARNING)
            else:
                values.append(value)
            ctx.path.pop()
        if failed:
            raise Invalid.reported()
        return tuple(values)


@dataclass(frozen=True)
class LeadAgency(FieldType):
    """A strategy's lead agency: the slug of a support provider (never an organisation)."""

    def convert(self, node: RawNode, ctx: Context) -> str:
        if not isinstance(node, RawScalar):
            raise Invalid("wrong-type", f"expected {self.describe()}")
        text = node.value.strip()
        providers, orgs = ctx.refs.get("providers"), ctx.refs.get("orgs") or {}
        if providers is None or text in providers:
            return text
        slug = text.removeprefix("providers/").removeprefix("orgs/")
        if slug in providers:
            hint = f"; write the slug alone: `{slug}`"
        elif slug in orgs:
            hint = (f"; {orgs[slug]!r} is an organisation (orgs/{slug}.md): name it in "
                    "`members` and give a provider as the lead")
        else:
            hint = suggest(slug, providers, providers)
        raise Invalid("strategy-lead-not-provider", f"{text[:80]!r} is not a support "
                      f"provider in providers/{hint}")

    def json_schema(self, refs=None) -> dict:
        if refs is not None and "providers" in refs:
            return {"type": "string", "enum": sorted(refs["providers"])}
        return {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}

    def describe(self) -> str:
        return "the slug of a support provider (its file name in providers/ without .md)"
