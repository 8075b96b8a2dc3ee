"""Opt-out provision (オプトアウトによる第三者提供, policy §5(3); APPI Art. 27(2)–(4)): the arrangements with
their items ①–⑤, the dates they were notified to the PPC and made known, each change notified again, and the
persons' stop requests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop.domain import opt_out_items
from desktop.domain.errors import DependencyError, Message, NotFoundError, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.schema import OPT_OUT, OPT_OUT_CHANGE, STOP_REQUEST, clean_search_text
from desktop.domain.values import japanese_date
from desktop.services import records
from desktop.services.context import ServiceContext
from desktop.store.models import OptOut, OptOutChange, Provision, StopRequest


@dataclass(frozen=True)
class OptOutRow:
    id: int
    title: str
    start_date: date
    end_date: date | None
    ppc_notified_on: date | None
    made_known_on: date | None
    includes_special_care: bool
    change_count: int
    stop_request_count: int
    version: int


@dataclass(frozen=True)
class StopRequestRow:
    id: int
    opt_out_id: int
    opt_out_title: str
    person: str
    person_reference: str | None
    received_on: date
    identity_check: str
    effective_on: date
    notes: str | None
    version: int


def notice_text(opt_out: OptOut) -> str:
    """What the persons are told and the PPC notified, in the policy's order ①–⑤ (オプトアウト届出事項)."""

    def line(value: str | None) -> str:
        return value.strip() if value and value.strip() else "（未記入）"

    parts = [opt_out.title, ""]
    for name, item in opt_out_items.ITEM_FIELDS:
        value = getattr(opt_out, name)
        parts.append(item.label.ja)
        if isinstance(value, list):
            parts.append("、".join(value) if value else "（未記入）")
        else:
            parts.append(line(value))
    start = japanese_date(opt_out.start_date) if opt_out.start_date else "（未記入）"
    parts += ["", f"提供開始日: {start}"]
    return "\n".join(parts)


def load_with_changes(session: Session, opt_out_id: int) -> OptOut:
    """The arrangement with its changes loaded; NotFoundError if there is none."""
    opt_out = session.scalar(
        select(OptOut).where(OptOut.id == opt_out_id).options(selectinload(OptOut.changes))
    )
    if opt_out is None:
        raise NotFoundError(RecordType.OPT_OUT, opt_out_id)
    return opt_out


def _check_opt_out(session: Session, clean: dict[str, Any]) -> None:
    if session.get(OptOut, clean["opt_out_id"]) is None:
        raise ValidationError(
            {
                "opt_out_id": Message(
                    f"オプトアウトによる第三者提供 #{clean['opt_out_id']} は存在しません",
                    f"there is no opt-out provision #{clean['opt_out_id']}",
                )
            }
        )


