"""The audit workbook (監査用ワークブック) for the Privacy Mark audit: one sheet per register, as of a date.

Read-only, from the service queries (`services.registers`, `services.checks`). Headers are the labels
of `desktop.domain.schema` and the enum labels, so the workbook speaks the window's language; the
委託先 sheet uses exactly the column names the ledger import recognises, so it can be imported back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook

from desktop.domain import ledger
from desktop.domain.clauses import CLAUSE_BY_CODE
from desktop.domain.consent_chain import authorities_of, authority_text
from desktop.domain.enums import (
    AuditAction,
    EvaluationResult,
    JointUseChangeBasis,
    JointUseChangeField,
    LabelledEnum,
    OptOutChangeField,
    Severity,
)
from desktop.domain.errors import Message
from desktop.domain.kinds import RecordType
from desktop.domain.rules import RULES, Finding
from desktop.domain.schema import (
    AUTHORITY_LIST,
    BOOLEAN,
    CONSENT_HOP,
    CONTRACT,
    CONTRACTOR,
    CORRECTIVE_ACTION,
    DATE,
    ENGAGEMENT,
    EVALUATION,
    INCIDENT,
    INTEGER,
    JOINT_USE,
    MULTILINE,
    OPT_OUT,
    PROVISION,
    RECEIPT,
    REDELEGATION,
    REQUEST,
    STOP_REQUEST,
    TEXT_LIST,
    Field,
    Schema,
    record_type_label,
)
from desktop.reports.xlsx.sheet import DATE as DATE_COLUMN
from desktop.reports.xlsx.sheet import DATETIME, LONG_TEXT, NUMBER, TEXT, Column, SheetWriter
from desktop.services.output_path import check_output_path, write_failed
from desktop.services.progress import Progress

if TYPE_CHECKING:
    from desktop.services.facade import Services

CONTRACTOR_SHEET = "委託先"
TITLE = Message("委託先管理 監査用ワークブック", "Contractor management audit workbook")

Rows = tuple[list[Column], Iterator[Sequence[Any]]]  # a sheet's columns and its rows, written as they come


class _Labels:
    """Everything language-dependent in one place: headers, enum labels, yes/no."""

    def __init__(self, language: str):
        self.language = language
        self._enum_cache: dict[tuple[type[LabelledEnum], str], str] = {}

    def text(self, message: Message) -> str:
        return message.text(self.language)

    def header(self, field: Field) -> str:
        return field.en if self.language == "en" else field.ja

    def enum(self, enum: type[LabelledEnum], value: str | None) -> str | None:
        if value is None:
            return None
        key = (enum, value)
        label = self._enum_cache.get(key)
        if label is None:
            try:
                label = enum(value).label.text(self.language)
            except ValueError:
                label = value
            self._enum_cache[key] = label
        return label

    def yes_no(self, value: bool | None) -> str | None:
        if value is None:
            return None
        if self.language == "en":
            return "Yes" if value else "No"
        return "はい" if value else "いいえ"


def _kind_of(field: Field) -> str:
    if field.kind == DATE:
        return DATE_COLUMN
    if field.kind == INTEGER:
        return NUMBER
    if field.kind in (MULTILINE, AUTHORITY_LIST):
        return LONG_TEXT
    return TEXT


def _field_columns(schema: Schema, labels: _Labels, names: Sequence[str] | None = None) -> list[Column]:
    fields = [schema.field(n) for n in names] if names is not None else list(schema.fields)
    return [Column(labels.header(f), _kind_of(f)) for f in fields]


def _authorised_parties(engagement: Any) -> Message:
    """The parties authorised to consent (chain keys: `client`, `intermediate:NAME`), each by its name and role
    with the authorisation's date and document, one a line."""
    shown = [
        authority_text(a, engagement.client_name) for a in authorities_of(engagement.consent_authorities)
    ]
    return Message("\n".join(m.ja for m in shown), "\n".join(m.en for m in shown))


