from datetime import date

import pytest

from desktop.domain import values


def test_corporate_number_check_digit_matches_the_national_tax_agency_example():
    # 国税庁's own corporate number is 7000012050002.
    assert values.corporate_number_check_digit("000012050002") == 7
    assert values.normalize_corporate_number("7000012050002") == "7000012050002"


@pytest.mark.parametrize(
    "raw", ["７０００－０１２０－５０００２", "7000-0120-50002", " 7000012050002 ", "7000 0120 50002"]
)
def test_corporate_number_accepts_full_width_digits_and_hyphens(raw):
    assert values.normalize_corporate_number(raw) == "7000012050002"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("7000012050003", "check_digit"),
        ("700001205000", "length"),
        ("70000120500021", "length"),
        ("70000A2050002", "digits"),
        ("٧٠٠٠٠١٢٠٥٠٠٠٢", "digits"),  # Arabic-Indic digits are digits, but not ASCII after NFKC
    ],
)
def test_corporate_number_rejects_with_the_reason(raw, reason):
    with pytest.raises(ValueError, match=reason):
        values.normalize_corporate_number(raw)


def test_make_corporate_number_produces_valid_numbers():
    for base in ("000000000001", "123456789012", "999999999999"):
        assert values.normalize_corporate_number(values.make_corporate_number(base))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-04-01", date(2026, 4, 1)),
        ("2026/4/1", date(2026, 4, 1)),
        ("2026年4月1日", date(2026, 4, 1)),
        ("２０２６－０４－０１", date(2026, 4, 1)),
        (date(2026, 4, 1), date(2026, 4, 1)),
    ],
)
def test_parse_date_accepts_common_forms(raw, expected):
    assert values.parse_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("2026-02-30", "date_value"),
        ("1899-12-31", "date_range"),
        ("2200-01-01", "date_range"),
        ("yesterday", "date_format"),
        (20260401, "date_format"),
    ],
)
def test_parse_date_rejects_with_the_reason(raw, reason):
    with pytest.raises(ValueError, match=reason):
        values.parse_date(raw)


def test_email_phone_and_country_are_normalised():
    assert values.normalize_email(" ｉｎｆｏ@example.co.jp ") == "info@example.co.jp"
    assert values.normalize_phone("０３－１２３４－５６７８") == "03-1234-5678"
    assert values.normalize_country("jp") == "JP"
    for bad, normalise in (
        ("not-an-email", values.normalize_email),
        ("12", values.normalize_phone),
        ("XX", values.normalize_country),
    ):
        with pytest.raises(ValueError):
            normalise(bad)


def test_clean_text_refuses_control_characters_and_line_breaks_in_single_line_text():
    assert values.clean_text("  株式会社A  ", multiline=False) == "株式会社A"
    assert values.clean_text("一行目\r\n二行目", multiline=True) == "一行目\n二行目"
    with pytest.raises(ValueError):
        values.clean_text("a\x00b", multiline=True)
    with pytest.raises(ValueError):
        values.clean_text("a\nb", multiline=False)
