"""第三者提供記録簿 and 確認記録簿 (PDF) and the workbook's sheets 第三者提供記録 and 確認記録, from the demo data:
every record printed with its retention end and findings, A4 landscape, seal boxes, "N / M"."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from pypdf import PdfReader

from desktop.reports.pdf import REGISTERS, render_register
from desktop.reports.xlsx.audit_workbook import write_audit_workbook
from desktop.services.facade import Services
from tests.conftest import FIXED_NOW

AS_OF = FIXED_NOW.date()


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pages_of(services: Services, register: str, tmp_path: Path) -> list[str]:
    out = tmp_path / f"{register}.pdf"
    render_register(services, register, out, as_of=AS_OF)
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # A4 landscape
    return [page.extract_text() for page in reader.pages]


def test_the_provision_register_prints_every_provision_with_its_retention_and_findings(
    demo_services: Services, tmp_path: Path
) -> None:
    assert REGISTERS["provisions"].title_ja == "第三者提供記録簿"
    pages = pages_of(demo_services, "provisions", tmp_path)
    text = squash("".join(pages))
    rows = demo_services.registers.provisions(AS_OF)
    assert len(rows) == 9
    assert [r.provision.recipient_name for r in rows if squash(r.provision.recipient_name) not in text] == []
    ended = [r.provision.retention_end for r in rows if r.provision.retention_end]
    assert all(f"{end:%Y-%m-%d}まで" in text for end in ended)
    assert "継続中" in text and "一括記録" in text
    assert "提供停止の求めの後の提供" in text and "第三者提供の根拠がない" in text
    assert "承認確認作成" in squash(pages[0])
    assert all(f"{n} / {len(pages)}" in page for n, page in enumerate(pages, start=1))


def test_the_receipt_register_prints_every_receipt_with_its_confirmation(
    demo_services: Services, tmp_path: Path
) -> None:
    assert REGISTERS["receipts"].title_ja == "確認記録簿"
    pages = pages_of(demo_services, "receipts", tmp_path)
    text = squash("".join(pages))
    rows = demo_services.registers.receipts(AS_OF)
    assert len(rows) == 4
    assert [r.receipt.provider_name for r in rows if squash(r.receipt.provider_name) not in text] == []
    assert "提供者による取得の経緯の確認がない" in text
    assert "確認記録の保存期間の終了（削除可）" in text
    assert "承認確認作成" in squash(pages[0])


def test_the_workbook_sheets_list_provisions_and_receipts(demo_services: Services, tmp_path: Path) -> None:
    path = tmp_path / "audit.xlsx"
    write_audit_workbook(demo_services, path, AS_OF)
    book = openpyxl.load_workbook(path)
    names = book.sheetnames
    assert names.index("第三者提供記録") + 1 == names.index("確認記録") < names.index("指摘事項")
    sheet = book["第三者提供記録"]
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == [
        "提供年月日",
        "一括記録の期間（開始）",
        "一括記録の期間（終了）",
        "提供先の氏名・名称",
    ]
    assert {"提供の根拠", "保存期間の終了日", "指摘事項", "委託先の名称"} <= set(header)
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == 9
    by_recipient = {row["提供先の氏名・名称"]: row for row in rows}
    assert by_recipient["株式会社データ流通"]["提供の根拠"] is None
    assert "根拠" in by_recipient["株式会社データ流通"]["指摘事項"]
    assert by_recipient["警視庁○○警察署"]["適用除外の事由（方針5）"].startswith("5(1)")
    receipts = book["確認記録"]
    header = [cell.value for cell in receipts[1]]
    rows = [dict(zip(header, row, strict=True)) for row in receipts.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == 4
    assert (
        "取得の経緯" in {row["提供者の氏名・名称"]: row for row in rows}["株式会社名簿センター"]["指摘事項"]
    )


def test_the_contractor_file_lists_the_provisions_to_the_contractor(
    demo_services: Services, tmp_path: Path
) -> None:
    [linked] = [r for r in demo_services.provisions.list() if r.contractor_id is not None]
    file = demo_services.registers.contractor_file(linked.contractor_id, AS_OF)
    assert [p.id for p in file.provisions] == [linked.id]
    out = tmp_path / "file.pdf"
    render_register(demo_services, "contractor-file", out, as_of=AS_OF, record_id=linked.contractor_id)
    text = squash("".join(page.extract_text() for page in PdfReader(out).pages))
    assert "この委託先への第三者提供" in text
    assert squash(linked.persons or "") in text and f"{linked.retention_end:%Y-%m-%d}まで" in text
    other = 1 if linked.contractor_id != 1 else 2
    assert demo_services.registers.contractor_file(other, AS_OF).provisions == []
