"""Importing a hand-kept contractor ledger (委託先管理台帳) from Excel: all rows or none.

The workbook is read here (openpyxl, read-only); the rows are understood by `desktop.domain.ledger`;
the records are written with the same create / update steps as every other service, so each imported
contractor, evaluation and NDA has its audit event. One transaction: any invalid row, nothing written.
"""

from __future__ import annotations

import dataclasses
import gc
import re
import threading
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar
from xml.etree import ElementTree

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain import ledger
from desktop.domain.enums import ContractKind, ContractorStatus, EvaluationRoute
from desktop.domain.errors import ItakuError, Message, ValidationError
from desktop.domain.ledger import CellError, Header, LedgerFormatError, LedgerRow
from desktop.domain.rules import add_months
from desktop.domain.schema import CONTRACT, CONTRACTOR, EVALUATION, validate
from desktop.services import records
from desktop.services.context import ServiceContext
from desktop.services.contractors import ContractorService
from desktop.services.progress import Progress
from desktop.services.settings import SettingsService
from desktop.store.models import Contract, Contractor, Evaluation

# What an evaluation or NDA taken over from a ledger says about itself (desktop.domain.ledger: the
# compliance facts read the same marks to know a record came from a ledger).
IMPORTED_EVALUATION_NOTE = ledger.IMPORTED_EVALUATION_NOTE
IMPORTED_NDA_NOTE = ledger.IMPORTED_NDA_NOTE
IMPORTED_EVALUATOR = "台帳から取込"
IMPORTED_DUE_REASON = "台帳の次回評価予定日 / due date as written in the ledger"
IMPORTED_NDA_TITLE = "機密保持契約（台帳から取込）"

_T = TypeVar("_T")
_S = TypeVar("_S")  # the summary of one kind of import


class LedgerFileError(ItakuError):
    """The file cannot be read as a ledger at all: one sentence for the user."""


class LedgerImportError(ItakuError):
    """Some rows are invalid; nothing was written. Every error names its Excel row and column."""

    def __init__(self, errors: Sequence[CellError]):
        self.errors = list(errors)
        super().__init__(
            Message(
                f"{len(self.errors)} 件のエラーがあるため、取り込みませんでした。",
                f"{len(self.errors)} error(s): nothing was imported.",
            )
        )


@dataclass
class LedgerPreview:
    """What the wizard shows before importing: the sheet, its header, the cleaned rows and their errors."""

    path: Path
    sheet_names: list[str]
    sheet: str
    header: Header
    rows: list[Any]  # LedgerRow, or the rows of another kind of ledger (each with excel_row and errors)
    raw_rows: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)  # first rows, for the preview

    @property
    def errors(self) -> list[CellError]:
        return [error for row in self.rows for error in row.errors]


