"""The audit workbook: reopened with openpyxl and checked the way an auditor would see it."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.schema import CONTRACTOR
from desktop.reports.xlsx import SHEETS, write_audit_workbook
from desktop.reports.xlsx.sheet import wrap_text_lines
from desktop.services.facade import Services
from desktop.services.ledger_import import LedgerImportService
from tests.conftest import make_services

AS_OF = date(2026, 11, 25)


@pytest.fixture
def demo_workbook(demo_services: Services, tmp_path: Path) -> openpyxl.Workbook:
    path = tmp_path / "audit.xlsx"
    write_audit_workbook(demo_services, path, AS_OF)
    return openpyxl.load_workbook(path)


def test_the_workbook_has_every_register_sheet_in_order(demo_workbook: openpyxl.Workbook) -> None:
    assert (
        demo_workbook.sheetnames
        == list(SHEETS)
        == [
            "概要",
            "委託先",
            "評価",
            "契約",
            "受託業務",
            "同意",
            "再委託",
            "共同利用",
            "是正処置",
            "オプトアウト",
            "提供停止の求め",
            "第三者提供記録",
            "確認記録",
            "本人請求",
            "事故",
            "指摘事項",
            "監査ログ",
        ]
    )


def test_every_sheet_has_a_bold_frozen_filtered_header_and_prints_landscape_one_page_wide(
    demo_workbook: openpyxl.Workbook,
) -> None:
    for sheet in demo_workbook:
        assert all(cell.font.b for cell in sheet[1]), sheet.title
        assert sheet.freeze_panes == "A2", sheet.title
        last = openpyxl.utils.get_column_letter(sheet.max_column)
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}", sheet.title
        assert sheet.page_setup.orientation == "landscape"
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert sheet.print_title_rows == "$1:$1"


def test_every_header_shows_whole_wrapped_over_at_most_three_lines_and_widths_are_never_absurd(
    demo_workbook: openpyxl.Workbook,
) -> None:
    from desktop.reports.xlsx.sheet import LONG_TEXT_STRETCH

    for sheet in demo_workbook:
        lines = []
        for cell in sheet[1]:
            width = sheet.column_dimensions[cell.column_letter].width
            # 50 at most, but a long text on a sheet printed at full size, stretched into the page's room
            assert 6 <= width <= 50 or (width <= LONG_TEXT_STRETCH and sheet.title == "監査ログ"), (
                sheet.title,
                cell.value,
                width,
            )
            assert cell.alignment.wrap_text, (sheet.title, cell.value)
            # Two characters are the filter arrow's: the header wraps in what is left.
            lines.append(wrap_text_lines(str(cell.value), width - 2))
            assert lines[-1] <= 3, (sheet.title, cell.value, width)
        if max(lines) > 1:  # the header row is tall enough for its longest wrapped header: none cut off
            assert (sheet.row_dimensions[1].height or 0) >= max(lines) * 15, sheet.title


def test_a_header_wraps_at_spaces_and_between_japanese_characters() -> None:
    assert wrap_text_lines("特定個人情報（マイナンバー）", 31) == 1  # 2.1 units a Japanese character
    assert wrap_text_lines("特定個人情報（マイナンバー）", 17) == 2  # seven characters a line
    assert wrap_text_lines("Privacy Mark expiry", 12) == 2  # "Privacy" / "Mark expiry", no word broken
    assert wrap_text_lines("Privacy Mark expiry", 8) == 3
    assert wrap_text_lines("https://example.co.jp/privacy/", 11) == 3  # a word wider than a line is broken


def test_dates_are_real_excel_dates_shown_yyyy_mm_dd(demo_workbook: openpyxl.Workbook) -> None:
    sheet = demo_workbook["委託先"]
    headers = [c.value for c in sheet[1]]
    start = sheet.cell(row=2, column=headers.index("委託開始日") + 1)
    assert isinstance(start.value, datetime) and start.is_date
    assert start.number_format == "yyyy/mm/dd"
    log = demo_workbook["監査ログ"]
    assert isinstance(log["A2"].value, datetime) and log["A2"].number_format == "yyyy/mm/dd hh:mm"


def test_long_text_is_wrapped(demo_workbook: openpyxl.Workbook) -> None:
    sheet = demo_workbook["委託先"]
    headers = [c.value for c in sheet[1]]
    work = sheet.cell(row=2, column=headers.index("委託業務") + 1)
    assert work.value and work.alignment.wrap_text is True


def test_the_contractor_sheet_uses_the_schema_labels(demo_workbook: openpyxl.Workbook) -> None:
    headers = [c.value for c in demo_workbook["委託先"][1]]
    assert headers[: len(CONTRACTOR.fields)] == [f.ja for f in CONTRACTOR.fields]
    assert headers[len(CONTRACTOR.fields) :] == [
        "評価日",
        "評価結果",
        "次回評価予定日",
        "NDA締結日",
        "NDA終了日",
    ]
    assert demo_workbook["委託先"].max_row == 41


def test_the_summary_counts_records_and_findings(
    demo_services: Services, demo_workbook: openpyxl.Workbook
) -> None:
    rows = {(r[0], r[1]): r[2] for r in demo_workbook["概要"].iter_rows(min_row=2, values_only=True)}
    assert rows[("登録件数", "委託先")] == 40
    findings = demo_services.checks.findings(AS_OF)
    assert rows[("指摘事項（重大度別）", "重大")] == sum(f.severity.value == "blocking" for f in findings)
    assert demo_workbook["指摘事項"].max_row == len(findings) + 1


def test_workbook_properties_name_title_creator_and_time(demo_workbook: openpyxl.Workbook) -> None:
    props = demo_workbook.properties
    assert props.title == "委託先管理 監査用ワークブック"
    assert props.creator == "Itaku (tester)"
    assert props.created == datetime(2026, 11, 25, 3, 0)  # FIXED_NOW, in UTC


INJECTIONS = ['=HYPERLINK("http://evil.example","x")', "+1+2", "-3+4", "@SUM(A1)", "#N/A", "#DIV/0!"]


def test_text_that_looks_like_a_formula_or_an_error_stays_text(
    sqlite_services: Services, tmp_path: Path
) -> None:
    for index, text in enumerate(INJECTIONS):
        sqlite_services.contractors.create(
            {
                "name": f"{text}",
                "kana": text,
                "notes": f"{text}\n2行目",
                "entrusted_work": text,
                "contact_person": f"担当{index}",
            }
        )
    path = tmp_path / "audit.xlsx"
    write_audit_workbook(sqlite_services, path, AS_OF)
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet2.xml").decode()
    assert "<f>" not in sheet_xml and 't="e"' not in sheet_xml
    sheet = openpyxl.load_workbook(path)["委託先"]
    headers = [c.value for c in sheet[1]]
    names = {sheet.cell(row=r, column=1).value for r in range(2, sheet.max_row + 1)}
    assert names == set(INJECTIONS)
    for row in range(2, sheet.max_row + 1):
        for column in ("委託先名", "フリガナ", "委託業務", "備考"):
            cell = sheet.cell(row=row, column=headers.index(column) + 1)
            assert cell.data_type == "s", (column, cell.value)


def test_english_headers_when_asked(demo_services: Services, tmp_path: Path) -> None:
    path = tmp_path / "audit-en.xlsx"
    write_audit_workbook(demo_services, path, AS_OF, language="en")
    sheet = openpyxl.load_workbook(path)["委託先"]
    assert [c.value for c in sheet[1]][:3] == ["Name", "Kana", "Kind"]
    assert sheet.cell(row=2, column=3).value == "Corporation"


def test_round_trip_export_import_export_gives_the_same_contractor_sheet(
    demo_services: Services, tmp_path: Path
) -> None:
    first = tmp_path / "first.xlsx"
    write_audit_workbook(demo_services, first, AS_OF)
    empty = make_services(f"sqlite:///{tmp_path / 'empty.sqlite3'}", tmp_path / "empty")
    try:
        summary = LedgerImportService(empty.context, empty.settings).import_contractors(first, "委託先")
        assert summary.added == 40
        second = tmp_path / "second.xlsx"
        write_audit_workbook(empty, second, AS_OF)
    finally:
        empty.close()
    sheets = [list(openpyxl.load_workbook(p)["委託先"].iter_rows(values_only=True)) for p in (first, second)]
    assert len(sheets[0]) == 41
    assert sheets[0] == sheets[1]


def test_an_english_workbook_imports_back_the_same(demo_services: Services, tmp_path: Path) -> None:
    first = tmp_path / "first-en.xlsx"
    write_audit_workbook(demo_services, first, AS_OF, language="en")
    empty = make_services(f"sqlite:///{tmp_path / 'empty-en.sqlite3'}", tmp_path / "empty-en")
    try:
        LedgerImportService(empty.context, empty.settings).import_contractors(first)
        second = tmp_path / "second-en.xlsx"
        write_audit_workbook(empty, second, AS_OF, language="en")
    finally:
        empty.close()
    sheets = [list(openpyxl.load_workbook(p)["委託先"].iter_rows(values_only=True)) for p in (first, second)]
    assert sheets[0] == sheets[1]


def test_the_streamed_register_matches_the_register_in_order_and_content(demo_services: Services) -> None:
    registers = demo_services.registers
    whole = registers.contractors(AS_OF)
    streamed = [item for batch in registers.contractor_batches(AS_OF, batch_size=7) for item in batch]
    assert [r.contractor.id for r in whole] == [s.row.contractor.id for s in streamed]
    assert [r.latest_evaluation.id if r.latest_evaluation else None for r in whole] == [
        s.row.latest_evaluation.id if s.row.latest_evaluation else None for s in streamed
    ]
    assert [r.nda for r in whole] == [s.row.nda for s in streamed]
    contracts = [
        row.contract.id for batch in registers.contract_batches(AS_OF, batch_size=9) for row in batch
    ]
    assert contracts == [row.contract.id for row in registers.contracts(AS_OF)]


def test_the_summary_carries_the_audit_chain_head_that_verify_anchor_takes(
    demo_services: Services, demo_workbook: openpyxl.Workbook
) -> None:
    """Issue 13: the workbook's 概要 anchors the trail outside the database file, and matches its 監査ログ sheet."""
    from desktop.domain.audit_chain import ChainHead

    rows = {r[0]: r[1] for r in demo_workbook["概要"].iter_rows(min_row=2, values_only=True)}
    head = ChainHead.parse(rows["監査ログの先頭（番号:ハッシュ）"])
    assert head == demo_services.audit.head()
    assert demo_services.audit.verify_anchor(head).is_intact
    assert demo_workbook["監査ログ"].max_row - 1 == head.sequence  # every event up to the head, no more


