"""Reading a hand-kept register of third-party provisions (第三者提供記録簿): its column names and cell values.

The same reading as the contractor ledger (`desktop.domain.ledger`: header detection over one or two rows,
era dates, Excel error cells, the No. column) with the words of a provision register. Pure functions over
rows of cell values; the import service reads the workbook and writes what comes back.

Only the recipient and a date (or the start of a period) are required of a line: whatever else it lacks is
imported as blank and then shows as the rules' findings (provision.item_missing, provision.basis_missing),
never silently dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain import ledger
from desktop.domain.enums import ProvisionBasis, ProvisionExemption, ProvisionMethod
from desktop.domain.errors import Message, ValidationError
from desktop.domain.ledger import CellError, Header, Vocabulary, normalize_header
from desktop.domain.schema import DATE, PROVISION, validate

PERIOD = "period"  # 期間: one cell holding a whole period (2026/4/1～2026/6/30), or a date

# The usual variants people write, besides each field's own Japanese and English label.
_VARIANTS: dict[str, tuple[str, ...]] = {
    ledger.ROW_NUMBER: ledger.ROW_NUMBER_NAMES,
    "provided_on": (
        "提供年月日",
        "提供日",
        "提供した日",
        "提供年月日（提供日）",
        "年月日",
        "日付",
        "provided on",
        "date",
    ),
    PERIOD: ("期間", "提供期間", "一括記録の期間", "継続提供の期間", "period"),
    "period_from": ("期間開始", "提供期間開始", "開始日", "提供開始日", "期間（開始）", "from"),
    "period_to": ("期間終了", "提供期間終了", "終了日", "提供終了日", "期間（終了）", "to"),
    "recipient_name": (
        "提供先",
        "提供先名",
        "提供先名称",
        "提供先の名称",
        "提供先の氏名又は名称",
        "提供先氏名・名称",
        "第三者の氏名又は名称",
        "第三者",
        "受領者",
        "recipient",
        "recipient name",
    ),
    "recipient_is_corporation": (
        "法人・個人",
        "法人／個人",
        "個人・法人",
        "法人個人の別",
        "提供先区分",
        "提供先の区分",
        "提供先種別",
        "区分",
        "recipient type",
    ),
    "recipient_address": (
        "提供先住所",
        "提供先の住所",
        "提供先所在地",
        "住所",
        "所在地",
        "address",
    ),
    "recipient_representative": (
        "代表者",
        "代表者名",
        "代表者氏名",
        "代表者の氏名",
        "提供先代表者",
        "提供先の代表者",
        "representative",
    ),
    "persons": (
        "本人",
        "対象者",
        "対象者名",
        "本人氏名",
        "本人の氏名",
        "対象となる本人",
        "本人を特定するに足りる事項",
        "本人の氏名その他本人を特定するに足りる事項",
        "persons",
    ),
    "person_references": (
        "本人id",
        "本人番号",
        "会員番号",
        "顧客番号",
        "顧客id",
        "会員id",
        "識別番号",
        "本人の識別番号",
        "person references",
    ),
    "pi_items": (
        "項目",
        "個人データの項目",
        "提供した個人データの項目",
        "提供した項目",
        "提供項目",
        "個人情報の項目",
        "提供した個人情報の項目",
        "pi items",
    ),
    "basis": ("根拠", "提供の根拠", "提供根拠", "法的根拠", "legal basis", "basis"),
    "method": ("方法", "提供方法", "提供の方法", "提供手段", "媒体", "method"),
    "notes": ledger.NOTES_NAMES,
}

# Two-row headers: 提供先 over 名称 / 住所 / 代表者, 本人 over 氏名 / 会員番号, 期間 over 開始 / 終了.
_GROUP_NAMES: dict[str, tuple[str, ...]] = {
    "recipient": ("提供先", "提供先（第三者）", "第三者", "recipient"),
    "person": ("本人", "対象者", "本人（対象者）", "persons"),
    "period": ("期間", "提供期間", "一括記録の期間", "継続提供の期間", "period"),
}
_GROUP_MEMBERS: dict[str, dict[str, tuple[str, ...]]] = {
    "recipient": {
        "recipient_name": ("名称", "氏名", "氏名・名称", "氏名又は名称", "名前", "提供先名", "name"),
        "recipient_address": ("住所", "所在地", "address"),
        "recipient_representative": ("代表者", "代表者名", "代表者氏名", "representative"),
        "recipient_is_corporation": ("区分", "法人・個人", "法人／個人", "種別", "type"),
    },
    "person": {
        "persons": ("氏名", "名前", "氏名等", "対象者", "本人", "name"),
        "person_references": ("id", "番号", "会員番号", "顧客番号", "識別番号", "本人id"),
    },
    "period": {
        "period_from": ("開始", "開始日", "自", "から", "from", "start"),
        "period_to": ("終了", "終了日", "至", "まで", "to", "end"),
    },
}

EXTRA_TARGETS: dict[str, Message] = {
    ledger.ROW_NUMBER: ledger.EXTRA_TARGETS[ledger.ROW_NUMBER],
    PERIOD: Message("期間（開始～終了）", "Period (from–to)"),
}

_IMPORTED = ("provided_on", "period_from", "period_to", "recipient_name", "recipient_is_corporation", "recipient_address",
             "recipient_representative", "persons", "person_references", "pi_items", "basis", "method",
             "notes")  # fmt: skip
_FIELDS = tuple(PROVISION.field(name) for name in _IMPORTED)

VOCABULARY = Vocabulary.build(
    "recipient_name",
    aliases=ledger.add_aliases(_FIELDS, _VARIANTS, EXTRA_TARGETS),
    groups=_GROUP_NAMES,
    members=_GROUP_MEMBERS,
    labels={**{item.name: item.label for item in _FIELDS}, **EXTRA_TARGETS},
    missing_header=Message(
        "見出し行が見つかりません。提供先（提供先名称）の列と、提供年月日・項目などの列を含む見出し行が必要です。",
        "No header row found: the sheet needs a header naming the recipient column (提供先) and at least one "
        "other known column (提供年月日, 項目, …).",
    ),
)


def find_header(rows: Sequence[tuple[int, Sequence[Any]]]) -> Header:
    return ledger.find_header(rows, VOCABULARY)


# --- values ---------------------------------------------------------------------------------------------

# The legal basis as ledgers write it: (basis, the policy §5 exemption it names, if it names one).
_BASIS_WORDS: dict[tuple[str, str | None], tuple[str, ...]] = {
    (ProvisionBasis.CONSENT.value, None): (
        "同意",
        "本人の同意",
        "本人同意",
        "同意あり",
        "同意取得",
        "同意取得済",
        "同意済",
        "同意済み",
        "本人の同意を得ている",
        "consent",
    ),
    (ProvisionBasis.OPT_OUT.value, None): (
        "オプトアウト",
        "オプトアウト方式",
        "オプトアウト届出",
        "opt-out",
        "optout",
        "opt_out",
    ),
    (ProvisionBasis.EXEMPTION.value, None): ("適用除外", "除外", "例外", "exemption"),
    (ProvisionBasis.EXEMPTION.value, ProvisionExemption.LAWS_AND_EMERGENCIES.value): (
        "法令",
        "法令に基づく",
        "法令に基づく場合",
        "法令に基づく提供",
        "法令等",
        "法令による",
        "適用除外（法令）",
        "適用除外(法令に基づく)",
    ),
    (ProvisionBasis.EXEMPTION.value, ProvisionExemption.ENTRUSTMENT.value): (
        "委託",
        "業務委託",
        "委託に伴う提供",
    ),
    (ProvisionBasis.EXEMPTION.value, ProvisionExemption.BUSINESS_SUCCESSION.value): (
        "事業承継",
        "事業の承継",
        "合併",
    ),
}
_BASIS_BY_TEXT = {normalize_header(text): pair for pair, texts in _BASIS_WORDS.items() for text in texts}

_METHOD_WORDS: dict[str, tuple[str, ...]] = {
    ProvisionMethod.PAPER.value: (
        "紙",
        "書面",
        "紙媒体",
        "紙面",
        "郵送",
        "手渡し",
        "ファクス",
        "fax",
        "paper",
    ),
    ProvisionMethod.ELECTRONIC.value: (
        "電子",
        "データ",
        "電子データ",
        "電磁的記録",
        "電子媒体",
        "電子メール",
        "メール",
        "cd-r",
        "dvd",
        "usbメモリ",
        "sftp",
        "オンライン",
        "システム連携",
        "electronic",
    ),
}
_METHOD_BY_TEXT = {
    normalize_header(text): method for method, texts in _METHOD_WORDS.items() for text in texts
}


# 法人・個人: whether the recipient is a corporation (then its address and representative are recorded).
_CORPORATION_WORDS = {
    True: ("法人", "団体", "法人・団体", "法人等", "会社", "企業", "事業者", "官公庁", "corporation"),
    False: ("個人", "個人事業主", "自然人", "individual", "person"),
}
_CORPORATION_BY_TEXT = {
    normalize_header(t): value for value, texts in _CORPORATION_WORDS.items() for t in texts
}


def parse_corporation(raw: object) -> bool:
    """法人 / 個人 (or yes/no to 'the recipient is a corporation'); ValueError for any other word."""
    found = _CORPORATION_BY_TEXT.get(normalize_header(raw))
    if found is not None:
        return found
    return ledger.parse_yes_no(raw)


def parse_basis(raw: object) -> tuple[str, str | None]:
    """(basis, exemption or None) from the words a ledger uses; ValueError for any other word."""
    found = _BASIS_BY_TEXT.get(normalize_header(raw))
    if found is None:
        raise ValueError("basis")
    return found


def parse_method(raw: object) -> str:
    found = _METHOD_BY_TEXT.get(normalize_header(raw))
    if found is None:
        raise ValueError("method")
    return found


_PERIOD_SPLIT = re.compile(r"\s*[～〜~]\s*|\s+[-ー－–—から]\s+|\s*から\s*")
_REFERENCE_SPLIT = re.compile(r"[、,，;；\n]+")


@dataclass
class ProvisionLedgerRow:
    """One line of the register, cleaned: the provision record as it will be created, or its errors."""

    excel_row: int
    record: dict[str, Any] | None = None  # the whole clean record (validate(PROVISION, …)); None with errors
    errors: list[CellError] = field(default_factory=list)


def _unknown_word(shown: str, what: Message, choices: str) -> Message:
    return Message(
        f"「{shown}」は{what.ja}として読めません（{choices} のいずれかを入力してください）",
        f"'{shown}' is not a {what.en.lower()} this import knows ({choices})",
    )


def parse_row(header: Header, excel_row: int, cells: Sequence[Any]) -> ProvisionLedgerRow:
    """Clean one line of the register; every problem becomes a CellError naming the Excel row and column."""
    read = ledger.read_cells(header, excel_row, cells)
    raw, column_of, fail = read.raw, read.column_of, read.fail
    data: dict[str, Any] = {}

    period = raw.get(PERIOD)
    if not ledger.is_empty(period):
        _read_period(PERIOD, period, read, data)
    for name in ("provided_on", "period_from", "period_to"):
        value = raw.get(name)
        if ledger.is_empty(value):
            continue
        if name == "provided_on" and _is_period(value):  # 2025/7/1～2025/9/30 written as the date
            _read_period(name, value, read, data)
            continue
        try:
            data[name] = ledger.parse_ledger_date(value)
        except ValueError as error:
            fail(name, ledger.date_problem(str(error)))

    for name in ("recipient_name", "recipient_address", "recipient_representative", "persons", "notes"):
        if not ledger.is_empty(raw.get(name)):
            data[name] = ledger.as_code(raw[name]) if not isinstance(raw[name], str) else raw[name]
            data[name] = str(data[name])
    references = raw.get("person_references")
    if not ledger.is_empty(references):
        text = str(ledger.as_code(references))
        data["person_references"] = "\n".join(
            part.strip() for part in _REFERENCE_SPLIT.split(text) if part.strip()
        )
    if not ledger.is_empty(raw.get("pi_items")):
        data["pi_items"] = str(raw["pi_items"])

    basis = raw.get("basis")
    if not ledger.is_empty(basis):
        try:
            data["basis"], exemption = parse_basis(basis)
        except ValueError:
            fail(
                "basis",
                _unknown_word(
                    ledger.cell_text(basis),
                    PROVISION.field("basis").label,
                    "同意（本人の同意）・オプトアウト・法令（適用除外）",
                ),
            )
        else:
            if exemption is not None:
                data["exemption"] = exemption
                column_of.setdefault("exemption", column_of["basis"])
    corporation = raw.get("recipient_is_corporation")
    if not ledger.is_empty(corporation):
        try:
            data["recipient_is_corporation"] = parse_corporation(corporation)
        except ValueError:
            fail(
                "recipient_is_corporation",
                _unknown_word(
                    ledger.cell_text(corporation), Message("法人・個人の別", "recipient type"), "法人・個人"
                ),
            )
    method = raw.get("method")
    if not ledger.is_empty(method):
        try:
            data["method"] = parse_method(method)
        except ValueError:
            fail(
                "method",
                _unknown_word(
                    ledger.cell_text(method), PROVISION.field("method").label, "紙（書面）・電子（データ）"
                ),
            )

    if ledger.is_empty(raw.get("recipient_name")) and column_of.get("recipient_name") not in read.unreadable:
        fail("recipient_name", Message("提供先がありません（必須）", "there is no recipient (required)"))
    failed_columns = {error.column for error in read.errors}
    date_failed = any(column_of.get(name) in failed_columns for name in (*_DATES, PERIOD))
    row = ProvisionLedgerRow(excel_row)
    try:
        record = validate(PROVISION, data)
    except ValidationError as error:
        record = None
        for name, message in error.fields.items():
            column = _column_for(name, column_of)
            if column in failed_columns or (name in _DATES and date_failed):
                continue  # the cell's own error says it already
            column_of.setdefault(name, column)
            fail(name, ledger.strip_label(message, [PROVISION.field(name).label]))
    row.errors = read.reported_once()
    row.record = None if row.errors else record
    return row


_DATES = ("provided_on", "period_from", "period_to")


def _column_for(name: str, column_of: dict[str, str]) -> str:
    """The column an error about `name` is shown under: its own, else the date column the check is about."""
    if name in column_of:
        return column_of[name]
    if name in _DATES:
        for alternative in ("provided_on", PERIOD, "period_from"):
            if alternative in column_of:
                return column_of[alternative]
    return VOCABULARY.label(name).ja


def _is_period(value: object) -> bool:
    return isinstance(value, str) and len(_PERIOD_SPLIT.split(unicodedata.normalize("NFKC", value), 1)) == 2


def _read_period(target: str, value: object, read: ledger.RowCells, data: dict[str, Any]) -> None:
    """A period cell: one date (the day of a single provision), or from～to (to may be left open: 2026/4/1～)."""
    if not isinstance(value, str):
        try:
            data["provided_on"] = ledger.parse_ledger_date(value)
        except ValueError as error:
            read.fail(target, ledger.date_problem(str(error)))
        return
    text = unicodedata.normalize("NFKC", value).strip()
    parts = _PERIOD_SPLIT.split(text, maxsplit=1)
    try:
        if len(parts) == 1:
            data["provided_on"] = ledger.parse_ledger_date(parts[0])
            return
        data["period_from"] = ledger.parse_ledger_date(parts[0])
        if parts[1].strip():
            data["period_to"] = ledger.parse_ledger_date(parts[1])
    except ValueError as error:
        read.fail(target, ledger.date_problem(str(error)))


assert all(PROVISION.field(name).kind == DATE for name in ("provided_on", "period_from", "period_to"))
