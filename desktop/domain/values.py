"""Value types and normalisers: corporate numbers, e-mail, phone, country codes, dates, text."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

# ISO 3166-1 alpha-2 codes (officially assigned).
COUNTRY_CODES = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV
    BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET
    FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM
    IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD
    ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE
    PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST
    SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS
    YE YT ZA ZM ZW""".split()
)

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)

_HYPHENS = "-‐‑‒–—―−ー－ｰ "
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
_PHONE = re.compile(r"^\+?[0-9][0-9()\- ]{5,24}$")
# Every control (Cc), format (Cf), line/paragraph separator (Zl, Zp) and surrogate (Cs) code point but the
# tab, the line feed and the two joiners (ZWNJ, ZWJ: Indic scripts and emoji sequences need them). The bidi
# controls (U+202A–202E, U+2066–2069) can make a name read backwards; a zero-width space makes two names
# that look the same differ. Ranges are spelled out (scanning the whole of Unicode at import costs start-up
# time); tests/domain/test_values.py checks them against unicodedata.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
# What shows nothing on its own: a value made only of these is blank to the eye, so it is refused.
_INVISIBLE = re.compile(
    "[\\s\u034f\u115f\u1160\u17b4\u17b5\u200c\u200d\u2800\u3164\uffa0\ufe00-\ufe0f\U000e0100-\U000e01ef]+"
)


def strip_hyphens(text: str) -> str:
    return "".join(ch for ch in text if ch not in _HYPHENS)


def corporate_number_check_digit(base12: str) -> int:
    """Check digit of a 12-digit corporate number base (National Tax Agency rule).

    Digits are weighted 1, 2, 1, 2 … from the right; the check digit is 9 − (sum mod 9).
    """
    total = 0
    for position, digit in enumerate(reversed(base12), start=1):
        total += int(digit) * (2 if position % 2 == 0 else 1)
    return 9 - (total % 9)


def normalize_corporate_number(raw: str) -> str:
    """Return the 13 ASCII digits of a corporate number; raise ValueError with the reason.

    Full-width digits and any kind of hyphen or space are accepted.
    """
    text = strip_hyphens(unicodedata.normalize("NFKC", raw).strip())
    if not text.isascii() or not text.isdigit():
        raise ValueError("digits")
    if len(text) != 13:
        raise ValueError("length")
    if int(text[0]) != corporate_number_check_digit(text[1:]):
        raise ValueError("check_digit")
    return text


def make_corporate_number(base12: str) -> str:
    """Build a valid corporate number from 12 digits (used for demo data and tests)."""
    return f"{corporate_number_check_digit(base12)}{base12}"


def normalize_email(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw).strip()
    if len(text) > 254 or not _EMAIL.match(text):
        raise ValueError("email")
    return text


def normalize_phone(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw).strip()
    for dash in _HYPHENS.replace(" ", ""):
        text = text.replace(dash, "-")
    if not _PHONE.match(text) or sum(ch.isdigit() for ch in text) < 6:
        raise ValueError("phone")
    return text


def normalize_country(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw).strip().upper()
    if text not in COUNTRY_CODES:
        raise ValueError("country")
    return text


def parse_date(raw: object) -> date:
    """Accept a date, a datetime or an ISO / slash-separated string; raise ValueError otherwise."""
    if isinstance(raw, datetime):
        value = raw.date()
    elif isinstance(raw, date):
        value = raw
    elif isinstance(raw, str):
        text = unicodedata.normalize("NFKC", raw).strip()
        match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text) or re.fullmatch(
            r"(\d{4})年(\d{1,2})月(\d{1,2})日", text
        )
        if not match:
            raise ValueError("date_format")
        try:
            value = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError as error:
            raise ValueError("date_value") from error
    else:
        raise ValueError("date_format")
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError("date_range")
    return value


def japanese_date(value: date) -> str:
    """A date as Japanese documents write it, without zero padding: 2025年11月6日."""
    return f"{value.year}年{value.month}月{value.day}日"


def clean_text(raw: str, *, multiline: bool) -> str:
    """Strip, normalise line ends; raise ValueError on control and format characters, or on a value
    that shows nothing (only zero-width or blank characters)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    if _CONTROL.search(text) or (not multiline and ("\n" in text or "\t" in text)):
        raise ValueError("control")
    if text and _INVISIBLE.fullmatch(text):
        raise ValueError("invisible")
    return text


def has_control_characters(text: str) -> bool:
    """Whether a text holds a control, format or separator character that clean_text refuses."""
    return _CONTROL.search(text) is not None
