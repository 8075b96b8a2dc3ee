"""The reports show what their registries hold, and nothing from a list of their own: a throw-away kind's
entry, put in the registries for one test, appears as a workbook sheet, in the 概要 counts and as a PDF register.

Together with tests/test_record_kinds.py (every RecordType has its entry in every registry, or a reason),
this is the proof that adding a kind of record is one entry per registry (docs/adding-a-record-kind.md). The
throw-away kind is not a RecordType member (an enum cannot gain one at run time, and a table made for a test
would change the schema the migration test compares): it borrows the joint-use table and builders.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from desktop.app import Services
from desktop.reports.pdf import REGISTERS, RegisterInfo, ledgers, render_register
from desktop.reports.xlsx import write_audit_workbook
from desktop.reports.xlsx.audit_workbook import RECORD_SHEETS, AuditWorkbook, RecordSheet
from desktop.reports.xlsx.sheet import Column
from desktop.services.compliance import service as checks
from desktop.store.models import RECORD_MODELS, JointUse

AS_OF = date(2026, 11, 25)
THROWAWAY = "throwaway"


def throwaway_rows(workbook: AuditWorkbook) -> tuple[list[Column], Any]:
    rows = workbook.services.registers.joint_uses(workbook.as_of, findings=workbook.findings)
    return [Column("試験の名称")], iter([[row.joint_use.title] for row in rows])


@pytest.fixture
def throwaway_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RECORD_MODELS, THROWAWAY, JointUse)  # type: ignore[index]
    monkeypatch.setattr(checks, "COUNTED_RECORD_TYPES", (*checks.COUNTED_RECORD_TYPES, THROWAWAY))
    monkeypatch.setitem(RECORD_SHEETS, THROWAWAY, RecordSheet("試験", throwaway_rows))  # type: ignore[index]
    monkeypatch.setitem(
        REGISTERS,
        THROWAWAY,
        RegisterInfo("試験台帳", "Throw-away register", ledgers.joint_uses, needs_id=False),
    )


@pytest.mark.usefixtures("throwaway_kind")
def test_a_new_kinds_sheet_and_count_appear_in_the_workbook(demo_services: Services, tmp_path: Path) -> None:
    path = tmp_path / "audit.xlsx"
    counts = write_audit_workbook(demo_services, path, AS_OF)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[book.sheetnames.index("指摘事項") - 1 :] == ["試験", "指摘事項", "監査ログ"]
    titles = sorted(row.title for row in demo_services.joint_uses.list())
    sheet = book["試験"]
    assert sheet.cell(1, 1).value == "試験の名称"
    assert sorted(sheet.cell(row, 1).value for row in range(2, sheet.max_row + 1)) == titles
    assert counts["試験"] == len(titles)
    summary = [[cell.value for cell in row] for row in book["概要"].iter_rows(min_row=2)]
    assert ["登録件数", THROWAWAY, len(titles)] in summary


@pytest.mark.usefixtures("throwaway_kind")
def test_a_new_register_prints_through_the_same_call(demo_services: Services, tmp_path: Path) -> None:
    out = tmp_path / "throwaway.pdf"
    result = render_register(demo_services, THROWAWAY, out, as_of=AS_OF)
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(out).pages))
    assert result.pages >= 1 and "試験台帳" in text
    assert all(re.sub(r"\s+", "", row.title) in text for row in demo_services.joint_uses.list())
