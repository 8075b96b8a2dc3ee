"""The one name of every kind of record and every rule.

Each layer keeps one table keyed by these enums (schema, model, service, page, register, sheet), built
from the enum, and a test fails when a table misses a member. The values are the strings stored in the
database (audit trail, findings snapshot) and printed by `itaku-cli`: never change a value.
"""

from __future__ import annotations

from enum import StrEnum


class RecordType(StrEnum):
    """A kind of record the audit trail knows."""

    COMPANY_PROFILE = "company_profile"
    CONTRACTOR = "contractor"
    EVALUATION = "evaluation"
    CONTRACT = "contract"
    ENGAGEMENT = "engagement"
    CONSENT_HOP = "consent_hop"
    REDELEGATION = "redelegation"
    JOINT_USE = "joint_use"
    JOINT_USE_CHANGE = "joint_use_change"
    CORRECTIVE_ACTION = "corrective_action"  # 是正処置: closes the finding of a past lapse
    OPT_OUT = "opt_out"
    OPT_OUT_CHANGE = "opt_out_change"
    STOP_REQUEST = "stop_request"
    PROVISION = "provision"  # 第三者提供記録 (APPI Art. 29)
    RECEIPT = "receipt"  # 確認記録 (APPI Art. 30)
    REQUEST = "request"  # 本人からの請求 (policy §9; APPI Art. 32–35)
    INCIDENT = "incident"  # 漏えい等の事案 (APPI Art. 26)
    ACCOUNT = "account"
    SETTING = "setting"
    DATABASE = "database"  # a restore replaces the whole database: its audit event is about it (record id 0)


class RuleId(StrEnum):
    """A compliance rule; its value is `<record type>.<what is wrong>`."""

    EVALUATION_MISSING = "evaluation.missing"
    EVALUATION_FAILED = "evaluation.failed"
    EVALUATION_CONDITIONAL = "evaluation.conditional"
    EVALUATION_OVERDUE = "evaluation.overdue"
    EVALUATION_CERTIFICATE_EXPIRED = "evaluation.certificate_expired"
    CONTRACT_NDA_MISSING = "contract.nda_missing"
    CONTRACT_PI_CLAUSES_NOT_IN_FORCE = "contract.pi_clauses_not_in_force"
    CONTRACT_CLAUSES_MISSING = "contract.clauses_missing"
    CONTRACT_EXPIRING = "contract.expiring"
    CONTRACTOR_DISPOSAL_UNCONFIRMED = "contractor.disposal_unconfirmed"
    CONTRACTOR_FOREIGN_REGIME_MISSING = "contractor.foreign_regime_missing"
    CONTRACTOR_ENTRUSTED_NOT_SELECTED = "contractor.entrusted_not_selected"
    CONTRACTOR_ENTRUSTED_BEFORE_SELECTION = "contractor.entrusted_before_selection"
    CONTRACTOR_SELECTION_UNCONFIRMED = "contractor.selection_unconfirmed"
    ENGAGEMENT_CONSENT_MISSING = "engagement.consent_missing"
    ENGAGEMENT_CONSENT_INCOMPLETE = "engagement.consent_incomplete"
    REDELEGATION_CONSENT_MISSING = "redelegation.consent_missing"
    REDELEGATION_CONTRACTOR_NOT_COMPLIANT = "redelegation.contractor_not_compliant"
    REDELEGATION_CONTRACTOR_NOT_SELECTED = "redelegation.contractor_not_selected"
    JOINT_USE_ITEM_MISSING = "joint_use.item_missing"
    JOINT_USE_NOTICE_LATE = "joint_use.notice_late"
    JOINT_USE_CHANGE_WITHOUT_ADVANCE_NOTICE = "joint_use.change_without_advance_notice"
    JOINT_USE_CHANGE_NOTICE_OVERDUE = "joint_use.change_notice_overdue"
    OPT_OUT_ITEM_MISSING = "opt_out.item_missing"
    OPT_OUT_NOTIFICATION_LATE = "opt_out.notification_late"
    OPT_OUT_SPECIAL_CARE = "opt_out.special_care"
    OPT_OUT_CHANGE_NOT_NOTIFIED = "opt_out.change_not_notified"
    JOINT_USE_CHANGE_WITHOUT_BASIS = "joint_use.change_without_basis"
    # Third-party provision and receipt records (issue 15)
    PROVISION_BASIS_MISSING = "provision.basis_missing"
    PROVISION_ITEM_MISSING = "provision.item_missing"
    PROVISION_RETENTION_ENDED = "provision.retention_ended"
    PROVISION_OPT_OUT_NOT_NOTIFIED = "provision.opt_out_not_notified"
    PROVISION_AFTER_STOP_REQUEST = "provision.after_stop_request"
    PROVISION_SPECIAL_CARE_BY_OPT_OUT = "provision.special_care_by_opt_out"
    RECEIPT_CONFIRMATION_MISSING = "receipt.confirmation_missing"
    RECEIPT_ITEM_MISSING = "receipt.item_missing"
    RECEIPT_RETENTION_ENDED = "receipt.retention_ended"
    # Data-subject requests and incidents (issue 15)
    REQUEST_REPLY_OVERDUE = "request.reply_overdue"
    REQUEST_REFUSAL_WITHOUT_GROUND = "request.refusal_without_ground"
    REQUEST_UNDECIDED = "request.undecided"
    INCIDENT_PPC_PRELIMINARY_MISSING = "incident.ppc_preliminary_missing"
    INCIDENT_PPC_CONFIRMED_MISSING = "incident.ppc_confirmed_missing"
    INCIDENT_PERSONS_NOTICE_MISSING = "incident.persons_notice_missing"
    INCIDENT_PMARK_PRELIMINARY_MISSING = "incident.pmark_preliminary_missing"
    INCIDENT_PMARK_CONFIRMED_MISSING = "incident.pmark_confirmed_missing"
    CONTRACTOR_REEVALUATION_AFTER_INCIDENT = "contractor.reevaluation_after_incident"

    @property
    def topic(self) -> str:
        """The part before the dot: the topic the rule's findings are counted under."""
        return self.value.split(".", 1)[0]
