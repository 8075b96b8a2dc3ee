"""Replaying the audit trail against the records: a row changed, added or deleted outside Itaku shows.

The hash chain proves the events are the ones Itaku wrote; replaying them proves the records are what
those events say. Every create, update and delete made through a service writes an event with each
changed field's value after it, so the values a record should have now are its events' values, applied
in order. A person with write access to the SQLite file who changes a row without also rewriting the
chain is caught here, named by kind, id and field.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Column, Table, select
from sqlalchemy.orm import Session

from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType
from desktop.services.audit import json_value
from desktop.store import roles
from desktop.store.models import RECORD_MODELS, Account, AuditEvent, Base

# Columns every record has that no audit event carries: the database's own bookkeeping.
BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at", "updated_by"})
# An account's password is never written to the trail: the SHA-256 of its argon2 hash stands for it.
PASSWORD_FINGERPRINT = "password_hash_sha256"
REPORTED_LIMIT = 1000  # discrepancies kept one by one; the rest are counted


def password_fingerprint(password_hash: str) -> str:
    """What the audit trail keeps of an account's password: the SHA-256 of its argon2 hash (never the hash)."""
    return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Discrepancy:
    """One place where a record differs from what its audit events say."""

    record_type: str
    record_id: int
    field: str | None  # None: the whole record (added or deleted outside Itaku)
    problem: str  # "changed", "added", "deleted", "unreadable"
    trail_value: Any = None
    stored_value: Any = None

    @property
    def message(self) -> Message:
        name = f"{self.record_type} #{self.record_id}"
        if self.problem == "added":
            return Message(
                f"{name} はデータベースにありますが、監査ログに作成の記録がありません（Itaku の外で追加されました）。",
                f"{name} is in the database but the audit trail never created it (added outside Itaku).",
            )
        if self.problem == "deleted":
            return Message(
                f"{name} は監査ログでは存在するはずですが、データベースにありません（Itaku の外で削除されました）。",
                f"{name} should exist by the audit trail but is not in the database (deleted outside Itaku).",
            )
        if self.problem == "unreadable":
            return Message(
                f"{name} の {self.field} は読み取れない値です（Itaku の外で変更されました）。",
                f"{name}: {self.field} holds a value that cannot be read (changed outside Itaku).",
            )
        if self.field == PASSWORD_FINGERPRINT:
            return Message(
                f"{name} のパスワードが監査ログの記録と異なります（Itaku の外で変更されました）。",
                f"{name}: the password differs from the audit trail (changed outside Itaku).",
            )
        trail, stored = _shown(self.trail_value), _shown(self.stored_value)
        return Message(
            f"{name} の {self.field} が監査ログと一致しません（監査ログ: {trail}、データベース: {stored}）。",
            f"{name}: {self.field} is {stored} but the audit trail says {trail}.",
        )


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


@dataclass(frozen=True)
class ReplayReport:
    records: int  # records compared (rows in the database plus records the trail says exist)
    discrepancies: tuple[Discrepancy, ...]  # the first REPORTED_LIMIT
    total: int  # all discrepancies found

    @property
    def is_intact(self) -> bool:
        return self.total == 0

    @property
    def message(self) -> Message:
        if self.is_intact:
            return Message(
                f"記録 {self.records:,} 件はすべて監査ログのとおりです。",
                f"All {self.records:,} records are as the audit trail says.",
            )
        return Message(
            f"監査ログと一致しない箇所が {self.total:,} か所あります（Itaku の外で変更された可能性があります）。",
            f"{self.total:,} differences between the records and the audit trail (changed outside Itaku).",
        )


def replay(session: Session) -> ReplayReport:
    """Compare every record of every kind the trail knows with the values its events give it."""
    found: list[Discrepancy] = []
    total = 0
    records = 0
    for record_type, model in RECORD_MODELS.items():  # accounts and settings included
        for discrepancy, counted in _replay_kind(session, record_type, model):
            records += counted
            if discrepancy is not None:
                total += 1
                if len(found) < REPORTED_LIMIT:
                    found.append(discrepancy)
    return ReplayReport(records, tuple(found), total)


def _columns(model: type[Base]) -> list[Column[Any]]:
    table = cast(Table, model.__table__)
    return [column for column in table.columns if column.key not in BOOKKEEPING]


def _default(column: Column[Any]) -> Any:
    """The value a column gets when its creation did not name it (an event leaves out what was not set)."""
    default = column.default
    if default is not None and getattr(default, "is_scalar", False):
        return json_value(default.arg)  # type: ignore[attr-defined]
    return None


