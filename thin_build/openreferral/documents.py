"""Open Referral records as read: typed access that says where each value came from.

Every value is read through a `Doc`, which knows its place (`feed.json: contents[3]`
in JSON, `services.csv:4` in a CSV data package), so a wrong type is reported at
`contents[3].schedules[0].byday`, and which remembers the keys it was asked for, so
that every field left unread becomes a note: a known field the portal has no place
for, or an unknown field, accepted but not imported.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

WHERE = "__where__"  # set on records assembled from a CSV row: "services.csv:4"
# The fields of each Open Referral UK record (and the HSDS 3.0 ones the export
# writes), by record; anything else is an unknown field.
KNOWN = {
    "organization": {"id", "name", "description", "email", "website", "logo", "uri",
                     "parent_organization_id", "organization_identifiers", "attributes",
                     "services", "phones", "locations", "contacts", "year_incorporated",
                     "legal_status", "alternate_name", "funding", "url", "programs"},
    "service": {"id", "organization_id", "name", "description", "url", "email", "status",
                "fees", "accreditations", "minimum_age", "maximum_age", "assured_date",
                "assurer_email", "alert", "last_modified", "schedules", "service_areas",
                "service_at_locations", "languages", "organization", "funding",
                "cost_options", "contacts", "attributes", "phones", "application_process",
                "eligibility_description", "alternate_name", "program_id", "fees_description",
                "interpretation_services", "wait_time", "licenses", "required_documents",
                "program"},
}


@dataclass(frozen=True)
class Finding:
    """Something an import says about its input: an error (the listing is not written)
    or a note (a value left out, a default used)."""

    level: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.level}: {self.message}"


@dataclass
class Findings:
    """What an import found, and every record it read (for the unread fields' notes)."""

    items: list[Finding] = field(default_factory=list)
    docs: list["Doc"] = field(default_factory=list)

    def error(self, where: str, message: str) -> None:
        self.items.append(Finding("error", where, message))

    def note(self, where: str, message: str) -> None:
        self.items.append(Finding("note", where, message))


_TYPE_NAMES = {str: "text", list: "a list", dict: "an object", bool: "true or false",
               int: "a number", float: "a number", type(None): "nothing"}


class Doc:
    """One record (an object) of a document, read field by field."""

    def __init__(self, data: dict, file: str, findings: Findings, record: str = "",
                 pointer: str = "") -> None:
        self.data, self.findings, self.record = data, findings, record
        self.csv = WHERE in data
        self.file, self.pointer = data.get(WHERE, file), "" if self.csv else pointer
        self.read: set[str] = {WHERE}
        self._children: dict[str, Any] = {}
        findings.docs.append(self)

    @property
    def where(self) -> str:
        """`feed.json: contents[3]`, `services.csv:4`, or the file for a whole document."""
        return f"{self.file}: {self.pointer}" if self.pointer else self.file

    def _path(self, key: str) -> str:
        return f"{self.pointer}.{key}" if self.pointer else key

    def at(self, key: str) -> str:
        """Where a field is: `feed.json: contents[3].status`, `services.csv:4:status`."""
        return f"{self.file}:{key}" if self.csv else f"{self.file}: {self._path(key)}"

    def _get(self, key: str, types: tuple[type, ...], expected: str) -> Any:
        self.read.add(key)
        value = self.data.get(key)
        if value is None or value == "":
            return None
        if not isinstance(value, types) or isinstance(value, bool) and bool not in types:
            found = _TYPE_NAMES.get(type(value), type(value).__name__)
            self.findings.error(self.at(key), f"expected {expected}, found {found}")
            return None
        return value

    def text(self, key: str) -> str | None:
        value = self._get(key, (str,), "text")
        return value.strip() or None if value is not None else None

    def number(self, key: str) -> float | None:
        value = self._get(key, (int, float, str), "a number")
        if isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                self.findings.error(self.at(key), f"expected a number, found {value!r}")
                return None
        return value

    def child(self, key: str, record: str = "") -> "Doc | None":
        if key not in self._children:
            value = self._get(key, (dict,), "an object")
            self._children[key] = Doc(value, self.file, self.findings, record,
                                      self._path(key)) if value is not None else None
        return self._children[key]

    def children(self, key: str, record: str = "") -> list["Doc"]:
        """The objects of a list field, read once however often they are asked for."""
        if key not in self._children:
            self._children[key] = self._list(key, record)
        return self._children[key]

    def _list(self, key: str, record: str) -> list["Doc"]:
        items = self._get(key, (list,), "a list")
        result = []
        for n, item in enumerate(items or ()):
            pointer = f"{self._path(key)}[{n}]"
            if isinstance(item, dict):
                result.append(Doc(item, self.file, self.findings, record, pointer))
            else:
                found = _TYPE_NAMES.get(type(item), type(item).__name__)
                self.findings.error(f"{self.file}: {pointer}", f"expected an object, found {found}")
        return result

    def memo(self, key: str, make: Callable[[], Any]) -> Any:
        """`make()` once per record: what is read twice is noted once."""
        key = "@" + key
        if key not in self._children:
            self._children[key] = make()
        return self._children[key]

    def unread(self) -> None:
        """A note for each field with a value that nothing read (ids excepted: the
        portal names its listings by slug)."""
        known = KNOWN.get(self.record)
        for key in sorted(set(self.data) - self.read):
            if self.data[key] in (None, "", [], {}) or key == "id" or key.endswith("_id"):
                continue
            if known is not None and key not in known:
                self.findings.note(self.at(key), "unknown field; accepted, not imported")
            else:
                self.findings.note(self.at(key), "not imported: a listing has no field for it")
