"""Reading hand-kept ledgers: header detection, column-name variants, dates, yes/no, codes."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.domain import ledger
from desktop.domain.values import make_corporate_number

NUMBER = make_corporate_number("234567890123")
FULL_WIDTH_NUMBER = NUMBER.translate(str.maketrans("0123456789", "０１２３４５６７８９"))


def _rows(*rows: list[object]) -> list[tuple[int, list[object]]]:
    return list(enumerate(rows, start=1))


# --- column names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("委託先名", "name"),
        ("委託先名称", "name"),
        ("会社名", "name"),
        ("名称", "name"),
        ("法人番号", "corporate_number"),
        ("所在地", "address"),
        ("住所", "address"),
        ("代表者", "representative"),
        ("代表者名", "representative"),
        ("担当者", "contact_person"),
        ("電話番号", "phone"),
        ("連絡先", ledger.CONTACT),
        ("委託業務", "entrusted_work"),
        ("委託業務の内容", "entrusted_work"),
        ("個人情報の項目", "pi_items"),
        ("取扱う個人情報の項目", "pi_items"),
        ("件数", "data_subject_count"),
        ("プライバシーマーク", ledger.PRIVACY_MARK),
        ("Pマーク", ledger.PRIVACY_MARK),
        ("ISMS", ledger.ISMS),
        ("ISMS認証", ledger.ISMS),
        ("評価日", ledger.EVALUATED_ON),
        ("評価実施日", ledger.EVALUATED_ON),
        ("評価結果", ledger.EVALUATION_RESULT),
        ("次回評価予定日", ledger.NEXT_DUE_ON),
        ("NDA締結日", ledger.NDA_SIGNED_ON),
        ("機密保持契約締結日", ledger.NDA_SIGNED_ON),
        ("契約終了日", ledger.NDA_EXPIRES_ON),
        ("備考", "notes"),
    ],
)
def test_recognise_knows_the_usual_column_name_variants(header: str, target: str) -> None:
    assert ledger.recognise(header) == target


def test_recognise_ignores_width_spaces_line_breaks_and_required_marks() -> None:
    assert ledger.recognise("委託先\n名称") == "name"
    assert ledger.recognise("ＩＳＭＳ認証") == ledger.ISMS
    assert ledger.recognise(" 法人番号（必須）※") == "corporate_number"
    assert ledger.recognise("Corporate number") == "corporate_number"


def test_recognise_returns_none_for_an_unknown_column() -> None:
    assert ledger.recognise("社内コード") is None


# --- header row ---------------------------------------------------------------------------------------


def test_find_header_skips_title_date_and_blank_rows_above_it() -> None:
    rows = _rows(
        ["委託先管理台帳", None, None],
        ["作成日: 2026年4月1日", None, None],
        [None, None, None],
        ["No.", "会社名", "住所", "社内コード"],
        [1, "株式会社A", "東京都"],
    )
    header = ledger.find_header(rows)
    assert header.row_number == 4
    assert [(c.letter, c.target) for c in header.recognised] == [
        ("A", "row_number"),
        ("B", "name"),
        ("C", "address"),
    ]
    assert [c.header for c in header.unrecognised] == ["社内コード"]  # No. is recognised as the row number


def test_find_header_refuses_a_sheet_without_a_name_column() -> None:
    with pytest.raises(ledger.LedgerFormatError) as caught:
        ledger.find_header(_rows(["住所", "電話番号"], ["東京都", "03-1234-5678"]))
    assert "見出し行が見つかりません" in caught.value.message.ja


def test_find_header_reports_a_second_column_of_the_same_meaning_as_unrecognised() -> None:
    header = ledger.find_header(_rows(["会社名", "住所", "所在地"]))
    assert [c.header for c in header.unrecognised] == ["所在地"]


def test_read_rows_skips_blank_rows_and_stops_at_the_closing_ijou_row() -> None:
    rows = _rows(
        ["会社名", "住所"], ["A社", "東京"], [None, None], ["B社", "大阪"], [None, "以上"], ["C社", "x"]
    )
    header = ledger.find_header(rows)
    assert [number for number, _ in ledger.read_rows(rows, header)] == [2, 4]


def test_column_letter_counts_like_excel() -> None:
    assert [ledger.column_letter(i) for i in (0, 25, 26, 51, 52)] == ["A", "Z", "AA", "AZ", "BA"]


# --- values -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-04-01", date(2026, 4, 1)),
        ("2026/4/1", date(2026, 4, 1)),
        ("2026年4月1日", date(2026, 4, 1)),
        ("２０２６年４月１日", date(2026, 4, 1)),
        ("令和8年4月1日", date(2026, 4, 1)),
        ("平成31年4月1日", date(2019, 4, 1)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("R8.4.1", date(2026, 4, 1)),
        ("H31/4/30", date(2019, 4, 30)),
        ("昭和64年1月7日", date(1989, 1, 7)),
        ("2026/04/01 0:00:00", date(2026, 4, 1)),
        ("2026/4/1(水)", date(2026, 4, 1)),
        (46113, date(2026, 4, 1)),
        (46113.0, date(2026, 4, 1)),
        (20260401, date(2026, 4, 1)),
        (datetime(2026, 4, 1, 9, 30), date(2026, 4, 1)),
        (date(2026, 4, 1), date(2026, 4, 1)),
    ],
)
def test_parse_ledger_date_reads_the_forms_ledgers_use(raw: object, expected: date) -> None:
    assert ledger.parse_ledger_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("来年度", "date_format"),
        ("2026/2/30", "date_value"),
        ("令和8年2月30日", "date_value"),
        (60, "date_value"),
        ("1899/12/31", "date_range"),
    ],
)
def test_parse_ledger_date_names_the_reason_it_refuses(raw: object, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        ledger.parse_ledger_date(raw)


def test_excel_serials_around_the_phantom_leap_day_match_excel() -> None:
    assert ledger.excel_serial_to_date(59) == date(1900, 2, 28)
    assert ledger.excel_serial_to_date(61) == date(1900, 3, 1)
    assert ledger.excel_serial_to_date(1) == date(1900, 1, 1)


@pytest.mark.parametrize("raw", ["有", "○", "〇", "はい", "済", "yes", "Yes", "あり", "有り", "✓"])
def test_parse_yes_no_reads_yes(raw: str) -> None:
    assert ledger.parse_yes_no(raw) is True


@pytest.mark.parametrize("raw", ["無", "×", "いいえ", "no", "なし", "-", "未"])
def test_parse_yes_no_reads_no(raw: str) -> None:
    assert ledger.parse_yes_no(raw) is False


def test_parse_yes_no_refuses_anything_else() -> None:
    with pytest.raises(ValueError):
        ledger.parse_yes_no("たぶん")


@pytest.mark.parametrize(
    ("raw", "result"),
    [
        ("適合", "pass"),
        ("合格", "pass"),
        ("条件付き適合", "conditional"),
        ("△", "conditional"),
        ("不適合", "fail"),
        ("×", "fail"),
        ("Conditional pass", "conditional"),
    ],
)
def test_parse_result_reads_the_evaluation_result_variants(raw: str, result: str) -> None:
    assert ledger.parse_result(raw) == result


# --- rows ---------------------------------------------------------------------------------------------

HEADER = [
    "委託先名称",
    "法人番号",
    "住所",
    "電話番号",
    "件数",
    "Pマーク",
    "ISMS認証",
    "評価実施日",
    "評価結果",
    "次回評価予定日",
    "NDA締結日",
    "契約終了日",
    "要配慮個人情報",
    "備考",
]


def _parse(values: list[object], header: list[str] = HEADER) -> ledger.LedgerRow:
    parsed_header = ledger.find_header([(3, header)])
    return ledger.parse_row(parsed_header, 7, values)


def test_parse_row_normalises_full_width_codes_and_reads_every_value() -> None:
    row = _parse(
        [
            "株式会社Ａ",
            FULL_WIDTH_NUMBER,
            "東京都",
            "０３－１２３４－５６７８",
            "１，２００",
            "有",
            "第12345号",
            "令和8年4月1日",
            "適合",
            "2027/4/1",
            "2026年3月1日",
            "2029/2/28",
            "○",
            None,
        ]
    )
    assert row.errors == []
    assert row.contractor["name"] == "株式会社Ａ"  # names are kept as written
    assert row.contractor["corporate_number"] == NUMBER
    assert row.contractor["phone"] == "03-1234-5678"
    assert row.contractor["data_subject_count"] == 1200
    assert row.contractor["isms_number"] == "第12345号"
    assert row.contractor["handles_special_care"] is True
    assert row.contractor["notes"] == "プライバシーマーク: 有（台帳に番号の記載なし）"
    assert row.evaluation == {
        "evaluated_on": date(2026, 4, 1),
        "result": "pass",
        "next_due_on": date(2027, 4, 1),
        "evaluator": None,
    }
    assert row.nda == {"signed_on": date(2026, 3, 1), "expires_on": date(2029, 2, 28)}


def test_parse_row_restores_the_leading_zero_of_a_phone_number_typed_as_a_number() -> None:
    row = _parse(["A社", None, None, 312345678])
    assert row.contractor["phone"] == "0312345678"


def test_parse_row_reports_every_bad_cell_with_the_excel_row_and_the_column_as_written() -> None:
    row = _parse(
        ["", "1234567890123", None, "abc", "多数", None, None, "来年", None, None, None, None, "たぶん"]
    )
    found = {(e.excel_row, e.column) for e in row.errors}
    assert found == {
        (7, "委託先名称"),
        (7, "法人番号"),
        (7, "電話番号"),
        (7, "件数"),
        (7, "評価実施日"),
        (7, "要配慮個人情報"),
    }
    reasons = {e.column: e.message.ja for e in row.errors}
    assert reasons["法人番号"] == "チェックデジットが一致しません"
    assert reasons["委託先名称"] == "入力してください"


def test_parse_row_needs_a_result_when_an_evaluation_date_is_given() -> None:
    row = _parse(["A社", None, None, None, None, None, None, "2026/4/1"])
    assert [(e.column, e.message.en) for e in row.errors] == [
        ("評価結果", "there is an evaluation date but no result")
    ]


def test_parse_row_refuses_an_nda_end_without_a_signing_date() -> None:
    row = _parse(["A社", None, None, None, None, None, None, None, None, None, None, "2029/1/1"])
    assert [e.column for e in row.errors] == ["契約終了日"]


def test_contact_column_goes_to_email_or_phone_by_its_content() -> None:
    header = ["会社名", "連絡先"]
    assert _parse(["A社", "info@example.jp"], header).contractor["email"] == "info@example.jp"
    assert _parse(["A社", "03-1111-2222"], header).contractor["phone"] == "03-1111-2222"


def test_an_excel_serial_past_the_calendar_is_a_date_range_error() -> None:
    """Found by the property test: serial 2958466 is beyond 9999-12-31 and overflowed."""
    import pytest as _pytest

    from desktop.domain.ledger import parse_ledger_date

    with _pytest.raises(ValueError, match="date_range"):
        parse_ledger_date(2958466.0)


def test_parse_row_keeps_the_whole_clean_record_a_new_contractor_is_created_from() -> None:
    from desktop.domain.schema import CONTRACTOR, validate

    row = _parse(["株式会社Ａ", FULL_WIDTH_NUMBER, "東京都", "03-1234-5678", "1200", "無", "×"])
    assert row.errors == [] and row.new_contractor is not None
    # What the import writes without validating again is exactly what validating the ledger's values makes.
    assert row.new_contractor == validate(CONTRACTOR, row.contractor)
    assert row.new_contractor["kind"] == "corporation" and row.new_contractor["country"] == "JP"
    assert _parse(["", "1234567890123"]).new_contractor is None


def test_parse_row_cleans_the_evaluator_as_the_evaluation_record_does() -> None:
    header = ["会社名", "評価日", "評価結果", "評価者"]
    row = _parse(["A社", "2026/4/1", "適合", "  佐藤 花子 "], header)
    assert row.errors == [] and row.evaluation is not None and row.evaluation["evaluator"] == "佐藤 花子"
    too_long = _parse(["A社", "2026/4/1", "適合", "佐" * 201], header)
    assert [(e.excel_row, e.column, e.message.ja) for e in too_long.errors] == [
        (7, "評価者", "200文字以内で入力してください")
    ]
    assert too_long.evaluation is None
    with_line_break = _parse(["A社", "2026/4/1", "適合", "佐藤\n花子"], header)
    assert [e.column for e in with_line_break.errors] == ["評価者"]


# --- two-row headers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("top", "bottom", "target"),
    [
        ("機密保持契約", "有効期限", ledger.NDA_EXPIRES_ON),
        ("プライバシーマーク", "有効期限", "privacy_mark_expiry"),
        ("ISMS", "有効期限", "isms_expiry"),
        ("Pマーク", "登録番号", "privacy_mark_number"),
        ("プライバシーマーク", "有無", ledger.PRIVACY_MARK),
        ("機密保持契約", "締結日", ledger.NDA_SIGNED_ON),
        ("評価", "結果", ledger.EVALUATION_RESULT),
        ("評価", "評価日", ledger.EVALUATED_ON),
        ("評価", "次回評価日", ledger.NEXT_DUE_ON),
        ("評価", "担当者", ledger.EVALUATOR),
        ("連絡先", "担当者", "contact_person"),
        ("連絡先", "電話番号", "phone"),
        ("プライバシー", "マーク有効期限", "privacy_mark_expiry"),
        ("委託先", "名称", "name"),
    ],
)
def test_recognise_pair_reads_the_lower_name_in_the_meaning_of_the_group_above(
    top: str, bottom: str, target: str
) -> None:
    assert ledger.recognise_pair(top, bottom) == target


def test_recognise_pair_leaves_a_name_that_needs_its_group_unrecognised_under_an_unknown_group() -> None:
    assert ledger.recognise("有効期限") is None
    assert ledger.recognise_pair("その他", "有効期限") is None


def test_find_header_reads_a_group_row_of_merged_cells_above_the_names() -> None:
    # Row 3: 委託先名 / 法人番号 merged down into row 4; 評価 merged over D:F; 機密保持契約 over G:H; Pマーク over I:J.
    rows = _rows(
        ["委託先管理台帳"],
        [],
        ["委託先名", "法人番号", "評価", None, None, "機密保持契約", None, "プライバシーマーク", None],
        [None, None, "評価日", "結果", "次回評価日", "締結日", "有効期限", "有無", "有効期限"],
        ["A社", NUMBER, "2026/4/1", "適合", None, "2026/3/1", "2029/2/28", "有", "2027/3/31"],
    )
    header = ledger.find_header(rows)
    assert (header.first_row_number, header.row_number, header.header_rows, header.rows_text) == (
        3,
        4,
        2,
        "3–4",
    )
    assert [(c.letter, c.header, c.target) for c in header.columns] == [
        ("A", "委託先名", "name"),
        ("B", "法人番号", "corporate_number"),
        ("C", "評価／評価日", ledger.EVALUATED_ON),
        ("D", "評価／結果", ledger.EVALUATION_RESULT),
        ("E", "評価／次回評価日", ledger.NEXT_DUE_ON),
        ("F", "機密保持契約／締結日", ledger.NDA_SIGNED_ON),
        ("G", "機密保持契約／有効期限", ledger.NDA_EXPIRES_ON),
        ("H", "プライバシーマーク／有無", ledger.PRIVACY_MARK),
        ("I", "プライバシーマーク／有効期限", "privacy_mark_expiry"),
    ]
    assert [number for number, _ in ledger.read_rows(rows, header)] == [5]


def test_find_header_reads_names_split_over_two_rows() -> None:
    rows = _rows(
        ["委託先", "法人", "所在地", "プライバシー"],
        ["名称", "番号", None, "マーク有効期限"],
        ["A社", None, "東京", None],
    )
    header = ledger.find_header(rows)
    assert (header.row_number, header.header_rows) == (2, 2)
    assert [(c.letter, c.header, c.target) for c in header.columns] == [
        ("A", "委託先名称", "name"),
        ("B", "法人番号", "corporate_number"),
        ("C", "所在地", "address"),
        ("D", "プライバシーマーク有効期限", "privacy_mark_expiry"),
    ]


def test_find_header_reads_a_group_row_and_a_split_name_in_the_same_header() -> None:
    rows = _rows(
        ["会社名", "プライバシー", "機密保持契約", None, "評価", None],
        [None, "マーク有効期限", "締結日", "有効期限", "評価日", "担当者"],
    )
    header = ledger.find_header(rows)
    assert header.header_rows == 2
    assert [c.target for c in header.columns] == [
        "name",
        "privacy_mark_expiry",
        ledger.NDA_SIGNED_ON,
        ledger.NDA_EXPIRES_ON,
        ledger.EVALUATED_ON,
        ledger.EVALUATOR,
    ]
    assert [c.header for c in header.columns][1:4] == [
        "プライバシーマーク有効期限",
        "機密保持契約／締結日",
        "機密保持契約／有効期限",
    ]


def test_find_header_does_not_take_the_group_row_alone_when_the_two_rows_name_more_columns() -> None:
    # The group row alone is a valid header (委託先名, 法人番号, プライバシーマーク) but names fewer columns.
    rows = _rows(["委託先名", "法人番号", "プライバシーマーク", None], [None, None, "番号", "有効期限"])
    assert ledger.read_header_row(1, rows[0][1]).recognised != ()
    header = ledger.find_header(rows)
    assert (header.row_number, header.header_rows) == (2, 2)
    assert {c.target for c in header.recognised} == {
        "name",
        "corporate_number",
        "privacy_mark_number",
        "privacy_mark_expiry",
    }


def test_find_header_keeps_one_row_when_two_rows_name_no_more_columns() -> None:
    # A title right above the header: read as a group, it changes nothing, so the header stays one row.
    rows = _rows(["委託先一覧", None, None], ["会社名", "住所", "担当者"], ["A社", "東京都", "佐藤"])
    header = ledger.find_header(rows)
    assert (header.row_number, header.header_rows, header.rows_text) == (2, 1, "2")
    assert [(c.header, c.target) for c in header.columns] == [
        ("会社名", "name"),
        ("住所", "address"),
        ("担当者", "contact_person"),
    ]


def test_find_header_does_not_take_a_text_only_first_data_line_as_a_second_header_row() -> None:
    rows = _rows(["会社名", "住所", "Pマーク", "評価"], ["A社", "東京都", "番号", "結果"])
    header = ledger.find_header(rows)
    assert (header.row_number, header.header_rows) == (1, 1)
    assert [number for number, _ in ledger.read_rows(rows, header)] == [2]


def test_a_row_holding_numbers_or_dates_is_never_read_as_a_header_row() -> None:
    assert ledger.read_two_row_header(2, ["会社名", "評価", None], [1, "評価日", "結果"]) is None
    assert ledger.read_two_row_header(2, ["会社名", date(2026, 4, 1)], [None, "評価日"]) is None


def test_a_two_row_header_reports_a_second_column_of_the_same_meaning_as_unrecognised() -> None:
    header = ledger.find_header(
        _rows(["会社名", "NDA", None, "機密保持契約"], [None, "締結日", "有効期限", "締結日"])
    )
    assert [(c.letter, c.header) for c in header.unrecognised] == [("D", "機密保持契約締結日")]


def test_parse_row_names_the_combined_column_of_a_two_row_header_in_its_errors() -> None:
    header = ledger.find_header(_rows(["会社名", "機密保持契約", None], [None, "締結日", "有効期限"]))
    row = ledger.parse_row(header, 3, ["A社", "2026/4/1", "来年"])
    assert [(e.excel_row, e.column) for e in row.errors] == [(3, "機密保持契約／有効期限")]


def test_a_contractor_the_ledger_gives_no_status_is_inferred_at_the_end_dates_boundaries() -> None:
    from datetime import date, timedelta

    today = date(2026, 11, 25)
    day = timedelta(days=1)
    assert ledger.inferred_status({"pi_items": ["氏名"]}, today) == "active"
    assert ledger.inferred_status({"handles_my_number": True}, today) == "active"
    assert ledger.inferred_status({"start_date": today + day}, today) == "active"
    assert ledger.inferred_status({"name": "株式会社あおば", "pi_items": []}, today) == "candidate"
    started = {"start_date": date(2025, 4, 1)}
    assert ledger.inferred_status({**started, "end_date": today - day}, today) == "ended"
    assert ledger.inferred_status({**started, "end_date": today}, today) == "active"  # its last day
    assert ledger.inferred_status({**started, "end_date": today + day}, today) == "active"