# Where a contractor's status after the import came from (ImportSummary.row_statuses).
STATUS_FROM_LEDGER = "ledger"  # the ledger's status column
STATUS_INFERRED = (
    "inferred"  # none in the ledger: inferred from the start date and PI items (new contractors)
)
STATUS_CHOSEN = "chosen"  # none in the ledger: the status chosen for the file (--status, the wizard)
STATUS_KEPT = "kept"  # none in the ledger: a registered contractor keeps its own


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    evaluations: int = 0  # created or updated
    ndas: int = 0  # created or updated
    dry_run: bool = False
    # The status of every contractor of the ledger after the import, and where it came from.
    statuses: dict[str, int] = field(default_factory=dict)
    inferred: int = 0  # new contractors whose status was inferred (the ledger gives none)
    chosen: int = 0  # contractors given the status chosen for the file
    candidates_handling_pi: int = (
        0  # left candidates (outside the checks) though the ledger gives PI or a start
    )
    pending_evaluations: int = 0  # evaluations this import wrote that wait for the officer's approval
    pending_contracts: int = 0  # NDAs this import wrote that wait for the officer's approval
    row_statuses: dict[int, tuple[str, str]] = field(default_factory=dict)  # Excel row → (status, source)

    def text(self, language: str = "ja") -> str:
        """One line: how many contractors were added, updated and left unchanged."""
        if language == "en":
            head = "Dry run (nothing written): " if self.dry_run else ""
            return (
                f"{head}{self.added} added, {self.updated} updated, {self.unchanged} unchanged "
                f"(evaluations {self.evaluations}, NDAs {self.ndas})"
            )
        head = "確認のみ（書き込みなし）: " if self.dry_run else ""
        return (
            f"{head}追加 {self.added} 件、更新 {self.updated} 件、変更なし {self.unchanged} 件"
            f"（評価 {self.evaluations} 件、NDA {self.ndas} 件）"
        )

    def status_text(self, language: str = "ja") -> str:
        """How many contractors are under which status, and how many statuses were inferred or chosen."""
        english = language == "en"
        parts = []
        for status in ContractorStatus:
            count = self.statuses.get(status.value, 0)
            if count:
                name = status.label.en if english else status.label.ja
                parts.append(f"{name} {count}" if english else f"{name} {count} 件")
        if english:
            line = "Statuses: " + (", ".join(parts) or "none")
        else:
            line = "状態: " + ("、".join(parts) or "なし")
        notes = []
        if self.inferred:
            notes.append(
                f"{self.inferred} inferred from the start date and PI items (the ledger gives no status)"
                if english
                else f"うち {self.inferred} 件は台帳に状態がなく、委託開始日と個人情報の項目から推定"
            )
        if self.chosen:
            notes.append(
                f"{self.chosen} given the status chosen for the file"
                if english
                else f"うち {self.chosen} 件は取込時に指定した状態"
            )
        if notes:
            line += " (" + "; ".join(notes) + ")" if english else "（" + "、".join(notes) + "）"
        return line

    def pending_text(self, language: str = "ja") -> str:
        english = language == "en"
        if not (self.pending_evaluations or self.pending_contracts):
            return "Awaiting approval: none" if english else "承認待ち: なし"
        if english:
            return (
                f"Awaiting the PI protection officer's approval: {self.pending_evaluations} evaluation(s), "
                f"{self.pending_contracts} NDA(s). Until approved they do not count for the checks."
            )
        return (
            f"個人情報保護責任者の承認待ち: 評価 {self.pending_evaluations} 件、NDA {self.pending_contracts} 件"
            "（承認されるまで法令チェックでは数えられません）"
        )

    def next_steps(self, language: str = "ja", *, command_line: bool = False) -> list[str]:
        """What the user must do next, in order; empty when nothing is left to do."""
        english = language == "en"
        steps = []
        if self.pending_evaluations or self.pending_contracts:
            if command_line:
                kinds = [
                    k
                    for k, n in (
                        ("evaluation", self.pending_evaluations),
                        ("contract", self.pending_contracts),
                    )
                    if n
                ]
                commands = " / ".join(f"itaku-cli approve {kind} --all-pending" for kind in kinds)
                steps.append(
                    f"The officer approves the imported records: {commands}"
                    if english
                    else f"個人情報保護責任者が取り込んだ記録を承認する: {commands}"
                )
            else:
                steps.append(
                    "The officer approves the imported records: on the Evaluations and Contracts and NDAs "
                    "pages, select the rows awaiting approval and choose Approve selected."
                    if english
                    else "個人情報保護責任者が取り込んだ記録を承認する: 「評価」と「契約・NDA」の各ページで承認待ちの行を選び、"
                    "「選択を承認」を押す。"
                )
        if self.inferred and command_line:
            steps.append(
                f"Check the {self.inferred} inferred statuses (itaku-cli contractor list --status active, "
                "--status candidate); if they are wrong, correct them in the window or import again with --status."
                if english
                else f"推定した {self.inferred} 件の状態を確かめる（itaku-cli contractor list --status active、"
                "--status candidate）。違っていれば、ウィンドウの委託先の画面で直すか、--status を付けて取り込み直す。"
            )
        elif self.inferred:
            steps.append(
                f"Check the {self.inferred} inferred statuses (Contractors page, filter by status) and correct "
                "any that is wrong in the contractor's form."
                if english
                else f"推定した {self.inferred} 件の状態を確かめ（「委託先」ページで状態を絞り込む）、違っていれば委託先の画面で直す。"
            )
        if self.candidates_handling_pi:
            steps.append(
                f"{self.candidates_handling_pi} contractors stay candidates (outside the checks) though the ledger "
                "gives them PI items or a start date: set the status of those already entrusted to Active."
                if english
                else f"{self.candidates_handling_pi} 件は台帳に個人情報の項目または委託開始日があるのに「候補」のため、"
                "法令チェックの対象外です。既に委託している委託先は状態を「委託中」にする。"
            )
        return steps

    def report(self, language: str = "ja", *, command_line: bool = False) -> str:
        """The whole summary after an import (or its rehearsal): counts, statuses, approvals, next steps."""
        return summary_report(
            [self.text(language), self.status_text(language), self.pending_text(language)],
            self.next_steps(language, command_line=command_line),
            language,
        )


def summary_report(lines: list[str], steps: list[str], language: str) -> str:
    """An import's summary lines, then what to do next, numbered (or that nothing is left to do)."""
    english = language == "en"
    if steps:
        lines = [*lines, "Next:" if english else "次にすること:"]
        lines.extend(f"{index}. {step}" for index, step in enumerate(steps, start=1))
    else:
        lines = [*lines, "Nothing else to do." if english else "次にすることはありません。"]
    return "\n".join(lines)


class _DryRun(Exception):
    """Raised inside the write transaction to roll it back after a full rehearsal."""

    def __init__(self, summary: Any):
        self.summary = summary


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


