"""The closed vocabularies of the records, with their Japanese and English labels."""

from __future__ import annotations

from enum import StrEnum

from desktop.domain.errors import Message


class LabelledEnum(StrEnum):
    """A StrEnum whose members carry a Japanese and an English label."""

    @property
    def label(self) -> Message:
        ja, en = _LABELS[type(self).__name__][self.value]
        return Message(ja, en)


class ContractorKind(LabelledEnum):
    CORPORATION = "corporation"
    SOLE_PROPRIETOR = "sole_proprietor"
    FOREIGN_CORPORATION = "foreign_corporation"


class ContractorStatus(LabelledEnum):
    CANDIDATE = "candidate"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    ENDED = "ended"


class DispositionMethod(LabelledEnum):
    RETURNED = "returned"
    DESTROYED = "destroyed"
    RETURNED_AND_DESTROYED = "returned_and_destroyed"


class EvaluationRoute(LabelledEnum):
    FULL = "full"
    PRIVACY_MARK = "privacy_mark"
    ISMS = "isms"


class EvaluationResult(LabelledEnum):
    PASS = "pass"
    CONDITIONAL = "conditional"
    FAIL = "fail"


class ContractKind(LabelledEnum):
    NDA = "nda"
    OUTSOURCING = "outsourcing"
    DATA_PROCESSING = "data_processing"


