"""Declarative field definitions of every record, and the validation that turns raw input into clean values.

The same field names are used by the database columns, the form widgets, the CLI options, the
import columns and the report headers; the labels here are the one place their Japanese and
English names live.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from desktop.domain import joint_use_items as items
from desktop.domain import opt_out_items, values
from desktop.domain.consent_chain import CLIENT, KEY_MAX_LENGTH, intermediate_key
from desktop.domain.enums import (
    ConsentForm,
    ContractKind,
    ContractorKind,
    ContractorStatus,
    DispositionMethod,
    EngagementStatus,
    EvaluationRoute,
    JointUseChangeBasis,
    JointUseChangeField,
    LabelledEnum,
    NoticeMethod,
    OptOutChangeField,
    ProvisionBasis,
    ProvisionExemption,
    ProvisionMethod,
    RecordForm,
    RefusalGround,
    ReplyMethod,
    RequestDecision,
    RequestType,
)
from desktop.domain.errors import Message, ValidationError
from desktop.domain.kinds import RecordType

TEXT = "text"
MULTILINE = "multiline"
DATE = "date"
INTEGER = "integer"
BOOLEAN = "boolean"
ENUM = "enum"
TEXT_LIST = "text_list"
CORPORATE_NUMBER = "corporate_number"
EMAIL = "email"
PHONE = "phone"
COUNTRY = "country"
AUTHORITY_LIST = "authority_list"  # written authorisations to consent: [{party, granted_on, document}, …]

MAX_TEXT = 200
MAX_MULTILINE = 4000
MAX_INTEGER = 1_000_000_000


@dataclass(frozen=True)
class Field:
    name: str
    ja: str
    en: str
    kind: str = TEXT
    required: bool = False
    enum: type[LabelledEnum] | None = None
    default: Any = None
    max_length: int | None = None

    @property
    def label(self) -> Message:
        return Message(self.ja, self.en)


@dataclass(frozen=True)
class Schema:
    record_type: RecordType
    ja: str
    en: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field:
        for item in self.fields:
            if item.name == name:
                return item
        raise KeyError(name)

    @cached_property
    def names(self) -> tuple[str, ...]:
        # Cached: `validate` asks for it once per input field, and imports validate thousands of rows.
        return tuple(item.name for item in self.fields)

    @property
    def label(self) -> Message:
        return Message(self.ja, self.en)


def _error(field: Field, ja: str, en: str) -> Message:
    return Message(f"{field.ja}: {ja}", f"{field.en}: {en}")


_REASONS: dict[str, tuple[str, str]] = {
    "digits": ("数字13桁で入力してください", "must be 13 digits"),
    "length": ("13桁ではありません", "must have exactly 13 digits"),
    "check_digit": ("チェックデジットが一致しません", "check digit does not match"),
    "email": ("メールアドレスの形式ではありません", "is not a valid e-mail address"),
    "phone": ("電話番号の形式ではありません", "is not a valid phone number"),
    "country": (
        "ISO 3166 の国コード（例: JP, US）で入力してください",
        "must be an ISO 3166 country code (e.g. JP, US)",
    ),
    "date_format": ("日付の形式ではありません（例: 2026-04-01）", "is not a date (e.g. 2026-04-01)"),
    "date_value": ("存在しない日付です", "is not a calendar date"),
    "date_range": ("1900年から2199年までの日付を入力してください", "must be between 1900 and 2199"),
    "control": (
        "使用できない制御文字・書式文字または改行が含まれています",
        "contains control or format characters or line breaks",
    ),
    "invisible": ("目に見えない文字だけの値は入力できません", "holds only invisible characters"),
}


MAX_SEARCH = (
    200  # a search or report filter text: longer ones only cost time (LIKE, reportlab) and find nothing
)


def clean_search_text(raw: str | None, name: str = "search") -> str | None:
    """A search or filter text, stripped (None when blank); ValidationError on `name` if it is too long or
    holds control characters. Checked before any query, so that no database sees such a pattern."""
    if raw is None:
        return None
    text = raw.strip()
    if len(text) > MAX_SEARCH:
        raise ValidationError(
            {
                name: Message(
                    f"検索語は{MAX_SEARCH}文字以内で入力してください（{len(text):,}文字）",
                    f"the search text must be at most {MAX_SEARCH} characters ({len(text):,} given)",
                )
            }
        )
    if values.has_control_characters(text):
        raise ValidationError(
            {
                name: Message(
                    "検索語に使用できない制御文字・書式文字が含まれています",
                    "the search text contains control or format characters",
                )
            }
        )
    return text or None


def _reason(field: Field, code: str) -> Message:
    ja, en = _REASONS[code]
    return _error(field, ja, en)


def _is_blank(raw: object) -> bool:
    return (
        raw is None
        or (isinstance(raw, str) and raw.strip() == "")
        or (isinstance(raw, list | tuple) and len(raw) == 0)
    )


def clean_value(field: Field, raw: object) -> Any:
    """Return the clean value of one field, or raise ValidationError naming it."""
    if _is_blank(raw):
        if field.required:
            raise ValidationError({field.name: _error(field, "入力してください", "is required")})
        if field.kind in (TEXT_LIST, AUTHORITY_LIST):
            return []
        if field.kind == BOOLEAN:
            return bool(field.default)
        return field.default
    try:
        return _CLEANERS[field.kind](field, raw)
    except ValueError as error:
        code = str(error)
        message = _reason(field, code) if code in _REASONS else _error(field, code, code)
        raise ValidationError({field.name: message}) from None


def _clean_text(field: Field, raw: object, multiline: bool) -> str:
    if not isinstance(raw, str):
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            raw = str(raw)
        else:
            raise ValueError("文字列で入力してください")
    text = values.clean_text(raw, multiline=multiline)
    limit = field.max_length or (MAX_MULTILINE if multiline else MAX_TEXT)
    if len(text) > limit:
        raise ValidationError(
            {
                field.name: _error(
                    field, f"{limit}文字以内で入力してください", f"must be at most {limit} characters"
                )
            }
        )
    return text


def _clean_integer(field: Field, raw: object) -> int:
    if isinstance(raw, bool):
        raise ValueError("bool")
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, str):
        text = unicodedata.normalize("NFKC", raw).replace(",", "").replace(" ", "").strip()
        if not text.isascii() or not text.isdigit():
            raise ValidationError(
                {
                    field.name: _error(
                        field, "0以上の整数で入力してください", "must be a whole number, 0 or more"
                    )
                }
            )
        raw = int(text)
    if not isinstance(raw, int) or raw < 0 or raw > MAX_INTEGER:
        raise ValidationError(
            {
                field.name: _error(
                    field,
                    "0以上10億以下の整数で入力してください",
                    "must be a whole number from 0 to 1,000,000,000",
                )
            }
        )
    return raw


YES_WORDS = frozenset({"true", "yes", "y", "1", "有", "あり", "はい", "○", "〇", "済", "on"})
NO_WORDS = frozenset({"false", "no", "n", "0", "無", "なし", "いいえ", "×", "off", "未"})


def parse_boolean(raw: object, true_words: Set[str] = YES_WORDS, false_words: Set[str] = NO_WORDS) -> bool:
    """Yes or no from a bool, 0/1 or a word (NFKC, case-insensitive); ValueError("boolean") otherwise."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        text = unicodedata.normalize("NFKC", raw).strip().lower()
        if text in true_words:
            return True
        if text in false_words:
            return False
    raise ValueError("boolean")


