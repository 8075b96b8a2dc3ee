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


@pytest.mark.parametrize(
    "character",
    [
        "\x85",  # C1: next line
        "\x9b",  # C1: control sequence introducer
        "\u2028",  # line separator
        "\u2029",  # paragraph separator
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",  # right-to-left override: 「株式会社\u202eBA」 reads 株式会社AB
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
        "\u200b",  # zero-width space: two names that look alike differ
        "\ufeff",
        "\u00ad",
        "\U000e0041",  # a tag character
        "\udcff",  # a lone surrogate: a byte that was not UTF-8
    ],
)
def test_clean_text_refuses_unicode_control_and_format_characters(character):
    for multiline in (False, True):
        with pytest.raises(ValueError, match="control"):
            values.clean_text(f"株式会社{character}あおば", multiline=multiline)


def test_clean_text_keeps_joiners_and_variation_selectors_inside_visible_text():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji made of three, joined by ZWJ
    assert values.clean_text(f"ファミリー{family}商店", multiline=False) == f"ファミリー{family}商店"
    assert values.clean_text("葛\U000e0100飾", multiline=False) == "葛\U000e0100飾"  # an ideographic variant
    assert values.clean_text("一行目\n\t二行目", multiline=True) == "一行目\n\t二行目"


@pytest.mark.parametrize(
    "blank_to_the_eye", ["\u200d", "\u200c\u200d", "\u3164", "\u2800", "\ufe0f", "\u200d \u3000"]
)
def test_clean_text_refuses_a_value_that_shows_nothing(blank_to_the_eye):
    with pytest.raises(ValueError, match="invisible"):
        values.clean_text(blank_to_the_eye, multiline=False)


def test_every_control_format_and_separator_code_point_is_refused():
    """The refused ranges are spelled out in the code; they must cover what unicodedata says they are."""
    import sys
    import unicodedata

    allowed = {"\t", "\n", "\u200c", "\u200d"}
    missed = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp", "Cs")
        and chr(code) not in allowed
        and not values.has_control_characters(chr(code))
    ]
    assert missed == []
    wrongly = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if values.has_control_characters(chr(code))
        and unicodedata.category(chr(code)) not in ("Cc", "Cf", "Zl", "Zp", "Cs", "Cn")
    ]
    assert wrongly == []
