"""Reading a hand-kept contractor ledger (委託先管理台帳): header detection, column names, cell values.

Pure functions over rows of cell values (whatever the spreadsheet reader produced); no file access.
The import service reads the workbook, passes the rows here, and writes what comes back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from desktop.domain import values
from desktop.domain.enums import ContractorStatus, EvaluationResult
from desktop.domain.errors import Message, ValidationError
from desktop.domain.schema import (
    BOOLEAN,
    CONTRACTOR,
    CORPORATE_NUMBER,
    COUNTRY,
    DATE,
    ENUM,
    EVALUATION,
    INTEGER,
    NO_WORDS,
    PHONE,
    YES_WORDS,
    clean_value,
    parse_boolean,
    validate,
)

# Targets that are not contractor fields: the evaluation and the NDA written on the same ledger line,
# and the certificate columns that hold either a registration number or a yes/no mark.
# What an evaluation or NDA taken over from a ledger says about itself (its conditions / notes). A ledger
# row records the LATEST evaluation and contract, not the first: the compliance facts read these marks so
# that the selection-order rule does not take an imported date for the first selection.
IMPORTED_EVALUATION_NOTE = "委託先管理台帳から取り込んだ評価（チェックリストの明細なし） / imported from the ledger (no checklist detail)"
IMPORTED_NDA_NOTE = "委託先管理台帳から取り込み / imported from the contractor ledger"
EVALUATED_ON = "evaluation.evaluated_on"
EVALUATION_RESULT = "evaluation.result"
NEXT_DUE_ON = "evaluation.next_due_on"
EVALUATOR = "evaluation.evaluator"
NDA_SIGNED_ON = "nda.signed_on"
NDA_EXPIRES_ON = "nda.expires_on"
PRIVACY_MARK = "certificate.privacy_mark"
ISMS = "certificate.isms"
CONTACT = "contact"  # 連絡先: a phone number or an e-mail address
ROW_NUMBER = "row_number"  # No. / № / 番号: the ledger's own line numbers, recognised and not imported

EXTRA_TARGETS: dict[str, Message] = {
    EVALUATED_ON: Message("評価日", "Evaluation date"),
    EVALUATION_RESULT: Message("評価結果", "Evaluation result"),
    NEXT_DUE_ON: Message("次回評価予定日", "Next evaluation due"),
    EVALUATOR: Message("評価者", "Evaluator"),
    NDA_SIGNED_ON: Message("NDA締結日", "NDA signed on"),
    NDA_EXPIRES_ON: Message("NDA終了日", "NDA ends on"),
    PRIVACY_MARK: Message("プライバシーマーク", "Privacy Mark"),
    ISMS: Message("ISMS認証", "ISMS certificate"),
    CONTACT: Message("連絡先", "Contact"),
    ROW_NUMBER: Message("行番号（取り込まない）", "Row number (not imported)"),
}

# Headings every kind of ledger shares: its own line numbers, and its notes.
ROW_NUMBER_NAMES = ("no", "no.", "№", "nr.", "#", "番号", "通番", "連番", "項番", "行番号", "整理番号")
NOTES_NAMES = ("備考", "メモ", "特記事項", "notes", "remarks")

# The usual variants people write, besides each field's own Japanese and English label.
_VARIANTS: dict[str, tuple[str, ...]] = {
    ROW_NUMBER: ROW_NUMBER_NAMES,
    "name": (
        "委託先名",
        "委託先名称",
        "委託先",
        "会社名",
        "名称",
        "社名",
        "事業者名",
        "法人名",
        "商号",
        "company",
        "company name",
        "contractor",
        "contractor name",
    ),
    "kana": ("ふりがな", "フリガナ", "カナ", "よみがな", "読み", "委託先名（カナ）"),
    "corporate_number": ("法人番号", "法人番号（13桁）", "corporate number"),
    "address": ("所在地", "住所", "本社所在地", "address"),
    "representative": ("代表者", "代表者名", "代表者氏名", "representative"),
    "contact_person": ("担当者", "担当者名", "先方担当者", "contact person"),
    "phone": ("電話番号", "電話", "tel", "phone"),
    CONTACT: ("連絡先",),
    "email": ("メールアドレス", "メール", "e-mail", "email", "mail"),
    "entrusted_work": (
        "委託業務",
        "委託業務の内容",
        "委託内容",
        "業務内容",
        "委託する業務",
        "work",
        "work entrusted",
    ),
    "pi_items": (
        "個人情報の項目",
        "取扱う個人情報の項目",
        "取り扱う個人情報の項目",
        "個人情報項目",
        "委託する個人情報",
        "pi items",
    ),
    "data_subject_count": ("件数", "本人の数", "本人の概数", "個人情報の件数", "人数", "data subjects"),
    PRIVACY_MARK: ("プライバシーマーク", "pマーク", "プライバシーマークの有無", "privacy mark"),
    ISMS: ("isms", "isms認証", "isms認証の有無", "isms取得"),
    EVALUATED_ON: ("評価日", "評価実施日", "評価年月日", "最終評価日", "evaluation date", "evaluated on"),
    EVALUATION_RESULT: ("評価結果", "判定", "評価判定", "evaluation result", "result"),
    NEXT_DUE_ON: ("次回評価予定日", "次回評価日", "次回評価", "next evaluation due", "next due"),
    EVALUATOR: ("評価者", "評価担当者", "evaluator"),
    NDA_SIGNED_ON: ("nda締結日", "機密保持契約締結日", "秘密保持契約締結日", "nda", "nda signed on"),
    NDA_EXPIRES_ON: (
        "契約終了日",
        "nda終了日",
        "nda有効期限",
        "機密保持契約終了日",
        "秘密保持契約終了日",
        "契約期限",
        "契約満了日",
        "nda ends on",
    ),
    "notes": NOTES_NAMES,
    "status": ("状態", "ステータス", "取引状況", "status"),
    "start_date": ("委託開始日", "取引開始日", "契約開始日", "start date"),
    "end_date": ("委託終了日", "取引終了日", "end date"),
}

_BRACKETS = re.compile(r"[（(][^）)]*(必須|任意|required|optional)[^）)]*[）)]")


def normalize_header(text: object) -> str:
    """The comparable form of a column name: NFKC, no spaces or line breaks, no ※/*, lower case."""
    if text is None:
        return ""
    normal = unicodedata.normalize("NFKC", str(text))
    normal = _BRACKETS.sub("", normal)
    normal = re.sub(r"[\s※*＊:：]", "", normal)
    return normal.lower()


def add_aliases(
    fields: Iterable[Any], variants: Mapping[str, Iterable[str]], extra: Mapping[str, Message]
) -> dict[str, str]:
    """Headings → targets: each field's own labels, then the usual variants; the extra targets' labels (those
    the exported workbook writes) always map back to their target."""
    aliases: dict[str, str] = {}
    for item in fields:
        aliases[normalize_header(item.ja)] = item.name
        aliases[normalize_header(item.en)] = item.name
    for target, names in variants.items():
        for name in names:
            aliases.setdefault(normalize_header(name), target)
    for target, label in extra.items():
        aliases[normalize_header(label.ja)] = target
        aliases[normalize_header(label.en)] = target
    return aliases


def _build_aliases() -> dict[str, str]:
    # The exported workbook's own headers must always map back to the same target.
    return add_aliases(CONTRACTOR.fields, _VARIANTS, EXTRA_TARGETS)


ALIASES = _build_aliases()
_CONTRACTOR_FIELDS = {item.name: item for item in CONTRACTOR.fields}  # looked up for every cell of every row


# Two-row headers: a group cell (often merged) over the names of its columns. Under a known group a short
# sub-name has the group's meaning: 有効期限 under 機密保持契約 is the NDA's end, under プライバシーマーク the
# mark's expiry; 担当者 under 評価 is the evaluator, not the contractor's contact person.
_GROUP_NAMES: dict[str, tuple[str, ...]] = {
    "evaluation": ("評価", "委託先評価", "定期評価", "評価結果", "evaluation"),
    "nda": (
        "機密保持契約",
        "秘密保持契約",
        "機密保持契約書",
        "秘密保持契約書",
        "nda",
        "機密保持契約(nda)",
        "秘密保持契約(nda)",
        "nda(機密保持契約)",
    ),
    "privacy_mark": ("プライバシーマーク", "pマーク", "privacy mark"),
    "isms": ("isms", "isms認証", "iso27001", "isms(iso27001)"),
    "term": ("委託期間", "取引期間"),
}
_GROUP_MEMBERS: dict[str, dict[str, tuple[str, ...]]] = {
    "evaluation": {
        EVALUATED_ON: ("評価日", "実施日", "日付", "年月日", "実施年月日", "評価実施日", "date"),
        EVALUATION_RESULT: ("結果", "判定", "評価結果", "result"),
        NEXT_DUE_ON: (
            "次回",
            "次回評価日",
            "次回予定日",
            "次回評価予定日",
            "次回実施予定日",
            "予定日",
            "next due",
        ),
        EVALUATOR: ("評価者", "担当者", "実施者", "評価担当者", "evaluator"),
    },
    "nda": {
        NDA_SIGNED_ON: ("締結日", "契約日", "締結年月日", "契約締結日", "signed on"),
        NDA_EXPIRES_ON: (
            "有効期限",
            "期限",
            "終了日",
            "満了日",
            "契約終了日",
            "期間満了日",
            "expires on",
            "ends on",
        ),
    },
    "privacy_mark": {
        PRIVACY_MARK: ("有無", "取得", "取得有無", "取得の有無", "取得状況"),
        "privacy_mark_number": ("番号", "登録番号", "認定番号", "登録証番号", "number"),
        "privacy_mark_expiry": ("有効期限", "期限", "満了日", "有効期間満了日", "expiry"),
    },
    "isms": {
        ISMS: ("有無", "取得", "取得有無", "取得の有無", "取得状況"),
        "isms_number": ("番号", "登録番号", "認証番号", "認証登録番号", "number"),
        "isms_expiry": ("有効期限", "期限", "満了日", "有効期間満了日", "expiry"),
    },
    "term": {
        "start_date": ("開始", "開始日", "start"),
        "end_date": ("終了", "終了日", "end"),
    },
}


def target_label(target: str) -> Message:
    if target in EXTRA_TARGETS:
        return EXTRA_TARGETS[target]
    return CONTRACTOR.field(target).label


@dataclass(frozen=True)
class Vocabulary:
    """The column names of one kind of ledger: what each heading (alone, or a group over a name) stands for,
    which column a header row must name, and the label each target shows under in the import preview."""

    key: str  # the target every header must name (the contractor, the recipient)
    aliases: Mapping[str, str]  # normalized heading → target
    groups: Mapping[str, str]  # normalized group heading → group
    members: Mapping[tuple[str, str], str]  # (group, normalized name under it) → target
    labels: Mapping[str, Message]  # target → label
    missing_header: Message  # why no header row was found

    @classmethod
    def build(
        cls,
        key: str,
        *,
        aliases: Mapping[str, str],
        groups: Mapping[str, Iterable[str]],
        members: Mapping[str, Mapping[str, Iterable[str]]],
        labels: Mapping[str, Message],
        missing_header: Message,
    ) -> Vocabulary:
        return cls(
            key,
            dict(aliases),
            {normalize_header(name): group for group, names in groups.items() for name in names},
            {
                (group, normalize_header(name)): target
                for group, targets in members.items()
                for target, names in targets.items()
                for name in names
            },
            dict(labels),
            missing_header,
        )

    def recognise(self, header: object) -> str | None:
        """The field a column name stands for, or None."""
        return self.aliases.get(normalize_header(header))

    def recognise_pair(self, top: object, bottom: object) -> str | None:
        """The field of a column named over two rows: a group (or a name's first part) above, a name below.

        The two parts read as one name first (プライバシー / マーク有効期限, 委託先 / 名称); then the lower name in
        the group's meaning (機密保持契約 / 有効期限); then the lower name alone (連絡先 / 電話番号).
        """
        upper, lower = normalize_header(top), normalize_header(bottom)
        joined = self.aliases.get(upper + lower)
        if joined is not None:
            return joined
        group = self.groups.get(upper)
        if group is not None and (group, lower) in self.members:
            return self.members[(group, lower)]
        return self.aliases.get(lower)

    def label(self, target: str) -> Message:
        return self.labels.get(target) or Message(target, target)


CONTRACTOR_VOCABULARY = Vocabulary.build(
    "name",
    aliases=ALIASES,
    groups=_GROUP_NAMES,
    members=_GROUP_MEMBERS,
    labels={**{item.name: item.label for item in CONTRACTOR.fields}, **EXTRA_TARGETS},
    missing_header=Message(
        "見出し行が見つかりません。委託先名（会社名・名称）の列と、法人番号・所在地などの列を含む見出し行が必要です。",
        "No header row found: the sheet needs a header naming the contractor column (委託先名) "
        "and at least one other known column.",
    ),
)
recognise = CONTRACTOR_VOCABULARY.recognise
recognise_pair = CONTRACTOR_VOCABULARY.recognise_pair


@dataclass(frozen=True)
class Column:
    index: int  # 0-based position in the row
    letter: str
    header: str
    target: str | None  # None: not recognised


@dataclass(frozen=True)
class Header:
    row_number: int  # 1-based Excel row of the header's last row: the data starts below it
    columns: tuple[Column, ...]
    header_rows: int = 1  # 2: a group row (or the first part of split names) above the names
    vocabulary: Vocabulary = field(default_factory=lambda: CONTRACTOR_VOCABULARY, compare=False, repr=False)

    def label(self, target: str) -> Message:
        """What a recognised column is imported as, in the preview."""
        return self.vocabulary.label(target)

    @property
    def first_row_number(self) -> int:
        return self.row_number - self.header_rows + 1

    @property
    def rows_text(self) -> str:
        """The header's Excel rows as a person reads them: 4, or 3–4."""
        if self.header_rows == 1:
            return str(self.row_number)
        return f"{self.first_row_number}–{self.row_number}"

    @property
    def recognised(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.target is not None)

    @property
    def unrecognised(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.target is None)


@dataclass(frozen=True)
class ExcelError:
    """A cell holding one of Excel's error values (#N/A, #DIV/0!, …): never data."""

    code: str

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class UncalculatedFormula:
    """A formula cell whose result was never stored (a file written by a program, not saved by Excel)."""

    def __str__(self) -> str:
        return "=?"


UNCALCULATED = UncalculatedFormula()


def unreadable_cell(reference: str, value: object) -> Message | None:
    """Why a cell's value cannot be imported (an Excel error, an uncalculated formula), or None."""
    if isinstance(value, ExcelError):
        return Message(
            f"セル {reference} は Excel のエラー値 {value.code} です（式を直してから取り込んでください）",
            f"cell {reference} holds the Excel error {value.code} (fix its formula, then import again)",
        )
    if isinstance(value, UncalculatedFormula):
        return Message(
            f"セル {reference} の式は計算結果が保存されていません。Excel で開いて保存してから取り込んでください",
            f"cell {reference} holds a formula that was never calculated: open and save it in Excel first",
        )
    return None


class LedgerFormatError(ValueError):
    """The sheet cannot be read as a ledger at all (one sentence for the user)."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(str(message))


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


HEADER_SEARCH_ROWS = 30


def _header(
    row_number: int,
    named: Iterable[tuple[int, str, str | None]],
    header_rows: int = 1,
    vocabulary: Vocabulary | None = None,
) -> Header:
    """(index, heading, target) in column order; a second column of an already taken meaning is not taken."""
    columns = []
    seen: set[str] = set()
    for index, heading, target in named:
        if target in seen:
            target = None  # a second column of the same meaning is reported, not silently merged
        if target:
            seen.add(target)
        columns.append(Column(index, column_letter(index), heading, target))
    return Header(row_number, tuple(columns), header_rows, vocabulary or CONTRACTOR_VOCABULARY)


def read_header_row(row_number: int, cells: Sequence[Any], vocabulary: Vocabulary | None = None) -> Header:
    """One row read as the header: each filled cell a column name."""
    words = vocabulary or CONTRACTOR_VOCABULARY
    return _header(
        row_number,
        (
            (index, str(cell).strip(), words.recognise(cell) if isinstance(cell, str) else None)
            for index, cell in enumerate(cells)
            if not is_empty(cell)
        ),
        vocabulary=words,
    )


def read_two_row_header(
    row_number: int, top: Sequence[Any], bottom: Sequence[Any], vocabulary: Vocabulary | None = None
) -> Header | None:
    """Two rows read as one header (`row_number` is the lower one), or None if they cannot be one.

    A cell of the upper row followed by blank cells (a merged cell leaves exactly that) is a group over the
    names below it: its column is named 「group／name」. An upper cell over one column only is the first part
    of a name split over two rows (プライバシー over マーク有効期限); alone, with nothing below, it is the whole
    name (a name merged down both rows). Header rows hold text only: a row with numbers or dates is data.
    """
    if any(not is_empty(cell) and not isinstance(cell, str) for cell in (*top, *bottom)):
        return None
    width = max(len(top), len(bottom))
    upper = [
        top[index].strip() if index < len(top) and not is_empty(top[index]) else None
        for index in range(width)
    ]
    lower = [
        bottom[index].strip() if index < len(bottom) and not is_empty(bottom[index]) else None
        for index in range(width)
    ]
    if not any(upper) or not any(lower):
        return None
    words = vocabulary or CONTRACTOR_VOCABULARY
    named: list[tuple[int, str, str | None]] = []
    group: str | None = None
    spans_several = False
    for index in range(width):
        above, name = upper[index], lower[index]
        if above is not None and name is None:  # a whole name (merged down both rows): no group after it
            named.append((index, above, words.recognise(above)))
            group = None
            continue
        if above is not None:
            group = above
            spans_several = index + 1 < width and upper[index + 1] is None and lower[index + 1] is not None
        if name is None:
            continue
        if group is None:
            named.append((index, name, words.recognise(name)))
            continue
        heading = f"{group}／{name}" if spans_several else f"{group}{name}"
        named.append((index, heading, words.recognise_pair(group, name)))
    return _header(row_number, named, header_rows=2, vocabulary=words)


def find_header(rows: Sequence[tuple[int, Sequence[Any]]], vocabulary: Vocabulary | None = None) -> Header:
    """The header among the first rows: the one naming the contractor (the vocabulary's key column) and most
    other known columns.

    `rows` are (Excel row number, cell values). Title rows, date rows and blank rows above it are skipped.
    A header may take two rows (a group row above the names, or names split over two rows); it is taken
    over a one-row reading only if it recognises more columns (on a tie, the one-row reading wins).
    """
    words = vocabulary or CONTRACTOR_VOCABULARY
    best: Header | None = None
    best_count = 0
    previous: tuple[int, Sequence[Any]] | None = None
    for row_number, cells in rows[:HEADER_SEARCH_ROWS]:
        readings = [read_header_row(row_number, cells, words)]
        if previous is not None and previous[0] == row_number - 1:
            pair = read_two_row_header(row_number, previous[1], cells, words)
            if pair is not None:
                readings.append(pair)  # after the one-row reading, so that a tie keeps the one row
        for reading in readings:
            targets = {column.target for column in reading.recognised} - {ROW_NUMBER}
            if words.key in targets and len(targets) >= 2 and len(targets) > best_count:
                best, best_count = reading, len(targets)
        previous = (row_number, cells)
    if best is None:
        raise LedgerFormatError(words.missing_header)
    return best


def is_closing_row(cells: Sequence[Any]) -> bool:
    """The 以上 that closes a Japanese list, alone on its row."""
    filled = [c for c in cells if c is not None and not (isinstance(c, str) and not c.strip())]
    return len(filled) == 1 and isinstance(filled[0], str) and normalize_header(filled[0]) in ("以上", "end")


def is_blank_row(cells: Sequence[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


# --- values -------------------------------------------------------------------------------------------

_ERAS = {
    "明治": 1868,
    "大正": 1912,
    "昭和": 1926,
    "平成": 1989,
    "令和": 2019,
    "m": 1868,
    "t": 1912,
    "s": 1926,
    "h": 1989,
    "r": 2019,
}
_ERA_DATE = re.compile(
    r"(明治|大正|昭和|平成|令和|[mtshr])\s*(元|\d{1,2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?",
    re.IGNORECASE,
)
_TRAILING_TIME = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2})?$")
_WEEKDAY = re.compile(r"[(（][月火水木金土日][)）]$")
EXCEL_EPOCH = date(1899, 12, 30)


def excel_serial_to_date(serial: float) -> date:
    """An Excel (1900 system) serial day number as a date; serial 60 is Excel's phantom 1900-02-29."""
    whole = int(serial)
    if whole < 1 or whole == 60:
        raise ValueError("date_value")
    if whole < 60:
        whole += 1  # before the phantom leap day, Excel's count is one behind
    try:
        return EXCEL_EPOCH + timedelta(days=whole)
    except OverflowError:  # past year 9999: no calendar date at all
        raise ValueError("date_range") from None


def parse_ledger_date(raw: object) -> date:
    """Dates as ledgers hold them: Excel dates and serials, 2026-04-01, 2026/4/1, 2026年4月1日, 令和8年4月1日.

    Raises ValueError with a reason code of `desktop.domain.schema` (date_format, date_value, date_range).
    """
    if isinstance(raw, datetime | date):
        return values.parse_date(raw)
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if isinstance(raw, int) and 19000101 <= raw <= 21991231:  # 20260401 typed as a number
            text = str(raw)
            try:
                return values.parse_date(date(int(text[:4]), int(text[4:6]), int(text[6:])))
            except ValueError:
                raise ValueError("date_value") from None
        return values.parse_date(excel_serial_to_date(raw))
    if not isinstance(raw, str):
        raise ValueError("date_format")
    text = unicodedata.normalize("NFKC", raw).strip()
    text = _WEEKDAY.sub("", _TRAILING_TIME.sub("", text)).strip()
    match = _ERA_DATE.fullmatch(text)
    if match:
        era = _ERAS[match[1].lower()]
        year = 1 if match[2] == "元" else int(match[2])
        try:
            return values.parse_date(date(era + year - 1, int(match[3]), int(match[4])))
        except ValueError as error:
            raise ValueError(str(error) if str(error).startswith("date_") else "date_value") from None
    text = re.sub(r"\s", "", text)
    return values.parse_date(text)


# What hand-kept ledgers write besides the words every yes/no field takes (desktop.domain.schema).
_LEDGER_TRUE = YES_WORDS | {"有り", "あり", "済み", "実施済", "取得済", "✓", "✔", "レ", "true"}
_LEDGER_FALSE = NO_WORDS | {"無し", "なし", "未済", "未実施", "未取得", "-", "ー", "―", "－", "false"}


def parse_yes_no(raw: object) -> bool:
    """有/無, ○/〇/×, はい/いいえ, 済, yes/no and the like; ValueError if it is none of them."""
    return parse_boolean(raw, _LEDGER_TRUE, _LEDGER_FALSE)


_RESULTS = {
    EvaluationResult.PASS: ("適合", "合格", "可", "良", "○", "〇", "pass", "passed", "ok"),
    EvaluationResult.CONDITIONAL: (
        "条件付適合",
        "条件付き適合",
        "条件付",
        "条件付き",
        "条件付合格",
        "条件付き合格",
        "要改善",
        "△",
        "conditional",
        "conditionalpass",
    ),
    EvaluationResult.FAIL: ("不適合", "不合格", "不可", "×", "fail", "failed", "ng"),
}
_RESULT_BY_TEXT = {
    normalize_header(text): result.value for result, texts in _RESULTS.items() for text in texts
}


def parse_result(raw: object) -> str:
    text = normalize_header(raw)
    if text in _RESULT_BY_TEXT:
        return _RESULT_BY_TEXT[text]
    raise ValueError("result")


def is_empty(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def as_code(raw: object) -> object:
    """Numbers and codes: NFKC; a whole float from a numeric cell becomes an int."""
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str):
        return unicodedata.normalize("NFKC", raw).strip()
    return raw


def _as_phone(raw: object) -> object:
    raw = as_code(raw)
    if isinstance(raw, int) and not isinstance(raw, bool):
        # A phone number typed into a numeric cell loses its leading 0; every Japanese number has one.
        return "0" + str(raw)
    return raw


@dataclass
class CellError:
    excel_row: int
    column: str  # the column name as written in the ledger
    message: Message
    value: str = ""  # the cell's value as the ledger shows it ("" for a blank cell)

    def text(self, language: str = "ja") -> str:
        """Row, column, value and reason, as the command line lists them."""
        if language == "en":
            shown = f'"{self.value}"' if self.value else "(blank)"
        else:
            shown = f"「{self.value}」" if self.value else "（空欄）"
        return f"{self.excel_row}, {self.column}, {shown}, {self.message.text(language)}"


def cell_text(value: object) -> str:
    """A cell's value as a person reads it in the sheet, on one line: dates as 2026/04/01, whole numbers
    without ".0", Excel errors by their code."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.strftime("%Y/%m/%d")
        return value.strftime("%Y/%m/%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y/%m/%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        return "、".join(cell_text(item) for item in value)
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


@dataclass
class LedgerRow:
    """One ledger line, cleaned: the contractor fields present in the ledger, and its evaluation and NDA."""

    excel_row: int
    contractor: dict[str, Any]  # clean values of the columns present (None where the cell is blank)
    evaluation: dict[str, Any] | None = None  # evaluated_on, result, next_due_on (may be None), evaluator
    nda: dict[str, Any] | None = None  # signed_on, expires_on
    errors: list[CellError] = field(default_factory=list)
    # The whole clean record as a new contractor (`validate(CONTRACTOR, contractor)`: defaults filled in),
    # so that creating it needs no second validation; None when the row has errors.
    new_contractor: dict[str, Any] | None = None


_DATE_REASONS = {
    "date_format": Message(
        "日付の形式ではありません（例: 2026/4/1, 令和8年4月1日）",
        "is not a date (e.g. 2026/4/1, 令和8年4月1日)",
    ),
    "date_value": Message("存在しない日付です", "is not a calendar date"),
    "date_range": Message("1900年から2199年までの日付を入力してください", "must be between 1900 and 2199"),
}


def date_problem(reason: str) -> Message:
    """What is wrong with a date `parse_ledger_date` refused, from its ValueError's reason code."""
    return _DATE_REASONS.get(reason, _DATE_REASONS["date_format"])


def strip_label(message: Message, labels: Iterable[Message]) -> Message:
    """Field errors start with the field's label; the row report names the column already."""
    ja, en = message.ja, message.en
    for label in labels:
        if ja.startswith(label.ja + ": "):
            ja = ja[len(label.ja) + 2 :]
        if en.startswith(label.en + ": "):
            en = en[len(label.en) + 2 :]
    return Message(ja, en)


_CERTIFICATE_NUMBERS = ("privacy_mark_number", "isms_number")
_CERTIFICATE_OF = {
    "privacy_mark_number": EXTRA_TARGETS[PRIVACY_MARK],
    "isms_number": EXTRA_TARGETS[ISMS],
    PRIVACY_MARK: EXTRA_TARGETS[PRIVACY_MARK],
    ISMS: EXTRA_TARGETS[ISMS],
}


def _is_registration_number(value: object) -> bool:
    """A Privacy Mark or ISMS registration number has digits (第12345678(01)号, IS 123456, JQA-IM1234);
    a mark (△, ー, -, 有, ○, ✓) or a word (取得済, 申請中) has none."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and any(character.isdigit() for character in value)


def _not_a_number(value: object, name: Message, *, marks_allowed: bool = False) -> Message:
    shown = cell_text(value)
    if marks_allowed:
        return Message(
            f"「{shown}」は{name.ja}の登録番号でも有／無でもありません（登録番号か、有／無を入力してください）",
            f"'{shown}' is neither a {name.en} registration number nor yes/no (give the number, or 有/無)",
        )
    return Message(
        f"「{shown}」は{name.ja}の登録番号ではありません（番号を入力するか、ない場合は空欄にしてください）",
        f"'{shown}' is not a {name.en} registration number (give the number, or leave the cell blank)",
    )


@dataclass
class RowCells:
    """One ledger line's recognised cells, before they are understood: the value of each target's cell
    (stripped, blank text as None), the heading of its column, and the errors found so far."""

    header: Header
    excel_row: int
    raw: dict[str, Any] = field(default_factory=dict)
    column_of: dict[str, str] = field(default_factory=dict)  # target → the column's heading
    cell_of: dict[str, object] = field(default_factory=dict)  # column heading → the cell, shown with errors
    errors: list[CellError] = field(default_factory=list)
    unreadable: set[str] = field(
        default_factory=set
    )  # columns holding an Excel error or uncalculated formula
    reasons: list[Message] = field(default_factory=list)

    def fail(self, target: str, message: Message) -> None:
        """An error on the cell of `target` (or, if the ledger has no such column, under its label)."""
        column = self.column_of.get(target, self.header.label(target).ja)
        self.errors.append(CellError(self.excel_row, column, message, cell_text(self.cell_of.get(column))))

    def reported_once(self) -> list[CellError]:
        """The errors, a cell that could not be read reported once (not again as blank or inconsistent)."""
        if not self.unreadable:
            return self.errors
        return [
            error
            for error in self.errors
            if error.column not in self.unreadable or error.message in self.reasons
        ]


def read_cells(header: Header, excel_row: int, cells: Sequence[Any]) -> RowCells:
    """The recognised cells of one line; an Excel error or an uncalculated formula is an error naming the cell,
    never read as text (a contractor called #N/A) nor as blank (a row silently dropped). The ledger's own
    line numbers (No.) are recognised and never read."""
    read = RowCells(header, excel_row)
    for column in header.recognised:
        assert column.target is not None
        if column.target == ROW_NUMBER:
            continue
        value = cells[column.index] if column.index < len(cells) else None
        read.column_of[column.target] = column.header
        read.cell_of[column.header] = value
        if isinstance(value, ExcelError | UncalculatedFormula):
            reason = unreadable_cell(f"{column.letter}{excel_row}", value)
            assert reason is not None
            read.errors.append(CellError(excel_row, column.header, reason, cell_text(value)))
            read.unreadable.add(column.header)
            read.reasons.append(reason)
            continue
        if isinstance(value, str):
            value = value.strip() or None
        read.raw[column.target] = value
    return read


def parse_row(header: Header, excel_row: int, cells: Sequence[Any]) -> LedgerRow:
    """Clean one ledger line; every problem becomes a CellError naming the Excel row and the column."""
    read = read_cells(header, excel_row, cells)
    row = LedgerRow(excel_row, {}, errors=read.errors)
    column_of, raw, fail = read.column_of, read.raw, read.fail
    notes_extra: list[str] = []

    contractor_raw: dict[str, Any] = {}
    for target, value in raw.items():
        contractor_field = _CONTRACTOR_FIELDS.get(target)
        if contractor_field is not None:
            kind = contractor_field.kind
            if kind in (ENUM, COUNTRY) and is_empty(value):
                continue  # blank: the default for a new contractor, the current value on an update
            if kind == DATE and not is_empty(value):
                try:
                    value = parse_ledger_date(value)
                except ValueError as error:
                    fail(target, _DATE_REASONS.get(str(error), _DATE_REASONS["date_format"]))
                    continue
            elif kind == BOOLEAN and not is_empty(value):
                try:
                    value = parse_yes_no(value)
                except ValueError:
                    fail(
                        target,
                        Message(
                            "有／無（○／×、はい／いいえ）で入力してください", "must be yes or no (有/無, ○/×)"
                        ),
                    )
                    continue
            elif kind == PHONE:
                value = _as_phone(value)
            elif target in _CERTIFICATE_NUMBERS and not is_empty(value):
                value = as_code(value)
                if not _is_registration_number(value):
                    fail(target, _not_a_number(value, _CERTIFICATE_OF[target]))
                    continue
            elif kind in (CORPORATE_NUMBER, INTEGER) or target in ("kana", "country"):
                value = as_code(value)
            contractor_raw[target] = value
        elif target == CONTACT and not is_empty(value):
            text = str(as_code(value))
            contact_target = "email" if "@" in text else "phone"
            if contact_target not in raw:
                column_of[contact_target] = column_of[CONTACT]
                contractor_raw[contact_target] = text if contact_target == "email" else _as_phone(value)
        elif target in (PRIVACY_MARK, ISMS) and not is_empty(value):
            number_field = "privacy_mark_number" if target == PRIVACY_MARK else "isms_number"
            try:
                held = parse_yes_no(value)
            except ValueError:
                # Not 有/無: the column holds the registration number itself, or a mark that is neither
                # (△, 申請中): an error naming the cell, never stored as the number.
                code = as_code(value)
                if not _is_registration_number(code):
                    fail(target, _not_a_number(code, _CERTIFICATE_OF[target], marks_allowed=True))
                elif number_field not in raw:
                    column_of[number_field] = column_of[target]
                    contractor_raw[number_field] = code
                continue
            if held:
                name = target_label(target)
                notes_extra.append(f"{name.ja}: 有（台帳に番号の記載なし）")

    if notes_extra:
        existing = contractor_raw.get("notes")
        lines = [str(existing)] if not is_empty(existing) else []
        contractor_raw["notes"] = "\n".join(lines + notes_extra)
        column_of.setdefault("notes", column_of.get(PRIVACY_MARK) or column_of.get(ISMS) or "備考")

    # The record's own validation, as for a new contractor; only errors about columns the ledger has are
    # reported here (a rule that involves a stored value is checked again when the row is written).
    failed_columns = {error.column for error in row.errors}
    try:
        full = validate(CONTRACTOR, contractor_raw)
        clean = {name: full[name] for name in contractor_raw}
        row.new_contractor = full
    except ValidationError as error:
        clean = {}
        for field_name, message in error.fields.items():
            if field_name in contractor_raw and column_of.get(field_name, field_name) not in failed_columns:
                fail(field_name, strip_label(message, [CONTRACTOR.field(field_name).label]))
    row.contractor = clean

    _parse_evaluation(row, raw, fail)
    _parse_nda(row, raw, fail)
    row.errors = read.reported_once()
    return row


def date_or_fail(raw: dict[str, Any], target: str, fail: Any) -> tuple[date | None, bool]:
    value = raw.get(target)
    if is_empty(value):
        return None, True
    try:
        return parse_ledger_date(value), True
    except ValueError as error:
        fail(target, _DATE_REASONS.get(str(error), _DATE_REASONS["date_format"]))
        return None, False


def _parse_evaluation(row: LedgerRow, raw: dict[str, Any], fail: Any) -> None:
    evaluated_on, ok_date = date_or_fail(raw, EVALUATED_ON, fail)
    next_due_on, ok_due = date_or_fail(raw, NEXT_DUE_ON, fail)
    result_raw = raw.get(EVALUATION_RESULT)
    result: str | None = None
    if not is_empty(result_raw):
        try:
            result = parse_result(result_raw)
        except ValueError:
            fail(
                EVALUATION_RESULT,
                Message(
                    "適合／条件付適合／不適合のいずれかを入力してください",
                    "must be pass, conditional pass or fail (適合/条件付適合/不適合)",
                ),
            )
            return
    if not (ok_date and ok_due):
        return
    if evaluated_on is None:
        if result is not None or next_due_on is not None:
            fail(
                EVALUATED_ON,
                Message(
                    "評価結果または次回評価予定日がありますが、評価日がありません",
                    "there is an evaluation result or due date but no evaluation date",
                ),
            )
        return
    if result is None:
        fail(
            EVALUATION_RESULT,
            Message("評価日がありますが、評価結果がありません", "there is an evaluation date but no result"),
        )
        return
    if next_due_on is not None and next_due_on <= evaluated_on:
        fail(
            NEXT_DUE_ON,
            Message(
                "次回評価予定日は評価日より後にしてください",
                "the next due date must be after the evaluation date",
            ),
        )
        return
    evaluator = raw.get(EVALUATOR)
    if not is_empty(evaluator):
        # Cleaned here as the evaluation record will clean it, so that the import can write it as it is.
        evaluator_field = EVALUATION.field("evaluator")
        try:
            evaluator = clean_value(evaluator_field, str(evaluator).strip())
        except ValidationError as error:
            fail(EVALUATOR, strip_label(error.fields["evaluator"], [evaluator_field.label]))
            return
    row.evaluation = {
        "evaluated_on": evaluated_on,
        "result": result,
        "next_due_on": next_due_on,
        "evaluator": None if is_empty(evaluator) else evaluator,
    }


def _parse_nda(row: LedgerRow, raw: dict[str, Any], fail: Any) -> None:
    value = raw.get(NDA_SIGNED_ON)
    signed_on: date | None = None
    if not is_empty(value):
        try:
            signed_on = parse_ledger_date(value)
        except ValueError as error:
            # A ledger may only tick the NDA column (済/有): there is then no date to record.
            try:
                if parse_yes_no(value):
                    fail(
                        NDA_SIGNED_ON,
                        Message(
                            "締結済みの印ではなく締結日を入力してください",
                            "give the date the NDA was signed, not just a tick",
                        ),
                    )
                    return
            except ValueError:
                pass
            fail(NDA_SIGNED_ON, _DATE_REASONS.get(str(error), _DATE_REASONS["date_format"]))
            return
    expires_on, ok = date_or_fail(raw, NDA_EXPIRES_ON, fail)
    if not ok:
        return
    if signed_on is None:
        if expires_on is not None:
            fail(
                NDA_EXPIRES_ON,
                Message(
                    "契約終了日がありますが、NDA締結日がありません",
                    "there is an end date but no NDA signing date",
                ),
            )
        return
    if expires_on is not None and expires_on < signed_on:
        fail(
            NDA_EXPIRES_ON,
            Message(
                "契約終了日はNDA締結日以降にしてください", "the end date must not precede the signing date"
            ),
        )
        return
    row.nda = {"signed_on": signed_on, "expires_on": expires_on}


def handles_pi(contractor: Mapping[str, Any]) -> bool:
    """Whether a ledger line says the contractor handles PI: PI items, My Number or special-care PI."""
    return bool(
        contractor.get("pi_items")
        or contractor.get("handles_my_number")
        or contractor.get("handles_special_care")
    )


def inferred_status(contractor: Mapping[str, Any], today: date) -> str:
    """The status of a contractor whose ledger line gives none (issue 12: never silently outside the checks).

    An end date already passed: ended (終了). A start date, or PI handled: entrusted, so active (委託中).
    Nothing that says it was ever entrusted: a candidate (候補).
    """
    end = contractor.get("end_date")
    if isinstance(end, date) and end < today:
        return ContractorStatus.ENDED.value
    if contractor.get("start_date") or handles_pi(contractor):
        return ContractorStatus.ACTIVE.value
    return ContractorStatus.CANDIDATE.value


def read_rows(
    rows: Iterable[tuple[int, Sequence[Any]]], header: Header
) -> Iterable[tuple[int, Sequence[Any]]]:
    """The data lines under the header: blank lines skipped, stop at a closing 以上."""
    numbering = {column.index for column in header.columns if column.target == ROW_NUMBER}
    for row_number, cells in rows:
        if row_number <= header.row_number:
            continue
        if is_blank_row(cells):
            continue
        if numbering and is_blank_row([c for i, c in enumerate(cells) if i not in numbering]):
            continue  # a pre-numbered line of the form, not yet filled in
        if is_closing_row(cells):
            return
        yield row_number, cells