def _field_values(
    record: Any, schema: Schema, labels: _Labels, names: Sequence[str] | None = None
) -> list[Any]:
    fields = [schema.field(n) for n in names] if names is not None else schema.fields
    out: list[Any] = []
    for f in fields:
        value = getattr(record, f.name)
        if f.kind == BOOLEAN:
            value = labels.yes_no(value)
        elif f.enum is not None:
            value = labels.enum(f.enum, value)
        elif f.kind == TEXT_LIST:
            value = "、".join(str(item) for item in value or ())
        elif f.kind == AUTHORITY_LIST:  # each party of the chain by its name and role, its date and document
            value = labels.text(_authorised_parties(record)) or None
        out.append(value)
    return out


def _local(moment: datetime) -> datetime:
    """Excel has no time zones: shown in Tokyo time, without the zone."""
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo("Asia/Tokyo")).replace(tzinfo=None)


class AuditWorkbook:
    """Builds the workbook from the services; `write(path)` streams it to disk."""

    def __init__(
        self,
        services: Services,
        as_of: date | None = None,
        language: str = "ja",
        progress: Progress | None = None,
    ):
        self.services = services
        self.as_of = as_of or services.context.today()
        self.labels = _Labels(language)
        self.progress = progress
        self._findings: list[Finding] | None = None

    @property
    def findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = self.services.checks.findings(self.as_of)
        return self._findings

    def write(self, path: Path) -> dict[str, int]:
        """Write every sheet; return the number of data rows per sheet."""
        workbook = Workbook(write_only=True)
        props = workbook.properties
        props.title = self.labels.text(TITLE)
        props.subject = f"{self.labels.text(Message('基準日', 'As of'))} {self.as_of:%Y-%m-%d}"
        props.creator = f"Itaku ({self.services.context.actor})"
        # Document properties are UTC (openpyxl writes a naive datetime with a Z).
        props.created = self.services.context.now().astimezone(UTC).replace(tzinfo=None, microsecond=0)
        props.language = self.labels.language
        builders: list[tuple[str, Callable[[], Rows]]] = [
            ("概要", self._summary),
            *((sheet.title, partial(sheet.build, self)) for sheet in RECORD_SHEETS.values()),
            ("指摘事項", self._findings_sheet),
            ("監査ログ", self._audit_log),
        ]
        counts: dict[str, int] = {}
        try:
            for index, (title, build) in enumerate(builders):
                if self.progress is not None:
                    self.progress(index, len(builders))  # sheets written so far; raises Cancelled to stop
                columns, rows = build()
                counts[title] = SheetWriter(workbook, title, columns).write(rows)
        except BaseException:
            for sheet in workbook.worksheets:  # end the sheets' streams: nothing is saved
                sheet.close()
            raise
        path = Path(path)
        temporary = path.with_name(path.name + ".part")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            workbook.save(temporary)
            temporary.replace(path)  # never leave a half-written workbook under the real name
        except OSError as error:  # a folder where the file should go, disk full, permission
            raise write_failed(path, error, "xlsx") from None
        finally:
            temporary.unlink(missing_ok=True)
        return counts

    # --- sheets ----------------------------------------------------------------------------------------

    def _summary(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        t = self.labels.text
        columns = [
            Column(t(Message("項目", "Item"))),
            Column(t(Message("内容", "Value"))),
            Column(t(Message("件数", "Count")), NUMBER),
        ]

        def rows() -> Iterator[Sequence[Any]]:
            company = self.services.registers.company()
            yield [t(Message("会社名", "Company")), company.name if company else None, None]
            if company is not None and company.privacy_mark_number:
                yield [
                    t(Message("プライバシーマーク登録番号", "Privacy Mark number")),
                    company.privacy_mark_number,
                    None,
                ]
            yield [t(Message("基準日", "As of")), self.as_of, None]
            yield [
                t(Message("作成日時", "Created")),
                _local(self.services.context.now()).replace(second=0, microsecond=0),
                None,
            ]
            yield [
                t(Message("作成者", "Created by")),
                self.services.accounts.display_name_of(self.services.context.actor),
                None,
            ]
            # The anchor of the audit trail outside the database: `itaku-cli audit verify --anchor` checks it.
            yield [
                t(Message("監査ログの先頭（番号:ハッシュ）", "Audit chain head (SEQ:HASH)")),
                self.services.audit.head().text,
                None,
            ]
            for record_type, count in self.services.checks.record_counts().items():
                yield [t(Message("登録件数", "Records")), t(record_type_label(record_type)), count]
            by_severity = Counter(f.severity for f in self.findings)
            for severity in Severity:
                yield [
                    t(Message("指摘事項（重大度別）", "Findings by severity")),
                    t(severity.label),
                    by_severity.get(severity, 0),
                ]
            by_rule = Counter(f.rule for f in self.findings)
            for info in RULES:
                yield [
                    t(Message("指摘事項（ルール別）", "Findings by rule")),
                    t(Message(info.ja, info.en)),
                    by_rule.get(info.rule, 0),
                ]

        return columns, rows()  # 基準日 and 作成日時 are date cells (SheetWriter formats them)

    def contractor_columns(self) -> list[Column]:
        t = self.labels.text
        extra = [
            ledger.EVALUATED_ON,
            ledger.EVALUATION_RESULT,
            ledger.NEXT_DUE_ON,
            ledger.NDA_SIGNED_ON,
            ledger.NDA_EXPIRES_ON,
        ]
        return _field_columns(CONTRACTOR, self.labels) + [
            Column(t(ledger.EXTRA_TARGETS[name]), TEXT if name == ledger.EVALUATION_RESULT else DATE_COLUMN)
            for name in extra
        ]

    def _contractors(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        labels = self.labels

        def rows() -> Iterator[Sequence[Any]]:
            for batch in self.services.registers.contractor_batches(self.as_of):
                for item in batch:
                    contractor = item.row.contractor
                    evaluation = item.row.latest_evaluation
                    # The NDA shown is the one in force; else the latest signed. Its end is the end of
                    # the current term (what a ledger's 契約終了日 means).
                    in_force = [n for n in item.ndas if n.contract.id == item.row.nda.contract_id]
                    nda = in_force[0] if in_force else (item.ndas[-1] if item.ndas else None)
                    yield _field_values(contractor, CONTRACTOR, labels) + [
                        evaluation.evaluated_on if evaluation else None,
                        labels.enum(EvaluationResult, evaluation.result) if evaluation else None,
                        evaluation.next_due_on if evaluation else None,
                        nda.contract.signed_on if nda else None,
                        nda.term_end if nda else None,
                    ]

        return self.contractor_columns(), rows()

    def _evaluations(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        labels, t = self.labels, self.labels.text
        names = ("evaluated_on", "evaluator", "route")
        tail = ("conditions", "approver", "approved_on", "next_due_on", "next_due_reason")
        columns = (
            [Column(labels.header(CONTRACTOR.field("name")))]
            + _field_columns(EVALUATION, labels, names)
            + [
                Column(t(Message("得点", "Score")), NUMBER),
                Column(t(Message("満点", "Maximum")), NUMBER),
                Column(t(Message("評価結果", "Result"))),
                Column(t(Message("根拠とした認証の番号", "Certificate relied on"))),
                Column(t(Message("認証の有効期限", "Certificate expiry")), DATE_COLUMN),
            ]
            + _field_columns(EVALUATION, labels, tail)
        )

        def rows() -> Iterator[Sequence[Any]]:
            for batch in self.services.registers.evaluation_batches(self.as_of):
                for evaluation, name in batch:
                    yield (
                        [name]
                        + _field_values(evaluation, EVALUATION, labels, names)
                        + [
                            evaluation.total_score,
                            evaluation.max_score,
                            labels.enum(EvaluationResult, evaluation.result),
                            evaluation.certificate_number,
                            evaluation.certificate_expiry,
                        ]
                        + _field_values(evaluation, EVALUATION, labels, tail)
                    )

        return columns, rows()

    def _contracts(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        labels, t = self.labels, self.labels.text
        names = tuple(n for n in CONTRACT.names if n not in ("contractor_id", "clauses", "notes"))
        columns = (
            [Column(labels.header(CONTRACTOR.field("name")))]
            + _field_columns(CONTRACT, labels, names)
            + [
                Column(t(Message("現在の期間の終了日", "End of current term")), DATE_COLUMN),
                Column(t(Message("基準日に有効", "In force on the as-of date"))),
                Column(t(CONTRACT.field("clauses").label), LONG_TEXT),
                Column(t(Message("不足している条項", "Missing clauses")), LONG_TEXT),
                Column(t(Message("義務の担保（委託先）", "Duty carried by")), LONG_TEXT),
                Column(t(Message("添付ファイル", "Attached file"))),
                Column(labels.header(CONTRACT.field("notes")), LONG_TEXT),
                Column(labels.header(EVALUATION.field("approver"))),
                Column(labels.header(EVALUATION.field("approved_on")), DATE_COLUMN),
            ]
        )

        def clause_text(codes: Sequence[str]) -> str:
            return "、".join(t(CLAUSE_BY_CODE[c].label) if c in CLAUSE_BY_CODE else c for c in codes)

        def rows() -> Iterator[Sequence[Any]]:
            for batch in self.services.registers.contract_batches(self.as_of):
                for row in batch:
                    contract = row.contract
                    yield (
                        [row.contractor_name]
                        + _field_values(contract, CONTRACT, labels, names)
                        + [
                            row.term_end,
                            labels.yes_no(row.in_force),
                            clause_text(contract.clauses or ()),
                            clause_text(row.missing_clauses),
                            t(row.duty.message) if row.duty is not None else None,
                            contract.attachment_name,
                            contract.notes,
                            contract.approver,
                            contract.approved_on,
                        ]
                    )

        return columns, rows()

    def _engagement_rows(self) -> list[Any]:
        if not hasattr(self, "_engagement_cache"):
            self._engagement_cache = self.services.registers.engagements(self.as_of, findings=self.findings)
        return self._engagement_cache

    def _engagements(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        labels, t = self.labels, self.labels.text
        columns = _field_columns(ENGAGEMENT, labels) + [
            Column(t(Message("同意が期限内に確認済み", "Consent in time"))),
            Column(t(Message("不足している同意（誰の同意か）", "Consent missing (whose)")), LONG_TEXT),
            Column(t(Message("再委託の件数", "Re-delegations")), NUMBER),
            Column(t(Message("指摘事項", "Findings")), LONG_TEXT),
        ]

        def rows() -> Iterator[Sequence[Any]]:
            for row in self._engagement_rows():
                missing = [*row.missing, *(m for r in row.redelegations for m in r.missing)]
                values = _field_values(row.engagement, ENGAGEMENT, labels)
                yield values + [
                    labels.yes_no(row.consent_in_time and all(r.consent_in_time for r in row.redelegations)),
                    "\n".join(t(m) for m in missing),
                    len(row.redelegations),
                    "\n".join(t(f.message) for f in row.findings),
                ]

        return columns, rows()

    def _consents(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        labels, t = self.labels, self.labels.text
        names = ("consented_on", "form", "reference")
        columns = (
            [
                Column(labels.header(ENGAGEMENT.field("client_name"))),
                Column(labels.header(ENGAGEMENT.field("work")), LONG_TEXT),
                Column(t(Message("同意の対象", "Consent covers"))),
                Column(labels.header(CONSENT_HOP.field("given_by"))),
                Column(
                    t(Message("対象の委託（委託する者 → 委託を受ける者）", "Link (entrusting → entrusted)"))
                ),
            ]
            + _field_columns(CONSENT_HOP, labels, names)
            + [
                Column(t(Message("開始前に取得", "Obtained before the start"))),
                Column(t(Message("同意として数えない理由", "Why it does not count")), LONG_TEXT),
            ]
        )

        def rows() -> Iterator[Sequence[Any]]:
            for row in self._engagement_rows():
                engagement = row.engagement
                covers = [(t(Message("受託業務", "The engagement")), hop) for hop in row.hops]
                for redelegation in row.redelegations:
                    covers += [
                        (f"{t(Message('再委託', 'Re-delegation'))}: {redelegation.contractor_name}", hop)
                        for hop in redelegation.hops
                    ]
                for what, hop in covers:
                    to_complete = t(Message("（要補完）", "(to complete)"))
                    giver = t(hop.giver) if hop.giver is not None else f"{hop.hop.from_party} {to_complete}"
                    link = t(hop.link) if hop.link is not None else f"→ {hop.hop.to_party} {to_complete}"
                    yield (
                        [engagement.client_name, engagement.work, what, giver, link]
                        + _field_values(hop.hop, CONSENT_HOP, labels, names)
                        + [
                            labels.yes_no(hop.in_time),
                            t(hop.not_counted) if hop.not_counted is not None else "",
                        ]
                    )

        return columns, rows()

    def _redelegations(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        labels, t = self.labels, self.labels.text
        names = ("work", "start_date", "end_date")
        columns = (
            [
                Column(labels.header(ENGAGEMENT.field("client_name"))),
                Column(labels.header(ENGAGEMENT.field("work")), LONG_TEXT),
                Column(labels.header(REDELEGATION.field("contractor_id"))),
            ]
            + _field_columns(REDELEGATION, labels, names)
            + [Column(t(Message("同意が期限内に確認済み", "Consent in time")))]
        )

        def rows() -> Iterator[Sequence[Any]]:
            for row in self._engagement_rows():
                for redelegation in row.redelegations:
                    yield (
                        [row.engagement.client_name, row.engagement.work, redelegation.contractor_name]
                        + _field_values(redelegation.redelegation, REDELEGATION, labels, names)
                        + [labels.yes_no(redelegation.consent_in_time)]
                    )

        return columns, rows()

    def _joint_uses(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        labels, t = self.labels, self.labels.text
        columns = _field_columns(JOINT_USE, labels) + [
            Column(t(Message("変更の履歴", "Changes")), LONG_TEXT),
            Column(t(Message("指摘事項", "Findings")), LONG_TEXT),
        ]

        def rows() -> Iterator[Sequence[Any]]:
            for row in self.services.registers.joint_uses(self.as_of, findings=self.findings):
                changes = "\n".join(self._change_line(change) for change in row.joint_use.changes)
                yield _field_values(row.joint_use, JOINT_USE, labels) + [
                    changes,
                    "\n".join(t(f.message) for f in row.findings),
                ]

        return columns, rows()

    def _opt_outs(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        labels, t = self.labels, self.labels.text
        columns = _field_columns(OPT_OUT, labels) + [
            Column(t(Message("変更の履歴（届出・通知）", "Changes (notified)")), LONG_TEXT),
            Column(t(Message("停止の求め", "Stop requests")), NUMBER),
            Column(t(Message("指摘事項", "Findings")), LONG_TEXT),
        ]

        def notified(day: date | None) -> str:
            return f"{day:%Y/%m/%d}" if day else t(Message("未", "not yet"))

        def rows() -> Iterator[Sequence[Any]]:
            for row in self.services.registers.opt_outs(self.as_of, findings=self.findings):
                changes = "\n".join(
                    f"{change.changed_on:%Y/%m/%d} {labels.enum(OptOutChangeField, change.field)}: "
                    f"{change.description} ({t(Message('届出', 'PPC'))} {notified(change.ppc_notified_on)}, "
                    f"{t(Message('本人通知等', 'made known'))} {notified(change.made_known_on)})"
                    for change in row.opt_out.changes
                )
                yield _field_values(row.opt_out, OPT_OUT, labels) + [
                    changes,
                    len(row.stop_requests),
                    "\n".join(t(f.message) for f in row.findings),
                ]

        return columns, rows()

    def _stop_requests(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        labels = self.labels
        names = tuple(n for n in STOP_REQUEST.names if n != "opt_out_id")
        columns = [Column(labels.header(STOP_REQUEST.field("opt_out_id")))] + _field_columns(
            STOP_REQUEST, labels, names
        )

        def rows() -> Iterator[Sequence[Any]]:
            for stop in sorted(self.services.registers.stop_requests(), key=lambda s: (s.received_on, s.id)):
                yield [stop.opt_out_title] + [getattr(stop, name) for name in names]

        return columns, rows()

    # --- Third-party provision and receipt records (issue 15) ---

    def _provisions(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        labels, t = self.labels, self.labels.text
        columns = _field_columns(PROVISION, labels) + [
            Column(t(Message("委託先の名称", "Contractor's name"))),
            Column(t(Message("オプトアウトの名称", "Opt-out provision's title"))),
            Column(t(Message("保存期間の終了日", "Kept until")), DATE_COLUMN),
            Column(t(Message("指摘事項", "Findings")), LONG_TEXT),
        ]

        def rows() -> Iterator[Sequence[Any]]:
            for row in self.services.registers.provisions(self.as_of, findings=self.findings):
                p = row.provision
                yield _field_values(p, PROVISION, labels) + [
                    p.contractor_name,
                    p.opt_out_title,
                    p.retention_end,
                    "\n".join(t(f.message) for f in row.findings),
                ]

        return columns, rows()

    def _receipts(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        labels, t = self.labels, self.labels.text
        columns = _field_columns(RECEIPT, labels) + [
            Column(t(Message("保存期間の終了日", "Kept until")), DATE_COLUMN),
            Column(t(Message("指摘事項", "Findings")), LONG_TEXT),
        ]

        def rows() -> Iterator[Sequence[Any]]:
            for row in self.services.registers.receipts(self.as_of, findings=self.findings):
                yield _field_values(row.receipt, RECEIPT, labels) + [
                    row.receipt.retention_end,
                    "\n".join(t(f.message) for f in row.findings),
                ]

        return columns, rows()

    def _change_line(self, change: Any) -> str:
        """One change of a joint use: date, what changed, description, when noticed, and for a change of the
        items or the scope of joint users its basis and reason (PPC Guidelines (General) 3-6-3)."""
        labels, t = self.labels, self.labels.text
        line = f"{change.changed_on:%Y/%m/%d} {labels.enum(JointUseChangeField, change.field)}: {change.description}"
        if change.noticed_on:
            line += f" / {t(Message('通知・公表', 'noticed'))} {change.noticed_on:%Y/%m/%d}"
        try:
            needs_basis = JointUseChangeField(change.field).needs_basis
        except ValueError:
            needs_basis = False
        if change.basis:
            reason = f"（{change.basis_reason}）" if change.basis_reason else ""
            line += (
                f" / {t(Message('根拠', 'basis'))}: {labels.enum(JointUseChangeBasis, change.basis)}{reason}"
            )
        elif needs_basis:
            line += f" / {t(Message('根拠: なし（公表では変更できない事項）', 'basis: none (a notice cannot change it)'))}"
        return line

    def _findings_sheet(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        t = self.labels.text
        titles = {info.rule: Message(info.ja, info.en) for info in RULES}
        columns = [
            Column(t(Message("重大度", "Severity"))),
            Column(t(Message("指摘の種類", "Rule"))),
            Column(t(Message("対象", "Record type"))),
            Column(t(Message("対象の名称", "Record"))),
            Column(t(Message("内容", "Finding")), LONG_TEXT),
            Column(t(Message("発生日", "Since")), DATE_COLUMN),
            Column(t(Message("期限", "Due")), DATE_COLUMN),
            Column(t(Message("根拠", "Basis")), LONG_TEXT),
            Column(t(Message("ルールID", "Rule id"))),
        ]

        def rows() -> Iterator[Sequence[Any]]:
            for finding in self.findings:
                yield [
                    t(finding.severity.label),
                    t(titles[finding.rule]) if finding.rule in titles else finding.rule,
                    t(record_type_label(finding.record_type)),
                    finding.record_label,
                    t(finding.message),
                    finding.since,
                    finding.due,
                    t(finding.basis),
                    finding.rule,
                ]

        return columns, rows()

    def _corrective_actions(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        """The corrective actions (是正処置) taken by the as-of date, each with the finding it closed."""
        t = self.labels.text
        titles = {info.rule: Message(info.ja, info.en) for info in RULES}
        columns = [
            Column(t(Message("ID", "Id")), NUMBER),
            Column(self.labels.header(CORRECTIVE_ACTION.field("record_type"))),
            Column(t(Message("対象の記録", "Record"))),
            Column(self.labels.header(CORRECTIVE_ACTION.field("rule"))),
            Column(t(Message("ルールID", "Rule id"))),
            *_field_columns(CORRECTIVE_ACTION, self.labels, ("action", "taken_on", "taken_by", "notes")),
            Column(t(Message("記録者", "Recorded by"))),
        ]
        names = self.services.accounts.display_names()

        def rows() -> Iterator[Sequence[Any]]:
            for action in self.services.corrective_actions.list(as_of=self.as_of):
                title = titles.get(action.rule)  # type: ignore[call-overload]
                yield [
                    action.id,
                    t(record_type_label(action.record_type)),
                    f"{action.record_label} #{action.record_id}",
                    t(title) if title is not None else action.rule,
                    action.rule,
                    action.action,
                    action.taken_on,
                    action.taken_by,
                    action.notes,
                    names.get(action.recorded_by, action.recorded_by),
                ]

        return columns, rows()

    def _audit_log(self) -> tuple[list[Column], Iterator[Sequence[Any]]]:
        labels, t = self.labels, self.labels.text
        columns = [
            Column(t(Message("日時", "When")), DATETIME),
            Column(t(Message("利用者", "Who"))),
            Column(t(Message("操作", "Action"))),
            Column(t(Message("対象", "Record type"))),
            Column(t(Message("ID", "Id")), NUMBER),
            Column(t(Message("変更内容", "Changes")), LONG_TEXT),
        ]

        names = self.services.accounts.display_names()  # the names people see, not the user names

        def rows() -> Iterator[Sequence[Any]]:
            for batch in self.services.registers.audit_event_batches():
                # The same words as the audit log page: field labels and values as displayed.
                described = self.services.audit.describe_changes(batch)
                for event, changes in zip(batch, described, strict=True):
                    yield [
                        _local(event.occurred_at),
                        names.get(event.actor, event.actor),
                        labels.enum(AuditAction, event.action),
                        t(record_type_label(event.record_type)),
                        event.record_id,
                        "\n".join(line.text(labels.language) for line in changes),
                    ]

        return columns, rows()


@dataclass(frozen=True)
class RecordSheet:
    """The sheet listing one kind of record: its title and the method that gives its columns and rows."""

    title: str
    build: Callable[[AuditWorkbook], Rows]


# One sheet per kind of record, in the workbook's order (between 概要 and 指摘事項); see
# docs/adding-a-record-kind.md. tests/test_record_kinds.py says which kinds have none, and why.
RECORD_SHEETS: dict[RecordType, RecordSheet] = {
    RecordType.CONTRACTOR: RecordSheet(CONTRACTOR_SHEET, AuditWorkbook._contractors),
    RecordType.EVALUATION: RecordSheet("評価", AuditWorkbook._evaluations),
    RecordType.CONTRACT: RecordSheet("契約", AuditWorkbook._contracts),
    RecordType.ENGAGEMENT: RecordSheet("受託業務", AuditWorkbook._engagements),
    RecordType.CONSENT_HOP: RecordSheet("同意", AuditWorkbook._consents),
    RecordType.REDELEGATION: RecordSheet("再委託", AuditWorkbook._redelegations),
    RecordType.JOINT_USE: RecordSheet("共同利用", AuditWorkbook._joint_uses),
    RecordType.CORRECTIVE_ACTION: RecordSheet("是正処置", AuditWorkbook._corrective_actions),
    RecordType.OPT_OUT: RecordSheet("オプトアウト", AuditWorkbook._opt_outs),
    RecordType.STOP_REQUEST: RecordSheet("提供停止の求め", AuditWorkbook._stop_requests),
    RecordType.PROVISION: RecordSheet("第三者提供記録", AuditWorkbook._provisions),
    RecordType.RECEIPT: RecordSheet("確認記録", AuditWorkbook._receipts),
}


# Data-subject requests and incidents (issue 15) ----------------------------------------------------------
def _findings_of(workbook: AuditWorkbook, record_type: RecordType) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {}
    for finding in workbook.findings:
        if finding.record_type == record_type:
            grouped.setdefault(finding.record_id, []).append(finding)
    return grouped


def _request_rows(workbook: AuditWorkbook) -> tuple[list[Column], Iterator[Sequence[Any]]]:
    """本人請求: every request (oldest received first) with its due date and open findings."""
    labels, t = workbook.labels, workbook.labels.text
    columns = _field_columns(REQUEST, labels) + [
        Column(t(Message("回答期限", "Due on")), DATE_COLUMN),
        Column(t(Message("指摘事項", "Findings")), LONG_TEXT),
    ]
    findings = _findings_of(workbook, RecordType.REQUEST)

    def rows() -> Iterator[Sequence[Any]]:
        for row in sorted(
            workbook.services.requests.list(as_of=workbook.as_of), key=lambda r: (r.received_on, r.id)
        ):
            yield _field_values(row, REQUEST, labels) + [
                row.due_on,
                "\n".join(t(f.message) for f in findings.get(row.id, [])),
            ]

    return columns, rows()


def _incident_rows(workbook: AuditWorkbook) -> tuple[list[Column], Iterator[Sequence[Any]]]:
    """事故: every incident (oldest discovered first) with its contractor, reportable categories, each report's
    due date beside the day it was sent, and open findings."""
    labels, t = workbook.labels, workbook.labels.text
    names = tuple(n for n in INCIDENT.names if n != "contractor_id")
    columns = (
        [Column(labels.header(INCIDENT.field("contractor_id")))]
        + _field_columns(INCIDENT, labels, names)
        + [
            Column(t(Message("報告対象の事態", "Reportable categories")), LONG_TEXT),
            Column(t(Message("報告・通知の期限", "Reports due")), LONG_TEXT),
            Column(t(Message("指摘事項", "Findings")), LONG_TEXT),
        ]
    )
    findings = _findings_of(workbook, RecordType.INCIDENT)

    def rows() -> Iterator[Sequence[Any]]:
        for row in workbook.services.incidents.register_rows():
            incident = row.incident
            dues = "\n".join(f"{t(due.report.label)}: {due.due_on:%Y/%m/%d}" for due in row.reports)
            yield (
                [row.contractor_name or ""]
                + _field_values(incident, INCIDENT, labels, names)
                + [
                    "\n".join(t(c) for c in row.categories),
                    dues,
                    "\n".join(t(f.message) for f in findings.get(incident.id, [])),
                ]
            )

    return columns, rows()


RECORD_SHEETS[RecordType.REQUEST] = RecordSheet("本人請求", _request_rows)
RECORD_SHEETS[RecordType.INCIDENT] = RecordSheet("事故", _incident_rows)
SHEETS = ("概要", *(sheet.title for sheet in RECORD_SHEETS.values()), "指摘事項", "監査ログ")


def write_audit_workbook(
    services: Services,
    path: Path,
    as_of: date | None = None,
    language: str = "ja",
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write the audit workbook to `path`; return the number of data rows per sheet."""
    check_output_path(path, "xlsx")  # before any work: a folder or an unwritable place is refused at once
    return AuditWorkbook(services, as_of, language, progress).write(path)
