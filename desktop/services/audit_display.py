"""The audit trail as people read it: each changed field by its label, each value as the window shows it.

An audit event stores what changed as raw keys and JSON values (`joint_use_id: null → 1`,
`status: "candidate" → "active"`); the audit log page and the workbook's 監査ログ sheet both show it
through `describe_changes` — field labels, enum labels, yes/no, dates, the names of the records an `*_id`
points to — so the window and the printed workbook say the same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.clauses import CLAUSE_BY_CODE
from desktop.domain.consent_chain import INTERMEDIATE_PREFIX, authorities_of, redelegation_of
from desktop.domain.enums import AuditAction, ChainPartyRole, EvaluationResult
from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType
from desktop.domain.roles import Role
from desktop.domain.rules import RULES
from desktop.domain.schema import (
    AUTHORITY_LIST,
    BOOLEAN,
    DATE,
    INTEGER,
    TEXT_LIST,
    Field,
    record_type_label,
    schema_of,
)
from desktop.services.trail_replay import PASSWORD_FINGERPRINT
from desktop.store.models import Account, Contractor, Engagement, JointUse, OptOut, Redelegation

EMPTY = "—"
ELLIPSIS = "…"
YES = Message("はい", "Yes")
NO = Message("いいえ", "No")
HIDDEN_SET = Message("（設定）", "(set)")
HIDDEN_CHANGED = Message("（変更）", "(changed)")

# Fields the trail records that no schema declares (accounts, approval, the evaluation's computed result).
EXTRA_FIELDS: dict[str, Field] = {
    field.name: field
    for field in (
        Field("username", "ユーザー名", "User name"),
        Field("display_name", "表示名", "Display name"),
        Field("role", "権限", "Role", enum=Role),  # type: ignore[arg-type]  # Role has labels, not LabelledEnum
        Field("is_active", "有効", "Active", BOOLEAN),
        Field(PASSWORD_FINGERPRINT, "パスワード", "Password"),
        Field("approver", "承認者", "Approver"),
        Field("approved_on", "承認日", "Approval date", DATE),
        Field("is_superseded", "新しい版に置き換え済み", "Superseded", BOOLEAN),
        Field("supersedes_id", "置き換える前の版", "Replaces version", INTEGER),
        Field("total_score", "得点", "Score", INTEGER),
        Field("max_score", "満点", "Maximum", INTEGER),
        Field("result", "評価結果", "Result", enum=EvaluationResult),
        Field("certificate_number", "根拠とした認証の番号", "Certificate relied on"),
        Field("certificate_expiry", "認証の有効期限", "Certificate expiry", DATE),
        Field("items", "評価項目", "Checklist items"),
        Field("attachment_name", "添付ファイル", "Attached file"),
        Field("attachment_sha256", "添付ファイルの SHA-256", "Attachment SHA-256"),
        Field("attachment_path", "添付ファイルの保存先", "Attachment stored as"),
        Field("attachment_size", "添付ファイルのサイズ（バイト）", "Attachment size (bytes)", INTEGER),
        Field("imported_on", "委託先管理台帳から取り込んだ日", "Imported from the ledger on", DATE),
        # An engagement's one authority before migration 0012 (now an entry of `consent_authorities`).
        Field("consent_authority", "同意の権限を与えられた者", "Authorised to consent"),
        Field("consent_authority_on", "同意の権限の付与日", "Authorised on", DATE),
        Field("consent_authority_document", "同意の権限を定めた書面", "Written authorisation"),
    )
}
# A record on any kind of record (a corrective action) names the kind and the id: shown as the kind's label
# and the record's name.
TARGET_TYPE, TARGET_ID = "record_type", "record_id"
# An `*_id` field names a record of this kind: shown by that record's name.
REFERENCES: dict[str, RecordType] = {
    "contractor_id": RecordType.CONTRACTOR,
    "engagement_id": RecordType.ENGAGEMENT,
    "redelegation_id": RecordType.REDELEGATION,
    "joint_use_id": RecordType.JOINT_USE,
    "opt_out_id": RecordType.OPT_OUT,
}
PARTY_FIELDS = frozenset(
    {"given_by", "link_from", "link_to", "consent_authority"}
)  # a chain party, by its key
ACCOUNT_FIELDS = frozenset({"approver"})  # a user name, shown by the name people see
RULE_TITLES = {info.rule.value: Message(info.ja, info.en) for info in RULES}


@dataclass(frozen=True)
class ChangeLine:
    """One changed field: its label and the values before and after, as displayed (None: not shown)."""

    label: Message
    before: Message | None
    after: Message | None
    shows_before: bool  # an update says "before → after"; a creation only the value, a deletion the old one

    def text(self, language: str = "ja", limit: int | None = None) -> str:
        """ "状態: 候補 → 委託中"; each value cut to `limit` characters when given."""

        def shown(value: Message | None) -> str:
            words = value.text(language) if value is not None else EMPTY
            words = " ".join(words.split("\n")) if "\n" in words else words
            if limit is not None and len(words) > limit:
                return words[: limit - 1] + ELLIPSIS
            return words

        label = self.label.text(language)
        if self.shows_before:
            return f"{label}: {shown(self.before)} → {shown(self.after)}"
        return f"{label}: {shown(self.after if self.after is not None else self.before)}"


@dataclass(frozen=True)
class RecordNames:
    """The names the `*_id` values and the user names point to, loaded once for a batch of events."""

    records: Mapping[tuple[RecordType, int], str]
    accounts: Mapping[str, str]

    def record(self, record_type: RecordType, record_id: int) -> Message:
        name = self.records.get((record_type, record_id))
        if name is None:  # deleted since, or never there
            return Message(f"#{record_id}", f"#{record_id}")
        return Message(f"{name}（#{record_id}）", f"{name} (#{record_id})")


def field_of(record_type: str, name: str) -> Field:
    """The field an event names: the schema's, else one the trail records beside it, else the raw name."""
    schema = schema_of(record_type)
    if schema is not None and name in schema.names:
        return schema.field(name)
    return EXTRA_FIELDS.get(name) or Field(name, name, name)


