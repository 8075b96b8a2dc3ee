"""The records as they stood at the end of a past day, rebuilt from the audit trail into a database of their own.

"As of D" means what existed on D (issue 12): a record that existed then counts with the values it had
then, replayed from its audit events (its status, its items, an approval not yet given); a record entered
later counts only when its own date says it came about on or before D (an evaluation made on D-3 and typed
in on D+2, a consent given on D-1 recorded a week later); a record deleted after D counts as it was. An
approval counts by its date: one dated after D never counts, whatever the trail says (approving in Itaku
dates it the day it is given), and a version superseded by one approved after D was still in force on D.

Everything downstream (the rules, the registers, the workbook) then reads the rebuilt database exactly as
it reads the live one: one way of computing, whatever the date.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Boolean, Column, Date, Engine, Integer, Table, func, insert, select
from sqlalchemy.orm import Session

from desktop.domain.kinds import RecordType
from desktop.store.models import RECORD_MODELS, AuditEvent, Base, UTCDateTime

TOKYO = ZoneInfo("Asia/Tokyo")
BOOKKEEPING = frozenset({"id", "version", "created_at", "updated_at", "updated_by"})
ALWAYS = "always"  # a kind whose latest values stand for the past when the trail holds none before the day

# The dates that say when the fact a record keeps came about. A record entered after the day counts for
# the day only when the earliest of these is on or before it; a kind with none (accounts, settings) counts
# only as the trail shows it on the day.
OCCURRED_ON: dict[RecordType, tuple[str, ...] | str] = {
    RecordType.COMPANY_PROFILE: ALWAYS,  # the company's own name and officer: the registers' letterhead
    RecordType.CONTRACTOR: ("start_date",),
    RecordType.EVALUATION: ("evaluated_on",),
    RecordType.CONTRACT: ("signed_on", "effective_from"),
    RecordType.ENGAGEMENT: ("start_date", "consent_authority_on"),
    RecordType.CONSENT_HOP: ("consented_on",),
    RecordType.REDELEGATION: ("start_date",),
    RecordType.JOINT_USE: ("notice_published_on", "start_date"),
    RecordType.JOINT_USE_CHANGE: ("noticed_on", "changed_on"),
    RecordType.CORRECTIVE_ACTION: ("taken_on",),
    RecordType.OPT_OUT: ("ppc_notified_on", "made_known_on", "start_date"),
    RecordType.OPT_OUT_CHANGE: ("ppc_notified_on", "made_known_on", "changed_on"),
    RecordType.STOP_REQUEST: ("received_on",),
    RecordType.PROVISION: ("provided_on", "period_from"),
    RecordType.RECEIPT: ("received_on", "period_from"),
    RecordType.REQUEST: ("received_on",),
    RecordType.INCIDENT: ("discovered_on",),
    RecordType.ACCOUNT: (),
    RecordType.SETTING: (),
}


def end_of_day(day: date) -> datetime:
    """The first instant after `day` on the Tokyo calendar: events before it happened on or before the day."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=TOKYO)


def changed_since(session: Session, day: date) -> bool:
    """Whether the trail holds anything after the day: if not, the live records are the records of the day."""
    return session.scalar(select(func.count()).where(AuditEvent.occurred_at >= end_of_day(day))) != 0


@dataclass
class _History:
    at_day: dict[str, Any] | None = None  # values on the day; None: not existing on the day
    latest: dict[str, Any] | None = None  # values now; None: deleted (or never created)
    first_at: datetime | None = None
    last_at_day: datetime | None = None
    last_actor_at_day: str = ""


def _histories(session: Session, record_type: str, cutoff: datetime) -> dict[int, _History]:
    query = (
        select(
            AuditEvent.record_id,
            AuditEvent.action,
            AuditEvent.changes,
            AuditEvent.occurred_at,
            AuditEvent.actor,
        )
        .where(AuditEvent.record_type == record_type)
        .order_by(AuditEvent.record_id, AuditEvent.id)
        .execution_options(yield_per=1000)
    )
    histories: dict[int, _History] = {}
    for record_id, action, changes, occurred_at, actor in session.execute(query):
        history = histories.setdefault(record_id, _History(first_at=occurred_at))
        if action == "delete":
            history.latest = None
        else:
            state = {} if history.latest is None or action == "create" else dict(history.latest)
            if isinstance(changes, dict):
                for name, pair in changes.items():
                    if isinstance(pair, list) and len(pair) == 2:
                        state[name] = pair[1]
            history.latest = state
        if occurred_at < cutoff:
            history.at_day = history.latest
            history.last_at_day = occurred_at
            history.last_actor_at_day = actor
    return histories


