"""The columns of each download, derived from the kinds' declarations.

A column is a declared field, so its name, meaning and example come from the same
`Field` the validator, the JSON Schemas and the content guide read: a field added
to a schema is a new column, documented on `/data/`, with nothing else to edit.

Flattening, one rule for every table:
- a field is a column of the same name; a field inside a nested record is
  `<record>_<field>` (`venue_postcode`, `referral_contact_email`);
- a list is one cell, its items joined with "; " (`bow-east; bow-west`);
- a list of records (`opening_hours`, `files`) is one column per field of the entry,
  each holding one value per entry, joined with "; ", in the same order in every
  such column; a list inside an entry is joined with ", " (`mon, tue; sat`);
- a reference (a ward, a need, a provider, an organiser) is written as its slug, and
  a `<column>_names` (or `_name`) column next to it gives the names, in the same order;
- values are written as the portal publishes them: dates `YYYY-MM-DD`, dates and
  times `YYYY-MM-DDTHH:MM` in London time, times `HH:MM`, amounts in whole pounds
  (`10000 to 50000`), choices as their slugs (`yes`, `no`); an empty field is empty.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator

from ..calendar.fields import ORGANISER_COLLECTIONS, OrganiserRef
from ..calendar.schema import EVENT, NOTICE
from ..commissioning.schema import OPPORTUNITY
from ..core.catalogue import Catalogue
from ..core.convert import FieldType, Invalid
from ..core.declare import Field, ListOf, Record
from ..core.fields import Integer, Ref
from ..core.guide import nested_record
from ..core.i18n import N_
from ..core.load import slugify
from ..directory.schema import ORGANISATION, PROVIDER, SERVICE
from ..toolkits.schema import TOOLKIT
from .cells import INNER_SEPARATOR, LIST_SEPARATOR, Cell, make_cell, scalar_text
from .csv_format import csv_text

# The flattening rule above, in the words the `/data/` page shows (translated there).
FLATTENING = (
    N_("One row per record, in the order of their slugs."),
    N_("A field inside a group of fields is named group_field: venue_postcode is the "
    "postcode inside venue."),
    N_("A list is one cell, its items separated by a semicolon and a space: bow-east; bow-west. "
    "Where an item may itself hold a semicolon (skills_offered_detail, for one), the JSON files "
    "keep each list exactly."),
    N_("A list of entries, such as opening_hours, becomes one column per part of an entry, "
    "with one value per entry separated by \"; \", in the same order in each column; a "
    "list inside an entry is separated by commas. So opening_hours_days "
    "\"mon, tue; sat\" with opening_hours_opens \"09:30; 10:00\" means Monday and Tuesday "
    "from 09:30, and Saturday from 10:00."),
    N_("A reference to a ward, need, stage, provider or other record is written as its slug; "
    "the column after it, ending _name or _names, gives the names in the same order."),
    N_("Dates are written YYYY-MM-DD, dates with times YYYY-MM-DDTHH:MM and times HH:MM, in "
    "London time; amounts are whole pounds, 10000 or a range 10000 to 50000; choices are "
    "written as their values, such as yes or no. An empty cell means the field is not given."),
    N_("In JSON and JSON Lines the columns are the same; a list is a list of strings, a whole "
    "number is a number and an empty field is null (an empty list is [])."),
)


@dataclass(frozen=True)
class Column:
    """One column of a table: its documentation and how to read it from a row.

    `path` is the declared field the column holds (`("venue", "postcode")`), empty for
    a column the export adds (a `_names` column, the service's provider); an import
    reads only the columns with a path.
    """

    name: str
    meaning: str
    example: str
    value: Callable[[Any, Catalogue], Cell]
    path: tuple[str, ...] = ()
    looks_up: tuple[str, ...] = ()  # the collections whose records' names it shows


@dataclass(frozen=True)
class ServiceRow:
    """A row of the services table: one service and the provider offering it."""

    provider: Any
    position: int
    service: Any


def _provider_columns() -> tuple[Column, ...]:
    return (
        Column("provider", "the slug of the provider offering the service (its row in "
               "providers.csv)", "example-hub", lambda row, _cat: row.provider.slug),
        Column("provider_name", "the provider's name", "Example Hub",
               lambda row, _cat: row.provider.name),
        Column("position", "the service's place in the provider's list, from 1", "1",
               lambda row, _cat: row.position),
    )


def _slug_column(thing: str, record: Record) -> Column:
    """The file's name: its example is what the first field's example would be slugged to."""
    return Column("slug", f"the {thing}'s identifier: its file name without the extension, "
                  "and the last part of its page's address", slugify(record.fields[0].example),
                  lambda row, _cat: row.slug)


# kind → (what one row is called, its declaration, fields left out of its table).
_TABLES: dict[str, tuple[str, Record, frozenset[str]]] = {
    "org": ("organisation", ORGANISATION, frozenset()),
    "provider": ("provider", PROVIDER, frozenset({"services"})),  # one row each in services
    "service": ("service", SERVICE, frozenset()),
    "event": ("event", EVENT, frozenset()),
    "notice": ("notice", NOTICE, frozenset()),
    "toolkit": ("toolkit", TOOLKIT, frozenset()),
    "opportunity": ("opportunity", OPPORTUNITY, frozenset()),
}
KINDS = tuple(_TABLES)


def columns(kind: str) -> tuple[Column, ...]:
    """Every column of a kind's table, in the declaration's order."""
    thing, record, left_out = _TABLES[kind]
    if kind == "service":
        first = _provider_columns()
        read = _service_of
    else:
        first = (_slug_column(thing, record),)
        read = _itself
    fields = tuple(f for f in record.fields if f.name not in left_out)
    return first + tuple(col for leaf in _leaves(fields) for col in _leaf_columns(leaf, read))


def import_template(kind: str) -> str:
    """A CSV to fill in: the columns an import reads, and one example row."""
    wanted = tuple(col for col in columns(kind) if col.path or col.name == "slug")
    return csv_text([col.name for col in wanted], [[col.example for col in wanted]])


def _itself(row: Any) -> Any:
    return row


def _service_of(row: ServiceRow) -> Any:
    return row.service


@dataclass(frozen=True)
class _Leaf:
    path: tuple[str, ...]
    field: Field
    meaning: str
    in_list: str = ""  # the list of records the field belongs to, if any


def _leaves(fields: tuple[Field, ...], path: tuple[str, ...] = (), part_of: str = "",
            in_list: str = "") -> Iterator[_Leaf]:
    """Every scalar or list-of-scalars field, nested records walked by `nested_record`."""
    for field in fields:
        here = path + (field.name,)
        nested = nested_record(field)
        if nested is None:
            yield _Leaf(here, field, field.help + part_of, in_list)
            continue
        name = "_".join(here)
        if isinstance(field.type, ListOf):
            note = (f" (one value per entry of `{name}`: {field.help}; entries separated by "
                    f"\"; \" in the same order in every `{name}_` column)")
            yield from _leaves(nested.fields, here, note, in_list or name)
        else:
            yield from _leaves(nested.fields, here, f" (part of `{name}`: {field.help})",
                               in_list)


def _leaf_columns(leaf: _Leaf, read: Callable[[Any], Any]) -> Iterator[Column]:
    name = "_".join(leaf.path)
    item = leaf.field.type.item if isinstance(leaf.field.type, ListOf) else leaf.field.type
    many = isinstance(leaf.field.type, ListOf) or bool(leaf.in_list)
    example = _example(leaf.field, INNER_SEPARATOR if leaf.in_list else LIST_SEPARATOR)
    path = leaf.path

    def value(row: Any, _cat: Catalogue) -> Cell:
        return make_cell(_get(read(row), path), bool(leaf.in_list))

    yield Column(name, leaf.meaning, example, value, leaf.path)
    if isinstance(item, (Ref, OrganiserRef)):
        def names(row: Any, cat: Catalogue) -> Cell:
            found = _get(read(row), path)
            return make_cell(_map(found, lambda slug: _name_of(item, slug, cat)),
                             bool(leaf.in_list))

        label, what = ((f"{name}_names", f"the names of `{name}`, in the same order") if many
                       else (f"{name}_name", f"the name of `{name}`"))
        yield Column(label, what, _title(example), names,
                     looks_up=ORGANISER_COLLECTIONS if isinstance(item, OrganiserRef)
                     else (item.target,))


def _get(value: Any, path: tuple[str, ...]) -> Any:
    """The field at `path`; through a list of records, a tuple with one value per entry."""
    for index, name in enumerate(path):
        if value is None:
            return None
        if isinstance(value, tuple):
            return tuple(_get(entry, path[index:]) for entry in value)
        value = getattr(value, name)
    return value


def _map(value: Any, function: Callable[[str], str]) -> Any:
    if value is None:
        return None
    if isinstance(value, tuple):
        return tuple(_map(item, function) for item in value)
    return function(value)


def _name_of(kind: Ref | OrganiserRef, slug: str, cat: Catalogue) -> str:
    """The referenced record's name; a slug that names no record (`borough-wide`) as is."""
    collection, _, rest = slug.partition("/") if isinstance(kind, OrganiserRef) \
        else (kind.target, "", slug)
    try:
        return cat.lookup(collection, rest).name
    except KeyError:
        return slug


def _example(field: Field, separator: str) -> str:
    """The declaration's example, written as the export writes values."""
    example = field.example
    if example is None:
        return ""
    items = example if isinstance(example, list) else [example]
    item_type = field.type.item if isinstance(field.type, ListOf) else field.type
    return separator.join(str(scalar_text(_converted(item_type, item))) for item in items)


def _converted(kind: FieldType, example: Any) -> Any:
    """An example as its field converts it, for types that need no site to convert."""
    if type(kind).convert is not FieldType.convert or isinstance(kind, Integer):
        return example
    try:
        return kind.convert_text(str(example))
    except Invalid:
        return example


def _title(example: str) -> str:
    """A readable stand-in for a referenced record's name: `bow-east` → `Bow East`."""
    return LIST_SEPARATOR.join(part.rpartition("/")[2].replace("-", " ").title()
                               for part in example.split(LIST_SEPARATOR) if part)
