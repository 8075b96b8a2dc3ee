"""Officer approval of evaluations and contracts, and the versions an edit of an approved one creates.

An evaluation or contract counts for the rules only once an officer has approved it. Editing an approved
record never changes it: the edit becomes a new version awaiting approval (`supersedes_id` points at the
approved one, which keeps counting and stays visible); approving the new version marks the old one
superseded.

`approve_many` does the same for a selection (after a ledger import, thousands at once): one
transaction, all approved or none, a bounded number of queries (ids are read and written in chunks).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.domain.enums import AuditAction
from desktop.domain.errors import ConflictError, Message, ValidationError
from desktop.domain.roles import Permission
from desktop.domain.schema import Schema
from desktop.services import records
from desktop.services.audit import record_event, record_events
from desktop.services.context import ServiceContext
from desktop.services.progress import Progress
from desktop.store import roles
from desktop.store.notifications import note_change
from desktop.store.queries import bulk

APPROVAL_FIELDS = ("approver", "approved_on")
APPROVE_MANY_CHUNK = 500  # ids per SELECT: well below SQLite's and PostgreSQL's bound-parameter limits
APPROVE_MANY_LIMIT = 50_000  # ids per call: keeps one transaction (and the write lock) to seconds
APPROVE_MANY_REPORTED = 10  # refusals named one by one; the rest are counted


def is_approved(record: Any) -> bool:
    return record.approved_on is not None


def refuse_approval_through_edit(record: Any, changes: Mapping[str, Any]) -> None:
    """Approval is given by `approve`, by an officer: a form or file cannot set it."""
    for name in APPROVAL_FIELDS:
        if (
            name in changes
            and changes[name] not in (None, "")
            and changes[name] != getattr(record, name, None)
        ):
            raise ValidationError(
                {
                    name: Message(
                        "承認は個人情報保護責任者が「承認」操作で行います",
                        "approval is given by an officer with the Approve action",
                    )
                }
            )


def pending_successor(session: Session, model: Any, record: Any) -> Any | None:
    return session.scalar(
        select(model).where(model.supersedes_id == record.id, model.is_superseded.is_(False))
    )


def edit(
    session: Session,
    context: ServiceContext,
    model: Any,
    schema: Schema,
    record: Any,
    changes: Mapping[str, Any],
    expected_version: int | None,
    *,
    copy_extra: Callable[[Any], dict[str, Any]],
    extra: dict[str, Any],
    check: Callable[[dict[str, Any]], None] | None = None,
) -> Any:
    """Update a pending record in place, or start a new version of an approved one."""
    refuse_approval_through_edit(record, changes)
    record_type = schema.record_type
    if record.is_superseded:
        raise ValidationError(
            {
                "record": Message(
                    "置き換えられた旧版は変更できません。最新の版を編集してください。",
                    "This version has been superseded: edit the current version.",
                )
            }
        )
    if not is_approved(record):
        return records.update(
            session, context, record, schema, changes, expected_version, extra=extra, check=check
        )
    records.check_version(record, record_type, expected_version)
    successor = pending_successor(session, model, record)
    if successor is not None:
        raise ValidationError(
            {
                "record": Message(
                    f"承認待ちの新しい版（#{successor.id}）があります。そちらを編集してください。",
                    f"A new version awaiting approval exists (#{successor.id}): edit that one.",
                )
            }
        )
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


def approve(
    session: Session,
    context: ServiceContext,
    model: Any,
    schema: Schema,
    record: Any,
    expected_version: int | None,
) -> Any:
    context.require(Permission.APPROVE)
    records.check_version(record, schema.record_type, expected_version)
    if is_approved(record):
        raise ValidationError(
            {
                "approved_on": Message(
                    f"既に承認済みです（{record.approved_on:%Y-%m-%d}、{record.approver}）",
                    f"already approved on {record.approved_on:%Y-%m-%d} by {record.approver}",
                )
            }
        )
    if context.database.enforces_roles:
        return approve_on_server(session, model, schema, [record])[0]
    before = {"approver": record.approver, "approved_on": record.approved_on}
    record.approver = context.actor
    record.approved_on = context.today()
    record.updated_by = context.actor
    record.updated_at = context.now()
    with records.translate_store_errors(schema.record_type, record):
        session.flush()
    record_event(
        session,
        context,
        AuditAction.UPDATE,
        schema.record_type,
        record.id,
        before,
        {"approver": record.approver, "approved_on": record.approved_on},
    )
    if record.supersedes_id is not None:
        previous = session.get(model, record.supersedes_id)
        if previous is not None and not previous.is_superseded:
            previous.is_superseded = True
            previous.updated_by = context.actor
            previous.updated_at = context.now()
            session.flush()
            record_event(
                session,
                context,
                AuditAction.UPDATE,
                schema.record_type,
                previous.id,
                {"is_superseded": False},
                {"is_superseded": True},
            )
    return record


def require_delete(context: ServiceContext, record: Any) -> None:
    """Deleting an approved record undoes an officer's approval: officers only."""
    if is_approved(record):
        context.require(Permission.APPROVE)