def test_the_findings_sheet_has_since_and_due_apart(
    demo_services: Services, demo_workbook: openpyxl.Workbook
) -> None:
    sheet = demo_workbook["指摘事項"]
    header = [cell.value for cell in sheet[1]]
    since, due = header.index("発生日"), header.index("期限")
    findings = demo_services.checks.findings(AS_OF)
    rows = list(sheet.iter_rows(min_row=2, values_only=True))

    def day(value: object) -> object:
        return value.date() if hasattr(value, "date") else value

    assert [(day(row[since]), day(row[due])) for row in rows] == [(f.since, f.due) for f in findings]


def test_the_findings_sheet_cites_each_finding_s_basis(
    demo_services: Services, demo_workbook: openpyxl.Workbook
) -> None:
    sheet = demo_workbook["指摘事項"]
    header = [cell.value for cell in sheet[1]]
    basis, rule = header.index("根拠"), header.index("ルールID")
    findings = demo_services.checks.findings(AS_OF)
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert findings and [(row[basis], row[rule]) for row in rows] == [(f.basis.ja, f.rule) for f in findings]
    assert sheet.column_dimensions[openpyxl.utils.get_column_letter(basis + 1)].width >= 30


def test_the_opt_out_sheets_list_the_arrangements_with_their_changes_and_the_stop_requests(
    demo_workbook: openpyxl.Workbook,
) -> None:
    sheet = demo_workbook["オプトアウト"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == [
        "名称",
        "① 第三者への提供を利用目的とすること",
        "② 第三者に提供される個人情報の項目",
    ]
    assert "個人情報保護委員会への届出日" in header and "変更の履歴（届出・通知）" in header
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 5
    by_title = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert "メールアドレス" in by_title["会員名簿の提携先への提供"]["変更の履歴（届出・通知）"]
    assert by_title["会員名簿の提携先への提供"]["停止の求め"] == 3
    assert "要配慮個人情報" in by_title["健康相談会員の名簿提供"]["指摘事項"]
    stops = list(demo_workbook["提供停止の求め"].iter_rows(min_row=2, values_only=True))
    assert len(stops) == 3 and all(row[0] == "会員名簿の提携先への提供" for row in stops)


def test_the_request_and_incident_sheets_list_them_with_due_dates_and_findings(
    demo_workbook: openpyxl.Workbook,
) -> None:
    sheet = demo_workbook["本人請求"]
    header = [cell.value for cell in sheet[1]]
    assert header[:2] == ["請求の種類", "請求者（本人）の氏名"] and header[-2:] == ["回答期限", "指摘事項"]
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == 7
    for row in rows:
        assert (row["回答期限"] - row["受付日"]).days == 14
    assert any("方針9の事由" in (row["指摘事項"] or "") for row in rows)
    assert {row["決定"] for row in rows} >= {"応じる", "応じない", "未決定"}
    sheet = demo_workbook["事故"]
    header = [cell.value for cell in sheet[1]]
    assert header[0] == "関係する委託先" and "報告・通知の期限" in header
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(rows) == 5
    by_title = {row["件名"]: row for row in rows}
    malicious = by_title["ECサイトへの不正アクセスによる会員情報の流出"]
    assert "③ 不正の目的" in malicious["報告対象の事態"] and "④ 1,000人超" in malicious["報告対象の事態"]
    discovered = malicious["発覚日（事態を知った日）"]
    confirmed = (discovered + timedelta(days=60)).strftime("%Y/%m/%d")
    assert f"個人情報保護委員会への確報: {confirmed}" in malicious["報告・通知の期限"]
    assert by_title["委託先での配送伝票の紛失"]["関係する委託先"]
    assert by_title["USBメモリの紛失"]["報告対象の事態"] in (None, "")


def test_the_parties_authorised_to_consent_are_shown_by_name_not_by_their_keys(
    sqlite_services: Services, tmp_path: Path
) -> None:
    """受託業務 sheet: each authorisation names a party by its key in the chain (`client`, `intermediate:NAME`);
    the auditor reads each party's name and role, with the authorisation's date and document, one a line."""
    common = {
        "client_is_original": False,
        "original_business_name": "株式会社当初",
        "work": "発送代行",
        "start_date": date(2027, 1, 10),
    }
    sqlite_services.engagements.create(
        {
            **common,
            "client_name": "株式会社ビー物流",
            "consent_authorities": [
                {"party": "client", "granted_on": date(2026, 10, 1), "document": "再委託承諾権限の覚書"}
            ],
        }
    )
    sqlite_services.engagements.create(
        {
            **common,
            "client_name": "株式会社シー運輸",
            "intermediate_clients": ["株式会社中間"],
            "consent_authorities": [
                {"party": "intermediate:株式会社中間", "granted_on": date(2026, 9, 1), "document": "覚書A"},
                {"party": "client", "granted_on": date(2026, 10, 1), "document": "覚書B"},
            ],
        }
    )
    out = tmp_path / "audit.xlsx"
    write_audit_workbook(sqlite_services, out, date(2026, 11, 25), language="ja")
    sheet = openpyxl.load_workbook(out)["受託業務"]
    header = [cell.value for cell in sheet[1]]
    column = header.index(CONSENT_AUTHORITY_LABEL) + 1
    shown = sorted(str(sheet.cell(row, column).value) for row in range(2, sheet.max_row + 1))
    assert shown == [
        "株式会社ビー物流（委託元） 2026-10-01付「再委託承諾権限の覚書」",
        "株式会社中間（中間の委託元） 2026-09-01付「覚書A」\n株式会社シー運輸（委託元） 2026-10-01付「覚書B」",
    ]
    assert not any("client" in value or "intermediate:" in value for value in shown)


CONSENT_AUTHORITY_LABEL = "同意の権限（当初の取得事業者による書面の授権）"
