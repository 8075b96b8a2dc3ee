"""The compliance rules: records in, findings out. Pure functions of the facts and today's date."""

from __future__ import annotations

import calendar
import functools
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from desktop.domain import incident_reports, opt_out_items, retention
from desktop.domain import joint_use_items as items
from desktop.domain.clauses import (
    CLAUSE_BY_CODE,
    CONFIDENTIALITY,
    PI_CLAUSES,
    contained_clauses,
    missing_clauses,
)
from desktop.domain.consent_chain import (
    Chain,
    ConsentRecord,
    LinkState,
    LinkVerdict,
    SubContractor,
    build_chain,
)
from desktop.domain.enums import (
    ContractorKind,
    ContractorStatus,
    EngagementStatus,
    EvaluationResult,
    EvaluationRoute,
    JointUseChangeField,
    OptOutChangeField,
    ProvisionBasis,
    RequestDecision,
    RequestType,
    Severity,
)
from desktop.domain.errors import Message
from desktop.domain.facts import (
    ComplianceFacts,
    ConsentHopFacts,
    ContractFacts,
    ContractorFacts,
    CorrectiveActionFacts,
    EngagementFacts,
    EvaluationFacts,
    IncidentFacts,
    JointUseChangeFacts,
    JointUseFacts,
    OptOutChangeFacts,
    OptOutFacts,
    ProvisionFacts,
    ReceiptFacts,
    RedelegationFacts,
    RequestFacts,
    StopRequestFacts,
)
from desktop.domain.joint_use_items import JointUseItem
from desktop.domain.kinds import RecordType, RuleId


@dataclass(frozen=True)
class RuleSettings:
    evaluation_warning_days: int = 30
    contract_warning_days: int = 60
    certificate_warning_days: int = 30
    change_notice_days: int = 30
    opt_out_change_notice_days: int = 30  # "without delay" (APPI Art. 27(3)) for an opt-out change
    request_reply_days: int = 14  # the company's own standard for replying to a data-subject request
    incident_preliminary_days: int = 5  # the PPC preliminary report (速報): "promptly", about 3–5 days


@dataclass(frozen=True)
class Finding:
    rule: RuleId
    severity: Severity
    record_type: RecordType
    record_id: int
    record_label: str
    message: Message
    since: date | None = None  # 発生日: when what the rule finds began (a start, an expiry, a change)
    due: date | None = None  # 期限: by when it must be put right, where the rule sets a date

    def to_json(self) -> dict[str, object]:
        return {
            "rule": str(self.rule),
            "severity": self.severity.value,
            "record_type": str(self.record_type),
            "record_id": self.record_id,
            "record_label": self.record_label,
            "message_ja": self.message.ja,
            "message_en": self.message.en,
            "due": self.due.isoformat() if self.due else None,
            "since": self.since.isoformat() if self.since else None,
            "basis": self.basis.en,
            "basis_ja": self.basis.ja,
        }

    @property
    def basis(self) -> Message:
        """The article, guideline or policy clause the rule rests on."""
        return RULE_INFO[self.rule].basis

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Finding:
        """The inverse of `to_json`."""
        since, due = data.get("since"), data.get("due")
        return cls(
            RuleId(str(data["rule"])),
            Severity(str(data["severity"])),
            RecordType(str(data["record_type"])),
            int(str(data["record_id"])),
            str(data["record_label"]),
            Message(str(data["message_ja"]), str(data["message_en"])),
            date.fromisoformat(since) if isinstance(since, str) else None,
            date.fromisoformat(due) if isinstance(due, str) else None,
        )


@dataclass(frozen=True)
class RuleInfo:
    """A rule's title and its basis: the article, guideline or policy clause it rests on, cited in every
    finding (`Finding.basis`, `check --json` key `basis`, the PDF and the workbook)."""

    rule: RuleId
    ja: str
    en: str
    basis: Message


# The citations the rules rest on, each worded once.
_SUPERVISION = Message(
    "個人情報保護法第25条、JIS Q 15001:2017 A.3.4.3.4、方針3(6)・6",
    "APPI Art. 25; JIS Q 15001:2017 A.3.4.3.4; policy §3(6), §6",
)
_NDA = Message(
    "方針3(6)・6（機密保持契約）、JIS Q 15001:2017 A.3.4.3.4",
    "Policy §3(6), §6 (NDA); JIS Q 15001:2017 A.3.4.3.4",
)
_CONTRACT_CLAUSES = Message(
    "JIS Q 15001:2017 A.3.4.3.4（契約に定める事項）、個人情報保護法第25条",
    "JIS Q 15001:2017 A.3.4.3.4 (contract terms); APPI Art. 25",
)
_FOREIGN = Message(
    "個人情報保護法第28条、同施行規則第16条・第17条", "APPI Art. 28; Enforcement Rules Art. 16, 17"
)
_REDELEGATION = Message(
    "方針7、個人情報保護法第25条、ガイドライン（通則編）3-4-4",
    "Policy §7; APPI Art. 25; PPC Guidelines (General) 3-4-4",
)
_SELECTION = Message(
    "個人情報保護法第25条、ガイドライン（通則編）3-4-4（委託先の選定・契約の締結）、JIS Q 15001:2017 A.3.4.3.4",
    "APPI Art. 25; PPC Guidelines (General) 3-4-4 (selecting the contractor, the contract); "
    "JIS Q 15001:2017 A.3.4.3.4",
)
_REDELEGATION_SELECTION = Message(
    "方針7、個人情報保護法第25条、ガイドライン（通則編）3-4-4（再委託先の選定）",
    "Policy §7; APPI Art. 25; PPC Guidelines (General) 3-4-4 (selecting the sub-contractor)",
)
_JOINT_USE_NOTICE = Message("個人情報保護法第27条第5項第3号、方針5(7)", "APPI Art. 27(5)(iii); policy §5(7)")
_JOINT_USE_CHANGE = Message(
    "個人情報保護法第27条第6項、ガイドライン（通則編）3-6-3",
    "APPI Art. 27(6); PPC Guidelines (General) 3-6-3",
)
_JOINT_USE_CHANGE_BASIS = Message(
    "個人情報保護法第27条第5項第3号・第6項、ガイドライン（通則編）3-6-3",
    "APPI Art. 27(5)(iii), (6); PPC Guidelines (General) 3-6-3",
)

_OPT_OUT_ITEMS = Message(
    "個人情報保護法第27条第2項、方針5(3)①〜⑤、ガイドライン（通則編）3-6-2",
    "APPI Art. 27(2); policy §5(3) ①–⑤; PPC Guidelines (General) 3-6-2",
)
_OPT_OUT_NOTIFICATION = Message(
    "個人情報保護法第27条第2項（あらかじめ本人に通知等し、個人情報保護委員会に届出）、ガイドライン（通則編）3-6-2",
    "APPI Art. 27(2) (persons told and the PPC notified in advance); PPC Guidelines (General) 3-6-2",
)
_OPT_OUT_SPECIAL_CARE = Message(
    "個人情報保護法第27条第2項ただし書、第2条第3項（要配慮個人情報）",
    "APPI Art. 27(2) proviso; Art. 2(3) (special-care PI)",
)
_OPT_OUT_CHANGE = Message(
    "個人情報保護法第27条第3項、ガイドライン（通則編）3-6-2",
    "APPI Art. 27(3); PPC Guidelines (General) 3-6-2",
)

# Third-party provision and receipt records (issue 15)
_PROVISION_BASIS = Message(
    "個人情報保護法第27条第1項・第2項・第5項、方針5(1)〜(6)",
    "APPI Art. 27(1), (2), (5); policy §5(1)–(6)",
)
_PROVISION_RECORD = Message(
    "個人情報保護法第29条第1項、同施行規則第20条、方針3(7)",
    "APPI Art. 29(1); Enforcement Rules Art. 20; policy §3(7)",
)
_PROVISION_RETENTION = Message(
    "個人情報保護法第29条第2項、同施行規則第21条", "APPI Art. 29(2); Enforcement Rules Art. 21"
)
_PROVISION_OPT_OUT_NOTIFIED = Message(
    "個人情報保護法第27条第2項（あらかじめ本人に通知等し、個人情報保護委員会に届出）、方針5(3)",
    "APPI Art. 27(2) (persons told and the PPC notified in advance); policy §5(3)",
)
_PROVISION_STOP = Message(
    "個人情報保護法第27条第2項（本人の求めに応じて提供を停止）、方針5(3)④",
    "APPI Art. 27(2) (provision stopped at the person's request); policy §5(3)④",
)
_RECEIPT_CONFIRMATION = Message(
    "個人情報保護法第30条第1項、同施行規則第22条", "APPI Art. 30(1); Enforcement Rules Art. 22"
)
_RECEIPT_RECORD = Message(
    "個人情報保護法第30条第3項、同施行規則第24条", "APPI Art. 30(3); Enforcement Rules Art. 24"
)
_RECEIPT_RETENTION = Message(
    "個人情報保護法第30条第4項、同施行規則第25条", "APPI Art. 30(4); Enforcement Rules Art. 25"
)


