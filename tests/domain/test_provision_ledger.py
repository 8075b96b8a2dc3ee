"""The words of a hand-kept provision register: its column names, its bases and methods, its periods (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain import ledger, provision_ledger


@pytest.mark.parametrize(
    ("heading", "target"),
    [
        ("提供年月日", "provided_on"),
        ("提供日", "provided_on"),
        ("提供先", "recipient_name"),
        ("提供先名称", "recipient_name"),
        ("提供先住所", "recipient_address"),
        ("代表者", "recipient_representative"),
        ("本人", "persons"),
        ("対象者", "persons"),
        ("本人ID", "person_references"),
        ("会員番号", "person_references"),
        ("項目", "pi_items"),
        ("提供した個人データの項目", "pi_items"),
        ("根拠", "basis"),
        ("提供の根拠", "basis"),
        ("方法", "method"),
        ("備考", "notes"),
        ("No.", ledger.ROW_NUMBER),
        ("期間", provision_ledger.PERIOD),
        ("提供先の氏名・名称", "recipient_name"),  # the record's own label (the exported workbook's heading)
    ],
)
def test_common_headings_are_recognised(heading: str, target: str) -> None:
    assert provision_ledger.VOCABULARY.recognise(heading) == target


@pytest.mark.parametrize(
    ("top", "bottom", "target"),
    [
        ("提供先", "名称", "recipient_name"),
        ("提供先", "住所", "recipient_address"),
        ("提供先", "代表者", "recipient_representative"),
        ("本人", "氏名", "persons"),
        ("本人", "会員番号", "person_references"),
        ("期間", "開始", "period_from"),
        ("提供期間", "終了", "period_to"),
    ],
)
def test_a_group_over_names_is_recognised(top: str, bottom: str, target: str) -> None:
    assert provision_ledger.VOCABULARY.recognise_pair(top, bottom) == target


def test_the_contractor_ledgers_words_are_not_the_registers() -> None:
    assert ledger.recognise("提供先") is None
    assert provision_ledger.VOCABULARY.recognise("委託先名") is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("同意", ("consent", None)),
        ("本人の同意", ("consent", None)),
        ("オプトアウト", ("opt_out", None)),
        ("ｵﾌﾟﾄｱｳﾄ", ("opt_out", None)),
        ("法令", ("exemption", "laws_and_emergencies")),
        ("法令に基づく場合", ("exemption", "laws_and_emergencies")),
        ("適用除外", ("exemption", None)),
    ],
)
def test_the_basis_is_read_from_the_words_ledgers_use(word: str, expected: tuple[str, str | None]) -> None:
    assert provision_ledger.parse_basis(word) == expected


@pytest.mark.parametrize(("word", "method"), [("紙", "paper"), ("書面", "paper"), ("電子", "electronic"),
                                              ("データ", "electronic")])  # fmt: skip
def test_the_method_is_read_from_the_words_ledgers_use(word: str, method: str) -> None:
    assert provision_ledger.parse_method(word) == method


def test_an_unknown_basis_or_method_raises() -> None:
    with pytest.raises(ValueError):
        provision_ledger.parse_basis("口頭で了承")
    with pytest.raises(ValueError):
        provision_ledger.parse_method("伝書鳩")


def _header() -> ledger.Header:
    return provision_ledger.find_header([(1, ("No.", "提供年月日", "提供先", "項目"))])


@pytest.mark.parametrize(
    ("cell", "dates"),
    [
        ("令和7年4月1日", (date(2025, 4, 1), None, None)),
        ("２０２５/４/１", (date(2025, 4, 1), None, None)),
        ("2025/4/1～2025/6/30", (None, date(2025, 4, 1), date(2025, 6, 30))),
        ("令和7年4月1日〜", (None, date(2025, 4, 1), None)),
        ("2025/4/1 から 2025/6/30", (None, date(2025, 4, 1), date(2025, 6, 30))),
    ],
)
def test_a_date_or_a_period_in_the_date_column(cell: str, dates: tuple[date | None, ...]) -> None:
    row = provision_ledger.parse_row(_header(), 2, (1, cell, "甲社", "氏名"))
    assert row.errors == [] and row.record is not None
    assert (row.record["provided_on"], row.record["period_from"], row.record["period_to"]) == dates


def test_a_header_needs_the_recipient() -> None:
    with pytest.raises(ledger.LedgerFormatError) as raised:
        provision_ledger.find_header([(1, ("提供年月日", "項目", "方法"))])
    assert "提供先" in raised.value.message.ja


def test_an_individual_recipient_is_read_from_the_kind_column_and_a_wrong_word_is_named() -> None:
    header = provision_ledger.find_header([(1, ("提供日", "提供先", "法人・個人", "項目"))])
    individual = provision_ledger.parse_row(header, 2, ("2025/4/1", "佐藤 一郎", "個人", "氏名"))
    assert individual.record is not None and individual.record["recipient_is_corporation"] is False
    company = provision_ledger.parse_row(header, 3, ("2025/4/1", "甲社", "法人", "氏名"))
    assert company.record is not None and company.record["recipient_is_corporation"] is True
    wrong = provision_ledger.parse_row(header, 4, ("2025/4/1", "乙社", "たぶん法人", "氏名"))
    assert [(e.excel_row, e.column, e.value) for e in wrong.errors] == [(4, "法人・個人", "たぶん法人")]
    assert wrong.record is None
