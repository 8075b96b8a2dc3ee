"""The joint-use register (PDF) and the workbook's joint-use sheet show, for a change of the items or the scope
of joint users, its basis and reason — or that it has none (PPC Guidelines (General) 3-6-3)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from desktop.reports.pdf import render_register
from desktop.reports.xlsx import write_audit_workbook
from desktop.services.facade import Services

AS_OF = date(2026, 11, 25)


def record_changes(services: Services) -> int:
    joint_use = services.joint_uses.create(
        {"title": "根拠を確かめる共同利用", "start_date": "2026-04-01", "notice_published_on": "2026-03-01"}
    )
    services.joint_uses.add_change(
        {
            "joint_use_id": joint_use.id,
            "field": "scope",
            "description": "合併した子会社を加える",
            "changed_on": "2026-10-01",
            "basis": "succession",
            "basis_reason": "吸収合併により事業を承継",
        }
    )
    services.joint_uses.add_change(
        {
            "joint_use_id": joint_use.id,
            "field": "pi_items",
            "description": "位置情報を追加",
            "changed_on": "2026-10-02",
        }
    )
    return joint_use.id


def test_the_joint_use_register_prints_the_basis_or_its_absence(
    sqlite_services: Services, tmp_path: Path
) -> None:
    record_changes(sqlite_services)
    out = tmp_path / "joint-uses.pdf"
    render_register(sqlite_services, "joint-uses", out, as_of=AS_OF)
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(out).pages))
    assert "根拠合併・事業譲渡等による承継（吸収合併により事業を承継）" in text
    assert "根拠なし（公表では変更できない事項）" in text


def test_the_workbook_shows_the_basis_of_each_change(sqlite_services: Services, tmp_path: Path) -> None:
    record_changes(sqlite_services)
    path = tmp_path / "audit.xlsx"
    write_audit_workbook(sqlite_services, path, AS_OF)
    sheet = openpyxl.load_workbook(path)["共同利用"]
    header = [cell.value for cell in sheet[1]]
    (row,) = [
        row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0] == "根拠を確かめる共同利用"
    ]
    changes = row[header.index("変更の履歴")]
    assert (
        "共同利用者の範囲: 合併した子会社を加える / 根拠: 合併・事業譲渡等による承継（吸収合併により事業を承継）"
        in changes
    )
    assert "個人情報の項目: 位置情報を追加 / 根拠: なし（公表では変更できない事項）" in changes
