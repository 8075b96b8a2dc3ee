"""The evaluation checklist (委託先評価) and its scoring.

The template is data: settings keep an editable copy; an evaluation stores a snapshot of the
items it was scored against, so later template edits never change a past result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from desktop.domain.enums import EvaluationResult, EvaluationRoute
from desktop.domain.errors import Message, ValidationError

GROUPS: dict[str, tuple[str, str]] = {
    "organisational": ("組織的安全管理措置", "Organisational measures"),
    "personnel": ("人的安全管理措置", "Personnel measures"),
    "physical": ("物理的安全管理措置", "Physical measures"),
    "technical": ("技術的安全管理措置", "Technical measures"),
    "certificate": ("第三者認証", "Certificates"),
    "incident": ("事故の履歴", "Incident history"),
    "redelegation": ("再委託の管理", "Control of re-delegation"),
}

SCORE_CHOICES = (0, 1, 2)  # 0 = not in place, 1 = partly, 2 = fully in place


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    group: str
    ja: str
    en: str
    mandatory: bool = False
    max_score: int = 2
    simplified: bool = False  # still asked on the simplified route for certificate holders

    @property
    def label(self) -> Message:
        return Message(self.ja, self.en)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _item(code: str, group: str, ja: str, en: str, **options: Any) -> ChecklistItem:
    return ChecklistItem(code, group, ja, en, **options)


DEFAULT_TEMPLATE: tuple[ChecklistItem, ...] = (
    _item(
        "org_officer",
        "organisational",
        "個人情報保護責任者を任命している",
        "A PI protection officer is appointed",
        mandatory=True,
        simplified=True,
    ),
    _item(
        "org_rules",
        "organisational",
        "個人情報の取扱規程を整備している",
        "Written rules for handling PI exist",
    ),
    _item("org_ledger", "organisational", "個人情報の管理台帳を作成している", "A register of PI is kept"),
    _item(
        "org_incident_process",
        "organisational",
        "事故発生時の報告・対応手順がある",
        "An incident response procedure exists",
        mandatory=True,
    ),
    _item(
        "org_internal_audit",
        "organisational",
        "内部監査を定期的に実施している",
        "Internal audits are held regularly",
    ),
    _item(
        "per_nda",
        "personnel",
        "従業者と秘密保持の誓約を交わしている",
        "Staff are under confidentiality undertakings",
        mandatory=True,
        simplified=True,
    ),
    _item("per_training", "personnel", "従業者に定期的な教育を実施している", "Staff are trained regularly"),
    _item("per_supervision", "personnel", "従業者の監督を行っている", "Staff handling PI are supervised"),
    _item("phy_entry", "physical", "入退室管理を行っている", "Entry to work areas is controlled"),
    _item("phy_storage", "physical", "書類・媒体を施錠保管している", "Papers and media are locked away"),
    _item("phy_disposal", "physical", "媒体の廃棄手順がある", "Media are disposed of by a procedure"),
    _item("tec_access", "technical", "アクセス権限を管理している", "Access rights are managed"),
    _item("tec_auth", "technical", "利用者認証を行っている", "Users are authenticated"),
    _item("tec_malware", "technical", "マルウェア対策を実施している", "Malware protection is in place"),
    _item(
        "tec_encryption",
        "technical",
        "通信・保存データを暗号化している",
        "Data is encrypted in transit and at rest",
    ),
    _item(
        "tec_logging", "technical", "アクセスログを取得・確認している", "Access logs are kept and reviewed"
    ),
    _item(
        "cert_status",
        "certificate",
        "プライバシーマーク又はISMSの認証を有している",
        "Holds a Privacy Mark or ISMS certificate",
        simplified=True,
    ),
    _item(
        "inc_history",
        "incident",
        "過去3年間に重大な事故がない（又は再発防止策が完了）",
        "No serious incident in 3 years (or remediation completed)",
        simplified=True,
    ),
    _item(
        "red_control",
        "redelegation",
        "再委託は事前承認制とし、再委託先を管理している",
        "Re-delegation needs prior approval and is controlled",
        mandatory=True,
        simplified=True,
    ),
    _item(
        "red_disclosure",
        "redelegation",
        "再委託先の名称・業務を報告できる",
        "Can name its sub-contractors and their work",
        simplified=True,
    ),
)


@dataclass(frozen=True)
class Thresholds:
    """Percent of the maximum score needed for each result."""

    pass_percent: int = 80
    conditional_percent: int = 60


@dataclass(frozen=True)
class Score:
    total: int
    maximum: int
    result: EvaluationResult
    failed_mandatory: tuple[str, ...]

    @property
    def percent(self) -> float:
        return 100.0 * self.total / self.maximum if self.maximum else 0.0


def template_from_dicts(rows: Sequence[Mapping[str, Any]]) -> tuple[ChecklistItem, ...]:
    """Validate a template edited in settings."""
    items: list[ChecklistItem] = []
    seen: set[str] = set()
    for index, row in enumerate(rows, start=1):
        code = str(row.get("code", "")).strip()
        group = str(row.get("group", "")).strip()
        ja = str(row.get("ja", "")).strip()
        where = Message(f"評価項目 {index}", f"Checklist item {index}")
        if not code or code in seen:
            raise ValidationError(
                {
                    "template": Message(
                        f"{where.ja}: コードが空か重複しています", f"{where.en}: code is empty or repeated"
                    )
                }
            )
        if group not in GROUPS:
            raise ValidationError(
                {"template": Message(f"{where.ja}: 区分が不明です", f"{where.en}: unknown group")}
            )
        if not ja:
            raise ValidationError(
                {"template": Message(f"{where.ja}: 項目名が空です", f"{where.en}: no label")}
            )
        max_score = row.get("max_score", 2)
        if not isinstance(max_score, int) or isinstance(max_score, bool) or not 1 <= max_score <= 10:
            raise ValidationError(
                {"template": Message(f"{where.ja}: 配点は1〜10です", f"{where.en}: max score must be 1–10")}
            )
        seen.add(code)
        items.append(
            ChecklistItem(
                code,
                group,
                ja,
                str(row.get("en", ja)),
                bool(row.get("mandatory", False)),
                max_score,
                bool(row.get("simplified", False)),
            )
        )
    if not items:
        raise ValidationError({"template": Message("評価項目が1つもありません", "the checklist is empty")})
    return tuple(items)


def items_for_route(template: Sequence[ChecklistItem], route: str) -> tuple[ChecklistItem, ...]:
    """The items asked on a route: all of them, or the simplified subset for certificate holders."""
    if route == EvaluationRoute.FULL.value:
        return tuple(template)
    return tuple(item for item in template if item.simplified)


def score_evaluation(
    items: Sequence[ChecklistItem], scores: Mapping[str, int], thresholds: Thresholds
) -> Score:
    """Total the scores and derive the result; a mandatory item scored 0 fails the evaluation outright."""
    errors: dict[str, Message] = {}
    total = 0
    maximum = 0
    failed: list[str] = []
    for item in items:
        value = scores.get(item.code)
        if (
            value is None
            or isinstance(value, bool)
            or not isinstance(value, int)
            or not 0 <= value <= item.max_score
        ):
            errors[f"score.{item.code}"] = Message(
                f"{item.ja}: 0〜{item.max_score}で採点してください", f"{item.en}: score 0 to {item.max_score}"
            )
            continue
        total += value
        maximum += item.max_score
        if item.mandatory and value == 0:
            failed.append(item.code)
    extra = set(scores) - {item.code for item in items}
    for code in sorted(extra):
        errors[f"score.{code}"] = Message(
            f"{code}: この評価方法にない項目です", f"{code}: not an item of this route"
        )
    if errors:
        raise ValidationError(errors)
    percent = 100.0 * total / maximum if maximum else 0.0
    if failed:
        result = EvaluationResult.FAIL
    elif percent >= thresholds.pass_percent:
        result = EvaluationResult.PASS
    elif percent >= thresholds.conditional_percent:
        result = EvaluationResult.CONDITIONAL
    else:
        result = EvaluationResult.FAIL
    return Score(total, maximum, result, tuple(failed))