def _replay_kind(
    session: Session, record_type: str, model: type[Base]
) -> Iterator[tuple[Discrepancy | None, int]]:
    """(discrepancy or None, records counted) for one kind: its rows and its events, both in id order,
    walked side by side so that memory holds one record at a time."""
    columns = _columns(model)
    defaults = {column.key: _default(column) for column in columns}
    rows: Iterator[tuple[int, dict[str, Any], set[str]]]
    fingerprints = roles.password_fingerprints(session) if record_type == RecordType.ACCOUNT else None
    if record_type == RecordType.ACCOUNT:
        defaults.pop("password_hash")
    if fingerprints is not None:  # PostgreSQL with the roles in force: the server gives the SHA-256 only
        columns = [column for column in columns if column.key != "password_hash"]
        rows = (
            (record_id, {**values, PASSWORD_FINGERPRINT: fingerprints.get(record_id, "")}, unreadable)
            for record_id, values, unreadable in _stored_rows(session, model, columns)
        )
    else:
        rows = _stored_rows(session, model, columns)
    histories = _histories(session, record_type)
    row = next(rows, None)
    history = next(histories, None)
    while row is not None or history is not None:
        if history is None or (row is not None and row[0] < history[0]):
            record_id, values, unreadable = row  # type: ignore[misc]
            yield Discrepancy(record_type, record_id, None, "added"), 1
            row = next(rows, None)
            continue
        if row is None or history[0] < row[0]:
            record_id, state = history
            if state is not None:
                yield Discrepancy(record_type, record_id, None, "deleted"), 1
            history = next(histories, None)
            continue
        record_id, values, unreadable = row
        state = history[1]
        row, history = next(rows, None), next(histories, None)
        if state is None:  # the trail deleted it, yet here it is
            yield Discrepancy(record_type, record_id, None, "added"), 1
            continue
        yield None, 1
        for name in unreadable:
            yield Discrepancy(record_type, record_id, name, "unreadable"), 0
        for name, expected in _expected(record_type, state, defaults).items():
            if name in unreadable:
                continue
            stored = values.get(name)
            if stored != expected:
                yield Discrepancy(record_type, record_id, name, "changed", expected, stored), 0


def _expected(record_type: str, state: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """The values a record should have: its replayed fields over the columns' defaults."""
    expected = dict(defaults)
    if record_type == RecordType.SETTING:
        # A setting's event names the setting itself as the field: {key: [before, after]}.
        for key, value in state.items():
            expected["key"], expected["value"] = key, value
        return expected
    expected.update({name: value for name, value in state.items() if name in expected})
    if record_type == RecordType.ACCOUNT and PASSWORD_FINGERPRINT in state:
        # Accounts created before the fingerprint was kept have none to compare with.
        expected[PASSWORD_FINGERPRINT] = state[PASSWORD_FINGERPRINT]
    return expected


def _histories(session: Session, record_type: str) -> Iterator[tuple[int, dict[str, Any] | None]]:
    """(record id, replayed values or None when its last event deleted it), in record id order."""
    query = (
        select(AuditEvent.record_id, AuditEvent.action, AuditEvent.changes)
        .where(AuditEvent.record_type == record_type)
        .order_by(AuditEvent.record_id, AuditEvent.id)
        .execution_options(yield_per=500)  # streamed: the trail of 100,000 records never sits in memory
    )
    current: int | None = None
    state: dict[str, Any] | None = None
    for record_id, action, changes in session.execute(query):
        if record_id != current:
            if current is not None:
                yield current, state
            current, state = record_id, {}
        if action == "delete":
            state = None
            continue
        if state is None or action == "create":
            state = {}
        if isinstance(changes, dict):
            for name, pair in changes.items():
                if isinstance(pair, list) and len(pair) == 2:
                    state[name] = pair[1]
    if current is not None:
        yield current, state


def _stored_rows(
    session: Session, model: type[Base], columns: list[Column[Any]], chunk: int = 500
) -> Iterator[tuple[int, dict[str, Any], set[str]]]:
    """(id, {column: JSON value}, columns that could not be read) for every row, in id order; a chunk
    holding a value that does not even load (text in a date column) is read again field by field."""
    id_column = cast(Table, model.__table__).c.id
    ids = list(session.scalars(select(id_column).order_by(id_column)))
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        try:
            rows = session.execute(
                select(id_column, *columns).where(id_column.between(part[0], part[-1])).order_by(id_column)
            ).all()
        except (TypeError, ValueError):
            session.rollback()
            yield from _stored_rows_one_by_one(session, model, columns, part)
            continue
        for row in rows:
            yield row[0], _values(model, columns, row[1:]), set()


def _stored_rows_one_by_one(
    session: Session, model: type[Base], columns: list[Column[Any]], ids: list[int]
) -> Iterator[tuple[int, dict[str, Any], set[str]]]:
    id_column = cast(Table, model.__table__).c.id
    for record_id in ids:
        values: list[Any] = []
        unreadable: set[str] = set()
        for column in columns:
            try:
                values.append(session.scalar(select(column).where(id_column == record_id)))
            except (TypeError, ValueError):
                session.rollback()
                values.append(None)
                unreadable.add(column.key)
        yield record_id, _values(model, columns, values), unreadable


def _values(model: type[Base], columns: list[Column[Any]], row: Any) -> dict[str, Any]:
    values = {column.key: json_value(value) for column, value in zip(columns, row, strict=True)}
    if model is Account and "password_hash" in values:
        values[PASSWORD_FINGERPRINT] = password_fingerprint(str(values.pop("password_hash") or ""))
    return values