def _python(column: Column[Any], value: Any) -> Any:
    """A value as the audit event keeps it (JSON), back to what the column holds."""
    if value is None:
        return None
    if isinstance(column.type, UTCDateTime) and isinstance(value, str):
        moment = datetime.fromisoformat(value)
        return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo("UTC"))
    if isinstance(column.type, Date) and isinstance(value, str):
        return date.fromisoformat(value[:10])
    if isinstance(column.type, Boolean):
        return bool(value)
    if isinstance(column.type, Integer) and not isinstance(value, bool) and isinstance(value, int | str):
        return int(value)
    return value


def _occurred_on(record_type: RecordType, values: Mapping[str, Any]) -> date | None:
    names = OCCURRED_ON.get(record_type, ())
    dates = [values.get(name) for name in names if not isinstance(names, str)]
    known = [value for value in dates if isinstance(value, date)]
    return min(known) if known else None


def _row(
    record_type: RecordType, columns: list[Column[Any]], record_id: int, state: Mapping[str, Any]
) -> dict[str, Any]:
    row: dict[str, Any] = {}
    if record_type == RecordType.SETTING:  # a setting's event names the setting: {key: [before, after]}
        for key, value in state.items():
            state = {"key": key, "value": value}
    if (
        record_type == RecordType.CORRECTIVE_ACTION
        and "record_type" not in state
        and "contractor_id" in state
    ):
        # Written before migration 0011, a corrective action named its contractor: the record it is on.
        state = {**state, "record_type": RecordType.CONTRACTOR.value, "record_id": state["contractor_id"]}
    for column in columns:
        if column.key in state:
            row[column.key] = _python(column, state[column.key])
        elif column.default is not None and getattr(column.default, "is_scalar", False):
            row[column.key] = column.default.arg  # type: ignore[attr-defined]
        elif column.default is not None and getattr(column.default, "is_callable", False):
            row[column.key] = column.default.arg(None)  # type: ignore[attr-defined]  # list: []
        else:
            row[column.key] = None
    row["id"] = record_id
    return row


def _live_rows(session: Session, table: Table, columns: list[Column[Any]]) -> dict[int, dict[str, Any]]:
    """The live rows (records that predate the trail count as they are; accounts lend their hash)."""
    rows = session.execute(select(table.c.id, *columns)).all()
    return {
        row[0]: {column.key: value for column, value in zip(columns, row[1:], strict=True)} for row in rows
    }


def copy_as_it_stood(live: Session, target: Engine, day: date) -> dict[str, int]:
    """Write into the empty, migrated database `target` every record as it stood at the end of `day`, and
    the audit events up to then. Returns the number of records written per kind."""
    cutoff = end_of_day(day)
    counts: dict[str, int] = {}
    kept: dict[str, set[int]] = {}
    by_table = {model.__tablename__: record_type for record_type, model in RECORD_MODELS.items()}
    with target.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        for table in Base.metadata.sorted_tables:
            record_type = by_table.get(table.name)
            if record_type is None:
                continue
            rows = _rows_of_kind(live, table, record_type, day, cutoff, kept)
            kept[table.name] = {row["id"] for row in rows}
            if rows:
                connection.execute(insert(table), rows)
            counts[record_type.value] = len(rows)
        _mark_superseded(connection)
        trail = Base.metadata.tables[AuditEvent.__tablename__]
        events = live.execute(select(trail).where(AuditEvent.occurred_at < cutoff)).mappings()
        batch: list[dict[str, Any]] = []
        for event in events:
            batch.append(dict(event))
            if len(batch) == 1000:
                connection.execute(insert(trail), batch)
                batch = []
        if batch:
            connection.execute(insert(trail), batch)
    return counts


