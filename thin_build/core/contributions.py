"""Extension points: how one capability adds to another's pages without being imported.

Kept apart from `capability.py` so that build inputs (`plan.py`) can carry the
contributions while capabilities' declarations refer to build inputs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping


@dataclass(frozen=True)
class Contributions:
    """What capabilities plug into each other's extension points, in registry order.

    An extension point is a name a capability defines (`directory.org-page`) and reads
    with `to(name)`; capabilities that depend on it contribute items under that name.
    So the directory's organisation page shows the calendar's events without the
    directory importing the calendar.
    """

    points: Mapping[str, tuple[Any, ...]]

    def to(self, point: str) -> tuple[Any, ...]:
        return self.points.get(point, ())
