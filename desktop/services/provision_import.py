"""Importing a hand-kept register of third-party provisions (第三者提供記録簿) from Excel: all rows or none.

The workbook is read as the contractor ledger is (`desktop.services.ledger_import`: the same limits, sheet
choice, error cells and header detection); each line is understood by `desktop.domain.provision_ledger`
and written as a provision record with its audit event. One transaction: any invalid line, nothing written.

Whatever a line lacks besides the recipient and the date is imported as blank and shows as the rules'
findings (provision.item_missing, provision.basis_missing); the summary counts them and says what to do.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import provision_ledger, rules
from desktop.domain.enums import ProvisionBasis, Severity
from desktop.domain.errors import Message, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.ledger import CellError, cell_text
from desktop.domain.schema import PROVISION
from desktop.services import records
from desktop.services.ledger_import import (
    LedgerImportError,
    LedgerKind,
    LedgerPreview,
    WorkbookImporter,
    summary_report,
)
from desktop.services.progress import Progress
from desktop.store.compliance_facts import load_facts
from desktop.store.models import Provision

PROVISION_LEDGER = LedgerKind(
    Message("第三者提供記録簿", "provision register"),
    provision_ledger.find_header,
    provision_ledger.parse_row,
    ("第三者提供", "提供記録", "provision"),
)

# What makes a line the same provision as one already registered (a ledger imported twice adds nothing).
_SAME = ("provided_on", "period_from", "period_to", "recipient_name", "persons", "person_references",
         "pi_items", "basis", "method", "notes")  # fmt: skip


@dataclass
class ProvisionImportSummary:
    """What an import of the register did (or, rehearsed, would do)."""

    added: int = 0
    already_registered: int = 0  # lines equal to a provision already recorded: not added again
    dry_run: bool = False
    with_findings: int = 0  # added records the rules find something on
    rule_counts: dict[str, int] = field(default_factory=dict)  # rule id → findings on the added records
    blocking: int = 0  # added records with a blocking finding
    opt_out_unlinked: int = 0  # added records under opt-out that name no opt-out arrangement yet
    row_findings: dict[int, list[str]] = field(default_factory=dict)  # Excel row → rule ids found
    row_statuses: dict[int, tuple[str, str]] = field(default_factory=dict)  # the wizard's per-row column

    def text(self, language: str = "ja") -> str:
        if language == "en":
            head = "Dry run (nothing written): " if self.dry_run else ""
            return (
                f"{head}{self.added} provision record(s) added, {self.already_registered} already registered; "
                f"{self.with_findings} with findings"
            )
        head = "確認のみ（書き込みなし）: " if self.dry_run else ""
        return (
            f"{head}第三者提供記録 追加 {self.added} 件、登録済み {self.already_registered} 件"
            f"（うち指摘事項のある記録 {self.with_findings} 件）"
        )

    def findings_text(self, language: str = "ja") -> str:
        english = language == "en"
        if not self.rule_counts:
            return "Findings on the imported records: none" if english else "取り込んだ記録への指摘: なし"
        parts = []
        for rule_id, count in sorted(self.rule_counts.items()):
            info = rules.RULE_INFO[rules.RuleId(rule_id)]
            name = info.en if english else info.ja
            parts.append(f"{name} ({rule_id}) {count}" + ("" if english else " 件"))
        return ("Findings on the imported records: " if english else "取り込んだ記録への指摘: ") + (
            ", ".join(parts) if english else "、".join(parts)
        )

    def next_steps(self, language: str = "ja", *, command_line: bool = False) -> list[str]:
        english = language == "en"
        steps = []
        if self.with_findings:
            if command_line:
                steps.append(
                    f"See the findings of the {self.with_findings} record(s): itaku-cli check (record type "
                    "provision); complete each record in the window (Provision records page) or correct the "
                    "register and import the corrected lines."
                    if english
                    else f"指摘のある {self.with_findings} 件を確かめる: itaku-cli check（record_type provision）。"
                    "ウィンドウの「第三者提供記録」ページで各記録を補うか、台帳を直して直した行を取り込む。"
                )
            else:
                steps.append(
                    f"Open the {self.with_findings} record(s) with findings on the Provision records page (or "
                    "from the dashboard's findings) and complete the missing items in each record's form."
                    if english
                    else f"指摘のある {self.with_findings} 件を「第三者提供記録」ページ（またはダッシュボードの指摘）から開き、"
                    "記録の画面で足りない事項を補う。"
                )
        if self.opt_out_unlinked:
            steps.append(
                f"{self.opt_out_unlinked} record(s) under opt-out: choose the opt-out arrangement (届出) each "
                "relies on in the record's form, so that stop requests are checked against it."
                if english
                else f"オプトアウトによる提供 {self.opt_out_unlinked} 件: 記録の画面で根拠とするオプトアウトの届出を選ぶ"
                "（停止の求めとの照合に必要）。"
            )
        return steps

    def report(self, language: str = "ja", *, command_line: bool = False) -> str:
        """The whole summary: counts, the findings on the new records, what to do next."""
        return summary_report(
            [self.text(language), self.findings_text(language)],
            self.next_steps(language, command_line=command_line),
            language,
        )


class ProvisionImportService(WorkbookImporter):
    """The register of third-party provisions (第三者提供記録簿): one provision record per line."""

    KIND = PROVISION_LEDGER

    def import_provisions(
        self,
        path: Path,
        sheet: str | None = None,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> ProvisionImportSummary:
        """Read, check and write the register in one transaction; raise LedgerImportError listing every
        error (nothing written)."""
        return self.apply(self.read(path, sheet), dry_run=dry_run, progress=progress)

    def apply(
        self,
        preview: LedgerPreview,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        status: str | None = None,  # the contractor ledger's option; a provision has no status
    ) -> ProvisionImportSummary:
        if preview.errors:
            raise LedgerImportError(preview.errors)
        summary = ProvisionImportSummary(dry_run=dry_run)
        return self.write_all_or_nothing(
            summary, dry_run, lambda session: self._write(session, preview, summary, progress)
        )

    def _write(
        self,
        session: Session,
        preview: LedgerPreview,
        summary: ProvisionImportSummary,
        progress: Progress | None,
    ) -> list[CellError]:
        rows = preview.rows
        column_of = {c.target: c.header for c in preview.header.recognised}
        registered = self._registered(session, rows)
        new_rows = []
        for row in rows:
            if _key(row.record) in registered:
                summary.already_registered += 1
                summary.row_statuses[row.excel_row] = ("registered", "")
            else:
                new_rows.append(row)
        errors: list[CellError] = []

        def report(index: int, error: ValidationError) -> None:
            row = new_rows[index]
            for name, message in error.fields.items():
                column = column_of.get(name) or column_of.get("recipient_name", "提供先")
                errors.append(CellError(row.excel_row, column, message, cell_text(row.record.get(name))))

        created = records.create_many(
            session,
            self.context,
            Provision,
            PROVISION,
            [(row.record, None) for row in new_rows],
            on_error=report,
            validated=True,
        )
        if errors:
            return errors
        if progress is not None:
            progress(len(rows), len(rows))
        summary.added = len(new_rows)
        row_of = {record_id: row.excel_row for record_id, row in zip(created, new_rows, strict=True)}
        self._count_findings(session, row_of, summary)
        summary.opt_out_unlinked = sum(
            1 for row in new_rows if row.record.get("basis") == ProvisionBasis.OPT_OUT.value
        )
        return errors

    def _count_findings(
        self, session: Session, row_of: dict[int | None, int], summary: ProvisionImportSummary
    ) -> None:
        """The rules' findings on the records just written (in the same transaction, so a rehearsal shows
        them too): how many records have any, by rule, and each line's."""
        if not row_of:
            return
        findings = rules.provision_findings(load_facts(session), self.context.today())
        counts: Counter[str] = Counter()
        blocking: set[int] = set()
        for finding in findings:
            if finding.record_type != RecordType.PROVISION or finding.record_id not in row_of:
                continue
            counts[str(finding.rule)] += 1
            summary.row_findings.setdefault(row_of[finding.record_id], []).append(str(finding.rule))
            if finding.severity == Severity.BLOCKING:
                blocking.add(finding.record_id)
        summary.rule_counts = dict(counts)
        summary.with_findings = len(summary.row_findings)
        summary.blocking = len(blocking)
        for excel_row in row_of.values():
            found = summary.row_findings.get(excel_row, [])
            summary.row_statuses[excel_row] = (
                "findings" if found else "clean",
                "、".join(sorted(found)),  # one id per finding
            )

    @staticmethod
    def _registered(session: Session, rows: list[Any]) -> set[tuple[Any, ...]]:
        names = sorted({row.record["recipient_name"] for row in rows})
        found: set[tuple[Any, ...]] = set()
        for start in range(0, len(names), 500):
            chunk = names[start : start + 500]
            for provision in session.scalars(select(Provision).where(Provision.recipient_name.in_(chunk))):
                found.add(_key({name: getattr(provision, name) for name in _SAME}))
        return found

    def _read(self, path: Path, sheet: str | None, progress: Progress | None) -> LedgerPreview:
        preview = super()._read(path, sheet, progress)
        _check_duplicates(preview)
        return preview


def _key(record: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(tuple(value) if isinstance(value, list) else value for value in map(record.get, _SAME))


def _check_duplicates(preview: LedgerPreview) -> None:
    """The same provision written twice in one register (same date, recipient, persons, items, basis, method
    and notes) is an error on its second line: neither imported twice nor silently dropped."""
    column = next((c.header for c in preview.header.recognised if c.target == "recipient_name"), "提供先")
    seen: dict[tuple[Any, ...], int] = {}
    for row in preview.rows:
        if row.record is None:
            continue
        key = _key(row.record)
        if key in seen:
            row.errors.append(
                CellError(
                    row.excel_row,
                    column,
                    Message(
                        f"{seen[key]} 行目と同じ提供です（日付・提供先・本人・項目・根拠・方法・備考が同じ）。重複なら削除し、"
                        "別の提供なら違いを書いてください",
                        f"the same provision as row {seen[key]} (date, recipient, persons, items, basis, method and notes): "
                        "delete the duplicate, or write what tells them apart",
                    ),
                    cell_text(row.record.get("recipient_name")),
                )
            )
            row.record = None
        else:
            seen[key] = row.excel_row
