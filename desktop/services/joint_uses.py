"""Joint uses (共同利用, policy §5(7); APPI Art. 27(5)(iii)) with their change history and public notice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.domain.errors import Message, NotFoundError, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.schema import JOINT_USE, JOINT_USE_CHANGE, clean_search_text
from desktop.domain.values import japanese_date
from desktop.services import records
from desktop.services.context import ServiceContext
from desktop.store.models import JointUse, JointUseChange


@dataclass(frozen=True)
class JointUseRow:
    id: int
    title: str
    responsible_name: str | None
    start_date: date
    end_date: date | None
    notice_published_on: date | None
    change_count: int
    version: int


def notice_text(joint_use: JointUse) -> str:
    """The public notice in the policy's order ①–⑥ (共同利用に関する公表文)."""

    def line(value: str | None) -> str:
        return value.strip() if value and value.strip() else "（未記入）"

    responsible = line(joint_use.responsible_name)
    if joint_use.responsible_address:
        responsible += f"\n　住所: {joint_use.responsible_address}"
    if joint_use.responsible_is_corporation:
        responsible += f"\n　代表者: {line(joint_use.responsible_representative)}"
    # 2025年11月6日, as Japanese documents write dates; the form's preview may not have a date yet.
    start = japanese_date(joint_use.start_date) if isinstance(joint_use.start_date, date) else "（未記入）"
    users = "、".join(joint_use.joint_users or [])
    scope = line(joint_use.scope) + (f"\n　（{users}）" if users else "")
    parts = [
        f"{joint_use.title}",
        "",
        "① 共同利用する旨",
        line(joint_use.joint_use_statement),
        "② 共同して利用される個人データの項目",
        "、".join(joint_use.pi_items) if joint_use.pi_items else "（未記入）",
        "③ 共同して利用する者の範囲",
        scope,
        "④ 共同して利用する者の利用目的",
        line(joint_use.purposes),
        "⑤ 共同して利用する個人データの管理について責任を有する者の氏名又は名称、住所並びに法人にあっては代表者の氏名",
        responsible,
        "⑥ 取得方法",
        line(joint_use.acquisition_method),
        "",
        f"共同利用の開始日: {start}",
    ]
    return "\n".join(parts)


def load_with_changes(session: Session, joint_use_id: int) -> JointUse:
    """The joint use with its change history loaded; NotFoundError if there is none."""
    joint_use = session.scalar(
        select(JointUse).where(JointUse.id == joint_use_id).options(selectinload(JointUse.changes))
    )
    if joint_use is None:
        raise NotFoundError(RecordType.JOINT_USE, joint_use_id)
    return joint_use


class JointUseService:
    def __init__(self, context: ServiceContext):
        self.context = context

    def list(self, text: str | None = None) -> list[JointUseRow]:
        text = clean_search_text(text)
        query = (
            select(JointUse)
            .options(selectinload(JointUse.changes))
            .order_by(JointUse.start_date.desc(), JointUse.id)
        )
        if text:
            needle = text.strip()
            query = query.where(
                JointUse.title.contains(needle, autoescape=True)
                | JointUse.responsible_name.contains(needle, autoescape=True)
            )
        with self.context.read() as session:
            return [
                JointUseRow(
                    j.id,
                    j.title,
                    j.responsible_name,
                    j.start_date,
                    j.end_date,
                    j.notice_published_on,
                    len(j.changes),
                    j.version,
                )
                for j in session.scalars(query)
            ]

    def get(self, joint_use_id: int) -> JointUse:
        with self.context.read() as session:
            return load_with_changes(session, joint_use_id)

    def notice(self, joint_use_id: int) -> str:
        return notice_text(self.get(joint_use_id))

    def create(self, data: dict[str, Any]) -> JointUse:
        with self.context.write() as session:
            return records.create(session, self.context, JointUse, JOINT_USE, data)

    def update(self, joint_use_id: int, changes: dict[str, Any], expected_version: int | None) -> JointUse:
        with self.context.write() as session:
            joint_use = records.load(session, JointUse, joint_use_id, RecordType.JOINT_USE)
            return records.update(session, self.context, joint_use, JOINT_USE, changes, expected_version)

    def delete(self, joint_use_id: int, expected_version: int | None) -> None:
        with self.context.write() as session:
            joint_use = records.load(session, JointUse, joint_use_id, RecordType.JOINT_USE)
            for change in list(joint_use.changes):
                records.delete(session, self.context, change, JOINT_USE_CHANGE, None)
            records.delete(session, self.context, joint_use, JOINT_USE, expected_version)

    def change(self, change_id: int) -> JointUseChange:
        with self.context.read() as session:
            return records.load(session, JointUseChange, change_id, RecordType.JOINT_USE_CHANGE)

    def add_change(self, data: dict[str, Any]) -> JointUseChange:
        with self.context.write() as session:
            return records.create(
                session,
                self.context,
                JointUseChange,
                JOINT_USE_CHANGE,
                data,
                check=lambda clean: self._check_parent(session, clean),
            )

    def update_change(
        self, change_id: int, changes: dict[str, Any], expected_version: int | None
    ) -> JointUseChange:
        with self.context.write() as session:
            change = records.load(session, JointUseChange, change_id, RecordType.JOINT_USE_CHANGE)
            return records.update(
                session,
                self.context,
                change,
                JOINT_USE_CHANGE,
                changes,
                expected_version,
                check=lambda clean: self._check_parent(session, clean),
            )

    def delete_change(self, change_id: int, expected_version: int | None) -> None:
        with self.context.write() as session:
            change = records.load(session, JointUseChange, change_id, RecordType.JOINT_USE_CHANGE)
            records.delete(session, self.context, change, JOINT_USE_CHANGE, expected_version)

    @staticmethod
    def _check_parent(session: Any, clean: dict[str, Any]) -> None:
        if session.get(JointUse, clean["joint_use_id"]) is None:
            raise ValidationError({"joint_use_id": Message("共同利用が存在しません", "no such joint use")})
