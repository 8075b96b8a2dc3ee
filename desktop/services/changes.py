"""What a change touched (as Anki's `OpChanges`): the kinds of record and, where known, their ids.

The window's change bus carries one of these after every save, delete, import or approval, and each open
view refreshes only when a kind it shows is among `kinds`. Qt-free: the same value travels from a
colleague's window through PostgreSQL's LISTEN/NOTIFY (see desktop.services.notifications).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.kinds import RecordType


@dataclass(frozen=True)
class OpChanges:
    kinds: frozenset[RecordType]
    ids: frozenset[tuple[RecordType, int]] = frozenset()  # (kind, id) of the records known to be touched

    @classmethod
    def of(
        cls, kinds: Iterable[RecordType | str] = (), ids: Iterable[tuple[RecordType | str, int]] = ()
    ) -> OpChanges:
        """From kinds and (kind, id) pairs; a kind named only by an id counts as changed too. Raises
        ValueError for a name that is not a RecordType."""
        typed_ids = frozenset((RecordType(kind), int(record_id)) for kind, record_id in ids)
        typed_kinds = frozenset(RecordType(kind) for kind in kinds) | {kind for kind, _ in typed_ids}
        return cls(typed_kinds, typed_ids)

    def touches(self, kinds: Iterable[RecordType]) -> bool:
        """Whether any of `kinds` changed."""
        return not self.kinds.isdisjoint(kinds)

    def ids_of(self, kind: RecordType) -> frozenset[int]:
        """The ids of `kind` known to be touched (empty: not known, or none)."""
        return frozenset(record_id for touched, record_id in self.ids if touched == kind)

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(self.kinds | other.kinds, self.ids | other.ids)

    def __bool__(self) -> bool:
        return bool(self.kinds)