class EngagementStatus(LabelledEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    ENDED = "ended"


class ConsentForm(LabelledEnum):
    WRITTEN = "written"
    EMAIL = "email"
    CONTRACT_CLAUSE = "contract_clause"


class ChainPartyRole(LabelledEnum):
    """Where a party stands in an engagement's chain (policy §7): the business that collected the data,
    the clients between it and us, our client, us, our sub-contractors."""

    ORIGINAL = "original"
    INTERMEDIATE = "intermediate"
    CLIENT = "client"
    US = "us"
    SUBCONTRACTOR = "subcontractor"


class NoticeMethod(LabelledEnum):
    WEB = "web"
    LETTER = "letter"
    EMAIL = "email"


class JointUseChangeField(LabelledEnum):
    """What a change to a joint use touched; APPI Art. 27(6) treats them differently."""

    PURPOSE = "purpose"
    RESPONSIBLE_PARTY = "responsible_party"
    RESPONSIBLE_NAME = "responsible_name"
    RESPONSIBLE_ADDRESS = "responsible_address"
    RESPONSIBLE_REPRESENTATIVE = "responsible_representative"
    PI_ITEMS = "pi_items"
    SCOPE = "scope"
    OTHER = "other"

    @property
    def needs_basis(self) -> bool:
        """A change of the jointly used PI items or of the scope of joint users cannot be made by notice (PPC
        Guidelines (General) 3-6-3): it is recorded with its basis (`JointUseChangeBasis`) and the reason."""
        return self in (JointUseChangeField.PI_ITEMS, JointUseChangeField.SCOPE)


class JointUseChangeBasis(LabelledEnum):
    """Why a change of the jointly used items or of the scope of joint users could be made although a notice
    cannot make it (PPC Guidelines (General) 3-6-3)."""

    CONSENT = "consent"  # the persons' consent was obtained
    SUCCESSION = "succession"  # succession by merger or business transfer
    REASONABLY_EXPECTED = "reasonably_expected"  # a change the persons could reasonably expect


class OptOutChangeField(LabelledEnum):
    """What a change to an opt-out arrangement touched. APPI Art. 27(3): a change of an item the persons are
    told (①–⑤ of policy §5(3)) is notified in advance; a change of the provider's name, address or
    representative, and the end of the provision, without delay after it."""

    PURPOSE = "purpose"
    PI_ITEMS = "pi_items"
    PROVISION_METHOD = "provision_method"
    STOP_REQUEST_METHOD = "stop_request_method"
    ACQUISITION_METHOD = "acquisition_method"
    PROVIDER = "provider"
    PROVISION_ENDED = "provision_ended"
    OTHER = "other"


# --- Third-party provision (第三者提供記録, APPI Art. 29) and receipt (確認記録, Art. 30) records (issue 15) ---


class ProvisionBasis(LabelledEnum):
    """Why a provision to a third party is lawful: the person's consent, opt-out (policy §5(3)), or an
    exemption of policy §5 naming which."""

    CONSENT = "consent"
    OPT_OUT = "opt_out"
    EXEMPTION = "exemption"


class ProvisionExemption(LabelledEnum):
    """The exemptions of policy §5(1)–(6), as the policy numbers them."""

    LAWS_AND_EMERGENCIES = "laws_and_emergencies"  # §5(1): the cases of §4(1)–(4)
    WRITTEN_CONSENT = "written_consent"  # §5(2)
    MASS_PROVISION_NOTICE = "mass_provision_notice"  # §5(3)
    OFFICERS_AND_SHAREHOLDERS = "officers_and_shareholders"  # §5(4)
    ENTRUSTMENT = "entrustment"  # §5(5)
    BUSINESS_SUCCESSION = "business_succession"  # §5(6)


class ProvisionMethod(LabelledEnum):
    """How the data is provided (policy §3(7)①: by handing over paper or electronic data)."""

    PAPER = "paper"
    ELECTRONIC = "electronic"


class RecordForm(LabelledEnum):
    """How a provision or receipt record is made (APPI Enforcement Rules Art. 19, 23): it decides how long the
    record is kept (Art. 21, 25)."""

    CONTRACT_OR_BULK_RECORD_FOR_GOODS_OR_SERVICES_TO_THE_PERSON = (
        "contract_or_bulk_record_for_goods_or_services_to_the_person"
    )
    BULK_RECORD = "bulk_record"
    EACH_TIME = "each_time"


class Severity(LabelledEnum):
    BLOCKING = "blocking"
    WARNING = "warning"


class AuditAction(LabelledEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"  # the database was replaced from a backup (record type "database")


_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "ContractorKind": {
        "corporation": ("法人", "Corporation"),
        "sole_proprietor": ("個人事業主", "Sole proprietor"),
        "foreign_corporation": ("外国法人", "Foreign corporation"),
    },
    "ContractorStatus": {
        "candidate": ("候補", "Candidate"),
        "active": ("委託中", "Active"),
        "suspended": ("停止中", "Suspended"),
        "ended": ("終了", "Ended"),
    },
    "DispositionMethod": {
        "returned": ("返却", "Returned"),
        "destroyed": ("廃棄", "Destroyed"),
        "returned_and_destroyed": ("返却・廃棄", "Returned and destroyed"),
    },
    "EvaluationRoute": {
        "full": ("通常評価", "Full evaluation"),
        "privacy_mark": ("簡易評価（プライバシーマーク）", "Simplified (Privacy Mark)"),
        "isms": ("簡易評価（ISMS）", "Simplified (ISMS)"),
    },
    "EvaluationResult": {
        "pass": ("適合", "Pass"),
        "conditional": ("条件付適合", "Conditional pass"),
        "fail": ("不適合", "Fail"),
    },
    "ContractKind": {
        "nda": ("機密保持契約（NDA）", "NDA"),
        "outsourcing": ("業務委託契約", "Outsourcing contract"),
        "data_processing": ("個人情報取扱覚書", "Data-processing memorandum"),
    },
    "EngagementStatus": {
        "planned": ("予定", "Planned"),
        "active": ("実施中", "Active"),
        "ended": ("終了", "Ended"),
    },
    "ConsentForm": {
        "written": ("書面", "Written"),
        "email": ("電子メール", "E-mail"),
        "contract_clause": ("契約条項", "Contract clause"),
    },
    "ChainPartyRole": {
        "original": ("当初の取得事業者", "Original business"),
        "intermediate": ("中間の委託元", "Intermediate client"),
        "client": ("委託元", "Client"),
        "us": ("当社", "Our company"),
        "subcontractor": ("再委託先", "Sub-contractor"),
    },
    "NoticeMethod": {
        "web": ("ウェブページ", "Web page"),
        "letter": ("書面", "Letter"),
        "email": ("電子メール", "E-mail"),
    },
    "JointUseChangeField": {
        "purpose": ("利用目的", "Purpose of use"),
        "responsible_party": ("責任者の変更（交代）", "Responsible party replaced"),
        "responsible_name": ("責任者の氏名・名称", "Responsible party's name"),
        "responsible_address": ("責任者の住所", "Responsible party's address"),
        "responsible_representative": ("責任者の代表者", "Responsible party's representative"),
        "pi_items": ("個人情報の項目", "PI items"),
        "scope": ("共同利用者の範囲", "Scope of joint users"),
        "other": ("その他", "Other"),
    },
    "OptOutChangeField": {
        "purpose": ("① 第三者への提供を利用目的とすること", "① Provision as a purpose of use"),
        "pi_items": ("② 提供される個人情報の項目", "② PI items provided"),
        "provision_method": ("③ 提供の手段又は方法", "③ Means or method of provision"),
        "stop_request_method": ("④ 停止の求めを受け付ける方法", "④ How to request the stop"),
        "acquisition_method": ("⑤ 取得方法", "⑤ How the data is acquired"),
        "provider": ("提供者の氏名・名称、住所、代表者", "Provider's name, address or representative"),
        "provision_ended": ("オプトアウトによる提供の終了", "End of the opt-out provision"),
        "other": ("その他", "Other"),
    },
    "JointUseChangeBasis": {
        "consent": ("本人の同意を得た", "The persons' consent obtained"),
        "succession": ("合併・事業譲渡等による承継", "Succession by merger or business transfer"),
        "reasonably_expected": (
            "本人が通常予期し得る範囲の変更",
            "A change the persons could reasonably expect",
        ),
    },
    "ProvisionBasis": {
        "consent": ("本人の同意", "The person's consent"),
        "opt_out": ("オプトアウト", "Opt-out"),
        "exemption": ("適用除外（方針5(1)〜(6)）", "Exemption (policy §5(1)–(6))"),
    },
    "ProvisionExemption": {
        "laws_and_emergencies": (
            "5(1) 法令に基づく場合等（4(1)〜(4)）",
            "§5(1) Laws and emergencies (§4(1)–(4))",
        ),
        "written_consent": ("5(2) 書面等による直接取得時の同意", "§5(2) Consent given on direct collection"),
        "mass_provision_notice": ("5(3) 事前の通知による大量提供", "§5(3) Mass provision with prior notice"),
        "officers_and_shareholders": (
            "5(4) 法人の役員・株主に関する公開情報",
            "§5(4) Published information on officers and shareholders",
        ),
        "entrustment": ("5(5) 利用目的の達成に必要な委託", "§5(5) Entrustment"),
        "business_succession": ("5(6) 合併等による事業の承継", "§5(6) Business succession"),
    },
    "ProvisionMethod": {
        "paper": ("書面の交付", "Paper"),
        "electronic": ("電子データの交付", "Electronic data"),
    },
    "RecordForm": {
        "contract_or_bulk_record_for_goods_or_services_to_the_person": (
            "本人に対する物品・役務の提供に係る契約書等による記録",
            "Contract or bulk record for goods or services to the person",
        ),
        "bulk_record": ("一括して作成した記録", "Bulk record of continuous provision"),
        "each_time": ("提供の都度作成した記録", "Record made at each provision"),
    },
    "Severity": {
        "blocking": ("重大", "Blocking"),
        "warning": ("注意", "Warning"),
    },
    "AuditAction": {
        "create": ("作成", "Create"),
        "update": ("更新", "Update"),
        "delete": ("削除", "Delete"),
        "restore": ("バックアップから復元", "Restored from a backup"),
    },
}


# Data-subject requests and incidents (issue 15) ----------------------------------------------------------
class RequestType(LabelledEnum):
    """What a person asks of the company under policy §9 (APPI Art. 32–35)."""

    DISCLOSURE = "disclosure"  # 開示 (Art. 33(1))
    DISCLOSURE_OF_PROVISION_RECORDS = "disclosure_of_provision_records"  # 第三者提供記録の開示 (Art. 33(5))
    CORRECTION = "correction"  # 訂正・追加 (Art. 34)
    DELETION = "deletion"  # 削除 (Art. 34)
    SUSPENSION_OF_USE = "suspension_of_use"  # 利用停止・消去 (Art. 35(1))
    STOP_OF_THIRD_PARTY_PROVISION = "stop_of_third_party_provision"  # 第三者提供の停止 (Art. 35(3))


class RequestDecision(LabelledEnum):
    """What the company decided on a request (APPI Art. 33(3), 34(3), 35(7): the person is told)."""

    PENDING = "pending"
    GRANTED = "granted"
    PARTLY_GRANTED = "partly_granted"
    REFUSED = "refused"

    @property
    def needs_ground(self) -> bool:
        """A refusal, whole or in part, names the ground of policy §9 it rests on (APPI Art. 33(2))."""
        return self in (RequestDecision.REFUSED, RequestDecision.PARTLY_GRANTED)


class RefusalGround(LabelledEnum):
    """The four grounds of policy §9 (※ 1.–4.) for not making retained PI known to the person."""

    HARM_TO_PERSON_OR_THIRD_PARTY = "harm_to_person_or_third_party"
    HARM_TO_COMPANY = "harm_to_company"
    GOVERNMENT_AFFAIRS = "government_affairs"
    PURPOSE_EVIDENT = "purpose_evident"


class ReplyMethod(LabelledEnum):
    """How the reply to a request was given (APPI Art. 33(1): electronic record or the method the person asks)."""

    DOCUMENT = "document"
    ELECTRONIC = "electronic"
    EMAIL = "email"
    PHONE = "phone"
    IN_PERSON = "in_person"
    OTHER = "other"


_LABELS.update(
    {
        "RequestType": {
            "disclosure": ("開示", "Disclosure"),
            "disclosure_of_provision_records": (
                "第三者提供記録の開示",
                "Disclosure of third-party provision records",
            ),
            "correction": ("訂正・追加", "Correction"),
            "deletion": ("削除", "Deletion"),
            "suspension_of_use": ("利用の停止・消去", "Suspension of use"),
            "stop_of_third_party_provision": ("第三者への提供の停止", "Stop of third-party provision"),
        },
        "RequestDecision": {
            "pending": ("未決定", "Pending"),
            "granted": ("応じる", "Granted"),
            "partly_granted": ("一部応じる", "Partly granted"),
            "refused": ("応じない", "Refused"),
        },
        "RefusalGround": {
            "harm_to_person_or_third_party": (
                "1. 本人又は第三者の生命、身体、財産その他の権利利益を害するおそれ",
                "1. Risk of harm to the life, body, property or other rights of the person or a third party",
            ),
            "harm_to_company": (
                "2. 会社の権利又は正当な利益を害するおそれ",
                "2. Risk of harm to the company's rights or legitimate interests",
            ),
            "government_affairs": (
                "3. 国の機関等が法令の定める事務を遂行することへの協力に支障",
                "3. Would hinder cooperation with a state body performing its statutory affairs",
            ),
            "purpose_evident": (
                "4. 取得の状況からみて利用目的が明らかである",
                "4. The purpose is evident from the circumstances of acquisition",
            ),
        },
        "ReplyMethod": {
            "document": ("書面の交付", "Paper document"),
            "electronic": ("電磁的記録の提供", "Electronic record"),
            "email": ("電子メール", "E-mail"),
            "phone": ("電話", "Telephone"),
            "in_person": ("面談", "In person"),
            "other": ("その他", "Other"),
        },
    }
)