# Every rule id with a short title, in the order reports list them: reports group findings by it.
RULES: tuple[RuleInfo, ...] = (
    RuleInfo(RuleId.EVALUATION_MISSING, "委託先評価が未実施", "No evaluation", _SUPERVISION),
    RuleInfo(RuleId.EVALUATION_FAILED, "委託先評価が不適合", "Evaluation failed", _SUPERVISION),
    RuleInfo(
        RuleId.EVALUATION_CONDITIONAL,
        "条件付適合の条件が未解消",
        "Conditional pass to follow up",
        _SUPERVISION,
    ),
    RuleInfo(
        RuleId.EVALUATION_OVERDUE,
        "委託先評価の期限切れ・期限間近",
        "Evaluation overdue or due soon",
        _SUPERVISION,
    ),
    RuleInfo(
        RuleId.EVALUATION_CERTIFICATE_EXPIRED,
        "評価の根拠とした認証の期限切れ",
        "Certificate relied on expired",
        _SUPERVISION,
    ),
    RuleInfo(RuleId.CONTRACT_NDA_MISSING, "有効な機密保持契約がない", "No valid NDA", _NDA),
    RuleInfo(
        RuleId.CONTRACT_PI_CLAUSES_NOT_IN_FORCE,
        "個人情報に関する条項が有効な契約にない",
        "PI clauses not in force",
        _CONTRACT_CLAUSES,
    ),
    RuleInfo(
        RuleId.CONTRACT_CLAUSES_MISSING,
        "契約に必要な条項の欠落",
        "Contract lacks required clauses",
        _CONTRACT_CLAUSES,
    ),
    RuleInfo(RuleId.CONTRACT_EXPIRING, "契約の満了が近い", "Contract expiring", _SUPERVISION),
    RuleInfo(
        RuleId.CONTRACTOR_DISPOSAL_UNCONFIRMED,
        "委託終了後の返却・廃棄が未確認",
        "Return or destruction unconfirmed",
        _CONTRACT_CLAUSES,
    ),
    RuleInfo(
        RuleId.CONTRACTOR_FOREIGN_REGIME_MISSING,
        "外国にある第三者の制度確認がない（法28条）",
        "No record of the foreign regime (Art. 28)",
        _FOREIGN,
    ),
    RuleInfo(
        RuleId.CONTRACTOR_ENTRUSTED_BEFORE_SELECTION,
        "選定・契約より前に委託が始まった",
        "Entrusted before selection or contract",
        _SELECTION,
    ),
    RuleInfo(
        RuleId.CONTRACTOR_SELECTION_UNCONFIRMED,
        "委託前の選定・契約が未確認（台帳から取込）",
        "Selection before entrustment unconfirmed (imported)",
        _SELECTION,
    ),
    RuleInfo(
        RuleId.CONTRACTOR_ENTRUSTED_NOT_SELECTED,
        "選定前の候補のまま委託が始まっている",
        "Entrusted but still a candidate",
        _SELECTION,
    ),
    RuleInfo(
        RuleId.ENGAGEMENT_CONSENT_MISSING,
        "再委託の同意が確認されていない受託業務",
        "Engagement without consent",
        _REDELEGATION,
    ),
    RuleInfo(
        RuleId.ENGAGEMENT_CONSENT_INCOMPLETE,
        "同意した者・対象の委託が未記録の同意",
        "Consent without its giver or link",
        _REDELEGATION,
    ),
    RuleInfo(
        RuleId.REDELEGATION_CONSENT_MISSING,
        "委託元の同意のない再委託",
        "Re-delegation without consent",
        _REDELEGATION,
    ),
    RuleInfo(
        RuleId.REDELEGATION_CONTRACTOR_NOT_COMPLIANT,
        "再委託先が要件を満たしていない",
        "Re-delegated contractor not compliant",
        _REDELEGATION,
    ),
    RuleInfo(
        RuleId.REDELEGATION_CONTRACTOR_NOT_SELECTED,
        "再委託先が選定前の候補のまま",
        "Re-delegated to a contractor not selected",
        _REDELEGATION_SELECTION,
    ),
    RuleInfo(
        RuleId.JOINT_USE_ITEM_MISSING, "共同利用の公表事項の欠落", "Joint use item missing", _JOINT_USE_NOTICE
    ),
    RuleInfo(
        RuleId.JOINT_USE_NOTICE_LATE, "共同利用の公表が利用開始後", "Joint use notice late", _JOINT_USE_NOTICE
    ),
    RuleInfo(
        RuleId.JOINT_USE_CHANGE_WITHOUT_ADVANCE_NOTICE,
        "共同利用の変更が事前に公表されていない",
        "Change not noticed in advance",
        _JOINT_USE_CHANGE,
    ),
    RuleInfo(
        RuleId.JOINT_USE_CHANGE_NOTICE_OVERDUE,
        "共同利用の責任者情報の変更の通知が遅れている",
        "Change of responsible party details not noticed",
        _JOINT_USE_CHANGE,
    ),
    RuleInfo(
        RuleId.OPT_OUT_ITEM_MISSING,
        "オプトアウトの届出事項（①〜⑤）の欠落",
        "Opt-out item ①–⑤ missing",
        _OPT_OUT_ITEMS,
    ),
    RuleInfo(
        RuleId.OPT_OUT_NOTIFICATION_LATE,
        "オプトアウトによる提供が届出・本人への通知より前",
        "Opt-out provision before notification",
        _OPT_OUT_NOTIFICATION,
    ),
    RuleInfo(
        RuleId.OPT_OUT_SPECIAL_CARE,
        "要配慮個人情報のオプトアウトによる提供",
        "Special-care PI provided by opt-out",
        _OPT_OUT_SPECIAL_CARE,
    ),
    RuleInfo(
        RuleId.OPT_OUT_CHANGE_NOT_NOTIFIED,
        "オプトアウト届出事項の変更が届出・通知されていない",
        "Opt-out change not notified",
        _OPT_OUT_CHANGE,
    ),
    RuleInfo(
        RuleId.JOINT_USE_CHANGE_WITHOUT_BASIS,
        "公表では変更できない事項（項目・共同利用者の範囲）の変更に根拠がない",
        "Change of items or scope without a basis",
        _JOINT_USE_CHANGE_BASIS,
    ),
    # Third-party provision and receipt records (issue 15)
    RuleInfo(
        RuleId.PROVISION_BASIS_MISSING,
        "第三者提供の根拠がない",
        "Provision without a basis",
        _PROVISION_BASIS,
    ),
    RuleInfo(
        RuleId.PROVISION_ITEM_MISSING,
        "第三者提供記録の記録事項の欠落",
        "Provision record item missing",
        _PROVISION_RECORD,
    ),
    RuleInfo(
        RuleId.PROVISION_RETENTION_ENDED,
        "第三者提供記録の保存期間の終了（削除可）",
        "Provision record's retention ended (may be deleted)",
        _PROVISION_RETENTION,
    ),
    RuleInfo(
        RuleId.PROVISION_OPT_OUT_NOT_NOTIFIED,
        "オプトアウトによる提供が届出・本人への通知より前",
        "Provision under opt-out before its notification",
        _PROVISION_OPT_OUT_NOTIFIED,
    ),
    RuleInfo(
        RuleId.PROVISION_AFTER_STOP_REQUEST,
        "提供停止の求めの後の提供",
        "Provision after a stop request",
        _PROVISION_STOP,
    ),
    RuleInfo(
        RuleId.PROVISION_SPECIAL_CARE_BY_OPT_OUT,
        "要配慮個人情報のオプトアウトによる提供（提供記録）",
        "Special-care PI in a provision under opt-out",
        _OPT_OUT_SPECIAL_CARE,
    ),
    RuleInfo(
        RuleId.RECEIPT_CONFIRMATION_MISSING,
        "提供者による取得の経緯の確認がない",
        "Acquisition not confirmed",
        _RECEIPT_CONFIRMATION,
    ),
    RuleInfo(
        RuleId.RECEIPT_ITEM_MISSING,
        "確認記録の記録事項の欠落",
        "Receipt record item missing",
        _RECEIPT_RECORD,
    ),
    RuleInfo(
        RuleId.RECEIPT_RETENTION_ENDED,
        "確認記録の保存期間の終了（削除可）",
        "Receipt record's retention ended (may be deleted)",
        _RECEIPT_RETENTION,
    ),
)
# Data-subject requests and incidents (issue 15) ----------------------------------------------------------
_REQUEST_REPLY = Message(
    "個人情報保護法第33条〜第35条（遅滞なく）、方針9、社内基準（受付から回答までの日数）",
    "APPI Art. 33–35 (without delay); policy §9; company standard (days from receipt to reply)",
)
_REQUEST_REFUSAL = Message(
    "個人情報保護法第33条第2項各号、第36条（理由の説明）、方針9 ※1〜4（開示しない事由）",
    "APPI Art. 33(2) items; Art. 36 (reasons explained); policy §9 ※1–4 (grounds for not disclosing)",
)
_REQUEST_DECISION = Message(
    "個人情報保護法第33条第3項、第34条第3項、第35条第7項（決定の本人への通知）",
    "APPI Art. 33(3), 34(3), 35(7) (the decision notified to the person)",
)
_INCIDENT_PPC_PRELIMINARY = Message(
    "個人情報保護法第26条第1項、施行規則第7条・第8条第1項（速報：速やかに）、ガイドライン（通則編）3-5-3-3",
    "APPI Art. 26(1); Enforcement Rules Art. 7, 8(1) (preliminary report promptly); PPC Guidelines (General) "
    "3-5-3-3",
)
_INCIDENT_PPC_CONFIRMED = Message(
    "個人情報保護法第26条第1項、施行規則第8条第2項（確報：30日以内、不正の目的によるものは60日以内）、ガイドライン（通則編）3-5-3-4",
    "APPI Art. 26(1); Enforcement Rules Art. 8(2) (confirmed report within 30 days, 60 for a malicious act); "
    "PPC Guidelines (General) 3-5-3-4",
)
_INCIDENT_PERSONS = Message(
    "個人情報保護法第26条第2項、施行規則第10条（状況に応じて速やかに。速報の期限までと読む）、ガイドライン（通則編）3-5-4",
    "APPI Art. 26(2); Enforcement Rules Art. 10 (promptly as the situation allows: read as due with the "
    "preliminary report); PPC Guidelines (General) 3-5-4",
)
_INCIDENT_PMARK = Message(
    "プライバシーマーク制度：付与事業者の事故等の審査機関への報告（第一報は報告対象事態、報告書は全事故：30日以内、不正の目的は60日以内）",
    "Privacy Mark scheme: a certified business reports incidents to its examination body (preliminary report "
    "for reportable incidents; the report for every incident within 30 days, 60 for a malicious act)",
)
_CONTRACTOR_REEVALUATION = Message(
    "JIS Q 15001（委託先の監督：委託先の評価の見直し）、方針6、個人情報保護法第25条",
    "JIS Q 15001 (supervision of contractors: re-evaluation); policy §6; APPI Art. 25",
)
RULES = (
    *RULES,
    RuleInfo(
        RuleId.REQUEST_REPLY_OVERDUE,
        "本人からの請求への回答期限",
        "Reply to a data-subject request due or overdue",
        _REQUEST_REPLY,
    ),
    RuleInfo(
        RuleId.REQUEST_REFUSAL_WITHOUT_GROUND,
        "開示しない決定に方針9の事由がない",
        "Disclosure refused without a ground",
        _REQUEST_REFUSAL,
    ),
    RuleInfo(
        RuleId.REQUEST_UNDECIDED,
        "回答済みの請求に決定の記録がない",
        "Request replied to without a decision recorded",
        _REQUEST_DECISION,
    ),
    RuleInfo(
        RuleId.INCIDENT_PPC_PRELIMINARY_MISSING,
        "漏えい等の個人情報保護委員会への速報がない",
        "PPC preliminary report missing",
        _INCIDENT_PPC_PRELIMINARY,
    ),
    RuleInfo(
        RuleId.INCIDENT_PPC_CONFIRMED_MISSING,
        "漏えい等の個人情報保護委員会への確報がない",
        "PPC confirmed report missing",
        _INCIDENT_PPC_CONFIRMED,
    ),
    RuleInfo(
        RuleId.INCIDENT_PERSONS_NOTICE_MISSING,
        "漏えい等の本人への通知がない",
        "Notice to the persons missing",
        _INCIDENT_PERSONS,
    ),
    RuleInfo(
        RuleId.INCIDENT_PMARK_PRELIMINARY_MISSING,
        "審査機関への事故の第一報がない",
        "Privacy Mark body preliminary report missing",
        _INCIDENT_PMARK,
    ),
    RuleInfo(
        RuleId.INCIDENT_PMARK_CONFIRMED_MISSING,
        "審査機関への事故の報告書がない",
        "Privacy Mark body confirmed report missing",
        _INCIDENT_PMARK,
    ),
    RuleInfo(
        RuleId.CONTRACTOR_REEVALUATION_AFTER_INCIDENT,
        "事故後の委託先の再評価",
        "Contractor to re-evaluate after an incident",
        _CONTRACTOR_REEVALUATION,
    ),
)
RULE_IDS = tuple(info.rule for info in RULES)
# The rules that find past lapses, which no later record can undo, with the kind of record their findings
# are on: a corrective action (是正処置, desktop.services.corrective_actions) recorded on that record closes
# such a finding. Only the PAST-LAPSE findings of these rules close (`_closed`): the thing was done, late —
# a notice published after the joint use began, a change noticed after it took effect or after the days
# allowed, an opt-out provision begun before its notification, a change notified late, work entrusted before
# the selection. The same rule's finding of a thing still NOT done (no notice, no notification) is a breach
# still going on, which only putting the records right ends; no corrective action closes it. Every other rule
# finds a breach still going on. (A request replied to late and an incident reported late leave no finding:
# those rules find only what is still owed, so there is nothing for a corrective action to close.)
CLOSABLE_RULES: dict[RuleId, RecordType] = {
    RuleId.CONTRACTOR_ENTRUSTED_BEFORE_SELECTION: RecordType.CONTRACTOR,
    RuleId.CONTRACTOR_SELECTION_UNCONFIRMED: RecordType.CONTRACTOR,
    RuleId.JOINT_USE_NOTICE_LATE: RecordType.JOINT_USE,
    RuleId.JOINT_USE_CHANGE_WITHOUT_ADVANCE_NOTICE: RecordType.JOINT_USE,
    RuleId.JOINT_USE_CHANGE_NOTICE_OVERDUE: RecordType.JOINT_USE,
    RuleId.OPT_OUT_NOTIFICATION_LATE: RecordType.OPT_OUT,
    RuleId.OPT_OUT_CHANGE_NOT_NOTIFIED: RecordType.OPT_OUT,
}
# The kinds of record a corrective action may be on: those the closable rules' findings are on.
CORRECTABLE_RECORD_TYPES: tuple[RecordType, ...] = tuple(dict.fromkeys(CLOSABLE_RULES.values()))
# What the corrective actions taken by a day close: (record type, record id, rule) -> the latest day one was
# taken. An action closes the lapses that began on or before the day it was taken (a later lapse of the same
# record and rule is a new one).
Closures = dict[tuple[str, int, str], date]


def closures(actions: Iterable[CorrectiveActionFacts], today: date) -> Closures:
    closed: Closures = {}
    for action in actions:
        if action.taken_on <= today:
            key = (action.record_type, action.record_id, action.rule)
            closed[key] = max(closed.get(key, action.taken_on), action.taken_on)
    return closed


def _closed(closed: Closures, finding: Finding) -> bool:
    """Whether a finding of a past lapse has a corrective action recorded on it (call it only on those)."""
    taken = closed.get((str(finding.record_type), finding.record_id, str(finding.rule)))
    return taken is not None and (finding.since is None or finding.since <= taken)


def _unless_closed(closed: Closures, finding: Finding) -> Iterator[Finding]:
    if not _closed(closed, finding):
        yield finding


