"""Values worked out from one record, kept while the record is the same object.

An incremental rebuild gives back the very record objects of unchanged files
(`core.validate.Conversions`, `core.translate.localised`), so a value a step works out
from one record (an open data row, an Open Referral document, a search document) need
not be worked out again while its record is the same object, unless something else it
read changed. What else it reads is declared beside it, as a step's reads are
(`PerRecord.reads`: the names of the records it looks up, a taxonomy's terms), and an
incremental rebuild forgets every kept value whose declared reads changed
(`Memos.forget`); a full build starts with nothing kept. So a rebuild after one edit
works out that one record's values and joins the rest, and the bytes are the same as
a full build's (`tests/unit/test_incremental.py`).

Within one rebuild the language passes share the store too: the second pass of a
language-neutral file (made from the site-language catalogue in every pass) finds
each value the first pass made.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Generic, Hashable, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class PerRecord(Generic[T]):
    """A kind of kept value: its name, and what it reads besides its own record."""

    name: str
    reads: frozenset[str]


_HANDED = object()  # the key of the value a build hands on (`Kept.hand_on`)


class Kept(Generic[T]):
    """One kind's values, by record identity (or by key and equal value, `same`): this
    build's, and the last build's."""

    def __init__(self) -> None:
        self.last: dict[Hashable, tuple[Any, T]] = {}
        self.now: dict[Hashable, tuple[Any, T]] = {}

    def get(self, record: Any, make: Callable[[], T]) -> T:
        """The value for `record`: kept if `record` is the object it was made for.

        Each entry holds its record, so no id is reused while the entry lives."""
        key = id(record)
        found = self.now.get(key) or self.last.get(key)
        if found is None or found[0] is not record:
            found = (record, make())
        self.now[key] = found
        return found[1]

    def same(self, key: Hashable, value: Any, make: Callable[[], T]) -> T:
        """The value made from `value` under `key`, kept while `value` equals what it was
        made from: for values with no record of their own (a search term's postings,
        gathered afresh from every document in each build)."""
        found = self.now.get(key) or self.last.get(key)
        if found is None or found[0] != value:
            found = (value, make())
        self.now[key] = found
        return found[1]

    def hand_on(self, value: Any) -> None:
        """Keep one value worked out from the whole build for the next build, as long as
        the kind's values last (the search's term index, which the next build patches
        where documents changed)."""
        self.now[_HANDED] = (_HANDED, value)

    def handed_on(self) -> Any:
        """What the last build (or this one) handed on; None if nothing was."""
        found = self.now.get(_HANDED) or self.last.get(_HANDED)
        return None if found is None else found[1]

    def turn(self) -> None:
        """End of a build that used this kind: only its values are kept for the next."""
        self.last, self.now = self.now, {}


class Memos:
    """Every kind's kept values, in an incremental rebuild's store, kept between its
    builds (`lasting`). A one-off build's store keeps nothing: its values would only
    hold memory (at 20,000 organisations, the open data rows and feed documents alone
    are about 100 MB), as each is asked for once, or once per language pass."""

    def __init__(self, lasting: bool = False) -> None:
        self.lasting = lasting
        self._kinds: dict[PerRecord, Kept] = {}

    def of(self, kind: PerRecord[T]) -> Kept[T] | None:
        """The kind's kept values; None in a store that does not last."""
        if not self.lasting:
            return None
        if kind not in self._kinds:
            self._kinds[kind] = Kept()
        return self._kinds[kind]

    def forget(self, changed: Callable[[frozenset[str]], bool]) -> None:
        """Drop the kinds whose reads `changed` says changed (an incremental rebuild's
        `changes.touches`)."""
        for kind in [kind for kind in self._kinds if changed(kind.reads)]:
            del self._kinds[kind]

    def clear(self) -> None:
        self._kinds.clear()

    def finish(self) -> None:
        """A build is over: each kind it used keeps only what it used."""
        for kept in self._kinds.values():
            if kept.now:
                kept.turn()
