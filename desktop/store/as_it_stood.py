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

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    Engine,
    Integer,
    MetaData,
    Select,
    Table,
    func,
    insert,
    select,
)
from sqlalchemy.orm import Session

from desktop.domain.kinds import RecordType
from desktop.store.database import sqlite_path
from desktop.store.models import RECORD_MODELS, Account, AuditEvent, Base, UTCDateTime
from desktop.store.roles import SECRET_COLUMNS

TOKYO = ZoneInfo("Asia/Tokyo")
_TRAIL = Base.metadata.tables[AuditEvent.__tablename__]
_ACCOUNT = Base.metadata.tables[Account.__tablename__]
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
    RecordType.ENGAGEMENT: ("start_date", "consent_authorities.granted_on"),
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


class _Source:
    """Where the live records are read: a SQLite file attached to the past database's own connection (one
    snapshot, and rows copied by SQL without passing through Python), or the live session (PostgreSQL)."""

    def __init__(self, reader: Connection | Session, schema: str | None):
        self.reader = reader
        self.attached = schema is not None
        self.metadata = MetaData(schema=schema)
        self.tables: dict[str, Table] = {}

    def table(self, table: Table) -> Table:
        if table.name not in self.tables:
            self.tables[table.name] = table.to_metadata(self.metadata) if self.attached else table
        return self.tables[table.name]

    def changed_ids(self, record_type: RecordType, cutoff: datetime) -> Select[tuple[int]]:
        """The ids of the records of a kind whose trail goes on after the day (changed, added or deleted)."""
        trail = self.table(_TRAIL)
        return select(trail.c.record_id).where(
            trail.c.record_type == record_type.value, trail.c.occurred_at >= cutoff
        )


def _histories(source: _Source, record_type: RecordType, cutoff: datetime) -> dict[int, _History]:
    """The replayed values of the records of a kind changed since the day: on the day and now."""
    trail = source.table(_TRAIL)
    query = (
        select(trail.c.record_id, trail.c.action, trail.c.changes, trail.c.occurred_at, trail.c.actor)
        .where(
            trail.c.record_type == record_type.value,
            trail.c.record_id.in_(source.changed_ids(record_type, cutoff)),
        )
        .order_by(trail.c.record_id, trail.c.id)
    )
    histories: dict[int, _History] = {}
    for record_id, action, changes, occurred_at, actor in source.reader.execute(query):
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
    """The earliest of the record's OCCURRED_ON dates; `list.key` names a date in each entry of a JSON list
    (an engagement's written authorisations), as stored (ISO text) or as read."""
    names = OCCURRED_ON.get(record_type, ())
    dates: list[Any] = []
    for name in names if not isinstance(names, str) else ():
        column, dot, key = name.partition(".")
        if not dot:
            dates.append(values.get(name))
            continue
        entries = values.get(column)
        for entry in entries if isinstance(entries, list) else ():
            value = entry.get(key) if isinstance(entry, Mapping) else None
            if isinstance(value, str):
                try:
                    value = date.fromisoformat(value[:10])
                except ValueError:
                    value = None
            dates.append(value)
    known = [value for value in dates if isinstance(value, date)]
    return min(known) if known else None


def _before_0012(record_type: RecordType, state: Mapping[str, Any]) -> Mapping[str, Any]:
    """An engagement written before migration 0012 named one party authorised to consent, with its date and
    document, in three fields: the list it stands for now."""
    if (
        record_type != RecordType.ENGAGEMENT
        or "consent_authorities" in state
        or not state.get("consent_authority")
    ):
        return state
    granted = state.get("consent_authority_on")
    authority = {
        "party": state["consent_authority"],
        "granted_on": str(granted)[:10] if granted else None,
        "document": state.get("consent_authority_document"),
    }
    return {**state, "consent_authorities": [authority]}


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
    state = _before_0012(record_type, state)
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


def create_schema(target: Engine) -> None:
    """The current schema in an empty database, as the migrations would leave it (a test holds the models
    and the migrated schema equal), without running them: the past database is made, read and thrown away."""
    from desktop.store.quick_read import HEAD_REVISION

    Base.metadata.create_all(target)
    with target.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"
        )
        connection.exec_driver_sql("INSERT INTO alembic_version (version_num) VALUES (?)", (HEAD_REVISION,))


def copy_as_it_stood(live: Session, target: Engine, day: date) -> dict[str, int]:
    """Write into the empty, migrated database `target` every record as it stood at the end of `day`, and
    the audit events up to then. Returns the number of records written per kind.

    A record whose trail ends before the day stood then as it stands now: it is copied as it is (by SQL from
    an attached SQLite file). Only the records changed, added or deleted since are replayed from the trail."""
    cutoff = end_of_day(day)
    bind = live.get_bind()
    live_url = bind.url if isinstance(bind, Engine) else bind.engine.url
    live_file = sqlite_path(str(live_url)) if target.dialect.name == "sqlite" else None
    with target.connect() as connection:
        raw: Any = connection.connection.dbapi_connection
        if target.dialect.name == "sqlite":
            raw.execute("PRAGMA synchronous = OFF")  # a database made, read and thrown away: no fsync
        if live_file is not None:  # before the first statement: SQLite refuses ATTACH inside a transaction
            raw.execute("ATTACH DATABASE ? AS live", (str(live_file),))
        try:
            with connection.begin():
                source = _Source(connection, "live") if live_file is not None else _Source(live, None)
                counts = _copy(connection, source, day, cutoff)
        finally:
            if live_file is not None:
                raw.execute("DETACH DATABASE live")
    return counts