def display_value(record_type: str, field: Field, value: Any, names: RecordNames) -> Message | None:
    """A stored (JSON) value as the window shows it; None for no value."""
    if value is None or value == "" or value == []:
        return None
    if field.name in REFERENCES and isinstance(value, int):
        return names.record(REFERENCES[field.name], value)
    if field.name == TARGET_TYPE and isinstance(value, str) and value in RecordType.__members__.values():
        return record_type_label(value)
    if field.name == "supersedes_id" and isinstance(value, int):
        return Message(f"#{value}", f"#{value}")
    if field.name in ACCOUNT_FIELDS and isinstance(value, str):
        shown = names.accounts.get(value, value)
        return Message(shown, shown)
    if field.name in PARTY_FIELDS and isinstance(value, str):
        return party(value, names)
    if field.kind == BOOLEAN or isinstance(value, bool):
        return YES if value else NO
    if field.enum is not None and isinstance(value, str):
        try:
            return field.enum(value).label
        except ValueError:
            return Message(value, value)
    if record_type == RecordType.CORRECTIVE_ACTION and field.name == "rule" and isinstance(value, str):
        return RULE_TITLES.get(value, Message(value, value))
    if record_type == RecordType.CONTRACT and field.name == "clauses" and isinstance(value, list):
        labels = [
            CLAUSE_BY_CODE[code].label if code in CLAUSE_BY_CODE else Message(code, code) for code in value
        ]
        return Message("、".join(m.ja for m in labels), ", ".join(m.en for m in labels))
    if field.kind == AUTHORITY_LIST and isinstance(value, list):  # each party by its name and role
        entries = [
            Message(
                f"{party(a.party or '?', names).ja} {a.granted_on or '?'}付「{a.document or ''}」",
                f"{party(a.party or '?', names).en}, {a.granted_on or '?'}, '{a.document or ''}'",
            )
            for a in authorities_of(value)
        ]
        return Message("、".join(m.ja for m in entries), "; ".join(m.en for m in entries))
    if isinstance(value, dict) or isinstance(value, list) and any(isinstance(item, dict) for item in value):
        return Message(f"{len(value)}項目", f"{len(value)} items")
    if isinstance(value, list) or field.kind == TEXT_LIST:
        items = [str(item) for item in (value if isinstance(value, list) else [value])]
        return Message("、".join(items), ", ".join(items))
    return Message(str(value), str(value))  # dates are stored as the window shows them: 2026-11-25


