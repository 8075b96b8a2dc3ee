"""What colleagues' windows commit, as it happens (PostgreSQL LISTEN/NOTIFY; see desktop.store.notifications).

`listen(context)` opens a feed for one window: its `fileno()` becomes readable when another process has
committed a change, and `receive()` then says what changed, as OpChanges. The window's own writes are
left out (it announces them itself). On SQLite there is no feed: `listen` returns None.
"""

from __future__ import annotations

from desktop.domain.kinds import RecordType
from desktop.services.changes import OpChanges
from desktop.services.context import ServiceContext
from desktop.store.notifications import ChangeListener, decode

_KINDS = frozenset(kind.value for kind in RecordType)


class ChangeFeed:
    def __init__(self, listener: ChangeListener, origin: str):
        self.listener = listener
        self.origin = origin

    def fileno(self) -> int:
        return self.listener.fileno()

    def receive(self) -> OpChanges:
        """Everything other processes committed since the last call (empty: nothing); never blocks."""
        received = OpChanges.of()
        for payload in self.listener.receive():
            message = decode(payload)
            if message is None or message[0] == self.origin:
                continue
            _origin, kinds, ids = message
            received |= OpChanges.of(  # a kind this version does not know is not shown anywhere here
                (kind for kind in kinds if kind in _KINDS), [pair for pair in ids if pair[0] in _KINDS]
            )
        return received

    def close(self) -> None:
        self.listener.close()


def listen(context: ServiceContext) -> ChangeFeed | None:
    """A feed of the changes other windows commit; None on SQLite. Raises if the server cannot be reached."""
    database = context.database
    if database.is_sqlite:
        return None
    return ChangeFeed(ChangeListener(database.engine), database.origin)
