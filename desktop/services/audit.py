"""The audit trail: one append-only event per create, update and delete made through a service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.enums import AuditAction
from desktop.services.context import ServiceContext
from desktop.store.models import AuditEvent


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


def record_event(session: Session, context: ServiceContext, action: AuditAction, record_type: str,
                 record_id: int, before: dict[str, Any] | None, after: dict[str, Any] | None) -> AuditEvent:
    """Append one event; `changes` maps each changed field to [before, after]."""
    before = before or {}
    after = after or {}
    changes: dict[str, Any] = {}
    for name in sorted(set(before) | set(after)):
        old, new = json_value(before.get(name)), json_value(after.get(name))
        if old != new:
            changes[name] = [old, new]
    event = AuditEvent(occurred_at=context.now(), actor=context.actor, action=action.value,
                       record_type=record_type, record_id=record_id, changes=changes)
    session.add(event)
    return event


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

    def list_events(self, criteria: AuditFilter | None = None, limit: int | None = 1000,
                    offset: int = 0) -> list[AuditEvent]:
        """Newest first."""
        query = self._query(criteria or AuditFilter()).order_by(AuditEvent.id.desc()).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.context.database.read() as session:
            return list(session.scalars(query))

    def count_events(self, criteria: AuditFilter | None = None) -> int:
        query = self._query(criteria or AuditFilter()).subquery()
        with self.context.database.read() as session:
            return int(session.scalar(select(func.count()).select_from(query)) or 0)

    def actors(self) -> list[str]:
        with self.context.database.read() as session:
            return list(session.scalars(select(AuditEvent.actor).distinct().order_by(AuditEvent.actor)))


def _start_of_day(day: date, offset_days: int = 0) -> datetime:
    """Midnight in Tokyo of `day` (+ offset), as UTC: the audit log is filtered by Japanese dates."""
    from datetime import timedelta

    from desktop.services.context import TOKYO

    local = datetime(day.year, day.month, day.day, tzinfo=TOKYO) + timedelta(days=offset_days)
    return local