def _clean_boolean(field: Field, raw: object) -> bool:
    try:
        return parse_boolean(raw)
    except ValueError:
        raise ValidationError(
            {field.name: _error(field, "はい／いいえで入力してください", "must be yes or no")}
        ) from None


def _clean_enum(field: Field, raw: object) -> str:
    assert field.enum is not None
    if isinstance(raw, field.enum):
        return raw.value
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    for member in field.enum:
        if (
            text in (member.value, member.label.ja, member.label.en)
            or text.lower() == member.label.en.lower()
        ):
            return member.value
    choices = ", ".join(member.value for member in field.enum)
    raise ValidationError(
        {
            field.name: _error(
                field, f"次のいずれかを指定してください: {choices}", f"must be one of: {choices}"
            )
        }
    )


def _clean_text_list(field: Field, raw: object) -> list[str]:
    if isinstance(raw, str):
        parts = [
            part
            for chunk in raw.replace("、", ",").replace("，", ",").replace("\n", ",").split(",")
            for part in [chunk.strip()]
            if part
        ]
    elif isinstance(raw, list | tuple):
        parts = [p for p in (str(item).strip() for item in raw) if p]
    else:
        raise ValueError("一覧で入力してください")
    cleaned: list[str] = []
    for part in parts:
        text = values.clean_text(part, multiline=False)
        if len(text) > MAX_TEXT:
            raise ValidationError(
                {
                    field.name: _error(
                        field,
                        f"各項目は{MAX_TEXT}文字以内です",
                        f"each entry must be at most {MAX_TEXT} characters",
                    )
                }
            )
        if text not in cleaned:
            cleaned.append(text)
    if len(cleaned) > 100:
        raise ValidationError({field.name: _error(field, "100項目以内です", "at most 100 entries")})
    return cleaned


MAX_AUTHORITIES = 20
AUTHORITY_PARTS = ("party", "granted_on", "document")


def _authority_entries(raw: object) -> list[Any]:
    """The entries given: a list of mappings (or of (party, date, document) triples), or that list as JSON
    text (a script's `--consent-authorities '[{"party": "client", …}]'`)."""
    if isinstance(raw, str):
        import json

        try:
            raw = json.loads(raw)
        except ValueError:
            raise ValueError(
                'JSON の一覧で入力してください（例: [{"party": "client", "granted_on": "2026-04-01", '
                '"document": "覚書"}]）'
            ) from None
    if not isinstance(raw, list | tuple):
        raise ValueError("一覧で入力してください")
    return list(raw)


def _clean_authority_list(field: Field, raw: object) -> list[dict[str, Any]]:
    """Each written authorisation with its party (a chain key), its date and its document, all three; the date
    kept as ISO text (the record holds the list as JSON). Which parties may hold one is the engagement's
    cross-check (`_check_consent_authority`)."""
    cleaned: list[dict[str, Any]] = []
    entries = _authority_entries(raw)
    if len(entries) > MAX_AUTHORITIES:
        raise ValidationError(
            {field.name: _error(field, f"{MAX_AUTHORITIES}件以内です", f"at most {MAX_AUTHORITIES} entries")}
        )
    for number, entry in enumerate(entries, start=1):
        if isinstance(entry, list | tuple) and len(entry) == 3:
            entry = dict(zip(AUTHORITY_PARTS, entry, strict=True))
        elif hasattr(entry, "party") and hasattr(entry, "granted_on") and hasattr(entry, "document"):
            entry = {name: getattr(entry, name) for name in AUTHORITY_PARTS}
        if not isinstance(entry, Mapping):
            raise ValidationError(
                {
                    field.name: _error(
                        field,
                        f"{number}件目: 権限を与えられた者・付与日・書面を指定してください",
                        f"entry {number}: give the party, the date and the document",
                    )
                }
            )
        unknown = sorted(str(name) for name in entry if name not in AUTHORITY_PARTS)
        missing = [name for name in AUTHORITY_PARTS if _is_blank(entry.get(name))]
        if unknown or missing:
            ja = {"party": "権限を与えられた者", "granted_on": "付与日", "document": "書面"}
            raise ValidationError(
                {
                    field.name: _error(
                        field,
                        f"{number}件目: 同意の権限は、権限を与えられた者・付与日・書面をそろえて記録してください"
                        + (f"（不足: {'、'.join(ja[name] for name in missing)}）" if missing else "")
                        + (f"（不明な項目: {', '.join(unknown)}）" if unknown else ""),
                        f"entry {number}: record the authority with the party, its date and its document"
                        + (f" (missing: {', '.join(missing)})" if missing else "")
                        + (f" (unknown: {', '.join(unknown)})" if unknown else ""),
                    )
                }
            )
        party = values.clean_text(str(entry["party"]), multiline=False)
        document = values.clean_text(str(entry["document"]), multiline=False)
        try:
            granted = values.parse_date(entry["granted_on"])
        except ValueError as error:
            code = str(error)
            reason = _REASONS.get(code, (code, code))
            raise ValidationError(
                {
                    field.name: _error(
                        field, f"{number}件目の付与日: {reason[0]}", f"entry {number}'s date: {reason[1]}"
                    )
                }
            ) from None
        if len(party) > KEY_MAX_LENGTH or len(document) > MAX_TEXT:
            raise ValidationError(
                {
                    field.name: _error(
                        field,
                        f"{number}件目: 書面は{MAX_TEXT}文字以内です",
                        f"entry {number}: the document must be at most {MAX_TEXT} characters",
                    )
                }
            )
        item = {"party": party, "granted_on": granted.isoformat(), "document": document}
        if item not in cleaned:
            cleaned.append(item)
    return cleaned


