"""The create / update / delete steps every record service shares: validate, version-check, audit."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.enums import AuditAction
from desktop.domain.errors import ConflictError, DependencyError, Message, NotFoundError, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.roles import Permission
from desktop.domain.schema import Schema, validate
from desktop.services.audit import record_event, record_events
from desktop.services.context import ServiceContext
from desktop.store.models import Base, CorrectiveAction
from desktop.store.queries import bulk
from desktop.store.queries.constraints import ConstraintViolated, StaleWrite, refusals

RecordT = TypeVar("RecordT", bound=Base)
BULK_CHUNK = 500


def snapshot(record: Base, schema: Schema) -> dict[str, Any]:
    return {name: getattr(record, name) for name in schema.names}


def load(session: Session, model: type[RecordT], record_id: int, record_type: str) -> RecordT:
    record = session.get(model, record_id)
    if record is None:
        raise NotFoundError(record_type, record_id)
    return record


def check_version(record: Any, record_type: str, expected_version: int | None) -> None:
    if expected_version is not None and record.version != expected_version:
        raise ConflictError(record_type, record.id, expected_version, record.version, record.updated_by)


# The message for a unique constraint the database enforced, by the columns of the constraint it named (the
# services check uniqueness first, with a query in the write transaction; this is for a writer that did not).
UNIQUE_MESSAGES: dict[tuple[str, ...], tuple[str, Message]] = {
    ("corporate_number",): (
        "corporate_number",
        Message("この法人番号は既に登録されています", "this corporate number is already registered"),
    ),
}


@contextmanager
def translate_store_errors(
    record_type: str, record: Any = None, model: type[Base] | None = None
) -> Iterator[None]:
    """Turn a lost optimistic-lock race or a constraint violation into our own errors. `model` (else the
    record's class) is the table being written, which names a unique violation on SQLite."""
    written = model if model is not None else (type(record) if isinstance(record, Base) else None)
    try:
        with refusals(written):
            yield
    except StaleWrite:
        raise ConflictError(
            record_type, getattr(record, "id", 0) or 0, getattr(record, "version", 0) or 0, -1
        ) from None
    except ConstraintViolated as violation:
        unique = UNIQUE_MESSAGES.get(violation.columns)
        if unique is not None:
            field, message = unique
            raise ValidationError({field: message}) from None
        raise ValidationError(
            {
                "record": Message(
                    f"関連する記録と矛盾するため保存できません: {violation.detail}",
                    f"cannot be saved: it conflicts with related records: {violation.detail}",
                )
            }
        ) from None


def create(
    session: Session,
    context: ServiceContext,
    model: type[RecordT],
    schema: Schema,
    data: Mapping[str, Any],
    *,
    extra: Mapping[str, Any] | None = None,
    check: Callable[[dict[str, Any]], None] | None = None,
) -> RecordT:
    context.require(Permission.WRITE)
    clean = validate(schema, data)
    if check:
        check(clean)
    record = model(
        **clean, **(extra or {}), updated_by=context.actor, created_at=context.now(), updated_at=context.now()
    )
    with translate_store_errors(schema.record_type, model=model):
        session.add(record)
        session.flush()
    record_event(
        session,
        context,
        AuditAction.CREATE,
        schema.record_type,
        record.id,  # type: ignore[attr-defined]
        None,
        {**clean, **(extra or {})},
    )
    return record


def create_many(
    session: Session,
    context: ServiceContext,
    model: type[RecordT],
    schema: Schema,
    items: Sequence[tuple[Mapping[str, Any], Mapping[str, Any] | None]],
    *,
    check: Callable[[dict[str, Any]], None] | None = None,
    on_error: Callable[[int, ValidationError], None] | None = None,
    validated: bool = False,
) -> list[int | None]:
    """`create` for many records of one type (a bulk import): the same validation and audit events,
    written with bulk INSERTs of the table (ids allocated up front) instead of one flush per record.
    Returns the new ids, in the order of `items`.

    `items` are (data, extra) pairs. With `on_error`, an invalid item is reported by its index and
    skipped (its id is None); without it, the first invalid item raises. With `validated`, each data
    is already the clean record `validate(schema, …)` returned (the caller validated it before, e.g.
    the ledger preview) and is not cleaned again; `check` still runs on every item.

    Items are written BULK_CHUNK at a time, records and audit events alike, so the rows being
    built never pile up in memory (nor in the garbage collector's way) however long the import.
    """
    context.require(Permission.WRITE)
    now = context.now()
    actor = context.actor
    ids: list[int | None] = [None] * len(items)
    for first in range(0, len(items), BULK_CHUNK):
        indexes: list[int] = []
        values: list[dict[str, Any]] = []
        after: list[dict[str, Any]] = []
        for index in range(first, min(first + BULK_CHUNK, len(items))):
            data, extra = items[index]
            try:
                clean = dict(data) if validated else validate(schema, data)
                if check:
                    check(clean)
            except ValidationError as error:
                if on_error is None:
                    raise
                on_error(index, error)
                continue
            if extra:
                clean.update(extra)
            indexes.append(index)
            after.append(clean)
            values.append({**clean, "version": 1, "updated_by": actor, "created_at": now, "updated_at": now})
        if not values:
            continue
        with translate_store_errors(schema.record_type, model=model):
            new_ids = bulk.insert_rows(session, model, values)
        for index, record_id in zip(indexes, new_ids, strict=True):
            ids[index] = record_id
        record_events(
            session,
            context,
            AuditAction.CREATE,
            schema.record_type,
            [(record_id, None, clean) for record_id, clean in zip(new_ids, after, strict=True)],
        )
    return ids


def update(
    session: Session,
    context: ServiceContext,
    record: RecordT,
    schema: Schema,
    changes: Mapping[str, Any],
    expected_version: int | None,
    *,
    extra: Mapping[str, Any] | None = None,
    check: Callable[[dict[str, Any]], None] | None = None,
) -> RecordT:
    context.require(Permission.WRITE)
    check_version(record, schema.record_type, expected_version)
    unknown = [name for name in changes if name not in schema.names]
    if unknown:
        validate(schema, {name: changes[name] for name in unknown}, partial=True)
    before = snapshot(record, schema)
    clean = validate(schema, {**before, **changes})
    if check:
        check(clean)  # may fill `extra` with derived values
    after_extra = dict(extra or {})
    before_extra = {name: getattr(record, name) for name in after_extra}
    if all(before[name] == clean[name] for name in clean) and all(
        before_extra[name] == after_extra[name] for name in after_extra
    ):
        return record
    for name, value in {**clean, **after_extra}.items():
        setattr(record, name, value)
    record.updated_by = context.actor  # type: ignore[attr-defined]
    record.updated_at = context.now()  # type: ignore[attr-defined]
    with translate_store_errors(schema.record_type, record):
        session.flush()
    record_event(
        session,
        context,
        AuditAction.UPDATE,
        schema.record_type,
        record.id,  # type: ignore[attr-defined]
        {**before, **before_extra},
        {**clean, **after_extra},
    )
    return record


def delete(
    session: Session, context: ServiceContext, record: Any, schema: Schema, expected_version: int | None
) -> None:
    context.require(Permission.WRITE)
    check_version(record, schema.record_type, expected_version)
    before = snapshot(record, schema)
    record_id = record.id
    _refuse_if_corrected(session, schema, record_id)
    with translate_store_errors(schema.record_type, record):
        session.delete(record)
        session.flush()
    record_event(session, context, AuditAction.DELETE, schema.record_type, record_id, before, None)


def _refuse_if_corrected(session: Session, schema: Schema, record_id: int) -> None:
    """A record a corrective action (是正処置) was recorded on is never deleted: the action and the finding it
    closed stay part of the audit record (its end is recorded instead: an end date, a status)."""
    if schema.record_type is RecordType.CORRECTIVE_ACTION:
        return
    count = session.scalar(
        select(func.count()).where(
            CorrectiveAction.record_type == schema.record_type.value, CorrectiveAction.record_id == record_id
        )
    )
    if count:
        raise DependencyError(
            Message(
                f"この{schema.ja}には是正処置 {count} 件が記録されているため削除できません。"
                "終了日を記録してください。",
                f"This {schema.en.lower()} has {count} corrective action(s), so it cannot be deleted: "
                "record its end instead.",
            )
        )