class OptOutService:
    def __init__(self, context: ServiceContext):
        self.context = context

    def list(self, text: str | None = None) -> list[OptOutRow]:
        text = clean_search_text(text)
        query = (
            select(OptOut).options(selectinload(OptOut.changes)).order_by(OptOut.start_date.desc(), OptOut.id)
        )
        if text:
            query = query.where(OptOut.title.contains(text, autoescape=True))
        with self.context.read() as session:
            stops = dict(
                session.execute(
                    select(StopRequest.opt_out_id, func.count()).group_by(StopRequest.opt_out_id)
                ).all()
            )
            return [
                OptOutRow(
                    o.id,
                    o.title,
                    o.start_date,
                    o.end_date,
                    o.ppc_notified_on,
                    o.made_known_on,
                    o.includes_special_care,
                    len(o.changes),
                    int(stops.get(o.id, 0)),
                    o.version,
                )
                for o in session.scalars(query)
            ]

    def get(self, opt_out_id: int) -> OptOut:
        with self.context.read() as session:
            return load_with_changes(session, opt_out_id)

    def notice(self, opt_out_id: int) -> str:
        return notice_text(self.get(opt_out_id))

    def create(self, data: dict[str, Any]) -> OptOut:
        with self.context.write() as session:
            return records.create(session, self.context, OptOut, OPT_OUT, data)

    def update(self, opt_out_id: int, changes: dict[str, Any], expected_version: int | None) -> OptOut:
        with self.context.write() as session:
            opt_out = records.load(session, OptOut, opt_out_id, RecordType.OPT_OUT)
            return records.update(session, self.context, opt_out, OPT_OUT, changes, expected_version)

    def delete(self, opt_out_id: int, expected_version: int | None) -> None:
        """Delete an arrangement with its changes; refused while stop requests under it are recorded (they
        are the proof that a person's request was honoured)."""
        with self.context.write() as session:
            opt_out = records.load(session, OptOut, opt_out_id, RecordType.OPT_OUT)
            stops = session.scalar(select(func.count()).where(StopRequest.opt_out_id == opt_out_id)) or 0
            provisions = session.scalar(select(func.count()).where(Provision.opt_out_id == opt_out_id)) or 0
            if provisions:  # 第三者提供記録 under it are kept until their retention ends (APPI Art. 29(2))
                raise DependencyError(
                    Message(
                        f"「{opt_out.title}」による第三者提供記録が {provisions} 件あるため削除できません。"
                        "提供をやめた場合は提供終了日を入力してください。",
                        f"'{opt_out.title}' has {provisions} third-party provision record(s) under it, so it "
                        "cannot be deleted. Enter the end of the provision instead.",
                    )
                )
            if stops:
                raise DependencyError(
                    Message(
                        f"「{opt_out.title}」には提供停止の求めが {stops} 件記録されているため削除できません。"
                        "提供をやめた場合は提供終了日を入力してください。",
                        f"'{opt_out.title}' has {stops} stop request(s), so it cannot be deleted. "
                        "Enter the end of the provision instead.",
                    )
                )
            for change in list(opt_out.changes):
                records.delete(session, self.context, change, OPT_OUT_CHANGE, None)
            records.delete(session, self.context, opt_out, OPT_OUT, expected_version)

    def change(self, change_id: int) -> OptOutChange:
        with self.context.read() as session:
            return records.load(session, OptOutChange, change_id, RecordType.OPT_OUT_CHANGE)

    def add_change(self, data: dict[str, Any]) -> OptOutChange:
        with self.context.write() as session:
            return records.create(
                session,
                self.context,
                OptOutChange,
                OPT_OUT_CHANGE,
                data,
                check=lambda clean: _check_opt_out(session, clean),
            )

    def update_change(
        self, change_id: int, changes: dict[str, Any], expected_version: int | None
    ) -> OptOutChange:
        with self.context.write() as session:
            change = records.load(session, OptOutChange, change_id, RecordType.OPT_OUT_CHANGE)
            return records.update(
                session,
                self.context,
                change,
                OPT_OUT_CHANGE,
                changes,
                expected_version,
                check=lambda clean: _check_opt_out(session, clean),
            )

    def delete_change(self, change_id: int, expected_version: int | None) -> None:
        with self.context.write() as session:
            change = records.load(session, OptOutChange, change_id, RecordType.OPT_OUT_CHANGE)
            records.delete(session, self.context, change, OPT_OUT_CHANGE, expected_version)


class StopRequestService:
    """The persons' requests to stop the provision under an opt-out arrangement (APPI Art. 27(2))."""

    def __init__(self, context: ServiceContext):
        self.context = context

    def list(self, text: str | None = None, opt_out_id: int | None = None) -> list[StopRequestRow]:
        text = clean_search_text(text)
        query = (
            select(StopRequest, OptOut.title)
            .join(OptOut, OptOut.id == StopRequest.opt_out_id)
            .order_by(StopRequest.received_on.desc(), StopRequest.id)
        )
        if opt_out_id is not None:
            query = query.where(StopRequest.opt_out_id == opt_out_id)
        if text:
            query = query.where(
                StopRequest.person.contains(text, autoescape=True)
                | StopRequest.person_reference.contains(text, autoescape=True)
                | OptOut.title.contains(text, autoescape=True)
            )
        with self.context.read() as session:
            return [
                StopRequestRow(
                    s.id,
                    s.opt_out_id,
                    title,
                    s.person,
                    s.person_reference,
                    s.received_on,
                    s.identity_check,
                    s.effective_on,
                    s.notes,
                    s.version,
                )
                for s, title in session.execute(query)
            ]

    def get(self, stop_request_id: int) -> StopRequest:
        with self.context.read() as session:
            return records.load(session, StopRequest, stop_request_id, RecordType.STOP_REQUEST)

    def create(self, data: dict[str, Any]) -> StopRequest:
        with self.context.write() as session:
            return records.create(
                session,
                self.context,
                StopRequest,
                STOP_REQUEST,
                data,
                check=lambda clean: _check_opt_out(session, clean),
            )

    def update(
        self, stop_request_id: int, changes: dict[str, Any], expected_version: int | None
    ) -> StopRequest:
        with self.context.write() as session:
            stop = records.load(session, StopRequest, stop_request_id, RecordType.STOP_REQUEST)
            return records.update(
                session,
                self.context,
                stop,
                STOP_REQUEST,
                changes,
                expected_version,
                check=lambda clean: _check_opt_out(session, clean),
            )

    def delete(self, stop_request_id: int, expected_version: int | None) -> None:
        with self.context.write() as session:
            stop = records.load(session, StopRequest, stop_request_id, RecordType.STOP_REQUEST)
            records.delete(session, self.context, stop, STOP_REQUEST, expected_version)