def check_file(path: Path) -> None:
    """Refuse, in one sentence, what is not an xlsx file: missing, old .xls, password-protected, other."""
    if not path.is_file():
        raise LedgerFileError(Message(f"ファイルが見つかりません: {path}", f"File not found: {path}"))
    with path.open("rb") as stream:
        head = stream.read(8)
        if head == _OLE_MAGIC:
            # An encrypted xlsx is an OLE compound file holding EncryptionInfo / EncryptedPackage streams.
            content = head + stream.read()
            if (
                "EncryptionInfo".encode("utf-16-le") in content
                or "EncryptedPackage".encode("utf-16-le") in content
            ):
                raise LedgerFileError(
                    Message(
                        f"「{path.name}」はパスワードで保護されています。Excel でパスワードを解除して保存し直してから取り込んでください。",
                        f"'{path.name}' is password-protected: remove the password in Excel, save it, and import again.",
                    )
                )
            raise LedgerFileError(
                Message(
                    f"「{path.name}」は旧形式の Excel ファイル（.xls）です。Excel で .xlsx 形式に保存し直してから取り込んでください。",
                    f"'{path.name}' is an old Excel file (.xls): save it as .xlsx in Excel and import again.",
                )
            )
    if head[:4] != _ZIP_MAGIC:
        raise LedgerFileError(_not_xlsx(path))


def _not_xlsx(path: Path) -> Message:
    return Message(
        f"「{path.name}」は Excel ブック（.xlsx）ではありません。",
        f"'{path.name}' is not an Excel workbook (.xlsx).",
    )


def _broken(path: Path, part: str, error: Exception) -> LedgerFileError:
    """One line naming the file (and the part of it) whose XML cannot be read."""
    detail = " ".join(str(error).split())[:200]
    where = f"{part}: {detail}" if part else detail
    return LedgerFileError(
        Message(
            f"「{path.name}」の内容が壊れているため読めません（{where}）。Excel で開いて保存し直してください。",
            f"'{path.name}' is damaged and cannot be read ({where}): open and save it in Excel again.",
        )
    )


@dataclass(frozen=True)
class ReadLimits:
    """What a workbook may hold before it is read at all (settings `import_max_*`)."""

    uncompressed_bytes: int = 256 * 1024 * 1024
    shared_strings: int = 1_000_000


_SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_STRING_ITEM = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
_CONTENT_TYPES_LIMIT = 1024 * 1024


def check_limits(path: Path, limits: ReadLimits) -> None:
    """Refuse a workbook whose parts would unpack past the limits, before any XML of it is parsed.

    The sizes an archive declares bound what reading it produces (zipfile stops at the declared size and
    fails the checksum), so the sum of them is the most the reader can ever unpack.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            total = sum(entry.file_size for entry in entries)
            if total > limits.uncompressed_bytes:
                raise LedgerFileError(
                    Message(
                        f"「{path.name}」は展開すると {total:,} バイトになり、上限（{limits.uncompressed_bytes:,} バイト）を超えるため読み込みません。",
                        f"'{path.name}' unpacks to {total:,} bytes, over the limit of "
                        f"{limits.uncompressed_bytes:,} bytes: it was not read.",
                    )
                )
            for part in _shared_string_parts(archive, path):
                count = _count_string_items(archive, part, limits.shared_strings)
                if count > limits.shared_strings:
                    raise LedgerFileError(
                        Message(
                            f"「{path.name}」の共有文字列が上限（{limits.shared_strings:,} 個）を超えるため読み込みません。",
                            f"'{path.name}' holds more than {limits.shared_strings:,} shared strings "
                            "(the limit): it was not read.",
                        )
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, NotImplementedError, OSError):
        raise LedgerFileError(_not_xlsx(path)) from None


def _shared_string_parts(archive: zipfile.ZipFile, path: Path) -> list[str]:
    names = set(archive.namelist())
    parts = {name for name in names if name.lower().endswith("sharedstrings.xml")}
    if (
        "[Content_Types].xml" in names
        and archive.getinfo("[Content_Types].xml").file_size <= _CONTENT_TYPES_LIMIT
    ):
        try:
            root = ElementTree.fromstring(archive.read("[Content_Types].xml"))
        except ElementTree.ParseError as error:
            raise _broken(path, "[Content_Types].xml", error) from None
        for item in root:
            if item.get("ContentType") == _SHARED_STRINGS_TYPE:
                part = (item.get("PartName") or "").lstrip("/")
                if part in names:
                    parts.add(part)
    return sorted(parts)


def _count_string_items(archive: zipfile.ZipFile, part: str, limit: int) -> int:
    """The number of <si> items in a shared-strings part, read in chunks; stops counting past `limit`."""
    count = 0
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(1024 * 1024):
            data = tail + chunk
            # A tag cut by the chunk boundary is counted in the next round: keep the last few bytes.
            cut = max(len(data) - 64, 0)
            count += len(_STRING_ITEM.findall(data, 0, cut))
            tail = data[cut:]
            if count > limit:
                return count
    return count + len(_STRING_ITEM.findall(tail))


def _open_workbook(path: Path, limits: ReadLimits | None = None) -> Any:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    check_file(path)
    check_limits(path, limits or ReadLimits())
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except SyntaxError as error:  # ElementTree's ParseError and lxml's XMLSyntaxError alike
        raise _broken(path, "", error) from None
    except ValueError as error:
        if isinstance(error.__cause__, SyntaxError):
            raise _broken(path, "", error.__cause__) from None
        raise LedgerFileError(_not_xlsx(path)) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, IndexError, TypeError, OSError, zlib.error):
        raise LedgerFileError(_not_xlsx(path)) from None


_pause_lock = threading.Lock()
_pauses = 0
_collector_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a ledger is read or written.

    A bulk import keeps tens of thousands of fresh rows alive at once (the preview, the records being
    written); each full collection would walk all of them again, and at 10,000 rows those collections
    were a fifth of the import's time. The rows hold no reference cycles, so nothing is lost by waiting:
    reference counting still frees them, and the collector resumes (if it was running) when the last
    import in the process ends, on success or error alike.
    """
    global _pauses, _collector_was_enabled
    with _pause_lock:
        if _pauses == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _collector_was_enabled:
                gc.enable()