def _as_str(raw: object) -> str:
    if isinstance(raw, str):
        return raw
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    raise ValueError("digits")


_CLEANERS: dict[str, Callable[[Field, Any], Any]] = {
    TEXT: lambda field, raw: _clean_text(field, raw, multiline=False),
    MULTILINE: lambda field, raw: _clean_text(field, raw, multiline=True),
    DATE: lambda field, raw: values.parse_date(raw),
    INTEGER: _clean_integer,
    BOOLEAN: _clean_boolean,
    ENUM: _clean_enum,
    TEXT_LIST: _clean_text_list,
    CORPORATE_NUMBER: lambda field, raw: values.normalize_corporate_number(_as_str(raw)),
    EMAIL: lambda field, raw: values.normalize_email(str(raw)),
    PHONE: lambda field, raw: values.normalize_phone(_as_str(raw)),
    COUNTRY: lambda field, raw: values.normalize_country(str(raw)),
    AUTHORITY_LIST: _clean_authority_list,
}


def validate(schema: Schema, data: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Clean every field of `data`; collect all errors into one ValidationError.

    With `partial`, only the fields present are checked (an update of some fields).
    Unknown field names are an error: a typo must never be silently dropped.
    """
    errors: dict[str, Message] = {}
    unknown = [name for name in data if name not in schema.names]
    for name in unknown:
        errors[name] = Message(f"{name}: 不明な項目です", f"{name}: unknown field")
    clean: dict[str, Any] = {}
    for field in schema.fields:
        if partial and field.name not in data:
            continue
        try:
            clean[field.name] = clean_value(field, data.get(field.name))
        except ValidationError as error:
            errors.update(error.fields)
    if errors:
        raise ValidationError(errors)
    check = _CROSS_CHECKS.get(schema.record_type)
    if check is not None and not partial:
        check(clean)
    return clean


def check_date_order(record: Mapping[str, Any], schema: Schema, earlier: str, later: str) -> None:
    """Raise a ValidationError on `later` if it precedes `earlier` (both present)."""
    first, second = record.get(earlier), record.get(later)
    if isinstance(first, date) and isinstance(second, date) and second < first:
        a, b = schema.field(earlier), schema.field(later)
        raise ValidationError(
            {
                later: Message(
                    f"{b.ja}は{a.ja}以降の日付にしてください", f"{b.en} must not be before {a.en.lower()}"
                )
            }
        )


def _f(name: str, ja: str, en: str, kind: str = TEXT, **options: Any) -> Field:
    return Field(name, ja, en, kind, **options)


def _item(item: items.JointUseItem) -> tuple[str, str]:
    return item.label.ja, item.label.en


COMPANY = Schema(
    RecordType.COMPANY_PROFILE,
    "自社情報",
    "Company profile",
    (
        _f("name", "会社名", "Company name", required=True),
        _f("address", "所在地", "Address"),
        _f("representative", "代表者", "Representative"),
        _f("officer_name", "個人情報保護責任者", "PI protection officer"),
        _f("officer_title", "責任者の役職", "Officer's title"),
        _f("privacy_mark_number", "プライバシーマーク登録番号", "Privacy Mark registration number"),
    ),
)

CONTRACTOR = Schema(
    RecordType.CONTRACTOR,
    "委託先",
    "Contractor",
    (
        _f("name", "委託先名", "Name", required=True),
        _f("kana", "フリガナ", "Kana"),
        _f("kind", "区分", "Kind", ENUM, enum=ContractorKind, default=ContractorKind.CORPORATION.value),
        _f("corporate_number", "法人番号", "Corporate number", CORPORATE_NUMBER),
        _f("country", "国", "Country", COUNTRY, default="JP"),
        _f("address", "所在地", "Address"),
        _f("representative", "代表者", "Representative"),
        _f("contact_person", "担当者", "Contact person"),
        _f("email", "メールアドレス", "E-mail", EMAIL),
        _f("phone", "電話番号", "Phone", PHONE),
        _f("entrusted_work", "委託業務", "Work entrusted", MULTILINE),
        _f("pi_items", "個人情報の項目", "PI items", TEXT_LIST),
        _f("handles_special_care", "要配慮個人情報", "Special-care PI", BOOLEAN, default=False),
        _f("handles_my_number", "特定個人情報（マイナンバー）", "My Number", BOOLEAN, default=False),
        _f("data_subject_count", "本人の概数", "Approx. data subjects", INTEGER),
        _f("privacy_mark_number", "プライバシーマーク番号", "Privacy Mark number"),
        _f("privacy_mark_expiry", "プライバシーマーク有効期限", "Privacy Mark expiry", DATE),
        _f("isms_number", "ISMS認証番号", "ISMS certificate number"),
        _f("isms_expiry", "ISMS有効期限", "ISMS expiry", DATE),
        _f("status", "状態", "Status", ENUM, enum=ContractorStatus, default=ContractorStatus.CANDIDATE.value),
        _f("start_date", "委託開始日", "Start date", DATE),
        _f("end_date", "委託終了日", "End date", DATE),
        _f("foreign_regime_note", "外国の制度の確認（法28条）", "Foreign regime check (Art. 28)", MULTILINE),
        _f("disposition_method", "返却・廃棄の方法", "Return / destruction", ENUM, enum=DispositionMethod),
        _f("disposition_date", "返却・廃棄の確認日", "Return / destruction confirmed on", DATE),
        _f("notes", "備考", "Notes", MULTILINE),
    ),
)

EVALUATION = Schema(
    RecordType.EVALUATION,
    "委託先評価",
    "Evaluation",
    (
        _f("contractor_id", "委託先", "Contractor", INTEGER, required=True),
        _f("evaluated_on", "評価日", "Evaluation date", DATE, required=True),
        _f("evaluator", "評価者", "Evaluator", required=True),
        _f("route", "評価方法", "Route", ENUM, enum=EvaluationRoute, default=EvaluationRoute.FULL.value),
        _f("conditions", "条件", "Conditions", MULTILINE),
        _f("approver", "承認者", "Approver"),
        _f("approved_on", "承認日", "Approval date", DATE),
        _f("next_due_on", "次回評価予定日", "Next evaluation due", DATE),
        _f("next_due_reason", "次回予定日を変更した理由", "Reason for the changed due date", MULTILINE),
    ),
)

CONTRACT = Schema(
    RecordType.CONTRACT,
    "契約",
    "Contract",
    (
        _f("contractor_id", "委託先", "Contractor", INTEGER, required=True),
        _f("kind", "契約種別", "Kind", ENUM, enum=ContractKind, required=True),
        _f("title", "契約名", "Title", required=True),
        _f("reference_number", "契約番号", "Reference number"),
        _f("signed_on", "締結日", "Signed on", DATE, required=True),
        _f("effective_from", "効力発生日", "Effective from", DATE, required=True),
        _f("expires_on", "有効期限", "Expires on", DATE),
        _f("auto_renewal", "自動更新", "Auto-renewal", BOOLEAN, default=False),
        _f("renewal_term_months", "更新期間（月）", "Renewal term (months)", INTEGER),
        _f("clauses", "個人情報に関する条項", "PI clauses", TEXT_LIST),
        _f("notes", "備考", "Notes", MULTILINE),
    ),
)

ENGAGEMENT = Schema(
    RecordType.ENGAGEMENT,
    "受託業務",
    "Engagement",
    (
        _f("client_name", "委託元", "Client", required=True),
        _f("client_corporate_number", "委託元の法人番号", "Client's corporate number", CORPORATE_NUMBER),
        _f(
            "client_is_original",
            "委託元が本人から取得した事業者",
            "Client collected the data itself",
            BOOLEAN,
            default=True,
        ),
        _f("original_business_name", "当初の取得事業者", "Original business"),
        _f(
            "intermediate_clients",
            "中間の委託元（当初の取得事業者に近い順）",
            "Intermediate clients (from the original business down)",
            TEXT_LIST,
        ),
        # Policy §7: the parties the original business authorised in writing to consent (in a longer chain,
        # each intermediate may hold one of its own), each with its date and document.
        _f(
            "consent_authorities",
            "同意の権限（当初の取得事業者による書面の授権）",
            "Authorisations to consent (written, by the original business)",
            AUTHORITY_LIST,
        ),
        _f("work", "受託業務の内容", "Work", MULTILINE, required=True),
        _f("pi_items", "個人情報の項目", "PI items", TEXT_LIST),
        _f("start_date", "開始日", "Start date", DATE, required=True),
        _f("end_date", "終了日", "End date", DATE),
        _f("status", "状態", "Status", ENUM, enum=EngagementStatus, default=EngagementStatus.PLANNED.value),
        _f("notes", "備考", "Notes", MULTILINE),
    ),
)

CONSENT_HOP = Schema(
    RecordType.CONSENT_HOP,
    "再委託の同意",
    "Consent hop",
    (
        _f("engagement_id", "受託業務", "Engagement", INTEGER, required=True),
        _f("redelegation_id", "対象の再委託", "Re-delegation", INTEGER),
        _f("given_by", "同意した者", "Consent given by", max_length=KEY_MAX_LENGTH),
        _f("link_from", "委託する者", "Link from (entrusting)", max_length=KEY_MAX_LENGTH),
        _f("link_to", "委託を受ける者", "Link to (entrusted)", max_length=KEY_MAX_LENGTH),
        _f("from_party", "同意した者（名称）", "Consent given by (name)"),
        _f("to_party", "委託を受ける者（名称）", "Entrusted party (name)"),
        _f("consented_on", "同意取得日", "Consent obtained on", DATE, required=True),
        _f("form", "同意の形式", "Form", ENUM, enum=ConsentForm, required=True),
        _f("reference", "参照（文書番号等）", "Reference"),
    ),
)

REDELEGATION = Schema(
    RecordType.REDELEGATION,
    "再委託",
    "Re-delegation",
    (
        _f("engagement_id", "受託業務", "Engagement", INTEGER, required=True),
        _f("contractor_id", "再委託先", "Contractor", INTEGER, required=True),
        _f("work", "再委託する業務", "Work re-delegated", MULTILINE),
        _f("start_date", "開始日", "Start date", DATE, required=True),
        _f("end_date", "終了日", "End date", DATE),
    ),
)

JOINT_USE = Schema(
    RecordType.JOINT_USE,
    "共同利用",
    "Joint use",
    (
        _f("title", "名称", "Title", required=True),
        _f("joint_use_statement", *_item(items.STATEMENT), MULTILINE),
        _f("pi_items", *_item(items.PI_ITEMS), TEXT_LIST),
        _f("scope", *_item(items.SCOPE), MULTILINE),
        _f("joint_users", *_item(items.JOINT_USERS), TEXT_LIST),
        _f("purposes", *_item(items.PURPOSES), MULTILINE),
        _f("responsible_name", *_item(items.RESPONSIBLE_NAME)),
        _f("responsible_address", *_item(items.RESPONSIBLE_ADDRESS)),
        _f("responsible_is_corporation", *_item(items.RESPONSIBLE_IS_CORPORATION), BOOLEAN, default=True),
        _f("responsible_representative", *_item(items.REPRESENTATIVE)),
        _f("acquisition_method", *_item(items.ACQUISITION), MULTILINE),
        _f("notice_method", "公表の方法", "Notice method", ENUM, enum=NoticeMethod),
        _f("notice_reference", "公表先（URL等）", "Notice reference (URL)"),
        _f("notice_published_on", "公表日", "Notice published on", DATE),
        _f("start_date", "共同利用開始日", "Start of use", DATE, required=True),
        _f("end_date", "共同利用終了日", "End of use", DATE),
    ),
)

JOINT_USE_CHANGE = Schema(
    RecordType.JOINT_USE_CHANGE,
    "共同利用の変更",
    "Joint use change",
    (
        _f("joint_use_id", "共同利用", "Joint use", INTEGER, required=True),
        _f("field", "変更した事項", "What changed", ENUM, enum=JointUseChangeField, required=True),
        _f("description", "変更内容", "Description", MULTILINE, required=True),
        _f("changed_on", "変更日", "Changed on", DATE, required=True),
        _f("noticed_on", "通知・公表日", "Noticed on", DATE),
        # PPC Guidelines (General) 3-6-3: a change of ② or ③ cannot be made by notice; its basis and why.
        _f("basis", "変更の根拠", "Basis of the change", ENUM, enum=JointUseChangeBasis),
        _f("basis_reason", "根拠の説明", "Reason for the basis", MULTILINE),
    ),
)

CORRECTIVE_ACTION = Schema(
    RecordType.CORRECTIVE_ACTION,
    "是正処置",
    "Corrective action",
    (
        # The record the finding is on, named as findings name theirs: a RecordType value (contractor,
        # joint_use, opt_out: the kind desktop.domain.rules.CLOSABLE_RULES gives the rule) and its id.
        _f("record_type", "対象の記録の種類", "Kind of record", required=True, max_length=40),
        _f("record_id", "対象の記録", "Record", INTEGER, required=True),
        # A RuleId whose findings are of a past lapse (desktop.domain.rules.CLOSABLE_RULES).
        _f("rule", "是正の対象（指摘事項）", "Finding corrected", required=True, max_length=100),
        _f("action", "是正処置の内容", "What was done", MULTILINE, required=True),
        _f("taken_on", "実施日", "Done on", DATE, required=True),
        _f("taken_by", "実施者", "Done by", required=True),
        _f("notes", "備考", "Notes", MULTILINE),
    ),
)


def _opt_out_item(item: opt_out_items.OptOutItem) -> tuple[str, str]:
    return item.label.ja, item.label.en


OPT_OUT = Schema(
    RecordType.OPT_OUT,
    "オプトアウト",
    "Opt-out provision",
    (
        _f("title", "名称", "Title", required=True),
        _f("purpose_statement", *_opt_out_item(opt_out_items.PURPOSE), MULTILINE),
        _f("pi_items", *_opt_out_item(opt_out_items.PI_ITEMS), TEXT_LIST),
        _f("provision_method", *_opt_out_item(opt_out_items.PROVISION_METHOD), MULTILINE),
        _f("stop_statement", *_opt_out_item(opt_out_items.STOP_STATEMENT), MULTILINE),
        _f("stop_request_method", *_opt_out_item(opt_out_items.STOP_REQUEST_METHOD), MULTILINE),
        _f("acquisition_method", *_opt_out_item(opt_out_items.ACQUISITION_METHOD), MULTILINE),
        _f(
            "includes_special_care",
            "要配慮個人情報を含む",
            "Includes special-care PI",
            BOOLEAN,
            default=False,
        ),
        _f("ppc_notified_on", "個人情報保護委員会への届出日", "Notified to the PPC on", DATE),
        _f("made_known_on", "本人に通知・公表した日", "Made known to the persons on", DATE),
        _f("made_known_method", "本人に知らせた方法", "How it was made known", ENUM, enum=NoticeMethod),
        _f("made_known_reference", "公表先（URL等）", "Where it is published (URL)"),
        _f("start_date", "提供開始日", "Provision starts on", DATE, required=True),
        _f("end_date", "提供終了日", "Provision ends on", DATE),
        _f("notes", "備考", "Notes", MULTILINE),
    ),
)

OPT_OUT_CHANGE = Schema(
    RecordType.OPT_OUT_CHANGE,
    "オプトアウト届出事項の変更",
    "Opt-out change",
    (
        _f("opt_out_id", "オプトアウトによる第三者提供", "Opt-out provision", INTEGER, required=True),
        _f("field", "変更した事項", "What changed", ENUM, enum=OptOutChangeField, required=True),
        _f("description", "変更内容", "Description", MULTILINE, required=True),
        _f("changed_on", "変更日", "Takes effect on", DATE, required=True),
        _f("ppc_notified_on", "個人情報保護委員会への届出日", "Notified to the PPC on", DATE),
        _f("made_known_on", "本人に通知・公表した日", "Made known to the persons on", DATE),
    ),
)

STOP_REQUEST = Schema(
    RecordType.STOP_REQUEST,
    "提供停止の求め",
    "Stop request",
    (
        _f("opt_out_id", "オプトアウトによる第三者提供", "Opt-out provision", INTEGER, required=True),
        _f("person", "本人の氏名", "Person", required=True),
        _f("person_reference", "本人の識別番号（会員番号等）", "Person's reference (member number)"),
        _f("received_on", "受付日", "Received on", DATE, required=True),
        _f("identity_check", "本人確認の方法", "How identity was checked", required=True),
        _f("effective_on", "提供停止の開始日", "Stop takes effect on", DATE, required=True),
        _f("notes", "備考", "Notes", MULTILINE),
    ),
)

# --- Third-party provision (第三者提供記録, APPI Art. 29) and receipt (確認記録, Art. 30) records (issue 15) ---
# The record items of APPI Enforcement Rules Art. 20 and 24; most are optional here so that an incomplete
# record can be kept and its gaps found by the rules (provision.item_missing, receipt.item_missing).


def _dates_fields(on: str, on_ja: str, on_en: str) -> tuple[Field, ...]:
    return (
        _f(on, on_ja, on_en, DATE),
        _f("period_from", "一括記録の期間（開始）", "Continuous provision from", DATE),
        _f("period_to", "一括記録の期間（終了）", "Continuous provision to", DATE),
    )


_RECORD_FORM = _f(
    "record_form",
    "記録の作成方法",
    "How the record is made",
    ENUM,
    enum=RecordForm,
    default=RecordForm.EACH_TIME.value,
)

PROVISION = Schema(
    RecordType.PROVISION,
    "第三者提供記録",
    "Third-party provision record",
    (
        *_dates_fields("provided_on", "提供年月日", "Provided on"),
        _f("recipient_name", "提供先の氏名・名称", "Recipient", required=True),
        _f(
            "recipient_is_corporation",
            "提供先は法人・団体",
            "Recipient is a corporation",
            BOOLEAN,
            default=True,
        ),
        _f("recipient_address", "提供先の住所", "Recipient's address"),
        _f("recipient_representative", "提供先の代表者の氏名", "Recipient's representative"),
        _f(
            "contractor_id", "委託先（提供先が委託先の場合）", "Contractor (if the recipient is one)", INTEGER
        ),
        _f("persons", "本人（本人を特定するに足りる事項）", "Whose data (persons or group)", MULTILINE),
        _f(
            "person_references",
            "本人の識別番号（1行に1件）",
            "Person references (one per line)",
            MULTILINE,
        ),
        _f("pi_items", "個人データの項目", "PI items", TEXT_LIST),
        _f("basis", "提供の根拠", "Legal basis", ENUM, enum=ProvisionBasis),
        _f("exemption", "適用除外の事由（方針5）", "Exemption (policy §5)", ENUM, enum=ProvisionExemption),
        _f("opt_out_id", "オプトアウトによる第三者提供", "Opt-out provision", INTEGER),
        _f("method", "提供の方法", "Method of provision", ENUM, enum=ProvisionMethod),
        _RECORD_FORM,
        _f("notes", "備考", "Notes", MULTILINE),
    ),
)


# Data-subject requests and incidents (issue 15) ----------------------------------------------------------
REQUEST = Schema(
    RecordType.REQUEST,
    "本人からの請求",
    "Data-subject request",
    (
        _f("request_type", "請求の種類", "Request type", ENUM, enum=RequestType, required=True),
        _f("requester", "請求者（本人）の氏名", "Requester (the person)", required=True),
        _f("by_agent", "代理人による請求", "Made by an agent", BOOLEAN, default=False),
        _f("agent_name", "代理人の氏名", "Agent's name"),
        _f("received_on", "受付日", "Received on", DATE, required=True),
        _f("identity_check", "本人確認の方法", "How identity was checked", required=True),
        _f("decision", "決定", "Decision", ENUM, enum=RequestDecision, default=RequestDecision.PENDING.value),
        _f(
            "refusal_ground",
            "応じない理由（方針9の事由）",
            "Refusal ground (policy §9)",
            ENUM,
            enum=RefusalGround,
        ),
        _f("replied_on", "回答日", "Replied on", DATE),
        _f("reply_method", "回答方法", "Reply method", ENUM, enum=ReplyMethod),
        _f("fee", "手数料（円）", "Fee (yen)", INTEGER),
        _f("notes", "備考", "Notes", MULTILINE),
    ),
)

INCIDENT = Schema(
    RecordType.INCIDENT,
    "漏えい等の事案",
    "Incident",
    (
        _f("title", "件名", "Title", required=True),
        _f("discovered_on", "発覚日（事態を知った日）", "Discovered on", DATE, required=True),
        _f("contractor_id", "関係する委託先", "Contractor involved", INTEGER),
        _f(
            "description",
            "事案の概要（漏えい等した内容）",
            "What happened (what leaked)",
            MULTILINE,
            required=True,
        ),
        _f("pi_items", "漏えい等した個人データの項目", "PI items affected", TEXT_LIST),
        _f("person_count", "本人の数", "Number of persons", INTEGER),
        _f(
            "involves_special_care",
            "要配慮個人情報を含む",
            "Involves special-care PI",
            BOOLEAN,
            default=False,
        ),
        _f(
            "may_cause_financial_damage",
            "財産的被害が生じるおそれ",
            "Possible financial damage",
            BOOLEAN,
            default=False,
        ),
        _f("is_malicious", "不正の目的をもって行われたおそれ", "Malicious act", BOOLEAN, default=False),
        _f(
            "over_thousand_persons",
            "本人の数が1,000人を超える",
            "More than 1,000 persons",
            BOOLEAN,
            default=False,
        ),
        _f(
            "ppc_preliminary_reported_on",
            "個人情報保護委員会への速報日",
            "PPC preliminary report sent on",
            DATE,
        ),
        _f("ppc_confirmed_reported_on", "個人情報保護委員会への確報日", "PPC confirmed report sent on", DATE),
        _f("persons_notified_on", "本人への通知日", "Persons notified on", DATE),
        _f(
            "pmark_preliminary_reported_on",
            "審査機関への第一報日",
            "Privacy Mark body preliminary report on",
            DATE,
        ),
        _f(
            "pmark_confirmed_reported_on",
            "審査機関への報告書提出日",
            "Privacy Mark body confirmed report on",
            DATE,
        ),
        _f("notes", "備考", "Notes", MULTILINE),
    ),
)

RECEIPT = Schema(
    RecordType.RECEIPT,
    "確認記録",
    "Receipt confirmation record",
    (
        *_dates_fields("received_on", "受領年月日", "Received on"),
        _f("provider_name", "提供者の氏名・名称", "Provider", required=True),
        _f(
            "provider_is_corporation",
            "提供者は法人・団体",
            "Provider is a corporation",
            BOOLEAN,
            default=True,
        ),
        _f("provider_address", "提供者の住所", "Provider's address"),
        _f("provider_representative", "提供者の代表者の氏名", "Provider's representative"),
        _f(
            "acquisition_confirmation",
            "提供者による個人データの取得の経緯",
            "How the provider acquired the data",
            MULTILINE,
        ),
        _f("confirmed_on", "取得の経緯を確認した日", "Acquisition confirmed on", DATE),
        _f("confirmation_method", "確認の方法", "How it was confirmed"),
        _f("persons", "本人（本人を特定するに足りる事項）", "Whose data (persons or group)", MULTILINE),
        _f("pi_items", "個人データの項目", "PI items", TEXT_LIST),
        _RECORD_FORM,
        _f("notes", "備考", "Notes", MULTILINE),
    ),
)


def _check_dates_of(schema: Schema, on: str) -> Callable[[dict[str, Any]], None]:
    """A record covers one day (`on`) or a period (from, to: to left empty while it goes on), never both."""

    def check(record: dict[str, Any]) -> None:
        field = schema.field(on)
        if record.get(on) is None and record.get("period_from") is None:
            raise ValidationError(
                {
                    on: Message(
                        f"{field.ja}または一括記録の期間（開始）を入力してください",
                        f"{field.en}: enter the date, or the start of the continuous provision's period",
                    )
                }
            )
        if record.get(on) is not None and (record.get("period_from") or record.get("period_to")):
            raise ValidationError(
                {
                    "period_from": Message(
                        f"{field.ja}と一括記録の期間はどちらか一方を入力してください",
                        f"enter either {field.en.lower()} or a period, not both",
                    )
                }
            )
        if record.get("period_to") is not None and record.get("period_from") is None:
            raise ValidationError(
                {
                    "period_from": Message(
                        "一括記録の期間（開始）を入力してください",
                        "Continuous provision from: enter the start of the period",
                    )
                }
            )
        check_date_order(record, schema, "period_from", "period_to")

    return check


def _check_provision(record: dict[str, Any]) -> None:
    _check_dates_of(PROVISION, "provided_on")(record)
    basis = record.get("basis")
    if record.get("exemption") and basis != ProvisionBasis.EXEMPTION.value:
        raise ValidationError(
            {
                "exemption": Message(
                    "適用除外の事由は、提供の根拠が「適用除外」の場合に選択してください",
                    "Exemption: choose it only when the legal basis is an exemption",
                )
            }
        )
    if record.get("opt_out_id") is not None and basis != ProvisionBasis.OPT_OUT.value:
        raise ValidationError(
            {
                "opt_out_id": Message(
                    "オプトアウトによる第三者提供は、提供の根拠が「オプトアウト」の場合に選択してください",
                    "Opt-out provision: choose it only when the legal basis is opt-out",
                )
            }
        )


def _check_receipt(record: dict[str, Any]) -> None:
    _check_dates_of(RECEIPT, "received_on")(record)


# One schema per kind of record that has fields; keyed by RecordType (see docs/adding-a-record-kind.md).
SCHEMAS: dict[RecordType, Schema] = {
    schema.record_type: schema
    for schema in (
        COMPANY,
        CONTRACTOR,
        EVALUATION,
        CONTRACT,
        ENGAGEMENT,
        CONSENT_HOP,
        REDELEGATION,
        JOINT_USE,
        JOINT_USE_CHANGE,
        CORRECTIVE_ACTION,
        OPT_OUT,
        OPT_OUT_CHANGE,
        STOP_REQUEST,
        PROVISION,
        RECEIPT,
        REQUEST,
        INCIDENT,
    )
}
# What the audit trail records about but no schema describes: accounts, settings, and the whole database (a
# restore). Together with SCHEMAS, every RecordType has a label.
OTHER_RECORD_TYPES: dict[RecordType, Message] = {
    RecordType.ACCOUNT: Message("アカウント", "Account"),
    RecordType.SETTING: Message("設定", "Setting"),
    RecordType.DATABASE: Message("データベース", "Database"),
}
# Built from the enum: a kind with neither a schema nor an entry above fails here, at import.
_LABELS: dict[str, Message] = {
    record_type: SCHEMAS[record_type].label if record_type in SCHEMAS else OTHER_RECORD_TYPES[record_type]
    for record_type in RecordType
}


def schema_of(record_type: str) -> Schema | None:
    """The schema of a record type as stored (the audit trail's text), None for one without fields."""
    return SCHEMAS.get(record_type)  # type: ignore[call-overload]


def record_type_label(record_type: str) -> Message:
    """What a record type is called, in both languages; an unknown one is shown as it is stored."""
    return _LABELS.get(record_type) or Message(record_type, record_type)


def _check_contractor(record: dict[str, Any]) -> None:
    check_date_order(record, CONTRACTOR, "start_date", "end_date")
    if record.get("kind") == ContractorKind.FOREIGN_CORPORATION.value and record.get("country") == "JP":
        raise ValidationError(
            {
                "country": Message(
                    "外国法人の国が JP になっています", "a foreign corporation cannot have country JP"
                )
            }
        )
    if record.get("disposition_date") and not record.get("disposition_method"):
        raise ValidationError(
            {
                "disposition_method": Message(
                    "返却・廃棄の方法を選択してください", "choose how the data was returned or destroyed"
                )
            }
        )


def _check_contract(record: dict[str, Any]) -> None:
    check_date_order(record, CONTRACT, "signed_on", "expires_on")
    check_date_order(record, CONTRACT, "effective_from", "expires_on")
    if record.get("auto_renewal") and not record.get("renewal_term_months"):
        raise ValidationError(
            {
                "renewal_term_months": Message(
                    "自動更新の場合は更新期間（月）を入力してください",
                    "an auto-renewing contract needs its renewal term",
                )
            }
        )
    from desktop.domain.clauses import CLAUSE_CODES

    unknown = [code for code in record.get("clauses", []) if code not in CLAUSE_CODES]
    if unknown:
        raise ValidationError(
            {
                "clauses": Message(
                    f"不明な条項: {', '.join(unknown)}", f"unknown clauses: {', '.join(unknown)}"
                )
            }
        )


def _check_engagement(record: dict[str, Any]) -> None:
    check_date_order(record, ENGAGEMENT, "start_date", "end_date")
    is_original = record.get("client_is_original")
    if not is_original and not record.get("original_business_name"):
        raise ValidationError(
            {
                "original_business_name": Message(
                    "委託元が当初の取得事業者でない場合は、当初の取得事業者を入力してください",
                    "name the original business when the client is itself a contractor",
                )
            }
        )
    intermediates = record.get("intermediate_clients") or []
    if is_original and intermediates:
        raise ValidationError(
            {
                "intermediate_clients": Message(
                    "委託元が当初の取得事業者の場合、中間の委託元はありません",
                    "there are no intermediate clients when the client collected the data itself",
                )
            }
        )
    _check_consent_authority(record, intermediates)


def _check_consent_authority(record: dict[str, Any], intermediates: list[str]) -> None:
    """Policy §7: a party other than the original business consents only with its written authority, recorded
    with its date and document; each authorised party is the client or an intermediate client of the chain."""
    authorities = record.get("consent_authorities") or []
    if not authorities:
        return
    if record.get("client_is_original"):
        raise ValidationError(
            {
                "consent_authorities": Message(
                    "委託元が当初の取得事業者の場合、同意の権限の記録は不要です",
                    "no authority to record: the client is the original business",
                )
            }
        )
    allowed = [CLIENT, *(intermediate_key(name) for name in intermediates)]
    for number, authority in enumerate(authorities, start=1):
        if authority.get("party") not in allowed:
            raise ValidationError(
                {
                    "consent_authorities": Message(
                        f"{number}件目: 同意の権限を与えられた者は委託元または中間の委託元から選んでください"
                        f"（{', '.join(allowed)}）",
                        f"entry {number}: the party authorised to consent must be the client or an intermediate "
                        f"client ({', '.join(allowed)})",
                    )
                }
            )


def _check_joint_use(record: dict[str, Any]) -> None:
    check_date_order(record, JOINT_USE, "start_date", "end_date")


def _check_joint_use_change(record: dict[str, Any]) -> None:
    """A basis is recorded for a change of the jointly used items or of the scope of joint users only (the
    changes a notice cannot make), and always with its reason."""
    basis, reason = record.get("basis"), record.get("basis_reason")
    field = record.get("field")
    if basis and field and not JointUseChangeField(field).needs_basis:
        pi_items, scope = JointUseChangeField.PI_ITEMS.label, JointUseChangeField.SCOPE.label
        raise ValidationError(
            {
                "basis": Message(
                    f"変更の根拠は「{pi_items.ja}」または「{scope.ja}」の変更にだけ記録します",
                    f"a basis is recorded only for a change of the {pi_items.en} or of the {scope.en.lower()}",
                )
            }
        )
    if basis and not reason:
        raise ValidationError(
            {
                "basis_reason": Message(
                    "変更の根拠を選んだときは、その説明を入力してください",
                    "give the reason for the basis chosen",
                )
            }
        )
    if reason and not basis:
        raise ValidationError(
            {
                "basis": Message(
                    "根拠の説明に対応する変更の根拠を選択してください",
                    "choose the basis the reason is given for",
                )
            }
        )


_CROSS_CHECKS: dict[RecordType, Callable[[dict[str, Any]], None]] = {
    RecordType.PROVISION: _check_provision,
    RecordType.RECEIPT: _check_receipt,
    RecordType.CONTRACTOR: _check_contractor,
    RecordType.CONTRACT: _check_contract,
    RecordType.ENGAGEMENT: _check_engagement,
    RecordType.JOINT_USE: _check_joint_use,
    RecordType.JOINT_USE_CHANGE: _check_joint_use_change,
    RecordType.REDELEGATION: lambda record: check_date_order(record, REDELEGATION, "start_date", "end_date"),
    RecordType.OPT_OUT: lambda record: check_date_order(record, OPT_OUT, "start_date", "end_date"),
    RecordType.STOP_REQUEST: lambda record: check_date_order(
        record, STOP_REQUEST, "received_on", "effective_on"
    ),
}


# Data-subject requests and incidents (issue 15) ----------------------------------------------------------
def _check_request(record: dict[str, Any]) -> None:
    check_date_order(record, REQUEST, "received_on", "replied_on")
    decision, ground = record.get("decision"), record.get("refusal_ground")
    if ground and decision and not RequestDecision(decision).needs_ground:
        raise ValidationError(
            {
                "refusal_ground": Message(
                    "応じない理由は、決定が「応じない」又は「一部応じる」のときに記録します",
                    "a refusal ground is recorded only when the request is refused or partly granted",
                )
            }
        )
    if record.get("agent_name") and not record.get("by_agent"):
        raise ValidationError(
            {
                "by_agent": Message(
                    "代理人の氏名を入力したときは「代理人による請求」を選んでください",
                    "tick 'made by an agent' when an agent's name is given",
                )
            }
        )


def _check_incident(record: dict[str, Any]) -> None:
    for name in (
        "ppc_preliminary_reported_on",
        "ppc_confirmed_reported_on",
        "persons_notified_on",
        "pmark_preliminary_reported_on",
        "pmark_confirmed_reported_on",
    ):
        check_date_order(record, INCIDENT, "discovered_on", name)


_CROSS_CHECKS[RecordType.REQUEST] = _check_request
_CROSS_CHECKS[RecordType.INCIDENT] = _check_incident
