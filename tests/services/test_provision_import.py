"""Importing a hand-kept register of third-party provisions (第三者提供記録簿): all lines or none, every error
named by its cell, what a line lacks imported and then found by the rules (issue 15)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from desktop.domain.enums import ProvisionBasis, ProvisionExemption, ProvisionMethod
from desktop.services.facade import Services
from desktop.services.ledger_import import LedgerFileError, LedgerImportError
from desktop.store.models import AuditEvent
from tests.services.provision_ledgers import hand_kept_register, line, realistic_lines
from tests.services.test_ledger_import import dump


def _provisions(services: Services) -> dict[str, Any]:
    return {row.recipient_name: row for row in services.provisions.list()}


def _audit_events(services: Services) -> int:
    with services.context.read() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.record_type == "provision")
            )
            or 0
        )


def test_a_hand_kept_register_becomes_provision_records_with_their_audit_events(
    tmp_path: Path, services: Services
) -> None:
    """Two header rows, era / slashed / full-width / Excel dates, a period, a No. column, blank and
    pre-numbered lines, a closing 以上: five records, each with its audit event."""
    path = hand_kept_register(tmp_path / "register.xlsx", realistic_lines())
    summary = services.provision_import.import_provisions(path)
    assert (summary.added, summary.already_registered, summary.dry_run) == (5, 0, False)
    rows = _provisions(services)
    assert set(rows) == {
        "株式会社東京データ",
        "大阪物流株式会社",
        "名古屋警察署",
        "株式会社札幌マーケティング",
        "株式会社福岡商事",
    }
    tokyo = rows["株式会社東京データ"]
    assert tokyo.provided_on == date(2025, 4, 1)  # 令和7年4月1日
    assert tokyo.recipient_address == "東京都港区芝公園1-1-1"
    assert tokyo.recipient_representative == "代表取締役 鈴木 一郎"
    assert tokyo.persons == "山田 太郎" and tokyo.person_references == "M-0001"
    assert tokyo.pi_items == ("氏名", "住所", "電話番号")
    assert (tokyo.basis, tokyo.method, tokyo.notes) == (
        ProvisionBasis.CONSENT.value,
        ProvisionMethod.ELECTRONIC.value,
        "顧客リストの提供",
    )
    osaka = rows["大阪物流株式会社"]
    assert osaka.provided_on == date(2025, 5, 15)  # ２０２５/５/１５
    assert osaka.person_references == "M-0002\nM-0003"  # one reference a line, as the stop check reads them
    assert osaka.method == ProvisionMethod.PAPER.value
    police = rows["名古屋警察署"]
    assert police.provided_on == date(2025, 6, 2)  # an Excel date cell
    assert (police.basis, police.exemption) == (
        ProvisionBasis.EXEMPTION.value,
        ProvisionExemption.LAWS_AND_EMERGENCIES.value,
    )
    sapporo = rows["株式会社札幌マーケティング"]
    assert (sapporo.provided_on, sapporo.period_from, sapporo.period_to) == (
        None,
        date(2025, 7, 1),
        date(2025, 9, 30),
    )
    assert sapporo.basis == ProvisionBasis.OPT_OUT.value
    assert rows["株式会社福岡商事"].provided_on == date(2025, 8, 1)  # R7.8.1
    assert _audit_events(services) == 5


def test_what_a_line_lacks_is_imported_and_counted_as_the_rules_findings(
    tmp_path: Path, services: Services
) -> None:
    path = hand_kept_register(tmp_path / "register.xlsx", realistic_lines())
    summary = services.provision_import.import_provisions(path)
    # Excel rows: header 4–5, lines on 6, (blank 7), 8, 9, 10, 11.
    assert summary.row_findings == {
        9: ["provision.item_missing"],  # the police: no representative
        10: ["provision.basis_missing"],  # opt-out naming no opt-out arrangement
        11: ["provision.item_missing"] * 3,  # no persons, no items, no method
    }
    assert (summary.with_findings, summary.opt_out_unlinked) == (3, 1)
    assert summary.rule_counts == {"provision.item_missing": 4, "provision.basis_missing": 1}
    fukuoka = _provisions(services)["株式会社福岡商事"]
    assert (fukuoka.persons, fukuoka.pi_items, fukuoka.method) == (None, (), None)
    found = {
        (f.rule, f.record_id)
        for f in services.checks.findings()
        if str(f.record_type) == "provision" and f.record_id == fukuoka.id
    }
    assert {str(rule) for rule, _ in found} == {"provision.item_missing"}
    report = summary.report("ja", command_line=True)
    assert "追加 5 件" in report and "指摘事項のある記録 3 件" in report
    assert "itaku-cli check" in report and "オプトアウトの届出を選ぶ" in report


def test_a_bad_line_means_nothing_is_written(tmp_path: Path, services: Services) -> None:
    lines = realistic_lines()
    lines[3] = line(4, "2025/7/1", "株式会社札幌マーケティング", basis="たぶん")
    path = hand_kept_register(tmp_path / "register.xlsx", lines)
    before = dump(services)
    with pytest.raises(LedgerImportError) as raised:
        services.provision_import.import_provisions(path)
    assert [(e.excel_row, e.column, e.value) for e in raised.value.errors] == [(10, "提供の根拠", "たぶん")]
    assert dump(services) == before


def test_a_dry_run_counts_and_finds_but_writes_nothing(tmp_path: Path, services: Services) -> None:
    path = hand_kept_register(tmp_path / "register.xlsx", realistic_lines())
    before = dump(services)
    summary = services.provision_import.import_provisions(path, dry_run=True)
    assert (summary.added, summary.with_findings, summary.dry_run) == (5, 3, True)
    assert summary.text("en").startswith("Dry run (nothing written): 5 provision record(s) added")
    assert dump(services) == before


def test_importing_the_same_register_again_adds_nothing(tmp_path: Path, sqlite_services: Services) -> None:
    path = hand_kept_register(tmp_path / "register.xlsx", realistic_lines())
    sqlite_services.provision_import.import_provisions(path)
    again = sqlite_services.provision_import.import_provisions(path)
    assert (again.added, again.already_registered, again.with_findings) == (0, 5, 0)
    assert len(sqlite_services.provisions.list()) == 5


def test_every_error_kind_is_named_by_row_column_and_value(tmp_path: Path, sqlite_services: Services) -> None:
    lines = [
        line(1, "令和7年2月30日", "A社"),  # no such day
        line(2, "先週", "B社"),  # not a date
        line(3, "2025/4/1", None),  # no recipient
        line(4, None, "D社"),  # neither a date nor a period
        line(5, "2025/4/1", "E社", basis="口頭で了承"),  # a basis this import does not know
        line(6, "2025/4/1", "F社", method="伝書鳩"),  # a method it does not know
        line(7, "2025/4/1", "#N/A"),  # replaced below by an Excel error cell
        line(8, "2025/4/1", "H社", items="=1+1"),  # a formula never calculated
    ]
    path = hand_kept_register(tmp_path / "register.xlsx", lines)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    error_cell = sheet["C13"]
    error_cell.value = "#N/A"
    error_cell.data_type = "e"
    workbook.save(path)
    with pytest.raises(LedgerImportError) as raised:
        sqlite_services.provision_import.import_provisions(path)
    errors = {(e.excel_row, e.column): e for e in raised.value.errors}
    assert sorted(errors) == [
        (6, "提供年月日"),
        (8, "提供年月日"),
        (9, "提供先／名称"),
        (10, "提供年月日"),
        (11, "提供の根拠"),
        (12, "方法"),
        (13, "提供先／名称"),
        (14, "提供した個人データの項目"),
    ]
    assert errors[(6, "提供年月日")].value == "令和7年2月30日"
    assert "存在しない日付" in errors[(6, "提供年月日")].message.ja
    assert errors[(8, "提供年月日")].value == "先週"
    assert "必須" in errors[(9, "提供先／名称")].message.ja
    assert "一括記録の期間" in errors[(10, "提供年月日")].message.ja
    assert errors[(11, "提供の根拠")].value == "口頭で了承"
    assert "同意" in errors[(11, "提供の根拠")].message.ja
    assert errors[(12, "方法")].value == "伝書鳩"
    assert "C13" in errors[(13, "提供先／名称")].message.ja and errors[(13, "提供先／名称")].value == "#N/A"
    assert "H14" in errors[(14, "提供した個人データの項目")].message.ja
    assert sqlite_services.provisions.list() == []


def test_one_row_headers_with_other_names_and_a_period_group(
    tmp_path: Path, sqlite_services: Services
) -> None:
    """提供日 / 提供先名称 / 対象者 / 本人ID / 項目 / 根拠, and 期間 over 開始・終了; a period written in one cell."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "提供記録"
    sheet.append(["番号", "提供日", "期間", None, "提供先名称", "提供先住所", "代表者", "対象者", "本人ID",
                  "項目", "根拠", "方法", "備考"])  # fmt: skip
    sheet.append([None, None, "開始", "終了"] + [None] * 9)
    sheet.append([1, None, "令和7年4月1日", "令和8年3月31日", "甲社", "大阪市", "代表 甲", "会員全員", 1001,
                  "氏名", "オプトアウト", "データ", None])  # fmt: skip
    sheet.append([2, "2025/4/1～", None, None, "乙社", "京都市", "代表 乙", "会員", "A-1, A-2",
                  "氏名", "法令", "書面", "継続中"])  # fmt: skip
    path = tmp_path / "other.xlsx"
    workbook.save(path)
    preview = sqlite_services.provision_import.read(path)
    assert preview.header.rows_text == "1–2"
    assert preview.errors == []
    sqlite_services.provision_import.apply(preview)
    rows = _provisions(sqlite_services)
    assert (rows["甲社"].period_from, rows["甲社"].period_to) == (date(2025, 4, 1), date(2026, 3, 31))
    assert rows["甲社"].person_references == "1001"  # a number cell, not 1001.0
    assert (rows["乙社"].period_from, rows["乙社"].period_to) == (date(2025, 4, 1), None)
    assert rows["乙社"].person_references == "A-1\nA-2"