def party(key: str, names: RecordNames) -> Message:
    """A consent chain's party key (client, us, intermediate:NAME, redelegation:ID) as its name and role."""
    try:
        return ChainPartyRole(key).label
    except ValueError:
        pass
    if key.startswith(INTERMEDIATE_PREFIX):
        name, role = key[len(INTERMEDIATE_PREFIX) :], ChainPartyRole.INTERMEDIATE.label
        return Message(f"{name}（{role.ja}）", f"{name} ({role.en})")
    redelegation_id = redelegation_of(key)
    if redelegation_id is not None:
        return names.record(RecordType.REDELEGATION, redelegation_id)
    return Message(key, key)


def _target_kind(changes: dict[str, Any]) -> RecordType | None:
    """The kind a record on any kind of record names (a corrective action's `record_type`), if it names one."""
    pair = changes.get(TARGET_TYPE)
    values = pair if isinstance(pair, list) else [pair]
    for value in reversed(values):
        if isinstance(value, str) and value in RecordType.__members__.values():
            return RecordType(value)
    return None


def describe_changes(event: Any, names: RecordNames) -> list[ChangeLine]:
    """The changed fields of one audit event, in the order the event records them."""
    lines = []
    target = _target_kind(event.changes or {})
    for name, pair in (event.changes or {}).items():
        field = field_of(event.record_type, name)
        before, after = (list(pair) + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        if name == TARGET_ID and target is not None:  # the record by its name, of the kind named beside it
            shown = [names.record(target, v) if isinstance(v, int) else None for v in (before, after)]
            lines.append(
                ChangeLine(field.label, shown[0], shown[1], event.action == AuditAction.UPDATE.value)
            )
            continue
        if name == PASSWORD_FINGERPRINT:  # never shown, not even its hash
            hidden = HIDDEN_CHANGED if before is not None else HIDDEN_SET
            lines.append(ChangeLine(field.label, None, hidden, False))
            continue
        lines.append(
            ChangeLine(
                field.label,
                display_value(event.record_type, field, before, names),
                display_value(event.record_type, field, after, names),
                event.action == AuditAction.UPDATE.value,
            )
        )
    return lines


def load_names(session: Session, events: Iterable[Any]) -> RecordNames:
    """The names of every record the events' `*_id` values point to and of every user they name."""
    wanted: dict[RecordType, set[int]] = {}
    users: set[str] = set()
    for event in events:
        for name, pair in (event.changes or {}).items():
            values = pair if isinstance(pair, list) else [pair]
            if name in REFERENCES:
                wanted.setdefault(REFERENCES[name], set()).update(v for v in values if isinstance(v, int))
            elif name == TARGET_ID and (target := _target_kind(event.changes)) is not None:
                wanted.setdefault(target, set()).update(v for v in values if isinstance(v, int))
            elif name in PARTY_FIELDS:
                found = (redelegation_of(v) for v in values if isinstance(v, str))
                wanted.setdefault(RecordType.REDELEGATION, set()).update(i for i in found if i is not None)
            elif name in ACCOUNT_FIELDS:
                users.update(v for v in values if isinstance(v, str))
    records: dict[tuple[RecordType, int], str] = {}
    for record_type, ids in wanted.items():
        for record_id, label in _names_of(session, record_type, sorted(ids)):
            records[(record_type, record_id)] = label
    accounts: dict[str, str] = {}
    if users:
        for username, display_name in session.execute(
            select(Account.username, Account.display_name).where(Account.username.in_(sorted(users)))
        ):
            accounts[username] = display_name or username
    return RecordNames(records, accounts)


def _names_of(session: Session, record_type: RecordType, ids: Sequence[int]) -> Iterable[tuple[int, str]]:
    if not ids:
        return []
    if record_type is RecordType.CONTRACTOR:
        query = select(Contractor.id, Contractor.name).where(Contractor.id.in_(ids))
    elif record_type is RecordType.ENGAGEMENT:
        query = select(Engagement.id, Engagement.client_name).where(Engagement.id.in_(ids))
    elif record_type is RecordType.REDELEGATION:
        query = (
            select(Redelegation.id, Contractor.name)
            .join(Contractor, Contractor.id == Redelegation.contractor_id)
            .where(Redelegation.id.in_(ids))
        )
    elif record_type is RecordType.JOINT_USE:
        query = select(JointUse.id, JointUse.title).where(JointUse.id.in_(ids))
    elif record_type is RecordType.OPT_OUT:
        query = select(OptOut.id, OptOut.title).where(OptOut.id.in_(ids))
    else:
        return []
    return [(int(row[0]), str(row[1])) for row in session.execute(query)]
