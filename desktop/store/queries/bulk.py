"""Bulk writes: many rows of one table in one statement, with the ids the database would have given them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from desktop.store.models import Base


def allocate_ids(session: Session, model: type[Base], count: int) -> list[int]:
    """`count` new ids for `model`'s table, in order, as the database would have given them.

    PostgreSQL: taken from the id column's own sequence, so later single inserts go on after them (and an id
    once used is never given again). SQLite: an INTEGER PRIMARY KEY takes max(id) + 1; the write
    transaction holds the database lock.
    """
    if count <= 0:
        return []
    table = cast(Table, model.__table__)
    if session.get_bind().dialect.name == "postgresql":
        sequence = func.pg_get_serial_sequence(table.name, "id")
        return sorted(
            session.scalars(select(func.nextval(sequence)).select_from(func.generate_series(1, count)))
        )
    start = session.scalar(select(func.max(table.c.id))) or 0
    return list(range(start + 1, start + 1 + count))


def insert_rows(session: Session, model: type[Base], rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert `rows` (column -> value, without ids) into `model`'s table with one executemany INSERT of the
    table (no ORM objects); return their new ids in the order of `rows`. The dicts are given their "id"."""
    ids = allocate_ids(session, model, len(rows))
    if not ids:
        return []
    for row, record_id in zip(rows, ids, strict=True):
        row["id"] = record_id
    session.execute(insert(cast(Table, model.__table__)), list(rows))
    return ids


def update_versioned(session: Session, records: Sequence[Any], values: dict[str, Any]) -> bool:
    """Set `values` on every record (all of one mapped class) with one executemany UPDATE, bumping each
    version as the ORM would and checking it; the loaded objects are kept in step. False when a row was
    changed meanwhile (its version moved on): then the caller's transaction must not commit."""
    if not records:
        return True
    table = type(records[0]).__table__
    statement = (
        update(table)
        .where(table.c.id == bindparam("record_id"), table.c.version == bindparam("old_version"))
        .values(**values, version=bindparam("new_version"))
    )
    parameters = [
        {"record_id": record.id, "old_version": record.version, "new_version": record.version + 1}
        for record in records
    ]
    session.flush()  # nothing of ours is pending, but the ORM's view must not lag behind the UPDATE
    result = session.execute(statement, parameters)
    if result.rowcount != len(records):  # type: ignore[attr-defined]
        return False
    for record in records:
        for name, value in values.items():
            set_committed_value(record, name, value)
        set_committed_value(record, "version", record.version + 1)
    return True