RULE_INFO: dict[RuleId, RuleInfo] = {info.rule: info for info in RULES}


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_end(contract: ContractFacts, today: date) -> date | None:
    """The end of the contract's current term: auto-renewal rolls the expiry forward past today."""
    if contract.expires_on is None:
        return None
    if not contract.auto_renewal or not contract.renewal_term_months:
        return contract.expires_on
    end = contract.expires_on
    if end >= today:
        return end
    # Jump most of the way arithmetically, then step: a bounded loop whatever the dates.
    months_behind = (today.year - end.year) * 12 + (today.month - end.month)
    steps = max(0, months_behind // contract.renewal_term_months - 1)
    end = add_months(contract.expires_on, steps * contract.renewal_term_months)
    while end < today:
        end = add_months(end, contract.renewal_term_months)
    return end


def is_in_force(contract: ContractFacts, today: date) -> bool:
    end = term_end(contract, today)
    return contract.effective_from <= today and (end is None or today <= end)


_CANDIDATE = ContractorStatus.CANDIDATE.value
_ENDED = ContractorStatus.ENDED.value
# A suspension stops the work, not the duties: the contractor still holds the data until an end with its
# return or destruction confirmed, so the supervision duties apply to it as to an active one.
_ENTRUSTED = frozenset({ContractorStatus.ACTIVE.value, ContractorStatus.SUSPENDED.value})


def is_entrusted(contractor: ContractorFacts) -> bool:
    """Whether the supervision duties (evaluation, NDA, PI clauses, foreign regime) apply: the contractor
    handles PI and is active or suspended. A candidate has none yet; an ended one owes the confirmation of
    the data's return or destruction (`contractor.disposal_unconfirmed`)."""
    return contractor.handles_pi and contractor.status in _ENTRUSTED


def _ahead_of_start(finding: Finding, start: date) -> Finding:
    """A duty owed before an entrustment that has not begun: a warning due on the start date (it becomes
    blocking on that date, when the rules see the entrustment begun)."""
    if finding.severity is Severity.WARNING:
        return finding
    return replace(finding, severity=Severity.WARNING, due=start)


def _finding(
    rule: RuleId,
    severity: Severity,
    record_type: RecordType,
    record_id: int,
    label: str,
    ja: str,
    en: str,
    since: date | None = None,
    due: date | None = None,
) -> Finding:
    return Finding(rule, severity, record_type, record_id, label, Message(ja, en), since, due)


def due_by(due: date) -> Message:
    """How every warning of a deadline still ahead states it: 期限 YYYY年M月D日 まで (never as if late)."""
    return Message(f"期限 {due.year}年{due.month}月{due.day}日 まで", f"due by {due:%Y-%m-%d}")


def with_due_wording(finding: Finding, today: date) -> Finding:
    """A warning whose due date is still ahead says so in the same words everywhere: its message gets
    "（期限 YYYY年M月D日 まで）" unless it states it already (the rules' own texts of a future deadline do)."""
    due = finding.due
    if finding.severity is not Severity.WARNING or due is None or due < today:
        return finding
    phrase = due_by(due)
    if phrase.ja in finding.message.ja:
        return finding
    message = Message(f"{finding.message.ja}（{phrase.ja}）", f"{finding.message.en} ({phrase.en})")
    return replace(finding, message=message)


def _latest(evaluations: Iterable[EvaluationFacts]) -> EvaluationFacts | None:
    return max(evaluations, key=lambda e: (e.evaluated_on, e.id), default=None)


def contractor_findings(facts: ComplianceFacts, today: date, settings: RuleSettings) -> Iterator[Finding]:
    evaluations: dict[int, list[EvaluationFacts]] = defaultdict(list)
    for evaluation in facts.evaluations:
        evaluations[evaluation.contractor_id].append(evaluation)
    contracts: dict[int, list[ContractFacts]] = defaultdict(list)
    for contract in facts.contracts:
        contracts[contract.contractor_id].append(contract)
    closed = closures(facts.corrective_actions, today)
    incidents: dict[int, list[IncidentFacts]] = defaultdict(list)
    for incident in facts.incidents:
        if incident.contractor_id is not None:
            incidents[incident.contractor_id].append(incident)

    for contractor in facts.contractors:
        label = contractor.name
        cid = contractor.id
        latest = _latest(evaluations.get(cid, ()))
        if is_entrusted(contractor):
            start = contractor.start_date
            duties = [
                *_evaluation_findings(contractor, latest, today, settings),
                # Before the start, what counts is what will be in force on the start date.
                *_contract_cover_findings(contractor, contracts.get(cid, []), max(today, start or today)),
                *_foreign_regime_findings(contractor),
            ]
            if start is None or start <= today:
                yield from duties
                yield from (
                    finding
                    for finding in _selection_order_findings(
                        contractor, evaluations.get(cid, ()), contracts.get(cid, ())
                    )
                    if not _closed(closed, finding)
                )
            else:  # the future/past principle: owed by the start, blocking from it
                yield from (_ahead_of_start(finding, start) for finding in duties)
        elif contractor.status == _CANDIDATE:
            yield from _candidate_findings(contractor, today)
        if contractor.status != _ENDED:
            yield from _contract_findings(contractor, contracts.get(cid, []), today, settings)
            yield from _reevaluation_after_incident_findings(
                contractor, latest, incidents.get(cid, ()), today
            )
        if contractor.status == _ENDED and contractor.handles_pi and contractor.disposition_date is None:
            yield _finding(
                RuleId.CONTRACTOR_DISPOSAL_UNCONFIRMED,
                Severity.BLOCKING,
                RecordType.CONTRACTOR,
                cid,
                label,
                "委託終了後の個人情報の返却・廃棄が確認されていません。",
                "The return or destruction of the data after the end has not been confirmed.",
                contractor.end_date,
            )


def _foreign_regime_findings(contractor: ContractorFacts) -> Iterator[Finding]:
    """APPI Art. 28: a contractor abroad that our PI is entrusted to needs a record of the country's regime."""
    is_foreign = contractor.kind == ContractorKind.FOREIGN_CORPORATION.value or contractor.country != "JP"
    if is_foreign and not contractor.has_foreign_regime_note:
        yield _finding(
            RuleId.CONTRACTOR_FOREIGN_REGIME_MISSING,
            Severity.BLOCKING,
            RecordType.CONTRACTOR,
            contractor.id,
            contractor.name,
            f"外国（{contractor.country}）にある委託先ですが、その国の個人情報保護制度の確認記録がありません（個人情報保護法第28条）。",
            f"Contractor in a foreign country ({contractor.country}) with no record of that "
            "country's data protection regime (APPI Art. 28).",
            contractor.start_date,
        )


_SELECTING_RESULTS = frozenset({EvaluationResult.PASS.value, EvaluationResult.CONDITIONAL.value})


def _selection_order_findings(
    contractor: ContractorFacts, evaluations: Iterable[EvaluationFacts], contracts: Iterable[ContractFacts]
) -> Iterator[Finding]:
    """JIS Q 15001 A.3.4.3.4: select, then contract, then entrust. An entrustment that began before the first
    approved passing evaluation, or before the PI clauses were first in a contract, is a past lapse: a
    warning until the officer records a corrective action on it. (No evaluation or no such contract at all
    is a breach still going on: `evaluation.missing`, `contract.pi_clauses_not_in_force`.)

    The warning needs evidence of a lapse, and a record taken over from a ledger is none: a ledger row
    carries the LATEST evaluation and NDA, not the first, so an imported date after the start says only that
    the history before the import is not on record. When the date that puts the start first is such an
    imported record (`EvaluationFacts.imported`, `ContractFacts.imported`), the contractor gets instead ONE
    distinct finding, `contractor.selection_unconfirmed` (a warning, no due date: nothing is late, something
    is unknown), asking the officer to confirm that it was selected and contracted before the entrustment
    began; the officer records that confirmation (or the corrective action, if it was not) as a corrective
    action on that finding, which closes it. A lapse shown by records made in the application itself (the
    history is complete from them) stays `contractor.entrusted_before_selection`; when both kinds of date
    are late, the evidenced lapse is the one reported (one finding per contractor, never both).

    A contractor that itself came in through a ledger import (`ContractorFacts.imported_on`) has no history
    before its import date either: when its entrustment began before that day, a first evaluation or
    contract recorded later in the application after the start shows only what was recorded since, so it
    too is `selection_unconfirmed`, never `entrusted_before_selection`. From the import date on (a start on
    or after it) the application's records are the whole history again, and a late one is the lapse."""
    start = contractor.start_date
    if start is None:
        return
    passing = [e for e in evaluations if e.result in _SELECTING_RESULTS]
    first_pass = min(passing, key=lambda e: (e.evaluated_on, e.id), default=None)
    selected = first_pass.evaluated_on if first_pass is not None else None
    first_contract = _first_pi_clauses_contract(contracts)
    contracted = first_contract.effective_from if first_contract is not None else None
    lapses_ja: list[str] = []
    lapses_en: list[str] = []
    unknown_ja: list[str] = []
    unknown_en: list[str] = []
    # Entrusted before the contractor itself was imported: nothing before the import is on record.
    unrecorded_start = contractor.imported_on is not None and start < contractor.imported_on
    if first_pass is not None and selected is not None and start < selected:
        ja = f"最初の適合した委託先評価（{selected:%Y-%m-%d}）"
        en = f"the first approved passing evaluation ({selected:%Y-%m-%d})"
        unknown = first_pass.imported or unrecorded_start
        (unknown_ja if unknown else lapses_ja).append(ja)
        (unknown_en if unknown else lapses_en).append(en)
    if first_contract is not None and contracted is not None and start < contracted:
        ja = f"個人情報に関する条項を含む最初の契約（{contracted:%Y-%m-%d}）"
        en = f"the first contract with the PI clauses ({contracted:%Y-%m-%d})"
        unknown = first_contract.imported or unrecorded_start
        (unknown_ja if unknown else lapses_ja).append(ja)
        (unknown_en if unknown else lapses_en).append(en)
    if lapses_ja:
        yield _finding(
            RuleId.CONTRACTOR_ENTRUSTED_BEFORE_SELECTION,
            Severity.WARNING,
            RecordType.CONTRACTOR,
            contractor.id,
            contractor.name,
            f"委託開始日（{start:%Y-%m-%d}）が"
            + "及び".join(lapses_ja)
            + "より前です（選定・契約・委託の順序）。"
            "是正処置を記録してください。",
            f"The entrustment began ({start:%Y-%m-%d}) before " + " and ".join(lapses_en) + " (select, "
            "contract, then entrust): record the corrective action taken.",
            start,
        )
    elif unknown_ja and unrecorded_start and contractor.imported_on is not None:
        imported = contractor.imported_on
        yield _finding(
            RuleId.CONTRACTOR_SELECTION_UNCONFIRMED,
            Severity.WARNING,
            RecordType.CONTRACTOR,
            contractor.id,
            contractor.name,
            f"委託先管理台帳から取り込んだ委託先（{imported:%Y-%m-%d}取込）で、取込より前の記録はありません。"
            f"委託開始日（{start:%Y-%m-%d}）より後の記録（"
            + "、".join(unknown_ja)
            + "）しかないため、委託前に選定・契約していたかは未確認です。"
            "確認し、確認結果を是正処置として記録してください。",
            f"This contractor came in from the contractor ledger ({imported:%Y-%m-%d}), and nothing before the "
            f"import is on record: only records after the entrustment began ({start:%Y-%m-%d}) exist ("
            + "; ".join(unknown_en)
            + "), so whether it was selected and contracted before the entrustment is unconfirmed. Confirm "
            "it, and record what you confirmed as a corrective action.",
            start,
        )
    elif unknown_ja:
        yield _finding(
            RuleId.CONTRACTOR_SELECTION_UNCONFIRMED,
            Severity.WARNING,
            RecordType.CONTRACTOR,
            contractor.id,
            contractor.name,
            "委託先管理台帳から取り込んだ記録（"
            + "、".join(unknown_ja)
            + f"）は最新のもので、委託開始日（{start:%Y-%m-%d}）より前の選定・契約の記録がありません。"
            "委託前に選定・契約していたことを確認し、確認結果を是正処置として記録してください。",
            "The records imported from the contractor ledger ("
            + "; ".join(unknown_en)
            + f") are the latest, and nothing is on record of its selection and contract before the "
            f"entrustment began ({start:%Y-%m-%d}): confirm that it was selected and contracted before the "
            "entrustment, and record what you confirmed as a corrective action.",
            start,
        )


def _first_pi_clauses_contract(contracts: Iterable[ContractFacts]) -> ContractFacts | None:
    """The contract with which the required PI clauses were first all in contracts in effect."""
    required = frozenset(PI_CLAUSES)
    present: set[str] = set()
    for contract in sorted(contracts, key=lambda c: (c.effective_from, c.id)):
        present.update(contained_clauses(contract.kind, contract.clauses))
        if required <= present:
            return contract
    return None


def _candidate_findings(contractor: ContractorFacts, today: date) -> Iterator[Finding]:
    """A candidate has no duties yet; but one with PI items whose start date has come looks entrusted
    before it was selected (a ledger imported without a status, a status never updated)."""
    start = contractor.start_date
    if contractor.handles_pi and start is not None and start <= today:
        yield _finding(
            RuleId.CONTRACTOR_ENTRUSTED_NOT_SELECTED,
            Severity.WARNING,
            RecordType.CONTRACTOR,
            contractor.id,
            contractor.name,
            f"状態は「候補」ですが、個人情報を取り扱い、委託開始日（{start:%Y-%m-%d}）を迎えています。選定前に委託していませんか。"
            "選定（評価・契約）を済ませて状態を「委託中」にするか、開始日を見直してください。",
            f"The status is 'candidate', but the contractor handles PI and its start date ({start:%Y-%m-%d}) "
            "has come: entrusted but not selected? Complete the selection (evaluation, contract) and set it "
            "to active, or correct the start date.",
            start,
        )


def redelegation_selection_findings(facts: ComplianceFacts, today: date) -> Iterator[Finding]:
    """A re-delegation to a contractor still a candidate (not selected): blocking once the re-delegated
    work has started, a warning due on its start before."""
    candidates = {c.id: c.name for c in facts.contractors if c.status == _CANDIDATE}
    engagements = {e.id: e for e in facts.engagements}
    for redelegation in facts.redelegations:
        name = candidates.get(redelegation.contractor_id)
        engagement = engagements.get(redelegation.engagement_id)
        if name is None or engagement is None or engagement.status == EngagementStatus.ENDED.value:
            continue
        if redelegation.end_date is not None and redelegation.end_date < today:
            continue
        start = redelegation.start_date
        started = start <= today
        yield _finding(
            RuleId.REDELEGATION_CONTRACTOR_NOT_SELECTED,
            Severity.BLOCKING if started else Severity.WARNING,
            RecordType.REDELEGATION,
            redelegation.id,
            f"{engagement.client_name} → {name}",
            f"再委託先の{name}は選定前の「候補」のままです（再委託の開始 {start:%Y-%m-%d}）。"
            "評価と契約で選定してから再委託してください。",
            f"The sub-contractor {name} is still a candidate, not selected (the re-delegation starts "
            f"{start:%Y-%m-%d}): select it by evaluation and contract before re-delegating.",
            start,
            None if started else start,
        )


def _evaluation_findings(
    contractor: ContractorFacts, latest: EvaluationFacts | None, today: date, settings: RuleSettings
) -> Iterator[Finding]:
    cid, label = contractor.id, contractor.name
    if latest is None:
        yield Finding(
            RuleId.EVALUATION_MISSING,
            Severity.BLOCKING,
            RecordType.CONTRACTOR,
            cid,
            label,
            _NO_EVALUATION,
            contractor.start_date,
        )
        return
    if latest.result == EvaluationResult.FAIL.value:
        yield _finding(
            RuleId.EVALUATION_FAILED,
            Severity.BLOCKING,
            RecordType.CONTRACTOR,
            cid,
            label,
            f"最新の委託先評価（{latest.evaluated_on:%Y-%m-%d}）が不適合です。",
            f"The latest evaluation ({latest.evaluated_on:%Y-%m-%d}) failed.",
            latest.evaluated_on,
        )
    elif latest.result == EvaluationResult.CONDITIONAL.value:
        yield _finding(
            RuleId.EVALUATION_CONDITIONAL,
            Severity.WARNING,
            RecordType.CONTRACTOR,
            cid,
            label,
            "最新の委託先評価は条件付適合です。条件の解消を確認してください。",
            "The latest evaluation is a conditional pass: follow up its conditions.",
            latest.evaluated_on,
            latest.next_due_on,
        )
    if latest.next_due_on is not None:
        due = latest.next_due_on
        if today > due:
            yield _finding(
                RuleId.EVALUATION_OVERDUE,
                Severity.BLOCKING,
                RecordType.CONTRACTOR,
                cid,
                label,
                f"委託先評価の期限（{due:%Y-%m-%d}）を過ぎています。",
                f"The evaluation was due on {due:%Y-%m-%d} and is overdue.",
                due,
                due,
            )
        elif today >= due - timedelta(days=settings.evaluation_warning_days):
            yield _finding(
                RuleId.EVALUATION_OVERDUE,
                Severity.WARNING,
                RecordType.CONTRACTOR,
                cid,
                label,
                f"委託先評価の期限が近づいています（{due_by(due).ja}）。",
                f"The next evaluation is due on {due:%Y-%m-%d}.",
                due - timedelta(days=settings.evaluation_warning_days),
                due,
            )
    expiry = _relied_certificate_expiry(contractor, latest)
    if latest.route != EvaluationRoute.FULL.value:
        certificate = (
            Message("プライバシーマーク", "Privacy Mark")
            if latest.route == EvaluationRoute.PRIVACY_MARK.value
            else Message("ISMS認証", "ISMS certificate")
        )
        if expiry is None or today > expiry:
            when_ja = f"（{expiry:%Y-%m-%d}）" if expiry else "（有効期限の記録なし）"
            when_en = f" on {expiry:%Y-%m-%d}" if expiry else " (no expiry recorded)"
            yield _finding(
                RuleId.EVALUATION_CERTIFICATE_EXPIRED,
                Severity.BLOCKING,
                RecordType.CONTRACTOR,
                cid,
                label,
                f"簡易評価の根拠とした{certificate.ja}の有効期限が切れています{when_ja}。",
                f"The {certificate.en} the simplified evaluation relied on expired{when_en}.",
                expiry,
                expiry,
            )
        elif today >= expiry - timedelta(days=settings.certificate_warning_days):
            yield _finding(
                RuleId.EVALUATION_CERTIFICATE_EXPIRED,
                Severity.WARNING,
                RecordType.CONTRACTOR,
                cid,
                label,
                f"簡易評価の根拠とした{certificate.ja}の有効期限（{expiry:%Y-%m-%d}）が近づいています。",
                f"The {certificate.en} the simplified evaluation relied on expires on {expiry:%Y-%m-%d}.",
                expiry - timedelta(days=settings.certificate_warning_days),
                expiry,
            )


def _relied_certificate_expiry(contractor: ContractorFacts, evaluation: EvaluationFacts) -> date | None:
    if evaluation.route == EvaluationRoute.PRIVACY_MARK.value:
        return contractor.privacy_mark_expiry
    if evaluation.route == EvaluationRoute.ISMS.value:
        return contractor.isms_expiry
    return None


_NO_NDA = Message(
    "秘密保持の条項を含む有効な契約がありません（機密保持契約のほか、秘密保持条項のある業務委託契約や覚書でも足ります）。",
    "No contract in force binds the contractor to confidentiality (an NDA, or an outsourcing contract or "
    "memorandum with a confidentiality clause).",
)
_NO_EVALUATION = Message(
    "個人情報を取り扱う委託先ですが、委託先評価が実施されていません。",
    "This contractor handles PI but has never been evaluated.",
)


@dataclass(frozen=True)
class ContractCover:
    """Which of a contractor's contracts in force carry the confidentiality duty ("an NDA", whatever the
    contract is called) and each PI clause JIS Q 15001 expects; the rules, the forms and the 委託先カルテ
    read the same answer."""

    confidentiality: tuple[
        ContractFacts, ...
    ]  # contracts in force that bind the contractor to confidentiality
    clauses: tuple[
        tuple[str, tuple[ContractFacts, ...]], ...
    ]  # each PI clause → the contracts in force with it

    @property
    def has_confidentiality(self) -> bool:
        return bool(self.confidentiality)

    @property
    def missing(self) -> tuple[str, ...]:
        """The PI clauses no contract in force contains, in the canonical order."""
        return tuple(code for code, carriers in self.clauses if not carriers)


def contract_cover(contracts: Iterable[ContractFacts], today: date) -> ContractCover:
    """The cover given by `contracts` (one contractor's, approved) on `today`: only those in force count."""
    in_force = sorted((c for c in contracts if is_in_force(c, today)), key=lambda c: (c.effective_from, c.id))
    contained = [(c, contained_clauses(c.kind, c.clauses)) for c in in_force]
    return ContractCover(
        tuple(c for c, present in contained if CONFIDENTIALITY in present),
        tuple((code, tuple(c for c, present in contained if code in present)) for code in PI_CLAUSES),
    )


@dataclass(frozen=True)
class ContractDuty:
    """For one contract row of the contract list and register: who carries the contractor's duties on the day
    — this contract, another approved contract in force, or none (the NDA is its substance: any approved
    contract in force with the confidentiality clause satisfies the NDA duty). The same `ContractCover` the
    rules and the contractor file read."""

    contract_id: int
    handles_pi: bool
    confidentiality: tuple[
        int, ...
    ]  # the contracts in force that carry it (this one's id among them, or not)
    clauses_elsewhere: tuple[
        str, ...
    ]  # PI clauses this contract lacks that another contract in force carries
    clauses_nowhere: tuple[str, ...]  # PI clauses no contract in force carries (the duty not met)
    carries_clauses: bool  # this contract is in force and carries at least one PI clause

    @property
    def message(self) -> Message:
        others = [i for i in self.confidentiality if i != self.contract_id]
        ids = "、".join(f"#{i}" for i in others)
        if self.contract_id in self.confidentiality:
            ja, en = ["機密保持: 本契約"], ["Confidentiality: this contract"]
        elif others:
            ja, en = [f"機密保持: 他の契約 {ids}"], [f"Confidentiality: contract {ids.replace('、', ', ')}"]
        else:
            ja, en = ["機密保持: どの契約にもない"], ["Confidentiality: in no contract in force"]
        if not self.handles_pi:
            ja.append("個人情報条項: 不要（個人情報を取り扱わない）")
            en.append("PI clauses: not required (handles no PI)")
        elif self.clauses_nowhere:
            count = len(self.clauses_nowhere)
            if count > 3:  # the clause column beside it lists them: a count keeps the cell short
                ja.append(f"個人情報条項: {count} 件がどの契約にもない")
                en.append(f"PI clauses: {count} in no contract in force")
            else:
                names_ja = "、".join(CLAUSE_BY_CODE[c].label.ja for c in self.clauses_nowhere)
                names_en = ", ".join(CLAUSE_BY_CODE[c].label.en for c in self.clauses_nowhere)
                ja.append(f"個人情報条項: どの契約にもない（{names_ja}）")
                en.append(f"PI clauses in no contract in force: {names_en}")
        elif self.clauses_elsewhere:
            ja.append("個人情報条項: 他の契約が担保" + ("（本契約と分担）" if self.carries_clauses else ""))
            en.append(
                "PI clauses: carried by another contract"
                + (" (with this one)" if self.carries_clauses else "")
            )
        else:
            ja.append("個人情報条項: 本契約")
            en.append("PI clauses: this contract")
        return Message(" / ".join(ja), " / ".join(en))


def contract_duty(contract: ContractFacts, cover: ContractCover, handles_pi: bool) -> ContractDuty:
    """Who carries the contractor's duties, seen from one of its contracts (`cover`: its approved contracts on
    the day)."""
    carried_here = {code for code, carriers in cover.clauses if any(c.id == contract.id for c in carriers)}
    carried_anywhere = {code for code, carriers in cover.clauses if carriers}
    return ContractDuty(
        contract.id,
        handles_pi,
        tuple(c.id for c in cover.confidentiality),
        tuple(code for code in PI_CLAUSES if code in carried_anywhere and code not in carried_here),
        cover.missing if handles_pi else (),
        bool(carried_here),
    )


def _contract_cover_findings(
    contractor: ContractorFacts, contracts: list[ContractFacts], today: date
) -> Iterator[Finding]:
    # The NDA is what a contract contains, not what it is called: any contract in force with the
    # confidentiality clause satisfies the NDA duty, and the PI clauses may be spread over several.
    cid, label = contractor.id, contractor.name
    cover = contract_cover(contracts, today)
    if not cover.has_confidentiality:
        yield Finding(
            RuleId.CONTRACT_NDA_MISSING,
            Severity.BLOCKING,
            RecordType.CONTRACTOR,
            cid,
            label,
            _NO_NDA,
            contractor.start_date,
        )
    message = _pi_clauses_message(frozenset(cover.missing))
    if message is not None:
        yield Finding(
            RuleId.CONTRACT_PI_CLAUSES_NOT_IN_FORCE,
            Severity.BLOCKING,
            RecordType.CONTRACTOR,
            cid,
            label,
            message,
            contractor.start_date,
        )


@functools.lru_cache(maxsize=256)
def _pi_clauses_message(lacking_codes: frozenset[str]) -> Message | None:
    """The message naming the required PI clauses missing (None: none missing); cached, as 100,000
    contractors share a handful of clause sets."""
    lacking = [code for code in PI_CLAUSES if code in lacking_codes]
    if not lacking:
        return None
    return Message(
        "有効な契約に次の個人情報に関する条項がありません: "
        + "、".join(CLAUSE_BY_CODE[code].ja for code in lacking),
        "No contract in force contains these PI clauses: "
        + ", ".join(CLAUSE_BY_CODE[code].en for code in lacking),
    )


def _contract_findings(
    contractor: ContractorFacts, contracts: list[ContractFacts], today: date, settings: RuleSettings
) -> Iterator[Finding]:
    # A clause that another contract in force contains is not missing: the cover may be spread over
    # an NDA, an outsourcing contract and a memorandum (JIS Q 15001 asks for the terms, not one document).
    in_force = (
        [(c.id, contained_clauses(c.kind, c.clauses)) for c in contracts if is_in_force(c, today)]
        if len(contracts) > 1
        else []
    )
    for contract in contracts:
        end = term_end(contract, today)
        if end is not None and today > end:
            continue  # an expired contract is history, not a finding of its own
        lacking = missing_clauses(contract.kind, contract.clauses, contractor.handles_pi)
        if lacking and in_force:
            elsewhere = frozenset().union(*(present for cid, present in in_force if cid != contract.id))
            lacking = [code for code in lacking if code not in elsewhere]
        if lacking:
            yield _finding(
                RuleId.CONTRACT_CLAUSES_MISSING,
                Severity.WARNING,
                RecordType.CONTRACT,
                contract.id,
                contract.title,
                f"「{contract.title}」（{contractor.name}）に必要な条項がありません: "
                + "、".join(CLAUSE_BY_CODE[code].ja for code in lacking),
                f"'{contract.title}' ({contractor.name}) lacks required clauses: "
                + ", ".join(CLAUSE_BY_CODE[code].en for code in lacking),
                contract.effective_from,
            )
        expiring = contract.expires_on is not None and not contract.auto_renewal
        if (
            expiring
            and contractor.status in _ENTRUSTED
            and contract.expires_on is not None
            and contract.effective_from <= today
            and contract.expires_on - timedelta(days=settings.contract_warning_days)
            <= today
            <= contract.expires_on
        ):
            yield _finding(
                RuleId.CONTRACT_EXPIRING,
                Severity.WARNING,
                RecordType.CONTRACT,
                contract.id,
                contract.title,
                f"「{contract.title}」（{contractor.name}）は{contract.expires_on:%Y-%m-%d}に満了し、自動更新されません"
                f"（更新の{due_by(contract.expires_on).ja}）。",
                f"'{contract.title}' ({contractor.name}) expires on {contract.expires_on:%Y-%m-%d} "
                "and does not renew.",
                contract.expires_on - timedelta(days=settings.contract_warning_days),
                contract.expires_on,
            )


def engagement_chain(
    engagement: EngagementFacts,
    redelegations: Iterable[RedelegationFacts],
    contractor_names: dict[int, str],
    company_name: str = "",
) -> Chain:
    """The chain of parties of an engagement (desktop.domain.consent_chain), as the rules read it."""
    return build_chain(
        engagement.client_name,
        engagement.client_is_original,
        engagement.original_business_name,
        engagement.intermediate_clients,
        engagement.start_date,
        company_name,
        (
            SubContractor(r.id, contractor_names.get(r.contractor_id, f"#{r.contractor_id}"), r.start_date)
            for r in redelegations
        ),
        engagement.consent_authorities,
    )


def consent_record(hop: ConsentHopFacts) -> ConsentRecord:
    return ConsentRecord(
        hop.id,
        hop.given_by,
        hop.link_from,
        hop.link_to,
        hop.consented_on,
        f"{hop.from_party} → {hop.to_party}",
    )


def _chain_parts(
    facts: ComplianceFacts,
) -> tuple[dict[int, list[ConsentRecord]], dict[int, list[RedelegationFacts]], dict[int, str]]:
    """Per engagement, its consents and its re-delegations; and each contractor's name by id."""
    hops: dict[int, list[ConsentRecord]] = defaultdict(list)
    for hop in facts.consent_hops:
        hops[hop.engagement_id].append(consent_record(hop))
    redelegations: dict[int, list[RedelegationFacts]] = defaultdict(list)
    for redelegation in facts.redelegations:
        redelegations[redelegation.engagement_id].append(redelegation)
    return hops, redelegations, {c.id: c.name for c in facts.contractors}


def engagement_findings(
    facts: ComplianceFacts, today: date, blocked_contractors: set[int]
) -> Iterator[Finding]:
    hops, redelegations, names = _chain_parts(facts)
    engagements = {e.id: e for e in facts.engagements}
    for engagement in facts.engagements:
        if engagement.status == EngagementStatus.ENDED.value:
            continue
        own = redelegations.get(engagement.id, [])
        chain = engagement_chain(engagement, own, names)
        ended = {r.id for r in own if r.end_date is not None and r.end_date < today}
        consents = hops.get(engagement.id, [])
        for verdict in chain.verdicts(consents):
            if verdict.state is LinkState.OK or verdict.link.redelegation_id in ended:
                continue
            yield _consent_finding(engagement, chain, verdict, today)
        incomplete = chain.incomplete(consents)
        if incomplete:
            yield _incomplete_consent_finding(engagement, incomplete)
    for redelegation in facts.redelegations:
        parent = engagements.get(redelegation.engagement_id)
        if parent is None or parent.status == EngagementStatus.ENDED.value:
            continue
        if redelegation.end_date is not None and redelegation.end_date < today:
            continue
        name = names.get(redelegation.contractor_id, f"#{redelegation.contractor_id}")
        if redelegation.contractor_id in blocked_contractors:
            yield _finding(
                RuleId.REDELEGATION_CONTRACTOR_NOT_COMPLIANT,
                Severity.BLOCKING,
                RecordType.REDELEGATION,
                redelegation.id,
                f"{parent.client_name} → {name}",
                f"再委託先の{name}に重大な指摘事項があります。",
                f"The re-delegated contractor {name} has blocking findings.",
                redelegation.start_date,
            )


def _consent_finding(engagement: EngagementFacts, chain: Chain, verdict: LinkVerdict, today: date) -> Finding:
    """A link without a consent that counts: a warning due on its start while the start is ahead
    (policy §7: consent before the entrustment), blocking from the start on."""
    link = verdict.link
    whose = chain.consenters_for(link)
    start = link.start or engagement.start_date
    path = link.text
    if verdict.state is LinkState.LATE and verdict.consent is not None:
        given = verdict.consent.consented_on
        ja = f"{whose.ja}の同意（{path.ja}、{given:%Y-%m-%d}）が業務開始日（{start:%Y-%m-%d}）より後です。"
        en = f"The consent of {whose.en} to {path.en} ({given:%Y-%m-%d}) came after the work started ({start:%Y-%m-%d})."
    elif today < start:
        ja = f"{path.ja}の委託は{start:%Y-%m-%d}に始まります。{whose.ja}の同意を記録してください（{due_by(start).ja}、方針7）。"
        en = f"{path.en} starts on {start:%Y-%m-%d}: the consent of {whose.en} is needed by then (policy §7)."
    else:
        ja = f"{path.ja}：開始日（{start:%Y-%m-%d}）以前の{whose.ja}の同意がありません（方針7）。"
        en = f"No consent of {whose.en} to {path.en} dated on or before the start ({start:%Y-%m-%d}) is recorded (policy §7)."
    for consent, reason in verdict.not_counted:
        ja += f"記録されている{consent.consented_on:%Y-%m-%d}の同意は数えられません（{reason.ja}）。"
        en += f" The consent recorded on {consent.consented_on:%Y-%m-%d} does not count: {reason.en}."
    severity = Severity.WARNING if today < start else Severity.BLOCKING
    since = None if today < start else start
    if link.redelegation_id is None:
        return _finding(
            RuleId.ENGAGEMENT_CONSENT_MISSING,
            severity,
            RecordType.ENGAGEMENT,
            engagement.id,
            engagement.client_name,
            ja,
            en,
            since,
            start,
        )
    return _finding(
        RuleId.REDELEGATION_CONSENT_MISSING,
        severity,
        RecordType.REDELEGATION,
        link.redelegation_id,
        f"{engagement.client_name} → {link.target.name}",
        ja,
        en,
        since,
        start,
    )


def _incomplete_consent_finding(engagement: EngagementFacts, consents: list[ConsentRecord]) -> Finding:
    """Consents that name no giver or link of the chain (migrated from free text, or a party renamed since):
    they count for nothing until completed, and are listed rather than passed over."""
    listed = "、".join(f"#{c.id} {c.consented_on:%Y-%m-%d}「{c.as_written}」" for c in consents)
    listed_en = "; ".join(f"#{c.id} {c.consented_on:%Y-%m-%d} '{c.as_written}'" for c in consents)
    return _finding(
        RuleId.ENGAGEMENT_CONSENT_INCOMPLETE,
        Severity.WARNING,
        RecordType.ENGAGEMENT,
        engagement.id,
        engagement.client_name,
        f"同意した者または対象の委託（どの当事者からどの当事者へ）が連鎖の当事者で記録されていない同意が{len(consents)}件あり、"
        f"どの委託の同意にも数えられていません。連鎖の当事者から選んで補ってください：{listed}",
        f"{len(consents)} consent(s) do not name who gave them or the link they cover among the chain's parties, "
        f"and count for no link until completed: {listed_en}",
    )


_JOINT_USE_ITEMS: tuple[tuple[str, JointUseItem], ...] = (
    ("has_statement", items.STATEMENT),
    ("has_pi_items", items.PI_ITEMS),
    ("has_scope", items.SCOPE),
    ("has_purposes", items.PURPOSES),
    ("has_responsible_name", items.RESPONSIBLE_NAME),
    ("has_responsible_address", items.RESPONSIBLE_ADDRESS),
)


def joint_use_findings(facts: ComplianceFacts, today: date, settings: RuleSettings) -> Iterator[Finding]:
    changes: dict[int, list[JointUseChangeFacts]] = defaultdict(list)
    for change in facts.joint_use_changes:
        changes[change.joint_use_id].append(change)
    closed = closures(facts.corrective_actions, today)
    for joint_use in facts.joint_uses:
        if joint_use.end_date is not None and joint_use.end_date < today:
            continue
        yield from _joint_use_item_findings(joint_use, today)
        yield from _joint_use_notice_findings(joint_use, today, closed)
        for change in sorted(changes.get(joint_use.id, []), key=lambda c: (c.changed_on, c.id)):
            yield from _change_findings(joint_use, change, today, settings, closed)


def _given_by(day: date | None, today: date) -> date | None:
    """A notice counts from the day it is given: one dated after today is planned, not given yet."""
    return day if day is not None and day <= today else None


def _joint_use_notice_findings(
    joint_use: JointUseFacts, today: date, closed: Closures | None = None
) -> Iterator[Finding]:
    # APPI Art. 27(5)(iii): the items are made public before the joint use starts. Before the start the
    # notice is owed (a warning due on the start date); from the start on, one missing or late is blocking.
    start, planned = joint_use.start_date, joint_use.notice_published_on
    published = _given_by(planned, today)
    if published is not None and published <= start:
        return
    if planned is None:
        ja, en = "共同利用の公表日が記録されていません。", "No publication date of the notice is recorded."
    elif planned > start:
        ja = f"公表日（{planned:%Y-%m-%d}）が共同利用の開始日（{start:%Y-%m-%d}）より後です。"
        en = f"The notice ({planned:%Y-%m-%d}) was published after the use began ({start:%Y-%m-%d})."
        if planned > today:  # planned, not given: nothing is late yet unless the use has begun
            ja = f"公表予定日（{planned:%Y-%m-%d}）が共同利用の開始日（{start:%Y-%m-%d}）より後になっています。"
            en = f"The notice is to be published on {planned:%Y-%m-%d}, after the use begins ({start:%Y-%m-%d})."
    else:  # planned on or before the start, but after today
        ja = f"公表予定日（{planned:%Y-%m-%d}）が未到来で、まだ公表されていません。"
        en = f"The notice is to be published on {planned:%Y-%m-%d}: it has not been published yet."
    if today >= start:
        finding = _finding(
            RuleId.JOINT_USE_NOTICE_LATE,
            Severity.BLOCKING,
            RecordType.JOINT_USE,
            joint_use.id,
            joint_use.title,
            ja + "（個人情報保護法第27条第5項第3号：あらかじめ公表が必要）",
            en + " (APPI Art. 27(5)(iii): notice must precede the joint use)",
            start,
            start,
        )
        if published is None:  # still not published: a breach going on, which no corrective action closes
            yield finding
        else:  # published after the start: a past lapse, closed by a corrective action on the joint use
            yield from _unless_closed(closed or {}, finding)
    else:
        yield _finding(
            RuleId.JOINT_USE_NOTICE_LATE,
            Severity.WARNING,
            RecordType.JOINT_USE,
            joint_use.id,
            joint_use.title,
            ja
            + f"共同利用の開始前に公表してください（{due_by(start).ja}、個人情報保護法第27条第5項第3号）。",
            en + f" Publish it before the use begins on {start:%Y-%m-%d} (APPI Art. 27(5)(iii)).",
            None,
            start,
        )


def _joint_use_item_findings(joint_use: JointUseFacts, today: date) -> Iterator[Finding]:
    label = joint_use.title
    start = joint_use.start_date
    # The items must be in the notice before the use starts: a use still ahead warns, due on its start.
    started = today >= start
    severity = Severity.BLOCKING if started else Severity.WARNING
    since = start if started else None
    for attribute, item in _JOINT_USE_ITEMS:
        if not getattr(joint_use, attribute):
            yield _finding(
                RuleId.JOINT_USE_ITEM_MISSING,
                severity,
                RecordType.JOINT_USE,
                joint_use.id,
                label,
                f"公表事項「{item.label.ja}」がありません。",
                f"The notice lacks {item.label.en}.",
                since,
                start,
            )
    if joint_use.responsible_is_corporation and not joint_use.has_responsible_representative:
        yield _finding(
            RuleId.JOINT_USE_ITEM_MISSING,
            severity,
            RecordType.JOINT_USE,
            joint_use.id,
            label,
            f"公表事項「{items.REPRESENTATIVE.label.ja}」がありません（責任者が法人のとき、2022年改正法で必要）。",
            f"The notice lacks {items.REPRESENTATIVE.label.en} (required of a corporation since the 2022 "
            "amendment).",
            since,
            start,
        )
    if not joint_use.has_acquisition_method:
        yield _finding(
            RuleId.JOINT_USE_ITEM_MISSING,
            Severity.WARNING,
            RecordType.JOINT_USE,
            joint_use.id,
            label,
            f"「{items.ACQUISITION.label.ja}」がありません。法の公表事項ではありませんが、当社の個人情報保護方針5(7)で約束している事項です。",
            f"{items.ACQUISITION.label.en} is missing. It is not an item of the Act, but our privacy "
            "policy §5(7) promises it.",
            since,
            start,
        )


_ADVANCE_NOTICE_FIELDS = {JointUseChangeField.PURPOSE.value, JointUseChangeField.RESPONSIBLE_PARTY.value}
_PROMPT_NOTICE_FIELDS = {
    JointUseChangeField.RESPONSIBLE_NAME.value,
    JointUseChangeField.RESPONSIBLE_ADDRESS.value,
    JointUseChangeField.RESPONSIBLE_REPRESENTATIVE.value,
}


def _has_basis(change: JointUseChangeFacts) -> bool:
    return change.basis is not None and change.has_basis_reason


def _change_findings(
    joint_use: JointUseFacts,
    change: JointUseChangeFacts,
    today: date,
    settings: RuleSettings,
    closed: Closures | None = None,
) -> Iterator[Finding]:
    label = joint_use.title
    field = JointUseChangeField(change.field)
    field_label = field.label
    changed = change.changed_on
    noticed = _given_by(change.noticed_on, today)
    if change.field in _ADVANCE_NOTICE_FIELDS:
        # APPI Art. 27(6): the purpose or the responsible party is changed only after a notice given in
        # advance. A planned change still owes it (a warning due on the change date); from the change on,
        # one missing or given after the change is blocking.
        if noticed is not None and noticed <= changed:
            return
        if today >= changed:
            finding = _finding(
                RuleId.JOINT_USE_CHANGE_WITHOUT_ADVANCE_NOTICE,
                Severity.BLOCKING,
                RecordType.JOINT_USE,
                joint_use.id,
                label,
                f"{field_label.ja}の変更（{changed:%Y-%m-%d}）があらかじめ公表されていません（法27条6項）。",
                f"The change of {field_label.en.lower()} on {changed:%Y-%m-%d} was not noticed "
                "in advance (APPI Art. 27(6)).",
                changed,
                changed,
            )
            if noticed is None:  # still not noticed: going on
                yield finding
            else:  # noticed after the change: a past lapse
                yield from _unless_closed(closed or {}, finding)
        else:
            yield _finding(
                RuleId.JOINT_USE_CHANGE_WITHOUT_ADVANCE_NOTICE,
                Severity.WARNING,
                RecordType.JOINT_USE,
                joint_use.id,
                label,
                f"{field_label.ja}の変更（{changed:%Y-%m-%d}予定）は、あらかじめ本人に通知し、又は公表してください"
                f"（{due_by(changed).ja}）"
                "（法27条6項）。",
                f"The change of {field_label.en.lower()} planned for {changed:%Y-%m-%d} must be noticed "
                "before it takes effect (APPI Art. 27(6)).",
                None,
                changed,
            )
    elif change.field in _PROMPT_NOTICE_FIELDS:
        # APPI Art. 27(6): a change of the responsible party's name, address or representative is
        # noticed without delay after it; settings say how many days count as "without delay".
        due = changed + timedelta(days=settings.change_notice_days)
        since = changed if changed <= today else None
        if noticed is None:
            severity = Severity.BLOCKING if today > due else Severity.WARNING
            yield _finding(
                RuleId.JOINT_USE_CHANGE_NOTICE_OVERDUE,
                severity,
                RecordType.JOINT_USE,
                joint_use.id,
                label,
                f"{field_label.ja}の変更（{changed:%Y-%m-%d}）の通知・公表が必要です（{due_by(due).ja}）。"
                if severity is Severity.WARNING
                else f"{field_label.ja}の変更（{changed:%Y-%m-%d}）の通知・公表の期限（{due:%Y-%m-%d}）を過ぎています。",
                f"The change of {field_label.en.lower()} on {changed:%Y-%m-%d} must be noticed "
                f"by {due:%Y-%m-%d}."
                if severity is Severity.WARNING
                else f"The change of {field_label.en.lower()} on {changed:%Y-%m-%d} was due to be noticed "
                f"by {due:%Y-%m-%d} and has not been.",
                since,
                due,
            )
        elif noticed > due:  # noticed, late: a past lapse
            yield from _unless_closed(
                closed or {},
                _finding(
                    RuleId.JOINT_USE_CHANGE_NOTICE_OVERDUE,
                    Severity.WARNING,
                    RecordType.JOINT_USE,
                    joint_use.id,
                    label,
                    f"{field_label.ja}の変更の通知（{noticed:%Y-%m-%d}）が遅れました（期限 {due:%Y-%m-%d}）。",
                    f"The change of {field_label.en.lower()} was noticed late ({noticed:%Y-%m-%d}, "
                    f"due {due:%Y-%m-%d}).",
                    since,
                    due,
                ),
            )
    elif field.needs_basis and not _has_basis(change):
        yield _change_without_basis(joint_use, change, today)


def _change_without_basis(joint_use: JointUseFacts, change: JointUseChangeFacts, today: date) -> Finding:
    # APPI Art. 27(5)(iii), (6); PPC Guidelines (General) 3-6-3: the jointly used items and the scope of
    # joint users cannot be changed by a notice. Such a change stands only on a basis (the persons' consent,
    # succession by merger or business transfer, a change the persons could reasonably expect), recorded
    # with the reason; a planned one owes it by the change date.
    field_label = JointUseChangeField(change.field).label
    changed = change.changed_on
    if change.basis is not None:
        missing = Message("根拠の説明がありません。", "The reason for its basis is missing.")
    else:
        missing = Message(
            "根拠（本人の同意・合併等による承継・本人が通常予期し得る範囲）と説明を記録してください。",
            "Record its basis (consent, succession, or reasonably expected) and why.",
        )
    started = today >= changed
    when_ja = f"{changed:%Y-%m-%d}" if started else f"{changed:%Y-%m-%d}予定"
    when_en = f"on {changed:%Y-%m-%d}" if started else f"planned for {changed:%Y-%m-%d}"
    return _finding(
        RuleId.JOINT_USE_CHANGE_WITHOUT_BASIS,
        Severity.BLOCKING if started else Severity.WARNING,
        RecordType.JOINT_USE,
        joint_use.id,
        joint_use.title,
        f"{field_label.ja}の変更（{when_ja}）は公表では行えません。{missing.ja}",
        f"The change of the {field_label.en.lower()} {when_en} cannot be made by a notice. {missing.en}",
        changed if started else None,
        changed,
    )


def _known_by(day: date | None, today: date) -> date | None:
    """A date of something done, as it stood `today`: one still ahead has not happened yet."""
    return day if day is not None and day <= today else None


def opt_out_notified_on(ppc_notified_on: date | None, made_known_on: date | None, today: date) -> date | None:
    """When an opt-out arrangement (or a change of it) was both notified to the PPC and made known to the
    persons, as it stood `today`; None while either is still owed (APPI Art. 27(2), (3))."""
    notified, known = _known_by(ppc_notified_on, today), _known_by(made_known_on, today)
    if notified is None or known is None:
        return None
    return max(notified, known)


def _notification_dates(ppc_notified_on: date | None, made_known_on: date | None) -> Message:
    def day(value: date | None, ja_none: str, en_none: str) -> tuple[str, str]:
        return (f"{value:%Y-%m-%d}", f"{value:%Y-%m-%d}") if value else (ja_none, en_none)

    ppc = day(ppc_notified_on, "未届出", "not yet")
    known = day(made_known_on, "未実施", "not yet")
    return Message(
        f"委員会への届出 {ppc[0]}、本人への通知・公表 {known[0]}",
        f"PPC notified {ppc[1]}, made known {known[1]}",
    )


# APPI Art. 27(3): these changes are notified without delay after they happen; every other one in advance.
_OPT_OUT_PROMPT_FIELDS = {OptOutChangeField.PROVIDER.value, OptOutChangeField.PROVISION_ENDED.value}


def opt_out_findings(facts: ComplianceFacts, today: date, settings: RuleSettings) -> Iterator[Finding]:
    changes: dict[int, list[OptOutChangeFacts]] = defaultdict(list)
    for change in facts.opt_out_changes:
        changes[change.opt_out_id].append(change)
    closed = closures(facts.corrective_actions, today)
    for opt_out in facts.opt_outs:
        if opt_out.end_date is None or opt_out.end_date >= today:
            yield from _opt_out_item_findings(opt_out)
            yield from _opt_out_notification_findings(opt_out, today, closed)
        # A change is followed up after the end too: the end itself is notified (APPI Art. 27(3)).
        for change in sorted(changes.get(opt_out.id, []), key=lambda c: (c.changed_on, c.id)):
            yield from _opt_out_change_findings(opt_out, change, today, settings, closed)


def _opt_out_item_findings(opt_out: OptOutFacts) -> Iterator[Finding]:
    for attribute, item in opt_out_items.ITEM_FIELDS:
        if not getattr(opt_out, f"has_{attribute}"):
            yield _finding(
                RuleId.OPT_OUT_ITEM_MISSING,
                Severity.BLOCKING,
                RecordType.OPT_OUT,
                opt_out.id,
                opt_out.title,
                f"届出事項「{item.label.ja}」がありません（方針5(3)、法27条2項）。",
                f"The arrangement lacks {item.label.en} (policy §5(3), APPI Art. 27(2)).",
                opt_out.start_date,
            )
    if opt_out.includes_special_care or opt_out.special_care_items:
        named = "、".join(opt_out.special_care_items)
        ja = f"（{named}）" if named else ""
        en = f" ({', '.join(opt_out.special_care_items)})" if named else ""
        yield _finding(
            RuleId.OPT_OUT_SPECIAL_CARE,
            Severity.BLOCKING,
            RecordType.OPT_OUT,
            opt_out.id,
            opt_out.title,
            f"要配慮個人情報{ja}はオプトアウトにより第三者に提供できません（法27条2項ただし書）。本人の同意を得てください。",
            f"Special-care PI{en} may never be provided by opt-out (APPI Art. 27(2) proviso): obtain the "
            "persons' consent.",
            opt_out.start_date,
        )


def _opt_out_notification_findings(
    opt_out: OptOutFacts, today: date, closed: Closures | None = None
) -> Iterator[Finding]:
    """APPI Art. 27(2): the persons are told and the PPC notified before the first provision; a notification
    on the day the provision starts is in time."""
    start = opt_out.start_date
    notified = opt_out_notified_on(opt_out.ppc_notified_on, opt_out.made_known_on, today)
    if notified is not None and notified <= start:
        return
    dates = _notification_dates(opt_out.ppc_notified_on, opt_out.made_known_on)
    if today <= start:
        yield _finding(
            RuleId.OPT_OUT_NOTIFICATION_LATE,
            Severity.WARNING,
            RecordType.OPT_OUT,
            opt_out.id,
            opt_out.title,
            f"提供開始前に個人情報保護委員会への届出と本人への通知・公表が必要です（{due_by(start).ja}；{dates.ja}）。",
            f"The PPC must be notified and the persons told by the start of the provision on "
            f"{start:%Y-%m-%d} ({dates.en}).",
            start,
            start,
        )
    elif notified is None:
        yield _finding(
            RuleId.OPT_OUT_NOTIFICATION_LATE,
            Severity.BLOCKING,
            RecordType.OPT_OUT,
            opt_out.id,
            opt_out.title,
            f"提供開始日（{start:%Y-%m-%d}）を過ぎましたが、個人情報保護委員会への届出・本人への通知が済んでいません（{dates.ja}）。",
            f"The provision started on {start:%Y-%m-%d} but the PPC notification and the notice to the persons "
            f"are not both done ({dates.en}).",
            start,
            start,
        )
    else:  # notified, after the start: a past lapse, closed by a corrective action on the opt-out
        yield from _unless_closed(
            closed or {},
            _finding(
                RuleId.OPT_OUT_NOTIFICATION_LATE,
                Severity.BLOCKING,
                RecordType.OPT_OUT,
                opt_out.id,
                opt_out.title,
                f"提供開始日（{start:%Y-%m-%d}）が届出・通知（{notified:%Y-%m-%d}）より前です（{dates.ja}）。",
                f"The provision started on {start:%Y-%m-%d}, before the notification completed on "
                f"{notified:%Y-%m-%d} ({dates.en}).",
                start,
                start,
            ),
        )


def opt_out_change_due(change: OptOutChangeFacts, settings: RuleSettings) -> date:
    """By when a change must be notified again: before it takes effect, or without delay after it for the
    provider's details and the end of the provision (APPI Art. 27(3))."""
    if change.field in _OPT_OUT_PROMPT_FIELDS:
        return change.changed_on + timedelta(days=settings.opt_out_change_notice_days)
    return change.changed_on


def _opt_out_change_findings(
    opt_out: OptOutFacts,
    change: OptOutChangeFacts,
    today: date,
    settings: RuleSettings,
    closed: Closures | None = None,
) -> Iterator[Finding]:
    what = OptOutChangeField(change.field).label
    due = opt_out_change_due(change, settings)
    notified = opt_out_notified_on(change.ppc_notified_on, change.made_known_on, today)
    if notified is not None and notified <= due:
        return
    dates = _notification_dates(change.ppc_notified_on, change.made_known_on)
    prompt = change.field in _OPT_OUT_PROMPT_FIELDS
    when_ja = "変更後遅滞なく" if prompt else "変更前に"
    when_en = "without delay after the change" if prompt else "before the change takes effect"
    if notified is None:
        severity = Severity.WARNING if today <= due else Severity.BLOCKING
        ja = (
            f"「{what.ja}」の変更（{change.changed_on:%Y-%m-%d}）は{when_ja}届出・通知が必要です（{due_by(due).ja}；{dates.ja}）。"
            if severity is Severity.WARNING
            else f"「{what.ja}」の変更（{change.changed_on:%Y-%m-%d}）の届出・通知の期限（{due:%Y-%m-%d}）を過ぎています（{dates.ja}）。"
        )
        en = (
            f"The change of {what.en} on {change.changed_on:%Y-%m-%d} must be notified {when_en}, by "
            f"{due:%Y-%m-%d} ({dates.en})."
        )
    else:
        severity = Severity.BLOCKING
        ja = f"「{what.ja}」の変更（{change.changed_on:%Y-%m-%d}）の届出・通知（{notified:%Y-%m-%d}）が期限（{due:%Y-%m-%d}）より後です。"
        en = (
            f"The change of {what.en} on {change.changed_on:%Y-%m-%d} was notified on {notified:%Y-%m-%d}, "
            f"after {due:%Y-%m-%d}."
        )
    finding = _finding(
        RuleId.OPT_OUT_CHANGE_NOT_NOTIFIED,
        severity,
        RecordType.OPT_OUT,
        opt_out.id,
        opt_out.title,
        ja + "（法27条3項）",
        en + " (APPI Art. 27(3))",
        change.changed_on,
        due,
    )
    if notified is None:  # still owed: going on
        yield finding
    else:  # notified late: a past lapse
        yield from _unless_closed(closed or {}, finding)


# --- Third-party provision (APPI Art. 29) and receipt (Art. 30) records (issue 15) ---


def _due_severity(first: date | None, today: date) -> tuple[Severity, date | None]:
    """A record of a provision (receipt) still ahead warns, due on its first day; one begun blocks."""
    if first is not None and first > today:
        return Severity.WARNING, first
    return Severity.BLOCKING, None


def _normalized_reference(text: str | None) -> str:
    """A person or reference as compared: NFKC, no spaces, case folded."""
    return "".join(unicodedata.normalize("NFKC", text or "").split()).casefold()


def provision_label(provision: ProvisionFacts) -> str:
    first = retention.first_day(provision.provided_on, provision.period_from)
    return f"{provision.recipient_name}（{first:%Y-%m-%d}）" if first else provision.recipient_name


def receipt_label(receipt: ReceiptFacts) -> str:
    first = retention.first_day(receipt.received_on, receipt.period_from)
    return f"{receipt.provider_name}（{first:%Y-%m-%d}）" if first else receipt.provider_name


def provision_findings(facts: ComplianceFacts, today: date) -> Iterator[Finding]:
    opt_outs = {opt_out.id: opt_out for opt_out in facts.opt_outs}
    stops: dict[int, list[StopRequestFacts]] = defaultdict(list)
    for stop in facts.stop_requests:
        stops[stop.opt_out_id].append(stop)
    for provision in facts.provisions:
        label = provision_label(provision)
        first = retention.first_day(provision.provided_on, provision.period_from)
        last = retention.last_day(provision.provided_on, provision.period_from, provision.period_to)
        yield from _provision_basis_findings(provision, label, first, today)
        yield from _provision_item_findings(provision, label, first, today)
        yield from _retention_findings(
            RuleId.PROVISION_RETENTION_ENDED,
            RecordType.PROVISION,
            provision.id,
            label,
            last,
            provision.record_form,
            today,
        )
        if provision.basis == ProvisionBasis.OPT_OUT.value and provision.opt_out_id is not None:
            opt_out = opt_outs.get(provision.opt_out_id)
            if opt_out is not None:
                yield from _provision_notification_findings(provision, opt_out, label, first, today)
            yield from _provision_stop_findings(
                provision, stops.get(provision.opt_out_id, []), label, first, last, today
            )
        if provision.basis == ProvisionBasis.OPT_OUT.value:
            named = opt_out_items.special_care_items(provision.pi_items)
            if named:
                yield _finding(
                    RuleId.PROVISION_SPECIAL_CARE_BY_OPT_OUT,
                    Severity.BLOCKING,
                    RecordType.PROVISION,
                    provision.id,
                    label,
                    f"要配慮個人情報（{'、'.join(named)}）はオプトアウトにより第三者に提供できません（法27条2項ただし書）。"
                    "本人の同意を得てください。",
                    f"Special-care PI ({', '.join(named)}) may never be provided by opt-out (APPI Art. 27(2) "
                    "proviso): obtain the persons' consent.",
                    first,
                )


def _provision_basis_findings(
    provision: ProvisionFacts, label: str, first: date | None, today: date
) -> Iterator[Finding]:
    if provision.basis is None:
        ja, en = (
            "提供の根拠（本人の同意・オプトアウト・適用除外）がありません",
            "The provision has no legal basis",
        )
    elif provision.basis == ProvisionBasis.EXEMPTION.value and provision.exemption is None:
        ja = "適用除外の事由（方針5(1)〜(6)のいずれか）が選ばれていません"
        en = "The exemption does not name which of policy §5(1)–(6) applies"
    elif provision.basis == ProvisionBasis.OPT_OUT.value and provision.opt_out_id is None:
        ja = "根拠とするオプトアウトによる第三者提供（届出）が選ばれていません"
        en = "The provision under opt-out does not name the opt-out arrangement it relies on"
    else:
        return
    severity, due = _due_severity(first, today)
    yield _finding(
        RuleId.PROVISION_BASIS_MISSING,
        severity,
        RecordType.PROVISION,
        provision.id,
        label,
        f"{ja}（法27条、方針5）。",
        f"{en} (APPI Art. 27; policy §5).",
        first,
        due,
    )


def _provision_item_findings(
    provision: ProvisionFacts, label: str, first: date | None, today: date
) -> Iterator[Finding]:
    from desktop.domain.schema import PROVISION

    missing = [
        name
        for name, present in (
            ("recipient_address", provision.has_recipient_address or not provision.recipient_is_corporation),
            (
                "recipient_representative",
                provision.has_recipient_representative or not provision.recipient_is_corporation,
            ),
            ("persons", provision.has_persons),
            ("pi_items", bool(provision.pi_items)),
            ("method", provision.has_method),
        )
        if not present
    ]
    severity, due = _due_severity(first, today)
    for name in missing:
        field = PROVISION.field(name)
        yield _finding(
            RuleId.PROVISION_ITEM_MISSING,
            severity,
            RecordType.PROVISION,
            provision.id,
            label,
            f"記録事項「{field.ja}」がありません（法29条1項、施行規則20条）。",
            f"The record lacks {field.en.lower()} (APPI Art. 29(1), Enforcement Rules Art. 20).",
            first,
            due,
        )


def _retention_findings(
    rule: RuleId,
    record_type: RecordType,
    record_id: int,
    label: str,
    last: date | None,
    record_form: str | None,
    today: date,
) -> Iterator[Finding]:
    """Not a lapse: the record may now be deleted (the day after its retention end)."""
    end = retention.retention_end(last, record_form)
    if end is None or today <= end:
        return
    years = retention.retention_years(record_form)
    yield _finding(
        rule,
        Severity.WARNING,
        record_type,
        record_id,
        label,
        f"保存期間（最後の提供・受領から{years}年、{end:%Y-%m-%d}まで）が終了しました。削除してかまいません。",
        f"The retention period ({years} year(s) from the last provision or receipt, until {end:%Y-%m-%d}) "
        "has ended: the record may be deleted.",
        end + timedelta(days=1),
    )


def _provision_notification_findings(
    provision: ProvisionFacts, opt_out: OptOutFacts, label: str, first: date | None, today: date
) -> Iterator[Finding]:
    """A provision under opt-out on or after the day the arrangement was both notified to the PPC and made
    known to the persons is in time (as opt_out.notification_late counts it)."""
    if first is None:
        return
    notified = opt_out_notified_on(opt_out.ppc_notified_on, opt_out.made_known_on, today)
    if notified is not None and notified <= first:
        return
    dates = _notification_dates(opt_out.ppc_notified_on, opt_out.made_known_on)
    severity, due = _due_severity(first, today)
    yield _finding(
        RuleId.PROVISION_OPT_OUT_NOT_NOTIFIED,
        severity,
        RecordType.PROVISION,
        provision.id,
        label,
        f"オプトアウト「{opt_out.title}」による提供（{first:%Y-%m-%d}）が届出・本人への通知より前です（{dates.ja}）。",
        f"The provision on {first:%Y-%m-%d} under the opt-out '{opt_out.title}' comes before its notification "
        f"({dates.en}).",
        first,
        due,
    )


def _provision_stop_findings(
    provision: ProvisionFacts,
    stops: list[StopRequestFacts],
    label: str,
    first: date | None,
    last: date | None,
    today: date,
) -> Iterator[Finding]:
    """A provision under opt-out of a person who asked to stop it, on or after the day the stop took effect.
    The person is matched by name or reference against the provision's person references (one a line)."""
    references = {_normalized_reference(line) for line in provision.person_references}
    if first is None or not references:
        return
    for stop in sorted(stops, key=lambda s: (s.effective_on, s.id)):
        keys = {_normalized_reference(stop.person), _normalized_reference(stop.person_reference)} - {""}
        if not keys & references:
            continue
        if last is not None and last < stop.effective_on:
            continue  # the provision ended before the stop took effect
        day = max(first, stop.effective_on)
        severity, due = _due_severity(day, today)
        who = stop.person + (f"（{stop.person_reference}）" if stop.person_reference else "")
        who_en = stop.person + (f" ({stop.person_reference})" if stop.person_reference else "")
        yield _finding(
            RuleId.PROVISION_AFTER_STOP_REQUEST,
            severity,
            RecordType.PROVISION,
            provision.id,
            label,
            f"{who}は提供の停止を求めており、{stop.effective_on:%Y-%m-%d}から提供できません（提供日 {day:%Y-%m-%d}）。",
            f"{who_en} asked to stop the provision from {stop.effective_on:%Y-%m-%d}; the data is provided on "
            f"{day:%Y-%m-%d}.",
            day,
            due,
        )


def receipt_findings(facts: ComplianceFacts, today: date) -> Iterator[Finding]:
    from desktop.domain.schema import RECEIPT

    for receipt in facts.receipts:
        label = receipt_label(receipt)
        first = retention.first_day(receipt.received_on, receipt.period_from)
        last = retention.last_day(receipt.received_on, receipt.period_from, receipt.period_to)
        severity, due = _due_severity(first, today)
        unconfirmed = [
            name
            for name, present in (
                ("acquisition_confirmation", receipt.has_acquisition_confirmation),
                ("confirmed_on", receipt.confirmed_on is not None),
                ("confirmation_method", receipt.has_confirmation_method),
            )
            if not present
        ]
        if unconfirmed:
            names_ja = "・".join(RECEIPT.field(name).ja for name in unconfirmed)
            names_en = ", ".join(RECEIPT.field(name).en.lower() for name in unconfirmed)
            yield _finding(
                RuleId.RECEIPT_CONFIRMATION_MISSING,
                severity,
                RecordType.RECEIPT,
                receipt.id,
                label,
                f"提供者による個人データの取得の経緯の確認が記録されていません（{names_ja}）（法30条1項）。",
                f"The confirmation of how the provider acquired the data is not recorded ({names_en}) "
                "(APPI Art. 30(1)).",
                first,
                due,
            )
        elif first is not None and receipt.confirmed_on is not None and receipt.confirmed_on > first:
            yield _finding(
                RuleId.RECEIPT_CONFIRMATION_MISSING,
                severity,
                RecordType.RECEIPT,
                receipt.id,
                label,
                f"取得の経緯の確認（{receipt.confirmed_on:%Y-%m-%d}）が受領（{first:%Y-%m-%d}）の後です（法30条1項）。",
                f"The acquisition was confirmed on {receipt.confirmed_on:%Y-%m-%d}, after the receipt on "
                f"{first:%Y-%m-%d} (APPI Art. 30(1)).",
                first,
                due,
            )
        for name, present in (
            ("provider_address", receipt.has_provider_address or not receipt.provider_is_corporation),
            (
                "provider_representative",
                receipt.has_provider_representative or not receipt.provider_is_corporation,
            ),
            ("persons", receipt.has_persons),
            ("pi_items", receipt.has_pi_items),
        ):
            if present:
                continue
            field = RECEIPT.field(name)
            yield _finding(
                RuleId.RECEIPT_ITEM_MISSING,
                severity,
                RecordType.RECEIPT,
                receipt.id,
                label,
                f"記録事項「{field.ja}」がありません（法30条3項、施行規則24条）。",
                f"The record lacks {field.en.lower()} (APPI Art. 30(3), Enforcement Rules Art. 24).",
                first,
                due,
            )
        yield from _retention_findings(
            RuleId.RECEIPT_RETENTION_ENDED,
            RecordType.RECEIPT,
            receipt.id,
            label,
            last,
            receipt.record_form,
            today,
        )


_SEVERITY_ORDER = {Severity.BLOCKING: 0, Severity.WARNING: 1}


def evaluate(facts: ComplianceFacts, today: date, settings: RuleSettings | None = None) -> list[Finding]:
    """Run every rule; findings sorted by severity, the date they began, record."""
    settings = settings or RuleSettings()
    findings = list(contractor_findings(facts, today, settings))
    blocked = {
        f.record_id
        for f in findings
        if f.record_type == RecordType.CONTRACTOR and f.severity is Severity.BLOCKING
    }
    findings.extend(engagement_findings(facts, today, blocked))
    findings.extend(redelegation_selection_findings(facts, today))
    findings.extend(joint_use_findings(facts, today, settings))
    findings.extend(opt_out_findings(facts, today, settings))
    findings.extend(provision_findings(facts, today))
    findings.extend(receipt_findings(facts, today))
    findings.extend(request_findings(facts, today, settings))
    findings.extend(incident_findings(facts, today, settings))
    findings = [with_due_wording(finding, today) for finding in findings]
    findings.sort(
        key=lambda f: (_SEVERITY_ORDER[f.severity], f.since or date.max, f.record_type, f.record_id, f.rule)
    )
    return findings


@dataclass(frozen=True)
class Deadline:
    """Something owed by a date: an evaluation due, a contract expiring, a notice owed."""

    due: date
    kind: str
    record_type: RecordType
    record_id: int
    record_label: str
    message: Message


def upcoming_deadlines(
    facts: ComplianceFacts, today: date, days: int = 90, settings: RuleSettings | None = None
) -> list[Deadline]:
    settings = settings or RuleSettings()
    horizon = today + timedelta(days=days)
    result: list[Deadline] = []
    latest_by_contractor: dict[int, EvaluationFacts] = {}
    for evaluation in facts.evaluations:
        current = latest_by_contractor.get(evaluation.contractor_id)
        if current is None or (evaluation.evaluated_on, evaluation.id) > (current.evaluated_on, current.id):
            latest_by_contractor[evaluation.contractor_id] = evaluation
    contractors = {c.id: c for c in facts.contractors}
    for contractor in facts.contractors:
        latest = latest_by_contractor.get(contractor.id)
        if (
            is_entrusted(contractor)
            and latest
            and latest.next_due_on
            and today <= latest.next_due_on <= horizon
        ):
            result.append(
                Deadline(
                    latest.next_due_on,
                    "evaluation_due",
                    RecordType.CONTRACTOR,
                    contractor.id,
                    contractor.name,
                    Message("委託先評価の期限", "Evaluation due"),
                )
            )
    for contract in facts.contracts:
        owner = contractors.get(contract.contractor_id)
        if owner is None or owner.status == ContractorStatus.ENDED.value:
            continue
        end = term_end(contract, today)
        if end is not None and today <= end <= horizon:
            kind = (
                Message("契約の自動更新", "Contract renews")
                if contract.auto_renewal
                else Message("契約の満了", "Contract expires")
            )
            result.append(
                Deadline(
                    end,
                    "contract_expiry",
                    RecordType.CONTRACT,
                    contract.id,
                    f"{contract.title}（{owner.name}）",
                    kind,
                )
            )
    result.extend(consent_deadlines(facts, today, horizon))
    result.extend(_joint_use_deadlines(facts, today, horizon, settings))
    result.extend(_opt_out_deadlines(facts, today, horizon, settings))
    result.extend(_provision_deadlines(facts, today, horizon))
    result.extend(_request_incident_deadlines(facts, today, horizon, settings))
    result.sort(key=lambda d: (d.due, d.record_type, d.record_id))
    return result


def consent_deadlines(facts: ComplianceFacts, today: date, horizon: date) -> Iterator[Deadline]:
    """The consents owed before work starts (policy §7): each link of an engagement's chain — the engagement
    itself or one of its re-delegations — without a consent that counts, whose start is still ahead (by the
    horizon). The same links `engagement.consent_missing` / `redelegation.consent_missing` warn of with that
    start as due date; on the start they become blocking findings and leave this list."""
    hops, redelegations, names = _chain_parts(facts)
    for engagement in facts.engagements:
        if engagement.status == EngagementStatus.ENDED.value:
            continue
        own = redelegations.get(engagement.id, [])
        ended = {r.id for r in own if r.end_date is not None and r.end_date < today}
        chain = engagement_chain(engagement, own, names)
        for verdict in chain.verdicts(hops.get(engagement.id, [])):
            link = verdict.link
            if verdict.state is LinkState.OK or link.redelegation_id in ended:
                continue
            start = link.start or engagement.start_date
            if not today < start <= horizon:  # on the start the finding blocks: no longer ahead
                continue
            if link.redelegation_id is None:
                yield Deadline(
                    start,
                    "consent_owed",
                    RecordType.ENGAGEMENT,
                    engagement.id,
                    engagement.client_name,
                    _CONSENT_OWED,
                )
            else:
                yield Deadline(
                    start,
                    "consent_owed",
                    RecordType.REDELEGATION,
                    link.redelegation_id,
                    f"{engagement.client_name} → {link.target.name}",
                    _CONSENT_OWED,
                )


_CONSENT_OWED = Message("業務開始前の委託・再委託の同意", "Consent owed before the work starts")


def _provision_deadlines(facts: ComplianceFacts, today: date, horizon: date) -> Iterator[Deadline]:
    """What the provision and receipt rules warn of before it is due (issue 15): a planned provision or
    receipt whose record lacks its basis, an item or the confirmation, or that would reach a person who asked
    to stop, by the day it happens."""
    for finding in (*provision_findings(facts, today), *receipt_findings(facts, today)):
        if (
            finding.severity is Severity.WARNING
            and finding.due is not None
            and today <= finding.due <= horizon
        ):
            info = RULE_INFO[finding.rule]
            yield Deadline(
                finding.due,
                "record_owed",
                finding.record_type,
                finding.record_id,
                finding.record_label,
                Message(info.ja, info.en),
            )


def _opt_out_deadlines(
    facts: ComplianceFacts, today: date, horizon: date, settings: RuleSettings
) -> Iterator[Deadline]:
    arrangements = {o.id: o for o in facts.opt_outs}
    for opt_out in facts.opt_outs:
        notified = opt_out_notified_on(opt_out.ppc_notified_on, opt_out.made_known_on, today)
        if notified is None and today <= opt_out.start_date <= horizon:
            yield Deadline(
                opt_out.start_date,
                "notice_owed",
                RecordType.OPT_OUT,
                opt_out.id,
                opt_out.title,
                Message("オプトアウトの届出・本人への通知", "Opt-out notification owed"),
            )
    for change in facts.opt_out_changes:
        owner = arrangements.get(change.opt_out_id)
        if owner is None or opt_out_notified_on(change.ppc_notified_on, change.made_known_on, today):
            continue
        due = opt_out_change_due(change, settings)
        if today <= due <= horizon:
            yield Deadline(
                due,
                "notice_owed",
                RecordType.OPT_OUT,
                owner.id,
                owner.title,
                Message("オプトアウト届出事項の変更の届出", "Opt-out change notification owed"),
            )


def _joint_use_deadlines(
    facts: ComplianceFacts, today: date, horizon: date, settings: RuleSettings
) -> Iterator[Deadline]:
    """What the joint-use rules warn of before it is due: a notice owed before a use starts or a change of
    purpose or responsible party takes effect, or within the days after a change of the responsible party's
    details; the basis of a change of the items or the scope of joint users, owed by the change date."""
    uses = {j.id: j for j in facts.joint_uses if j.end_date is None or j.end_date >= today}
    for change in facts.joint_use_changes:
        joint_use = uses.get(change.joint_use_id)
        if joint_use is None:
            continue
        noticed = _given_by(change.noticed_on, today)
        field = JointUseChangeField(change.field)
        if change.field in _ADVANCE_NOTICE_FIELDS and (noticed is None or noticed > change.changed_on):
            due, kind, what = change.changed_on, "notice_owed", _CHANGE_NOTICE_OWED
        elif change.field in _PROMPT_NOTICE_FIELDS and noticed is None:
            due = change.changed_on + timedelta(days=settings.change_notice_days)
            kind, what = "notice_owed", _CHANGE_NOTICE_OWED
        elif field.needs_basis and not _has_basis(change):
            due, kind, what = change.changed_on, "basis_owed", _CHANGE_BASIS_OWED
        else:
            continue
        if today <= due <= horizon:
            yield Deadline(due, kind, RecordType.JOINT_USE, joint_use.id, joint_use.title, what)
    for joint_use in uses.values():
        published = _given_by(joint_use.notice_published_on, today)
        if (
            published is None or published > joint_use.start_date
        ) and today <= joint_use.start_date <= horizon:
            yield Deadline(
                joint_use.start_date,
                "notice_owed",
                RecordType.JOINT_USE,
                joint_use.id,
                joint_use.title,
                Message("共同利用開始前の公表", "Notice owed before the use starts"),
            )


_CHANGE_NOTICE_OWED = Message("共同利用の変更の通知期限", "Notice of a joint use change owed")
_CHANGE_BASIS_OWED = Message("共同利用の変更の根拠の記録", "Basis of a joint use change owed")


# Data-subject requests and incidents (issue 15) ----------------------------------------------------------
# The request types a refusal of which rests on one of the four grounds of policy §9 (APPI Art. 33(2)): the
# other types are refused for reasons of their own articles (Art. 34(2), 35(2), (6)), which the notes explain.
_DISCLOSURE_TYPES = frozenset(
    {RequestType.DISCLOSURE.value, RequestType.DISCLOSURE_OF_PROVISION_RECORDS.value}
)


def request_due(received_on: date, settings: RuleSettings) -> date:
    """By when a request is answered: the company's standard, `request_reply_days` after its receipt."""
    return received_on + timedelta(days=settings.request_reply_days)


def _request_label(request: RequestFacts) -> str:
    return f"{request.requester}（{RequestType(request.request_type).label.ja}）"


def request_findings(facts: ComplianceFacts, today: date, settings: RuleSettings) -> Iterator[Finding]:
    """A request not replied to is a warning carrying its due date, blocking once that passed; a reply
    recorded while the decision is still 'pending' leaves the decision unrecorded (blocking: the reply told
    the person something); a disclosure refused, wholly or in part, names its ground of policy §9."""
    for request in facts.requests:
        label = _request_label(request)
        replied = _known_by(request.replied_on, today)
        due = request_due(request.received_on, settings)
        if replied is None:
            late = today > due
            yield _finding(
                RuleId.REQUEST_REPLY_OVERDUE,
                Severity.BLOCKING if late else Severity.WARNING,
                RecordType.REQUEST,
                request.id,
                label,
                (
                    f"受付（{request.received_on:%Y-%m-%d}）から回答期限（{due:%Y-%m-%d}）を過ぎましたが、回答していません。"
                    if late
                    else f"受付日 {request.received_on:%Y-%m-%d} の請求に回答してください（{due_by(due).ja}）。"
                ),
                (
                    f"Received on {request.received_on:%Y-%m-%d}, the reply was due on {due:%Y-%m-%d} and has "
                    "not been given."
                    if late
                    else f"Received on {request.received_on:%Y-%m-%d}: reply by {due:%Y-%m-%d}."
                ),
                request.received_on,
                due,
            )
        elif request.decision == RequestDecision.PENDING.value:
            yield _finding(
                RuleId.REQUEST_UNDECIDED,
                Severity.BLOCKING,
                RecordType.REQUEST,
                request.id,
                label,
                f"回答日（{replied:%Y-%m-%d}）が記録されていますが、決定（応じる・一部応じる・応じない）が「未決定」のままです。",
                f"A reply is recorded on {replied:%Y-%m-%d} but the decision is still 'pending': record what "
                "was decided.",
                replied,
            )
        decision = request.decision
        if (
            decision != RequestDecision.PENDING.value
            and RequestDecision(decision).needs_ground
            and request.request_type in _DISCLOSURE_TYPES
            and not request.has_refusal_ground
        ):
            yield _finding(
                RuleId.REQUEST_REFUSAL_WITHOUT_GROUND,
                Severity.BLOCKING,
                RecordType.REQUEST,
                request.id,
                label,
                f"開示の請求に「{RequestDecision(decision).label.ja}」と決定しましたが、方針9の事由（1〜4）のいずれも記録されていません。",
                f"The disclosure was {RequestDecision(decision).label.en.lower()} without one of the grounds "
                "1–4 of policy §9 recorded.",
                replied or request.received_on,
            )


def incident_findings(facts: ComplianceFacts, today: date, settings: RuleSettings) -> Iterator[Finding]:
    """Each report an incident owes (desktop.domain.incident_reports) and has not sent: a warning carrying
    its due date while that is ahead, blocking from the day after."""
    for incident in facts.incidents:
        for report in incident_reports.owed_reports(incident):
            if _known_by(getattr(incident, report.field), today) is not None:
                continue
            due = incident_reports.report_due(
                report, incident.discovered_on, incident.is_malicious, settings.incident_preliminary_days
            )
            late = today > due
            days = (due - incident.discovered_on).days
            yield _finding(
                report.rule,
                Severity.BLOCKING if late else Severity.WARNING,
                RecordType.INCIDENT,
                incident.id,
                incident.title,
                (
                    f"{report.ja}の期限（発覚 {incident.discovered_on:%Y-%m-%d} から{days}日、{due:%Y-%m-%d}）を過ぎています。"
                    if late
                    else f"{report.ja}を行ってください（{due_by(due).ja}、発覚 {incident.discovered_on:%Y-%m-%d} から{days}日）。"
                ),
                (
                    f"The {report.en} was due on {due:%Y-%m-%d} ({days} days from the discovery on "
                    f"{incident.discovered_on:%Y-%m-%d}) and has not been made."
                    if late
                    else f"The {report.en} is due by {due:%Y-%m-%d} ({days} days from the discovery on "
                    f"{incident.discovered_on:%Y-%m-%d})."
                ),
                incident.discovered_on,
                due,
            )


def _reevaluation_after_incident_findings(
    contractor: ContractorFacts,
    latest: EvaluationFacts | None,
    incidents: Iterable[IncidentFacts],
    today: date,
) -> Iterator[Finding]:
    """An incident at a contractor, known after its latest approved evaluation, calls for evaluating it again
    (a warning: the evaluation is not wrong, it is out of date). Without any evaluation the rule
    `evaluation.missing` speaks already."""
    if latest is None:
        return
    after = [i for i in incidents if latest.evaluated_on < i.discovered_on <= today]
    if not after:
        return
    newest = max(after, key=lambda i: (i.discovered_on, i.id))
    yield _finding(
        RuleId.CONTRACTOR_REEVALUATION_AFTER_INCIDENT,
        Severity.WARNING,
        RecordType.CONTRACTOR,
        contractor.id,
        contractor.name,
        f"最新の委託先評価（{latest.evaluated_on:%Y-%m-%d}）の後に事故「{newest.title}」（{newest.discovered_on:%Y-%m-%d} 発覚）"
        "がありました。委託先を再評価してください。",
        f"The incident '{newest.title}' (discovered {newest.discovered_on:%Y-%m-%d}) came after the latest "
        f"evaluation ({latest.evaluated_on:%Y-%m-%d}): evaluate the contractor again.",
        newest.discovered_on,
    )


def _request_incident_deadlines(
    facts: ComplianceFacts, today: date, horizon: date, settings: RuleSettings
) -> Iterator[Deadline]:
    for request in facts.requests:
        due = request_due(request.received_on, settings)
        if _known_by(request.replied_on, today) is None and today <= due <= horizon:
            yield Deadline(
                due,
                "reply_owed",
                RecordType.REQUEST,
                request.id,
                _request_label(request),
                Message("本人からの請求への回答", "Reply to a data-subject request"),
            )
    for incident in facts.incidents:
        for report in incident_reports.owed_reports(incident):
            if _known_by(getattr(incident, report.field), today) is not None:
                continue
            due = incident_reports.report_due(
                report, incident.discovered_on, incident.is_malicious, settings.incident_preliminary_days
            )
            if today <= due <= horizon:
                yield Deadline(
                    due, "report_owed", RecordType.INCIDENT, incident.id, incident.title, report.label
                )
