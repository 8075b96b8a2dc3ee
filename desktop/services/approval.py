"""Officer approval of evaluations and contracts, and the versions an edit of an approved one creates.

An evaluation or contract counts for the rules only once an officer has approved it. Editing an approved
record never changes it: the edit becomes a new version awaiting approval (`supersedes_id` points at the
approved one, which keeps counting and stays visible); approving the new version marks the old one
superseded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.enums import AuditAction
from desktop.domain.errors import Message, ValidationError
from desktop.domain.roles import Permission
from desktop.domain.schema import Schema
from desktop.services import records
from desktop.services.audit import record_event
from desktop.services.context import ServiceContext

APPROVAL_FIELDS = ("approver", "approved_on")


def is_approved(record: Any) -> bool:
    return record.approved_on is not None


def refuse_approval_through_edit(record: Any, changes: Mapping[str, Any]) -> None:
    """Approval is given by `approve`, by an officer: a form or file cannot set it."""
    for name in APPROVAL_FIELDS:
        if name in changes and changes[name] not in (None, "") and changes[name] != getattr(record, name, None):
            raise ValidationError({name: Message("承認は個人情報保護責任者が「承認」操作で行います",
                                                 "approval is given by an officer with the Approve action")})


def pending_successor(session: Session, model: Any, record: Any) -> Any | None:
    return session.scalar(select(model).where(model.supersedes_id == record.id, model.is_superseded.is_(False)))


def edit(session: Session, context: ServiceContext, model: Any, schema: Schema, record: Any,
         changes: Mapping[str, Any], expected_version: int | None, *,
         copy_extra: Callable[[Any], dict[str, Any]], extra: dict[str, Any],
         check: Callable[[dict[str, Any]], None] | None = None) -> Any:
    """Update a pending record in place, or start a new version of an approved one."""
    refuse_approval_through_edit(record, changes)
    record_type = schema.record_type
    if record.is_superseded:
        raise ValidationError({"record": Message(
            "置き換えられた旧版は変更できません。最新の版を編集してください。",
            "This version has been superseded: edit the current version.")})
    if not is_approved(record):
        return records.update(session, context, record, schema, changes, expected_version, extra=extra, check=check)
    records.check_version(record, record_type, expected_version)
    successor = pending_successor(session, model, record)
    if successor is not None:
        raise ValidationError({"record": Message(
            f"承認待ちの新しい版（#{successor.id}）があります。そちらを編集してください。",
            f"A new version awaiting approval exists (#{successor.id}): edit that one.")})
    data = {**records.snapshot(record, schema), **changes}
    for name in APPROVAL_FIELDS:
        if name in data:
            data[name] = None
    new_extra = {**copy_extra(record), "supersedes_id": record.id}

    def check_and_derive(clean: dict[str, Any]) -> None:
        if check:
            check(clean)  # may fill `extra` with derived values
        new_extra.update(extra)

    return records.create(session, context, model, schema, data, extra=new_extra, check=check_and_derive)


def approve(session: Session, context: ServiceContext, model: Any, schema: Schema, record: Any,
            expected_version: int | None) -> Any:
    context.require(Permission.APPROVE)
    records.check_version(record, schema.record_type, expected_version)
    if is_approved(record):
        raise ValidationError({"approved_on": Message(f"既に承認済みです（{record.approved_on:%Y-%m-%d}、{record.approver}）",
                                                      f"already approved on {record.approved_on:%Y-%m-%d} by "
                                                      f"{record.approver}")})
    before = {"approver": record.approver, "approved_on": record.approved_on}
    record.approver = context.actor
    record.approved_on = context.today()
    record.updated_by = context.actor
    record.updated_at = context.now()
    with records.translate_store_errors(schema.record_type, record):
        session.flush()
    record_event(session, context, AuditAction.UPDATE, schema.record_type, record.id, before,
                         {"approver": record.approver, "approved_on": record.approved_on})
    if record.supersedes_id is not None:
        previous = session.get(model, record.supersedes_id)
        if previous is not None and not previous.is_superseded:
            previous.is_superseded = True
            previous.updated_by = context.actor
            previous.updated_at = context.now()
            session.flush()
            record_event(session, context, AuditAction.UPDATE, schema.record_type, previous.id,
                                 {"is_superseded": False}, {"is_superseded": True})
    return record


def require_delete(context: ServiceContext, record: Any) -> None:
    """Deleting an approved record undoes an officer's approval: officers only."""
    if is_approved(record):
        context.require(Permission.APPROVE)
