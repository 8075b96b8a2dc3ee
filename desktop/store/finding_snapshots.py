"""Reading and keeping findings snapshots (table `finding_snapshot`): the one place their SQL lives.

Two callers read a snapshot: the window's first paint, before SQLAlchemy is imported (`desktop.store.quick_read`
opens the file with the standard `sqlite3` module), and `CheckService` in a SQLAlchemy session. Both run the
same statement below through `read_current`, which takes a function that executes SQL; this module imports
nothing of SQLAlchemy at load time (the storing half imports it when called).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.domain.audit_chain import GENESIS

SNAPSHOTS_KEPT = 3  # the newest few (e.g. yesterday's and today's as-of date on two machines)
_STORE_BUSY_MS = 20  # how long storing a snapshot may wait for SQLite's write lock before giving up

# The audit chain's head and, for that head, the newest snapshot of the rules version and as-of date: one
# statement, so the head and the payload belong together. Named parameters read the same in sqlite3 and in
# SQLAlchemy's text().
_HEAD = "(SELECT max(id) FROM audit_event)"
CURRENT_SNAPSHOT_SQL = (
    f"SELECT {_HEAD}, (SELECT hash FROM audit_event WHERE id = {_HEAD}), "
    "(SELECT payload FROM finding_snapshot WHERE rules_version = :rules_version AND as_of = :as_of "
    f"AND audit_head_id = coalesce({_HEAD}, 0) "
    f"AND audit_head_hash = coalesce((SELECT hash FROM audit_event WHERE id = {_HEAD}), :genesis) "
    "ORDER BY id DESC LIMIT 1)"
)
HEAD_SQL = f"SELECT {_HEAD}, (SELECT hash FROM audit_event WHERE id = {_HEAD})"

# Runs one statement with named parameters and gives its first row.
Execute = Callable[[str, Mapping[str, Any]], tuple[Any, ...]]


@dataclass(frozen=True)
class SnapshotRead:
    head_id: int  # 0 for an empty audit chain
    head_hash: str  # the genesis hash for an empty chain
    payload: bytes | None  # the snapshot stored under this head, rules version and date; None when none is


def read_current(execute: Execute, rules_version: str | None, as_of: date | str) -> SnapshotRead:
    """The audit head and (when `rules_version` is given) the payload of the snapshot stored under it."""
    if rules_version is None:
        row = execute(HEAD_SQL, {})
        payload = None
    else:
        row = execute(
            CURRENT_SNAPSHOT_SQL, {"rules_version": rules_version, "as_of": as_of, "genesis": GENESIS}
        )
        payload = bytes(row[2]) if row[2] is not None else None
    return SnapshotRead(int(row[0] or 0), str(row[1] or GENESIS), payload)


def read_in_session(session: Any, rules_version: str | None, as_of: date) -> SnapshotRead:
    """`read_current` in a SQLAlchemy session (the as-of date bound as a Date, as the column is typed)."""
    from sqlalchemy import Date, bindparam, text

    def execute(sql: str, parameters: Mapping[str, Any]) -> tuple[Any, ...]:
        statement = text(sql)
        if "as_of" in parameters:
            statement = statement.bindparams(bindparam("as_of", type_=Date))
        return tuple(session.execute(statement, dict(parameters)).one())

    return read_current(execute, rules_version, as_of)


def store(engine: Any, rules_version: str, as_of: date, head_id: int, head_hash: str, payload: bytes) -> None:
    """Keep a snapshot, best effort: its own short transaction that never waits for a writer (a long import
    holding SQLite's write lock means no snapshot this time) and never raises. The newest few are kept."""
    from sqlalchemy import delete, insert, select

    from desktop.store.models import FindingSnapshot

    try:
        with engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            # On the driver's connection (autocommit): SQLAlchemy would begin a transaction around it.
            driver = connection.connection.driver_connection
            try:
                if sqlite:
                    driver.execute(f"PRAGMA busy_timeout={_STORE_BUSY_MS}")
                connection = connection.execution_options(itaku_write=True)  # SQLite: BEGIN IMMEDIATE
                with connection.begin():
                    if not sqlite:
                        connection.exec_driver_sql("SET LOCAL lock_timeout = '200ms'")
                    connection.execute(
                        insert(FindingSnapshot).values(
                            rules_version=rules_version,
                            as_of=as_of,
                            audit_head_id=head_id,
                            audit_head_hash=head_hash,
                            payload=payload,
                        )
                    )
                    kept = (
                        select(FindingSnapshot.id).order_by(FindingSnapshot.id.desc()).limit(SNAPSHOTS_KEPT)
                    )
                    connection.execute(delete(FindingSnapshot).where(FindingSnapshot.id.not_in(kept)))
            finally:
                if sqlite:
                    try:
                        driver.execute("PRAGMA busy_timeout=30000")
                    except Exception:
                        connection.invalidate()  # never return a connection that gives up at once
    except Exception:  # noqa: BLE001 - derived data: the findings are returned all the same
        return