def test_a_sheet_without_a_register_header_is_refused_in_one_sentence(
    tmp_path: Path, sqlite_services: Services
) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["委託先名", "法人番号"])
    path = tmp_path / "contractors.xlsx"
    workbook.save(path)
    with pytest.raises(LedgerFileError) as raised:
        sqlite_services.provision_import.import_provisions(path)
    assert "提供先" in raised.value.message.ja


def test_the_size_limit_of_the_settings_applies(tmp_path: Path, sqlite_services: Services) -> None:
    path = hand_kept_register(tmp_path / "register.xlsx", realistic_lines())
    sqlite_services.settings.update({"import_max_uncompressed_bytes": 1024})
    with pytest.raises(LedgerFileError) as raised:
        sqlite_services.provision_import.import_provisions(path)
    assert "上限" in raised.value.message.ja
    assert sqlite_services.provisions.list() == []


def test_the_same_provision_twice_in_one_register_is_an_error_on_its_second_line(
    tmp_path: Path, sqlite_services: Services
) -> None:
    lines = realistic_lines()
    lines.append(line(6, "令和7年4月1日", "株式会社東京データ", notes="追加分"))  # told apart by its notes
    lines.append(line(7, "2025/4/1", "株式会社東京データ", notes="顧客リストの提供"))  # line 1 again
    path = hand_kept_register(tmp_path / "register.xlsx", lines)
    with pytest.raises(LedgerImportError) as raised:
        sqlite_services.provision_import.import_provisions(path)
    [error] = raised.value.errors
    assert (error.excel_row, error.column, error.value) == (13, "提供先／名称", "株式会社東京データ")
    assert "6 行目と同じ提供" in error.message.ja
    assert sqlite_services.provisions.list() == []