def pending_ids(session: Session, model: Any) -> list[int]:
    """Ids of the versions awaiting approval (not approved, not superseded), oldest first."""
    return list(
        session.scalars(
            select(model.id)
            .where(model.approved_on.is_(None), model.is_superseded.is_(False))
            .order_by(model.id)
        )
    )


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for first in range(0, len(ids), APPROVE_MANY_CHUNK):
        yield ids[first : first + APPROVE_MANY_CHUNK]


def approvable(
    session: Session,
    context: ServiceContext,
    model: Any,
    schema: Schema,
    ids: Sequence[int],
    expected_versions: Mapping[int, int] | None = None,
) -> list[Any]:
    """The records `ids` name, in the order given (repeats dropped), once every one of them may be approved.

    Raises one ValidationError naming each refused record (#id) and why: unknown, superseded, already
    approved, or changed since the caller read it (`expected_versions`, id -> version).
    """
    context.require(Permission.APPROVE)
    wanted = list(dict.fromkeys(int(record_id) for record_id in ids))
    label = Message(schema.ja, schema.en)
    if len(wanted) > APPROVE_MANY_LIMIT:
        raise ValidationError(
            {
                "ids": Message(
                    f"一度に承認できるのは {APPROVE_MANY_LIMIT:,} 件までです（指定 {len(wanted):,} 件）。分けて承認してください。",
                    f"at most {APPROVE_MANY_LIMIT:,} records can be approved at once ({len(wanted):,} given): "
                    "approve them in parts",
                )
            }
        )
    found: dict[int, Any] = {}
    for chunk in _chunks(wanted):
        found.update(
            (record.id, record) for record in session.scalars(select(model).where(model.id.in_(chunk)))
        )
    refusals: dict[str, Message] = {}
    refused = 0
    for record_id in wanted:
        reason = _refusal(found.get(record_id), record_id, label, expected_versions)
        if reason is None:
            continue
        refused += 1
        if len(refusals) < APPROVE_MANY_REPORTED:
            refusals[f"{schema.record_type}#{record_id}"] = reason
    if refused:
        if refused > len(refusals):
            more = refused - len(refusals)
            refusals["more"] = Message(
                f"ほかに {more:,} 件を承認できません", f"and {more:,} more cannot be approved"
            )
        raise ValidationError(refusals)
    return [found[record_id] for record_id in wanted]


def _refusal(
    record: Any, record_id: int, label: Message, expected_versions: Mapping[int, int] | None
) -> Message | None:
    """Why `record` cannot be approved, naming it; None when it can."""
    if record is None:
        return Message(f"{label.ja} #{record_id} は存在しません", f"{label.en} #{record_id} does not exist")
    if record.is_superseded:
        return Message(
            f"{label.ja} #{record_id} は新しい版に置き換えられた旧版です",
            f"{label.en} #{record_id} has been superseded by a newer version",
        )
    if is_approved(record):
        return Message(
            f"{label.ja} #{record_id} は既に承認済みです（{record.approved_on:%Y-%m-%d}、{record.approver}）",
            f"{label.en} #{record_id} is already approved ({record.approved_on:%Y-%m-%d} by "
            f"{record.approver})",
        )
    expected = None if expected_versions is None else expected_versions.get(record_id)
    if expected is not None and expected != record.version:
        who = record.updated_by or "?"
        return Message(
            f"{label.ja} #{record_id} は表示後に {who} が変更しました（版 {expected} → {record.version}）。"
            "再読み込みして内容を確認してください",
            f"{label.en} #{record_id} was changed by {who} since it was shown (version {expected} → "
            f"{record.version}): reload and review it",
        )
    return None