def _rows_of_kind(
    live: Session,
    table: Table,
    record_type: RecordType,
    day: date,
    cutoff: datetime,
    kept: dict[str, set[int]],
) -> list[dict[str, Any]]:
    secret = {"password_hash"} if record_type == RecordType.ACCOUNT else set()
    columns = [column for column in table.columns if column.key not in BOOKKEEPING]
    readable = [column for column in columns if column.key not in secret]
    histories = _histories(live, record_type.value, cutoff)
    current = _live_rows(live, table, readable)
    rows: list[dict[str, Any]] = []
    for record_id in sorted(set(histories) | set(current)):
        history = histories.get(record_id)
        row = _record_on(record_type, columns, record_id, history, current.get(record_id), day)
        if row is None or not _parents_kept(table, row, kept):
            continue
        if history is not None and history.at_day is not None:
            row["created_at"] = history.first_at
            row["updated_at"] = history.last_at_day
            row["updated_by"] = history.last_actor_at_day
        else:
            row["created_at"] = row["updated_at"] = cutoff - timedelta(microseconds=1)
            row["updated_by"] = ""
        row["version"] = 1
        if "password_hash" in row:
            row["password_hash"] = "!"  # nobody signs in to the past: it is read, never changed
        if isinstance(row.get("approved_on"), date) and row["approved_on"] > day:
            row["approved_on"] = None  # approved after the day: not approved on it
            if "approver" in row:
                row["approver"] = None
        rows.append(row)
    return rows


def _record_on(
    record_type: RecordType,
    columns: list[Column[Any]],
    record_id: int,
    history: _History | None,
    live_values: dict[str, Any] | None,
    day: date,
) -> dict[str, Any] | None:
    """The record's values on the day, or None when it does not count for the day."""
    if history is None:  # older than the trail (or written around it): its values are all there is
        if live_values is None:
            return None
        occurred = _occurred_on(record_type, live_values)
        if OCCURRED_ON.get(record_type) != ALWAYS and occurred is not None and occurred > day:
            return None
        return {**live_values, "id": record_id}
    if history.at_day is not None:
        return _row(record_type, columns, record_id, history.at_day)
    if history.last_at_day is not None or history.latest is None:
        return None  # deleted on or before the day, or deleted since it was entered after the day
    row = _row(record_type, columns, record_id, history.latest)
    if OCCURRED_ON.get(record_type) == ALWAYS:
        return row
    occurred = _occurred_on(record_type, row)
    if occurred is None or occurred > day:
        return None
    return (
        row  # its approval counts by its date (a ledger's approval of D-30, typed in on D+2), checked later
    )


def _parents_kept(table: Table, row: dict[str, Any], kept: dict[str, set[int]]) -> bool:
    """A record whose required parent did not exist on the day did not either; an optional link to a record
    that did not exist yet is cut."""
    for column in table.columns:
        for foreign_key in column.foreign_keys:
            parent_table = foreign_key.column.table.name
            value = row.get(column.key)
            if value is None:
                continue
            parents = kept.get(parent_table)
            if parents is None and parent_table == table.name:
                continue  # a link within the kind (a new version's predecessor): checked below
            if parents is not None and value not in parents:
                if not column.nullable:
                    return False
                row[column.key] = None
    return True


def _mark_superseded(connection: Any) -> None:
    """A version is superseded only by a successor approved on or before the day (the rows hold only those
    approvals now); a successor entered but not yet approved on the day left it in force."""
    for table in Base.metadata.sorted_tables:
        if "supersedes_id" not in table.c or "is_superseded" not in table.c:
            continue
        successors = select(table.c.supersedes_id).where(
            table.c.supersedes_id.is_not(None), table.c.approved_on.is_not(None)
        )
        connection.execute(table.update().values(is_superseded=table.c.id.in_(successors)))
        # A successor's link to a predecessor that did not exist on the day is cut.
        connection.execute(
            table.update()
            .where(table.c.supersedes_id.is_not(None), table.c.supersedes_id.not_in(select(table.c.id)))
            .values(supersedes_id=None)
        )


def unaccounted_kinds() -> list[RecordType]:
    """Kinds of record whose date of occurrence is not declared above (a test keeps this empty)."""
    return [record_type for record_type in RECORD_MODELS if record_type not in OCCURRED_ON]
