"""The audit trail: one append-only event per create, update and delete made through a service."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop.domain.audit_chain import EMPTY_HEAD, GENESIS, ChainHead, canonical_time, event_hash
from desktop.domain.enums import AuditAction
from desktop.domain.errors import Message
from desktop.domain.roles import Permission
from desktop.services.context import TOKYO, ServiceContext
from desktop.store.models import AuditEvent
from desktop.store.notifications import note_change

if TYPE_CHECKING:
    from desktop.services.audit_display import ChangeLine
    from desktop.services.trail_replay import ReplayReport


def json_value(value: Any) -> Any:
    """A value as it is stored in an audit event (JSON-safe)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): json_value(item) for key, item in value.items()}
    return value


def record_event(
    session: Session,
    context: ServiceContext,
    action: AuditAction,
    record_type: str,
    record_id: int,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEvent | None:
    """Append one event; `changes` maps each changed field to [before, after].

    None where the database writes the trail itself (PostgreSQL with its roles in force: its triggers
    record every change of every client, see desktop.store.roles), so the app writes none of its own.
    """
    if context.database.enforces_roles:
        note_change(session, record_type, (record_id,))
        return None
    changes = field_changes(before or {}, after or {})
    row = chain(
        session,
        [
            {
                "occurred_at": context.now(),
                "actor": context.actor,
                "action": action.value,
                "record_type": record_type,
                "record_id": record_id,
                "changes": changes,
            }
        ],
    )[0]
    event = AuditEvent(**row)
    session.add(event)
    note_change(session, record_type, (record_id,))  # other windows hear of it at commit
    return event


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Each field whose stored (JSON) value differs, in name order, as [before, after]."""
    changes: dict[str, Any] = {}
    for name in sorted(set(before) | set(after)):
        old, new = _json_value(before.get(name)), _json_value(after.get(name))
        if old != new:
            changes[name] = [old, new]
    return changes


def record_events(
    session: Session,
    context: ServiceContext,
    action: AuditAction,
    record_type: str,
    items: Sequence[tuple[int, dict[str, Any] | None, dict[str, Any] | None]],
) -> None:
    """`record_event` for many records at once (a bulk import): the same changes and chain, one INSERT."""
    if context.database.enforces_roles:
        note_change(session, record_type, (record_id for record_id, _before, _after in items))
        return
    now = context.now()
    actor = context.actor
    rows = []
    for record_id, before, after in items:
        if before:
            changes = field_changes(before, after or {})
        else:
            # A creation: every field that is set, in name order, as [None, value] (what record_event writes).
            changes = {}
            for name in sorted(after or ()):
                new = after[name]  # type: ignore[index]
                if new is None:
                    continue
                if type(new) not in _PLAIN_JSON:
                    new = _json_value(new)
                    if new is None:
                        continue
                changes[name] = [None, new]
        rows.append(
            {
                "occurred_at": now,
                "actor": actor,
                "action": action.value,
                "record_type": record_type,
                "record_id": record_id,
                "changes": changes,
            }
        )
    if rows:
        # Core insert of the table: the ids and hashes are explicit, so nothing needs to come back.
        session.execute(insert(AuditEvent.__table__), chain(session, rows))  # type: ignore[arg-type]
        note_change(session, record_type, (record_id for record_id, _before, _after in items))


_PLAIN_JSON = frozenset({str, int, float, bool, type(None)})


def _json_value(value: Any) -> Any:
    """`json_value`, with the common values (plain, dates, lists of text) converted before any isinstance test."""
    kind = type(value)
    if kind in _PLAIN_JSON:
        return value
    if kind is date:
        return value.isoformat()
    if kind is list:
        return [item if type(item) in _PLAIN_JSON else json_value(item) for item in value]
    return json_value(value)


# The same encoder `event_hash` builds on every call (json.dumps with these options), made once.
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode


def chain(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give new audit rows their ids and hashes, continuing the chain from the newest event.

    The caller's transaction holds the database's write lock (SQLite BEGIN IMMEDIATE, a PostgreSQL
    advisory lock: see desktop.store.database), so no other writer can extend the chain meanwhile;
    ids are assigned here, not by a sequence, so the chain order is the id order.

    The hash is `desktop.domain.audit_chain.event_hash`, byte for byte (tests compare the two); it is
    computed inline so that a bulk import formats its one timestamp once and builds no encoder per event.
    """
    head = session.info.get("audit_head")
    if head is None:
        newest = session.execute(
            select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
        ).first()
        head = (newest.id, newest.hash) if newest else (0, GENESIS)
    last_id, last_hash = head
    sha256 = hashlib.sha256
    times: dict[datetime, str] = {}
    for row in rows:
        last_id += 1
        occurred_at = row["occurred_at"]
        time_text = times.get(occurred_at)
        if time_text is None:
            time_text = times[occurred_at] = canonical_time(occurred_at)
        payload = _CANONICAL(
            {
                "previous_hash": last_hash,
                "id": last_id,
                "occurred_at": time_text,
                "actor": row["actor"],
                "action": row["action"],
                "record_type": row["record_type"],
                "record_id": row["record_id"],
                "changes": row["changes"],
            }
        )
        row["id"] = last_id
        row["previous_hash"] = last_hash
        row["hash"] = last_hash = sha256(payload.encode("utf-8")).hexdigest()
    session.info["audit_head"] = (last_id, last_hash)
    return rows


@dataclass(frozen=True)
class ChainReport:
    events: int
    first_broken_id: int | None
    message: Message

    @property
    def is_intact(self) -> bool:
        return self.first_broken_id is None


@dataclass(frozen=True)
class AnchorReport:
    anchor: ChainHead
    is_intact: bool
    message: Message


def chain_head(session: Session) -> ChainHead:
    """The newest event's (id, hash), or the empty chain's head."""
    newest = session.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    return ChainHead(int(newest.id), str(newest.hash)) if newest is not None else EMPTY_HEAD


@dataclass(frozen=True)
class AuditFilter:
    record_type: str | None = None
    record_id: int | None = None
    actor: str | None = None
    date_from: date | None = None
    date_to: date | None = None


class AuditService:
    def __init__(self, context: ServiceContext):
        self.context = context

    def _query(self, criteria: AuditFilter) -> Any:
        query = select(AuditEvent)
        if criteria.record_type:
            query = query.where(AuditEvent.record_type == criteria.record_type)
        if criteria.record_id is not None:
            query = query.where(AuditEvent.record_id == criteria.record_id)
        if criteria.actor:
            query = query.where(AuditEvent.actor == criteria.actor)
        if criteria.date_from:
            query = query.where(AuditEvent.occurred_at >= _start_of_day(criteria.date_from))
        if criteria.date_to:
            query = query.where(AuditEvent.occurred_at < _start_of_day(criteria.date_to, 1))
        return query

    def list_events(
        self, criteria: AuditFilter | None = None, limit: int | None = 1000, offset: int = 0
    ) -> list[AuditEvent]:
        """Newest first."""
        self.context.require(Permission.READ)
        query = self._query(criteria or AuditFilter()).order_by(AuditEvent.id.desc()).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.context.read() as session:
            return list(session.scalars(query))

    def count_events(self, criteria: AuditFilter | None = None) -> int:
        query = self._query(criteria or AuditFilter()).subquery()
        with self.context.read() as session:
            return int(session.scalar(select(func.count()).select_from(query)) or 0)

    def verify_chain(self) -> ChainReport:
        """Walk the whole chain in id order; name the first event whose content or link does not match."""
        self.context.require(Permission.READ)
        previous = GENESIS
        count = 0
        with self.context.database.read() as session:
            for event_id, row in _events_in_order(session):
                count += 1
                if row is None:
                    return ChainReport(
                        count,
                        event_id,
                        Message(
                            f"監査ログ #{event_id} は読み取れません（改ざんの可能性があります）。",
                            f"Audit event #{event_id} cannot be read: it was altered.",
                        ),
                    )
                if row.previous_hash != previous:
                    return ChainReport(
                        count,
                        event_id,
                        Message(
                            f"監査ログ #{event_id} の前のイベントとのつながりが一致しません（直前のイベントが削除・変更された可能性があります）。",
                            f"Audit event #{event_id} does not link to the event before it (an earlier event was "
                            "removed or altered).",
                        ),
                    )
                try:
                    expected = event_hash(
                        previous,
                        row.id,
                        row.occurred_at,
                        row.actor,
                        row.action,
                        row.record_type,
                        row.record_id,
                        row.changes,
                    )
                except (TypeError, ValueError):
                    expected = ""
                if row.hash != expected:
                    return ChainReport(
                        count,
                        event_id,
                        Message(
                            f"監査ログ #{event_id} の内容がハッシュと一致しません（改ざんの可能性があります）。",
                            f"Audit event #{event_id} does not match its hash: it was altered.",
                        ),
                    )
                previous = row.hash
        return ChainReport(
            count,
            None,
            Message(
                f"監査ログ {count} 件のハッシュチェーンは正常です。",
                f"The hash chain of {count} audit events is intact.",
            ),
        )

    def head(self) -> ChainHead:
        """The chain's newest event (sequence number and hash); (0, the genesis hash) while it is empty."""
        self.context.require(Permission.READ)
        with self.context.database.read() as session:
            return chain_head(session)

    def verify_anchor(self, anchor: ChainHead) -> AnchorReport:
        """Whether a head printed earlier (on a register, the workbook, a backup's manifest) is still in the
        chain: the event of that sequence number still has that hash. Verify the chain itself as well."""
        self.context.require(Permission.READ)
        with self.context.database.read() as session:
            if anchor == EMPTY_HEAD:
                stored: str | None = GENESIS
            else:
                stored = session.scalar(select(AuditEvent.hash).where(AuditEvent.id == anchor.sequence))
        if stored == anchor.hash:
            return AnchorReport(
                anchor,
                True,
                Message(
                    f"監査ログ #{anchor.sequence} のハッシュは記録された値と一致します（この時点までの記録は変わっていません）。",
                    f"Audit event #{anchor.sequence} still has the recorded hash: the trail up to it is unchanged.",
                ),
            )
        if stored is None:
            return AnchorReport(
                anchor,
                False,
                Message(
                    f"監査ログ #{anchor.sequence} がありません（記録された時点より後の監査ログが失われたか、作り直されています）。",
                    f"Audit event #{anchor.sequence} does not exist: the trail was cut or rebuilt since the "
                    "anchor was recorded.",
                ),
            )
        return AnchorReport(
            anchor,
            False,
            Message(
                f"監査ログ #{anchor.sequence} のハッシュが記録された値と異なります（それ以前の監査ログが作り直されています）。",
                f"Audit event #{anchor.sequence} no longer has the recorded hash: the trail up to it was "
                "recomputed after an edit.",
            ),
        )

    def verify_records(self) -> ReplayReport:
        """Replay the trail against every record (see desktop.services.trail_replay)."""
        self.context.require(Permission.READ)
        from desktop.services.trail_replay import replay

        with self.context.database.read() as session:
            return replay(session)

    def describe_changes(self, events: Sequence[AuditEvent]) -> list[list[ChangeLine]]:
        """Each event's changes as people read them (labels, displayed values, record names): what the audit
        log page and the workbook's 監査ログ sheet show. One query per kind of record named, not per event."""
        from desktop.services.audit_display import describe_changes, load_names

        with self.context.read() as session:
            names = load_names(session, events)
        return [describe_changes(event, names) for event in events]

    def actors(self) -> list[str]:
        with self.context.read() as session:
            return list(session.scalars(select(AuditEvent.actor).distinct().order_by(AuditEvent.actor)))


_COLUMNS = (
    AuditEvent.id,
    AuditEvent.occurred_at,
    AuditEvent.actor,
    AuditEvent.action,
    AuditEvent.record_type,
    AuditEvent.record_id,
    AuditEvent.changes,
    AuditEvent.previous_hash,
    AuditEvent.hash,
)


def _events_in_order(session: Session, batch: int = 2000) -> Any:
    """(id, row) in id order; row is None for an event whose stored values cannot even be read back."""
    ids = list(session.scalars(select(AuditEvent.id).order_by(AuditEvent.id)))
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        try:
            rows = {
                row.id: row
                for row in session.execute(
                    select(*_COLUMNS).where(AuditEvent.id.between(chunk[0], chunk[-1]))
                )
            }
        except (TypeError, ValueError):
            rows = {}
            for event_id in chunk:
                try:
                    rows[event_id] = session.execute(select(*_COLUMNS).where(AuditEvent.id == event_id)).one()
                except (TypeError, ValueError):
                    session.rollback()
        for event_id in chunk:
            yield event_id, rows.get(event_id)


def _start_of_day(day: date, offset_days: int = 0) -> datetime:
    """Midnight in Tokyo of `day` (+ offset): the audit log is filtered by Japanese dates."""
    return datetime(day.year, day.month, day.day, tzinfo=TOKYO) + timedelta(days=offset_days)