def approve_many(
    session: Session,
    context: ServiceContext,
    model: Any,
    schema: Schema,
    ids: Sequence[int],
    expected_versions: Mapping[int, int] | None = None,
    progress: Progress | None = None,
) -> list[Any]:
    """`approve` for many records in the caller's transaction: the same changes and audit events, each
    approved version superseding its predecessor; if any record is refused, nothing is written.

    Queries per APPROVE_MANY_CHUNK records: one SELECT, one executemany UPDATE (the ORM flush would send
    one UPDATE per row, as the version counter is checked row by row), one INSERT of audit events.
    `progress(done, total)` may raise Cancelled to stop: the caller's transaction then rolls back.
    """
    approving = approvable(session, context, model, schema, ids, expected_versions)
    if context.database.enforces_roles:
        return approve_on_server(session, model, schema, approving, progress)
    total = len(approving)
    actor, now, today = context.actor, context.now(), context.today()
    if progress is not None:
        progress(0, total)
    for first in range(0, total, APPROVE_MANY_CHUNK):
        chunk = approving[first : first + APPROVE_MANY_CHUNK]
        _write_chunk(
            session,
            model,
            schema,
            chunk,
            {"approver": actor, "approved_on": today, "updated_by": actor, "updated_at": now},
        )
        record_events(
            session,
            context,
            AuditAction.UPDATE,
            schema.record_type,
            [
                (
                    record.id,
                    {"approver": None, "approved_on": None},
                    {"approver": actor, "approved_on": today},
                )
                for record in chunk
            ],
        )
        if progress is not None:
            progress(first + len(chunk), total)

    previous_ids = sorted(record.supersedes_id for record in approving if record.supersedes_id is not None)
    for chunk_ids in _chunks(previous_ids):
        previous = list(
            session.scalars(
                select(model)
                .where(model.id.in_(chunk_ids), model.is_superseded.is_(False))
                .order_by(model.id)
            )
        )
        if not previous:
            continue
        _write_chunk(
            session, model, schema, previous, {"is_superseded": True, "updated_by": actor, "updated_at": now}
        )
        record_events(
            session,
            context,
            AuditAction.UPDATE,
            schema.record_type,
            [(record.id, {"is_superseded": False}, {"is_superseded": True}) for record in previous],
        )
    return approving


def approve_on_server(
    session: Session,
    model: Any,
    schema: Schema,
    approving: Sequence[Any],
    progress: Progress | None = None,
) -> list[Any]:
    """PostgreSQL with its roles in force: the server approves (`itaku_approve` checks the officer, names the
    connected person and today's Tokyo date, supersedes predecessors; its triggers write the audit events).
    Returns the records as the server left them."""
    total = len(approving)
    if progress is not None:
        progress(0, total)
    for first in range(0, total, APPROVE_MANY_CHUNK):
        chunk = approving[first : first + APPROVE_MANY_CHUNK]
        try:
            roles.approve(session, schema.record_type, [r.id for r in chunk], [r.version for r in chunk])
        except DBAPIError as error:
            if roles.is_conflict(error):
                raise ConflictError(schema.record_type, chunk[0].id, chunk[0].version, -1) from None
            raise
        note_change(session, schema.record_type, (record.id for record in chunk))
        if progress is not None:
            progress(first + len(chunk), total)
    ids = [record.id for record in approving]
    reloaded: dict[int, Any] = {}
    for chunk_ids in _chunks(ids):
        reloaded.update(
            (record.id, record)
            for record in session.scalars(
                select(model).where(model.id.in_(chunk_ids)).execution_options(populate_existing=True)
            )
        )
    return [reloaded[record_id] for record_id in ids]


def _write_chunk(
    session: Session, model: Any, schema: Schema, chunk: Sequence[Any], values: dict[str, Any]
) -> None:
    """Set `values` on every record of `chunk` with one executemany UPDATE, each version checked and bumped
    (a row changed meanwhile is a conflict)."""
    with records.translate_store_errors(schema.record_type, model=model):
        written = bulk.update_versioned(session, chunk, values)
    if not written:
        stale = chunk[0]
        raise ConflictError(schema.record_type, stale.id, stale.version, -1)


RecordT = TypeVar("RecordT")


class Approvals(Generic[RecordT]):
    """The approval use cases of one approvable kind: its service (evaluations, contracts) derives from this
    and names its `model` and `schema`, and so approves, approves many and lists the pending the same way."""

    model: ClassVar[Any]
    schema: ClassVar[Schema]
    context: ServiceContext

    def approve(self, record_id: int, expected_version: int | None) -> RecordT:
        """An officer approves: from now on the record counts for the rules."""
        with self.context.write(Permission.APPROVE) as session:
            record = records.load(session, self.model, record_id, self.schema.record_type)
            approved: RecordT = approve(
                session, self.context, self.model, self.schema, record, expected_version
            )
            return approved

    def approve_many(
        self,
        ids: Sequence[int],
        expected_versions: Mapping[int, int] | None = None,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> builtins.list[RecordT]:
        """An officer approves many records at once (all or none); `dry_run` only checks and returns them.

        A refusal names every record that cannot be approved (#id) and why; see `approve_many` above.
        """
        if dry_run:
            self.context.require(Permission.APPROVE)
            with self.context.read() as session:
                return approvable(session, self.context, self.model, self.schema, ids, expected_versions)
        with self.context.write(Permission.APPROVE) as session:
            return approve_many(
                session, self.context, self.model, self.schema, ids, expected_versions, progress
            )

    def pending_ids(self) -> builtins.list[int]:
        """Ids of the records awaiting an officer's approval, oldest first."""
        with self.context.read() as session:
            return pending_ids(session, self.model)