def _copy(connection: Connection, source: _Source, day: date, cutoff: datetime) -> dict[str, int]:
    counts: dict[str, int] = {}
    by_table = {model.__tablename__: record_type for record_type, model in RECORD_MODELS.items()}
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    for table in Base.metadata.sorted_tables:
        record_type = by_table.get(table.name)
        if record_type is None:
            continue
        _copy_unchanged(connection, source, table, source.changed_ids(record_type, cutoff))
        rows = _changed_rows(connection, source, table, record_type, day, cutoff)
        if rows:
            connection.execute(insert(table), rows)
        counts[record_type.value] = int(connection.scalar(select(func.count()).select_from(table)) or 0)
    if "password_hash" in _ACCOUNT.c:  # nobody signs in to the past: it is read, never changed
        connection.execute(_ACCOUNT.update().values(password_hash="!"))
    for table in Base.metadata.sorted_tables:  # an approval dated after the day: not given on it
        if "approved_on" in table.c:
            cleared: dict[str, Any] = {"approved_on": None}
            if "approver" in table.c:
                cleared["approver"] = None
            connection.execute(table.update().where(table.c.approved_on > day).values(**cleared))
    _mark_superseded(connection)
    trail = source.table(_TRAIL)
    events = select(trail).where(trail.c.occurred_at < cutoff)
    if source.attached:
        connection.execute(insert(_TRAIL).from_select([column.key for column in trail.columns], events))
    else:
        batch: list[dict[str, Any]] = []
        for event in source.reader.execute(events.execution_options(yield_per=1000)).mappings():
            batch.append(dict(event))
            if len(batch) == 1000:
                connection.execute(insert(_TRAIL), batch)
                batch = []
        if batch:
            connection.execute(insert(_TRAIL), batch)
    return counts


def _copy_unchanged(
    connection: Connection, source: _Source, table: Table, changed: Select[tuple[int]]
) -> None:
    """The records of a kind not changed since the day, as they are (an attached file: every column, the
    account's password hash then blanked; a server: the columns its roles let anyone read)."""
    live_table = source.table(table)
    secret = () if source.attached else SECRET_COLUMNS.get(table.name, ())
    readable = [column for column in live_table.columns if column.key not in secret]
    unchanged = select(*readable).where(live_table.c.id.not_in(changed))
    if source.attached:
        connection.execute(insert(table).from_select([column.key for column in readable], unchanged))
        return
    batch: list[dict[str, Any]] = []
    for row in source.reader.execute(unchanged.execution_options(yield_per=1000)).mappings():
        values = dict(row)
        if table.name == _ACCOUNT.name:
            values["password_hash"] = "!"
        batch.append(values)
        if len(batch) == 1000:
            connection.execute(insert(table), batch)
            batch = []
    if batch:
        connection.execute(insert(table), batch)


def _changed_rows(
    connection: Connection,
    source: _Source,
    table: Table,
    record_type: RecordType,
    day: date,
    cutoff: datetime,
) -> list[dict[str, Any]]:
    """The records of a kind changed, added or deleted since the day, as they stood on it (or None)."""
    columns = [column for column in table.columns if column.key not in BOOKKEEPING]
    readable = [column for column in columns if column.key not in SECRET_COLUMNS.get(table.name, ())]
    histories = _histories(source, record_type, cutoff)
    if not histories:
        return []
    live_table = source.table(table)
    current = {
        row[0]: {column.key: value for column, value in zip(readable, row[1:], strict=True)}
        for row in source.reader.execute(
            select(live_table.c.id, *(live_table.c[column.key] for column in readable)).where(
                live_table.c.id.in_(source.changed_ids(record_type, cutoff))
            )
        )
    }
    kept = _kept_parents(connection, table)
    rows: list[dict[str, Any]] = []
    for record_id in sorted(histories):
        history = histories[record_id]
        row = _record_on(record_type, columns, record_id, history, current.get(record_id), day)
        if row is None or not _parents_kept(table, row, kept):
            continue
        if history.at_day is not None:
            row["created_at"] = history.first_at
            row["updated_at"] = history.last_at_day
            row["updated_by"] = history.last_actor_at_day
        else:
            row["created_at"] = row["updated_at"] = cutoff - timedelta(microseconds=1)
            row["updated_by"] = ""
        row["version"] = 1
        if "password_hash" in table.c:
            row["password_hash"] = "!"
        rows.append(row)
    return rows


def _kept_parents(connection: Connection, table: Table) -> dict[str, set[int]]:
    """The ids already written of every other kind this one links to."""
    parents = {
        foreign_key.column.table
        for column in table.columns
        for foreign_key in column.foreign_keys
        if foreign_key.column.table.name != table.name
    }
    return {parent.name: set(connection.scalars(select(parent.c.id))) for parent in parents}


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
        row = _row(record_type, columns, record_id, history.at_day)
        if record_type == RecordType.CONTRACTOR and row.get("imported_on") is None:
            # The day it was imported is a fact of its creation that no later event changes; a trail older
            # than migration 0012 gives it only in the migration's event (or the record itself).
            latest = (history.latest or {}).get("imported_on") or (live_values or {}).get("imported_on")
            if latest is not None:
                row["imported_on"] = _python(Column("imported_on", Date()), latest)
        return row
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
