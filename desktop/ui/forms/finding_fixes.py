"""Where a finding is fixed in the window: for every rule, the form fields that fix it (highlighted, their
tab brought forward, when the record's form opens from the finding) and what to do, in a sentence.

One entry per `RuleId` (tests/ui/test_forms_findings_banner.py holds the table complete). The advice is an
English source string translated in the `FindingFix` context (resources/translations/daily_round_*.ts).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop.domain.kinds import RuleId

CONTEXT = "FindingFix"


@dataclass(frozen=True)
class FindingFix:
    fields: tuple[str, ...]  # the record's form fields that fix it; () when the fix is another record
    advice: str  # what to do, English source (translated by `advice_text`)

    def advice_text(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.advice)


_JOINT_USE_ITEMS = (
    "joint_use_statement",
    "pi_items",
    "scope",
    "joint_users",
    "purposes",
    "responsible_name",
    "responsible_address",
    "responsible_representative",
    "acquisition_method",
)
_OPT_OUT_ITEMS = (
    "purpose_statement",
    "pi_items",
    "provision_method",
    "stop_statement",
    "stop_request_method",
    "acquisition_method",
)

FINDING_FIXES: dict[RuleId, FindingFix] = {
    RuleId.EVALUATION_MISSING: FindingFix(
        (), "Record an evaluation of this contractor (Evaluations → New) and have it approved."
    ),
    RuleId.EVALUATION_FAILED: FindingFix(
        (),
        "Have the contractor remedy the failed items and evaluate again, or end the entrustment.",
    ),
    RuleId.EVALUATION_CONDITIONAL: FindingFix(
        (), "Follow up the conditions of the last evaluation; record a new evaluation once they are met."
    ),
    RuleId.EVALUATION_OVERDUE: FindingFix((), "Record this period's evaluation (Evaluations → New)."),
    RuleId.EVALUATION_CERTIFICATE_EXPIRED: FindingFix(
        ("privacy_mark_expiry", "isms_expiry"),
        "Enter the renewed certificate's number and expiry, or evaluate the contractor again.",
    ),
    RuleId.CONTRACT_NDA_MISSING: FindingFix(
        (),
        "Register the signed NDA, or tick Confidentiality on a contract in force that has a confidentiality "
        "article (an outsourcing contract or memorandum counts too).",
    ),
    RuleId.CONTRACT_PI_CLAUSES_NOT_IN_FORCE: FindingFix(
        (), "Register a contract in force that contains the personal-information clauses (Contracts → New)."
    ),
    RuleId.CONTRACT_CLAUSES_MISSING: FindingFix(
        ("clauses",), "Tick the clauses the contract contains, or amend the contract to include them."
    ),
    RuleId.CONTRACT_EXPIRING: FindingFix(
        ("expires_on", "auto_renewal"), "Renew the contract and enter its new expiry date."
    ),
    RuleId.CONTRACTOR_DISPOSAL_UNCONFIRMED: FindingFix(
        ("disposition_method", "disposition_date"),
        "Confirm that the data was returned or destroyed, and enter how and when.",
    ),
    RuleId.CONTRACTOR_FOREIGN_REGIME_MISSING: FindingFix(
        ("foreign_regime_note",),
        "Record the check of the country's data protection regime (APPI Art. 28) in this field.",
    ),
    RuleId.CONTRACTOR_ENTRUSTED_BEFORE_SELECTION: FindingFix(
        (),
        "The entrustment began before the selection or the contract: the officer records the corrective "
        "action taken (tab Corrective actions).",
    ),
    RuleId.CONTRACTOR_SELECTION_UNCONFIRMED: FindingFix(
        (),
        "The contractor ledger carries no history from before the import (its evaluation and NDA are the latest, not the first): the officer confirms that the contractor was selected and contracted before the entrustment and records it (tab Corrective actions).",
    ),
    RuleId.CONTRACTOR_ENTRUSTED_NOT_SELECTED: FindingFix(
        ("status", "start_date"),
        "Select the contractor (evaluation and contract) and set its status to active, or correct its start date.",
    ),
    RuleId.ENGAGEMENT_CONSENT_MISSING: FindingFix(
        (),
        "Record the consent of the original business (or of the party it authorised in writing) for each red link of this engagement's consent chain, naming who gave it and the link.",
    ),
    RuleId.ENGAGEMENT_CONSENT_INCOMPLETE: FindingFix(
        (),
        "Open each consent listed and choose who gave it and the link it covers from the parties of the chain.",
    ),
    RuleId.REDELEGATION_CONSENT_MISSING: FindingFix(
        (),
        "Record the consent of the original business (or of the party it authorised in writing) to this re-delegation in the engagement's consent chain.",
    ),
    RuleId.REDELEGATION_CONTRACTOR_NOT_COMPLIANT: FindingFix(
        (), "Resolve the findings of the re-delegated contractor first (open it from the Contractors page)."
    ),
    RuleId.REDELEGATION_CONTRACTOR_NOT_SELECTED: FindingFix(
        (),
        "Select the sub-contractor first (evaluation, contract, status active), or re-delegate to a selected one.",
    ),
    RuleId.JOINT_USE_ITEM_MISSING: FindingFix(
        _JOINT_USE_ITEMS, "Fill in the missing notice item and publish the notice again."
    ),
    RuleId.JOINT_USE_NOTICE_LATE: FindingFix(
        ("notice_published_on", "start_date"),
        "Enter the date the notice was published; it must precede the start of the joint use.",
    ),
    RuleId.JOINT_USE_CHANGE_WITHOUT_ADVANCE_NOTICE: FindingFix(
        (), "Record when the change was noticed to the persons concerned (changes of this joint use)."
    ),
    RuleId.JOINT_USE_CHANGE_NOTICE_OVERDUE: FindingFix(
        (), "Notify the change without delay and record the date in the changes of this joint use."
    ),
    RuleId.OPT_OUT_ITEM_MISSING: FindingFix(
        _OPT_OUT_ITEMS, "Fill in the missing item, tell the persons and notify the PPC again."
    ),
    RuleId.OPT_OUT_NOTIFICATION_LATE: FindingFix(
        ("ppc_notified_on", "made_known_on", "start_date"),
        "Notify the PPC and tell the persons before the first provision, and enter both dates.",
    ),
    RuleId.OPT_OUT_SPECIAL_CARE: FindingFix(
        ("pi_items", "includes_special_care"),
        "Special-care PI cannot be provided by opt-out: remove it from the items or obtain the persons' "
        "consent instead.",
    ),
    RuleId.OPT_OUT_CHANGE_NOT_NOTIFIED: FindingFix(
        (),
        "Notify the PPC and tell the persons of the change, and record both dates in the change history.",
    ),
    RuleId.JOINT_USE_CHANGE_WITHOUT_BASIS: FindingFix(
        (),
        "A notice cannot change the items or the scope of joint users: in the changes of this joint use, "
        "record the basis of the change (the persons' consent, a succession, or a change they could "
        "reasonably expect) and why; without one, obtain the persons' consent first.",
    ),
    # Third-party provision and receipt records (issue 15)
    RuleId.PROVISION_BASIS_MISSING: FindingFix(
        ("basis", "exemption", "opt_out_id"),
        "Choose the legal basis of the provision: the persons' consent, the opt-out arrangement it relies on, "
        "or which exemption of policy §5(1)–(6) applies.",
    ),
    RuleId.PROVISION_ITEM_MISSING: FindingFix(
        ("recipient_address", "recipient_representative", "persons", "pi_items", "method"),
        "Fill in the missing record item.",
    ),
    RuleId.PROVISION_RETENTION_ENDED: FindingFix(
        (), "The retention period of this record has ended: it may be deleted."
    ),
    RuleId.PROVISION_OPT_OUT_NOT_NOTIFIED: FindingFix(
        ("opt_out_id", "provided_on", "period_from"),
        "Personal data may be provided under opt-out only once the PPC is notified and the persons told: "
        "enter the notification dates on the opt-out arrangement, or record another basis.",
    ),
    RuleId.PROVISION_AFTER_STOP_REQUEST: FindingFix(
        ("person_references", "provided_on", "period_to"),
        "The person asked to stop the provision: stop providing their data and take them out of the "
        "provision.",
    ),
    RuleId.PROVISION_SPECIAL_CARE_BY_OPT_OUT: FindingFix(
        ("pi_items", "basis"),
        "Special-care PI cannot be provided by opt-out: remove it from the items or obtain the persons' "
        "consent instead.",
    ),
    RuleId.RECEIPT_CONFIRMATION_MISSING: FindingFix(
        ("acquisition_confirmation", "confirmed_on", "confirmation_method"),
        "Confirm how the provider acquired the data when receiving it, and record what was confirmed, when "
        "and how.",
    ),
    RuleId.RECEIPT_ITEM_MISSING: FindingFix(
        ("provider_address", "provider_representative", "persons", "pi_items"),
        "Fill in the missing record item.",
    ),
    RuleId.RECEIPT_RETENTION_ENDED: FindingFix(
        (), "The retention period of this record has ended: it may be deleted."
    ),
}
# Data-subject requests and incidents (issue 15).
FINDING_FIXES.update(
    {
        RuleId.REQUEST_REPLY_OVERDUE: FindingFix(
            ("decision", "replied_on", "reply_method"),
            "Decide on the request, reply to the person and enter the decision, the reply date and method.",
        ),
        RuleId.REQUEST_REFUSAL_WITHOUT_GROUND: FindingFix(
            ("refusal_ground", "decision"),
            "Choose the ground of policy §9 the refusal rests on, and tell the person the reason.",
        ),
        RuleId.REQUEST_UNDECIDED: FindingFix(
            ("decision", "refusal_ground"), "Enter what was decided and told the person in the reply."
        ),
        RuleId.INCIDENT_PPC_PRELIMINARY_MISSING: FindingFix(
            ("ppc_preliminary_reported_on",),
            "Send the preliminary report to the PPC and enter the date.",
        ),
        RuleId.INCIDENT_PPC_CONFIRMED_MISSING: FindingFix(
            ("ppc_confirmed_reported_on",), "Send the confirmed report to the PPC and enter the date."
        ),
        RuleId.INCIDENT_PERSONS_NOTICE_MISSING: FindingFix(
            ("persons_notified_on",),
            "Notify the persons concerned (or publish the incident where they cannot be reached) and enter "
            "the date.",
        ),
        RuleId.INCIDENT_PMARK_PRELIMINARY_MISSING: FindingFix(
            ("pmark_preliminary_reported_on",),
            "Send the preliminary report to the Privacy Mark examination body and enter the date.",
        ),
        RuleId.INCIDENT_PMARK_CONFIRMED_MISSING: FindingFix(
            ("pmark_confirmed_reported_on",),
            "Send the incident report to the Privacy Mark examination body and enter the date.",
        ),
        RuleId.CONTRACTOR_REEVALUATION_AFTER_INCIDENT: FindingFix(
            (), "Evaluate the contractor again in the light of the incident (Evaluations → New)."
        ),
    }
)


def fix_of(rule: str) -> FindingFix:
    """The fix of a rule (an unknown rule: no field, no advice)."""
    try:
        return FINDING_FIXES[RuleId(rule)]
    except (ValueError, KeyError):
        return FindingFix((), "")
