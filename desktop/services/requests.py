"""Data-subject requests (本人からの請求, policy §9; APPI Art. 32–35): disclosure (of the data or of the
third-party provision records), correction, deletion, suspension of use, stop of third-party provision; the
receipt, the identity check, the decision with its ground, the reply. The due date is the company's standard,
the setting `request_reply_days` after the receipt: computed, never stored, so a change of the setting moves
every open request's due date as the rules see it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType
from desktop.domain.schema import REQUEST, clean_search_text
from desktop.services import records
from desktop.services.context import ServiceContext
from desktop.services.settings import SettingsService
from desktop.store.models import Request

# The request page's status choices, and `itaku-cli request list --status`.
REQUEST_OPEN = "open"  # no reply yet, due date ahead (or today)
REQUEST_OVERDUE = "overdue"  # no reply, due date passed
REQUEST_REPLIED = "replied"
REQUEST_STATUS: dict[str, Message] = {
    REQUEST_OPEN: Message("回答待ち", "awaiting reply"),
    REQUEST_OVERDUE: Message("回答期限超過", "reply overdue"),
    REQUEST_REPLIED: Message("回答済み", "replied"),
}


@dataclass(frozen=True)
class RequestRow:
    id: int
    request_type: str
    requester: str
    by_agent: bool
    agent_name: str | None
    received_on: date
    due_on: date
    identity_check: str
    decision: str
    refusal_ground: str | None
    replied_on: date | None
    reply_method: str | None
    fee: int | None
    notes: str | None
    status: str  # REQUEST_OPEN / REQUEST_OVERDUE / REQUEST_REPLIED as of today
    version: int


def request_status(replied_on: date | None, due_on: date, today: date) -> str:
    if replied_on is not None and replied_on <= today:
        return REQUEST_REPLIED
    return REQUEST_OVERDUE if today > due_on else REQUEST_OPEN


class RequestService:
    def __init__(self, context: ServiceContext, settings: SettingsService):
        self.context = context
        self.settings = settings

    def reply_days(self) -> int:
        return int(self.settings.get("request_reply_days"))

    def due_on(self, received_on: date) -> date:
        """The reply's due date of a request received on `received_on` (the rule request.reply_overdue's)."""
        return received_on + timedelta(days=self.reply_days())

    def list(self, text: str | None = None, as_of: date | None = None) -> list[RequestRow]:
        text = clean_search_text(text)
        today = as_of or self.context.today()
        days = timedelta(days=self.reply_days())
        query = select(Request).order_by(Request.received_on.desc(), Request.id)
        if text:
            query = query.where(
                Request.requester.contains(text, autoescape=True)
                | Request.agent_name.contains(text, autoescape=True)
            )
        with self.context.read() as session:
            rows = []
            for r in session.scalars(query):
                due = r.received_on + days
                rows.append(
                    RequestRow(
                        r.id,
                        r.request_type,
                        r.requester,
                        r.by_agent,
                        r.agent_name,
                        r.received_on,
                        due,
                        r.identity_check,
                        r.decision,
                        r.refusal_ground,
                        r.replied_on,
                        r.reply_method,
                        r.fee,
                        r.notes,
                        request_status(r.replied_on, due, today),
                        r.version,
                    )
                )
            return rows

    def get(self, request_id: int) -> Request:
        with self.context.read() as session:
            return records.load(session, Request, request_id, RecordType.REQUEST)

    def create(self, data: dict[str, Any]) -> Request:
        with self.context.write() as session:
            return records.create(session, self.context, Request, REQUEST, data)

    def update(self, request_id: int, changes: dict[str, Any], expected_version: int | None) -> Request:
        with self.context.write() as session:
            request = records.load(session, Request, request_id, RecordType.REQUEST)
            return records.update(session, self.context, request, REQUEST, changes, expected_version)

    def delete(self, request_id: int, expected_version: int | None) -> None:
        with self.context.write() as session:
            request = records.load(session, Request, request_id, RecordType.REQUEST)
            records.delete(session, self.context, request, REQUEST, expected_version)