def _ledger_parser(source: Any, worksheet: Any) -> Any:
    """openpyxl's sheet parser, told to keep what its values-only reading loses.

    An error cell (t="e") becomes an ExcelError instead of the text "#N/A"; a formula cell with no stored
    result becomes UNCALCULATED instead of an empty cell, so that no row is taken for blank and dropped.
    Excel stores every result it calculated: an empty text result as t="str" with an empty <v>; programs
    that cannot calculate (openpyxl among them) leave the <v> out or empty on a cell of no text type.
    """
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class LedgerSheetParser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["data_type"] == "e":
                cell["value"] = ledger.ExcelError(str(cell["value"] or "#VALUE!"))
            elif (
                cell["value"] is None and element.get("t") != "str" and element.find(FORMULA_TAG) is not None
            ):
                cell["value"] = ledger.UNCALCULATED
            return cell

    workbook = worksheet.parent
    return LedgerSheetParser(
        source,
        worksheet._shared_strings,
        data_only=True,
        epoch=workbook.epoch,
        date_formats=workbook._date_formats,
        timedelta_formats=workbook._timedelta_formats,
    )


def _sheet_rows(path: Path, worksheet: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(Excel row number, cell values) from row 1, empty rows included as ().

    Unlike openpyxl's own reading, nothing past the sheet's declared dimension is cut off: a workbook
    whose <dimension> is wrong still yields every row and every cell it holds.
    """
    width = worksheet.max_column or 0
    expected = 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns of a date out of range: the cell is an error value
        try:
            with worksheet._get_source() as source:
                for number, cells in _ledger_parser(source, worksheet).parse():
                    while expected < number:
                        yield expected, ()
                        expected += 1
                    if number < expected:
                        continue  # a row written twice: the first one stands, as in openpyxl
                    expected = number + 1
                    if not cells:
                        yield number, ()
                        continue
                    values: list[Any] = [None] * max(width, cells[-1]["column"])
                    for cell in cells:
                        column = cell["column"]
                        if column > len(values):
                            values.extend([None] * (column - len(values)))
                        values[column - 1] = cell["value"]
                    yield number, tuple(values)
        except SyntaxError as error:
            raise _broken(path, worksheet._worksheet_path, error) from None
        except (
            ValueError,
            IndexError,
            KeyError,
            TypeError,
            EOFError,
            zlib.error,
            zipfile.BadZipFile,
        ) as error:
            raise _broken(path, worksheet._worksheet_path, error) from None


@dataclass(frozen=True)
class LedgerKind:
    """How one kind of hand-kept ledger is read: its header, its lines, the sheet names tried first."""

    name: Message  # 委託先台帳 / 第三者提供記録簿, in the message when no sheet has its header
    find_header: Callable[[Sequence[tuple[int, Sequence[Any]]]], Header]
    parse_row: Callable[[Header, int, Sequence[Any]], Any]  # → a row with `excel_row` and `errors`
    sheet_words: tuple[str, ...]  # a sheet whose name holds one of these is tried first


CONTRACTOR_LEDGER = LedgerKind(
    Message("委託先台帳", "contractor ledger"),
    ledger.find_header,
    ledger.parse_row,
    ("委託先", "contractor"),
)


def read_ledger(
    path: Path,
    sheet: str | None,
    kind: LedgerKind,
    limits: ReadLimits,
    progress: Progress | None = None,
    preview_rows: int = 200,
) -> LedgerPreview:
    """Read and clean every line of the first sheet with the kind's header (or of `sheet`); no database
    access. Errors are collected on the rows, not raised; a file or sheet that cannot be read at all raises
    LedgerFileError."""
    workbook = _open_workbook(path, limits)
    try:
        names = list(workbook.sheetnames)
        if sheet is not None and sheet not in names:
            raise LedgerFileError(
                Message(
                    f"シート「{sheet}」がありません（あるシート: {'、'.join(names)}）",
                    f"There is no sheet '{sheet}' (sheets: {', '.join(names)}).",
                )
            )
        candidates = [sheet] if sheet is not None else _preferred_order(names, kind.sheet_words)
        first_error: LedgerFormatError | None = None
        for name in candidates:
            worksheet = workbook[name]
            rows = _sheet_rows(path, worksheet)
            top = [row for _, row in zip(range(ledger.HEADER_SEARCH_ROWS), rows, strict=False)]
            try:
                header = kind.find_header(top)
            except LedgerFormatError as error:
                first_error = first_error or error
                continue
            total = max((worksheet.max_row or 0) - header.row_number, 0)
            parsed: list[Any] = []
            raw_rows: list[tuple[int, tuple[Any, ...]]] = []

            def all_rows(
                top: list[tuple[int, tuple[Any, ...]]] = top,
                rest: Iterator[tuple[int, tuple[Any, ...]]] = rows,
            ) -> Iterator[tuple[int, tuple[Any, ...]]]:
                yield from top
                yield from rest

            for number, cells in ledger.read_rows(all_rows(), header):
                parsed.append(kind.parse_row(header, number, cells))
                if len(raw_rows) < preview_rows:
                    raw_rows.append((number, tuple(cells)))
                if progress is not None and len(parsed) % 200 == 0:
                    progress(len(parsed), total)
            return LedgerPreview(path, names, name, header, parsed, raw_rows)
        assert first_error is not None
        if sheet is None and len(names) > 1:
            raise LedgerFileError(
                Message(
                    f"「{path.name}」のどのシートにも{kind.name.ja}の見出し行が見つかりません。{first_error.message.ja}",
                    f"No sheet of '{path.name}' has a {kind.name.en} header row. {first_error.message.en}",
                )
            )
        raise LedgerFileError(first_error.message)
    finally:
        workbook.close()


class WorkbookImporter:
    """What every ledger import shares: the settings' read limits, the sheet list, the reading itself."""

    PREVIEW_ROWS = 200
    KIND = CONTRACTOR_LEDGER

    def __init__(self, context: ServiceContext, settings: SettingsService):
        self.context = context
        self.settings = settings

    def limits(self) -> ReadLimits:
        values = self.settings.get_all()
        return ReadLimits(
            int(values["import_max_uncompressed_bytes"]), int(values["import_max_shared_strings"])
        )

    def sheet_names(self, path: Path) -> list[str]:
        workbook = _open_workbook(Path(path), self.limits())
        try:
            return list(workbook.sheetnames)
        finally:
            workbook.close()

    def read(self, path: Path, sheet: str | None = None, progress: Progress | None = None) -> LedgerPreview:
        """Read and clean every row (no database access); errors are collected, not raised."""
        with collector_paused():
            return self._read(Path(path), sheet, progress)

    def _read(self, path: Path, sheet: str | None, progress: Progress | None) -> LedgerPreview:
        return read_ledger(path, sheet, self.KIND, self.limits(), progress, self.PREVIEW_ROWS)

    def write_all_or_nothing(
        self, summary: _S, dry_run: bool, write: Callable[[Session], list[CellError]]
    ) -> _S:
        """Run `write` in one transaction: any error it collects raises LedgerImportError (every error, by
        row) and nothing is written; a dry run rehearses everything, then rolls back."""
        try:
            with collector_paused(), self.context.write() as session:
                errors = write(session)
                if errors:
                    raise LedgerImportError(sorted(errors, key=lambda error: error.excel_row))
                if dry_run:
                    raise _DryRun(summary)
        except _DryRun as rehearsal:
            return rehearsal.summary
        return summary


class LedgerImportService(WorkbookImporter):
    """The contractor ledger (委託先管理台帳): contractors, with the evaluation and the NDA of each line."""

    def _read(self, path: Path, sheet: str | None, progress: Progress | None) -> LedgerPreview:
        preview = super()._read(path, sheet, progress)
        _check_duplicates(preview.rows, preview.header)
        return preview

    # --- writing ---------------------------------------------------------------------------------------

    def import_contractors(
        self,
        path: Path,
        sheet: str | None = None,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        status: str | None = None,
    ) -> ImportSummary:
        """Read, check and write the ledger in one transaction; raise LedgerImportError listing every error.

        `status`: the status of every contractor whose ledger line gives none (None: a new contractor's is
        inferred, `ledger.inferred_status`, and a registered one keeps its own)."""
        preview = self.read(path, sheet)
        return self.apply(preview, dry_run=dry_run, progress=progress, status=status)

    def apply(
        self,
        preview: LedgerPreview,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        status: str | None = None,
    ) -> ImportSummary:
        if preview.errors:
            raise LedgerImportError(preview.errors)
        if status is not None and status not in {s.value for s in ContractorStatus}:
            raise ValidationError(
                {"status": Message(f"不明な状態です: {status}", f"unknown status: {status}")}
            )
        summary = ImportSummary(dry_run=dry_run)
        return self.write_all_or_nothing(
            summary, dry_run, lambda session: self._write(session, preview, summary, progress, status)
        )

    def _write(
        self,
        session: Session,
        preview: LedgerPreview,
        summary: ImportSummary,
        progress: Progress | None,
        status: str | None = None,
    ) -> list[CellError]:
        """Match every row, update the matched contractors, create the new ones in bulk; collect errors."""
        rows = preview.rows
        column_of = {c.target: c.header for c in preview.header.recognised}
        errors: list[CellError] = []
        today = self.context.today()

        def report(row: LedgerRow, error: ValidationError, prefix: str = "") -> None:
            for name, message in error.fields.items():
                column = (
                    column_of.get(f"{prefix}{name}")
                    or column_of.get(name)
                    or column_of.get("name", "委託先名")
                )
                errors.append(CellError(row.excel_row, column, message, _shown_value(row, prefix, name)))

        by_number, by_name = self._existing(session, rows)
        matched: list[tuple[LedgerRow, Contractor]] = []
        new_rows: list[LedgerRow] = []
        for row in rows:
            try:
                contractor = self._match(row, by_number, by_name)
            except _RowError as error:
                errors.append(
                    dataclasses.replace(
                        error.error,
                        column=column_of.get("name", error.error.column),
                        value=ledger.cell_text(row.contractor.get("name")),
                    )
                )
                continue
            if contractor is None:
                new_rows.append(row)
            else:
                matched.append((row, contractor))

        def unique(clean: dict[str, Any], own_id: int | None) -> None:
            # Numbers of this ledger that are already registered were loaded up front; only those can clash.
            if clean.get("corporate_number") in by_number:
                ContractorService._check_unique(session, clean, own_id)

        # Contractors already registered: updated one by one (an unchanged one costs no write).
        changed_ids: set[int] = set()
        for done, (row, contractor) in enumerate(matched, start=1):
            version = contractor.version

            def check(clean: dict[str, Any], own: int = contractor.id) -> None:
                unique(clean, own)

            changes = row.contractor
            if status is not None and "status" not in changes:
                changes = {**changes, "status": status}  # the status chosen for the file
            try:
                records.update(session, self.context, contractor, CONTRACTOR, changes, None, check=check)
            except ValidationError as error:
                report(row, error)
                if not session.is_active:
                    return errors  # the store refused a write; the transaction is lost
                continue
            if contractor.version != version:
                changed_ids.add(contractor.id)
            if progress is not None and done % 200 == 0:
                progress(done, len(rows))

        # New contractors: one batched insert, each with its audit event. The preview validated each row
        # into its whole clean record; only what depends on the database (a clashing number) is checked here.
        # (A row the preview could not make a record of, for a rule about a column the ledger lacks, has
        # none: then every row is validated again here, which reports it.)
        validated = all(row.new_contractor is not None for row in new_rows)
        new_records: list[dict[str, Any]] = []
        for row in new_rows:
            record: dict[str, Any] = row.new_contractor if validated else row.contractor  # type: ignore[assignment]
            if "status" in row.contractor:
                summary.row_statuses[row.excel_row] = (row.contractor["status"], STATUS_FROM_LEDGER)
            else:
                # Issue 12: no status in the ledger never means silently outside every check.
                given = status or ledger.inferred_status(row.contractor, today)
                record = {**record, "status": given}
                summary.row_statuses[row.excel_row] = (given, STATUS_CHOSEN if status else STATUS_INFERRED)
            new_records.append(record)
        created = records.create_many(
            session,
            self.context,
            Contractor,
            CONTRACTOR,
            # Marked with the day of the import: its history before that day is not on record (the rule
            # contractor.selection_unconfirmed reads it), as its evaluation and NDA are marked by their notes.
            [(record, {"imported_on": today}) for record in new_records],
            check=lambda clean: unique(clean, None),
            on_error=lambda index, error: report(new_rows[index], error),
            validated=validated,
        )
        if errors:
            return errors
        owners = [
            (row, contractor_id)
            for row, contractor_id in zip(new_rows, created, strict=True)
            if contractor_id is not None
        ] + [(row, contractor.id) for row, contractor in matched]
        if progress is not None:
            progress(len(rows), len(rows))

        evaluated, summary.evaluations, summary.pending_evaluations = self._evaluations(
            session, owners, {c.id for _, c in matched}, report, errors
        )
        signed, summary.ndas, summary.pending_contracts = self._ndas(
            session, owners, {c.id for _, c in matched}, report, errors
        )
        touched = evaluated | signed
        summary.added = len(new_rows)
        for row, contractor in matched:
            if contractor.id in changed_ids or contractor.id in touched:
                summary.updated += 1
            else:
                summary.unchanged += 1
            source = (
                STATUS_FROM_LEDGER
                if "status" in row.contractor
                else STATUS_CHOSEN
                if status is not None
                else STATUS_KEPT
            )
            summary.row_statuses[row.excel_row] = (contractor.status, source)
        _count_statuses(summary, rows)
        return errors

    def _existing(
        self,
        session: Session,
        rows: list[LedgerRow],
    ) -> tuple[dict[str, Contractor], dict[str, list[Contractor]]]:
        numbers = sorted({n for r in rows if (n := r.contractor.get("corporate_number"))})
        names = sorted({n for r in rows if (n := r.contractor.get("name"))})
        by_number: dict[str, Contractor] = {}
        by_name: dict[str, list[Contractor]] = {}
        for chunk in _chunks(numbers, 500):
            for contractor in session.scalars(
                select(Contractor).where(Contractor.corporate_number.in_(chunk))
            ):
                by_number[contractor.corporate_number or ""] = contractor
        for chunk in _chunks(names, 500):
            for contractor in session.scalars(
                select(Contractor).where(Contractor.name.in_(chunk)).order_by(Contractor.id)
            ):
                by_name.setdefault(contractor.name, []).append(contractor)
        return by_number, by_name

    @staticmethod
    def _match(
        row: LedgerRow, by_number: dict[str, Contractor], by_name: dict[str, list[Contractor]]
    ) -> Contractor | None:
        """Same corporate number; else the same name (where one side has no corporate number)."""
        number = row.contractor.get("corporate_number")
        if number and number in by_number:
            return by_number[number]
        candidates = [
            c
            for c in by_name.get(row.contractor.get("name") or "", [])
            if not number or not c.corporate_number
        ]
        if len(candidates) > 1:
            raise _RowError(
                CellError(
                    row.excel_row,
                    "委託先名",
                    Message(
                        f"同じ名称の委託先が {len(candidates)} 件登録されているため、どれを更新するか決められません（法人番号を入力してください）",
                        f"{len(candidates)} contractors have this name, so the row cannot be matched (add the corporate number)",
                    ),
                )
            )
        return candidates[0] if candidates else None

    def _evaluations(
        self,
        session: Session,
        owners: list[tuple[LedgerRow, int]],
        existing_ids: set[int],
        report: Callable[..., None],
        errors: list[CellError],
    ) -> tuple[set[int], int, int]:
        """Create the ledger's evaluations (or correct an earlier import's): the contractors touched, how many,
        how many of them await approval."""
        pending_updates = 0
        interval = int(self.settings.get("evaluation_interval_months"))
        stored: dict[tuple[int, date], Evaluation] = {}
        for chunk in _chunks(sorted(existing_ids), 500):
            for evaluation in session.scalars(
                select(Evaluation).where(Evaluation.contractor_id.in_(chunk)).order_by(Evaluation.id.desc())
            ):
                stored[(evaluation.contractor_id, evaluation.evaluated_on)] = (
                    evaluation  # the first made wins
                )
        touched: set[int] = set()
        to_create: list[tuple[LedgerRow, int, dict[str, Any], dict[str, Any]]] = []
        template: dict[str, Any] | None = None  # the clean record's constant part, validated once
        for row, contractor_id in owners:
            if row.evaluation is None:
                continue
            wanted = row.evaluation
            default_due = add_months(wanted["evaluated_on"], interval)
            next_due = wanted["next_due_on"] or default_due
            reason = None if next_due == default_due else IMPORTED_DUE_REASON
            existing = stored.get((contractor_id, wanted["evaluated_on"]))
            if existing is not None:
                if existing.result == wanted["result"] and existing.next_due_on == next_due:
                    continue
                if existing.items:
                    report(
                        row,
                        ValidationError(
                            {
                                "result": Message(
                                    f"この評価日にはチェックリストによる評価（{existing.result}、次回 {existing.next_due_on}）が"
                                    "登録済みで、台帳と一致しません",
                                    f"an evaluation by checklist ({existing.result}, next due {existing.next_due_on}) exists on "
                                    "this date and differs from the ledger",
                                )
                            }
                        ),
                        "evaluation.",
                    )
                    continue
                try:
                    records.update(
                        session,
                        self.context,
                        existing,
                        EVALUATION,
                        {"next_due_on": next_due, "next_due_reason": reason},
                        None,
                        extra={"result": wanted["result"]},
                    )
                except ValidationError as error:
                    report(row, error, "evaluation.")
                    continue
                touched.add(contractor_id)
                pending_updates += existing.approved_on is None
                continue
            data = {
                "contractor_id": contractor_id,
                "evaluated_on": wanted["evaluated_on"],
                "evaluator": wanted["evaluator"] or IMPORTED_EVALUATOR,
                "route": EvaluationRoute.FULL.value,
                "conditions": IMPORTED_EVALUATION_NOTE,
                "next_due_on": next_due,
                "next_due_reason": reason,
            }
            # The preview cleaned the ledger's values; the due date may come from the settings: checked here.
            try:
                validate(EVALUATION, {"next_due_on": next_due}, partial=True)
                if template is None:
                    template = validate(EVALUATION, data)
            except ValidationError as error:
                report(row, error, "evaluation.")
                continue
            data = {**template, **data}
            # No item scores: the ledger only says the result. items stays empty and max_score 0 so that no
            # screen or report can mistake it for a checklist evaluation.
            extra = {
                "items": [],
                "total_score": 0,
                "max_score": 0,
                "result": wanted["result"],
                "certificate_number": None,
                "certificate_expiry": None,
            }
            to_create.append((row, contractor_id, data, extra))
        records.create_many(
            session,
            self.context,
            Evaluation,
            EVALUATION,
            [(d, e) for _, _, d, e in to_create],
            on_error=lambda index, error: report(to_create[index][0], error, "evaluation."),
            validated=True,
        )
        count = len(touched) + len(to_create)
        touched |= {contractor_id for _, contractor_id, _, _ in to_create}
        return touched, count, len(to_create) + pending_updates

    def _ndas(
        self,
        session: Session,
        owners: list[tuple[LedgerRow, int]],
        existing_ids: set[int],
        report: Callable[..., None],
        errors: list[CellError],
    ) -> tuple[set[int], int, int]:
        """Create the ledger's NDAs (or move the end of an existing one): the contractors touched, how many, how
        many of them await approval."""
        pending_updates = 0
        stored: dict[tuple[int, date], Contract] = {}
        for chunk in _chunks(sorted(existing_ids), 500):
            for contract in session.scalars(
                select(Contract)
                .where(Contract.contractor_id.in_(chunk), Contract.kind == ContractKind.NDA.value)
                .order_by(Contract.id.desc())
            ):
                stored[(contract.contractor_id, contract.signed_on)] = contract
        touched: set[int] = set()
        to_create: list[tuple[LedgerRow, int, dict[str, Any]]] = []
        template: dict[str, Any] | None = None  # the clean record's constant part, validated once
        for row, contractor_id in owners:
            if row.nda is None:
                continue
            signed_on: date = row.nda["signed_on"]
            expires_on: date | None = row.nda["expires_on"]
            existing = stored.get((contractor_id, signed_on))
            if existing is not None:
                if existing.expires_on == expires_on or (existing.auto_renewal and expires_on is not None):
                    continue  # an auto-renewing NDA: the ledger shows the end of its current term
                try:
                    records.update(
                        session, self.context, existing, CONTRACT, {"expires_on": expires_on}, None
                    )
                except ValidationError as error:
                    report(row, error, "nda.")
                    continue
                touched.add(contractor_id)
                pending_updates += existing.approved_on is None
                continue
            data = {
                "contractor_id": contractor_id,
                "kind": ContractKind.NDA.value,
                "title": IMPORTED_NDA_TITLE,
                "signed_on": signed_on,
                "effective_from": signed_on,
                "expires_on": expires_on,
                "auto_renewal": False,
                "notes": IMPORTED_NDA_NOTE,
            }
            # The preview cleaned both dates and their order; nothing here depends on the database.
            if template is None:
                try:
                    template = validate(CONTRACT, data)
                except ValidationError as error:
                    report(row, error, "nda.")
                    continue
            to_create.append((row, contractor_id, {**template, **data}))
        records.create_many(
            session,
            self.context,
            Contract,
            CONTRACT,
            [(d, None) for _, _, d in to_create],
            on_error=lambda index, error: report(to_create[index][0], error, "nda."),
            validated=True,
        )
        count = len(touched) + len(to_create)
        touched |= {contractor_id for _, contractor_id, _ in to_create}
        return touched, count, len(to_create) + pending_updates


def _shown_value(row: LedgerRow, prefix: str, name: str) -> str:
    """The value of the cell an error found when the row was written, as read from the ledger."""
    source = {"evaluation.": row.evaluation, "nda.": row.nda}.get(prefix, row.contractor) or {}
    return ledger.cell_text(source.get(name, row.contractor.get(name) if name == "name" else None))


def _count_statuses(summary: ImportSummary, rows: Sequence[LedgerRow]) -> None:
    """The statuses the ledger's contractors have after the import, and those left outside the checks."""
    statuses: dict[str, int] = {}
    by_row = {row.excel_row: row for row in rows}
    for excel_row, (status, source) in summary.row_statuses.items():
        statuses[status] = statuses.get(status, 0) + 1
        summary.inferred += source == STATUS_INFERRED
        summary.chosen += source == STATUS_CHOSEN
        row = by_row.get(excel_row)
        if (
            status == ContractorStatus.CANDIDATE.value
            and row is not None
            and (row.contractor.get("start_date") or ledger.handles_pi(row.contractor))
        ):
            summary.candidates_handling_pi += 1
    summary.statuses = statuses


class _RowError(Exception):
    def __init__(self, error: CellError):
        self.error = error


def _chunks(items: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _preferred_order(names: list[str], words: Sequence[str]) -> list[str]:
    """Try a sheet whose name holds one of `words` (委託先, 委託先管理台帳) first, then the others in order."""
    preferred = [n for n in names if any(word in n.lower() for word in words)]
    return preferred + [n for n in names if n not in preferred]


def _check_duplicates(rows: list[LedgerRow], header: Header) -> None:
    """The same contractor twice in one ledger is an error on its second line."""
    column_of = {c.target: c.header for c in header.recognised}
    number_column = column_of.get("corporate_number", "法人番号")
    name_column = column_of.get("name", "委託先名")
    seen_number: dict[str, int] = {}
    seen_name: dict[str, tuple[int, bool]] = {}
    for row in rows:
        if row.errors:
            continue
        number = row.contractor.get("corporate_number")
        name = row.contractor.get("name") or ""
        if number:
            if number in seen_number:
                row.errors.append(
                    CellError(
                        row.excel_row,
                        number_column,
                        Message(
                            f"同じ法人番号が {seen_number[number]} 行目にもあります",
                            f"the same corporate number is on row {seen_number[number]}",
                        ),
                        ledger.cell_text(number),
                    )
                )
                continue
            seen_number[number] = row.excel_row
        previous = seen_name.get(name)
        if previous is not None and (not number or not previous[1]):
            row.errors.append(
                CellError(
                    row.excel_row,
                    name_column,
                    Message(
                        f"同じ名称の委託先が {previous[0]} 行目にもあり、法人番号で区別できません",
                        f"the same name is on row {previous[0]} and no corporate number tells them apart",
                    ),
                    ledger.cell_text(name),
                )
            )
            continue
        if previous is None:
            seen_name[name] = (row.excel_row, bool(number))
