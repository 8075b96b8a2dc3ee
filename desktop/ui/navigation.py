"""The window's pages, declared once: the dashboard, one register page per kind of record that has one, the
audit log. Light on purpose (no page module is imported here): the window lists its pages before the
database is open, and imports a page only when it builds it.

A new kind of record with a register page of its own gets one entry in `REGISTER_PAGES`
(docs/adding-a-record-kind.md); tests/test_record_kinds.py fails for a kind left out without a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.domain.kinds import RecordType

if TYPE_CHECKING:
    from desktop.ui.pages.register import RegisterPage

CONTEXT = "MainWindow"  # the translation context of the labels below (resources/translations)
DASHBOARD = "dashboard"
AUDIT = "audit"


def _marked(text: str) -> str:
    """`text` marked for translation in CONTEXT (QT_TRANSLATE_NOOP); translated when shown."""
    return str(QT_TRANSLATE_NOOP(CONTEXT, text))


@dataclass(frozen=True)
class RegisterPageEntry:
    """One register page: its navigation key, its class, its navigation label and what its count covers."""

    key: str
    page_class: str  # the class in desktop.ui.pages.registers
    label: str  # untranslated; `navigation_label()` translates it
    covers: str  # the navigation tooltip: which findings its count holds

    def page(self) -> type[RegisterPage]:
        from desktop.ui.pages import registers

        page: type[RegisterPage] = getattr(registers, self.page_class)
        return page

    def navigation_label(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.label)

    def navigation_covers(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.covers)


# In the navigation's order, between the dashboard and the audit log.
REGISTER_PAGES: dict[RecordType, RegisterPageEntry] = {
    RecordType.CONTRACTOR: RegisterPageEntry(
        "contractors",
        "ContractorsPage",
        _marked("Contractors"),
        _marked(
            "Findings about the contractor itself: data not returned or destroyed, "
            "a foreign regime not recorded. Each contractor's row shows all its findings.",
        ),
    ),
    RecordType.EVALUATION: RegisterPageEntry(
        "evaluations",
        "EvaluationsPage",
        _marked("Evaluations"),
        _marked(
            "Findings about evaluations, including contractors handling PI with no "
            "evaluation at all: those are listed on the Contractors page and the dashboard.",
        ),
    ),
    RecordType.CONTRACT: RegisterPageEntry(
        "contracts",
        "ContractsPage",
        _marked("Contracts and NDAs"),
        _marked(
            "Findings about contracts, including contractors with no NDA in force: those "
            "are listed on the Contractors page and the dashboard.",
        ),
    ),
    RecordType.ENGAGEMENT: RegisterPageEntry(
        "engagements",
        "EngagementsPage",
        _marked("Engagements and re-delegation"),
        _marked(
            "Engagements and re-delegations: consent missing, or a re-delegation to a "
            "contractor with blocking findings.",
        ),
    ),
    RecordType.JOINT_USE: RegisterPageEntry(
        "joint_uses",
        "JointUsesPage",
        _marked("Joint use"),
        _marked("Joint uses: an item ①–⑥ missing, the notice late, or a change not noticed in time."),
    ),
    RecordType.OPT_OUT: RegisterPageEntry(
        "opt_outs",
        "OptOutsPage",
        _marked("Opt-out provision"),
        _marked(
            "Opt-out provision: an item ①–⑤ missing, provision before the PPC notification and the notice "
            "to the persons, special-care PI, or a change not notified again in time."
        ),
    ),
    RecordType.STOP_REQUEST: RegisterPageEntry(
        "stop_requests",
        "StopRequestsPage",
        _marked("Stop requests"),
        _marked("The persons' requests to stop the provision under an opt-out arrangement."),
    ),
    # Third-party provision and receipt records (issue 15)
    RecordType.PROVISION: RegisterPageEntry(
        "provisions",
        "ProvisionsPage",
        _marked("Third-party provisions"),
        _marked(
            "Third-party provision records: no basis, a record item missing, provision under opt-out before "
            "its notification or after a person's stop request, special-care PI by opt-out, or a record whose "
            "retention has ended (it may be deleted)."
        ),
    ),
    RecordType.RECEIPT: RegisterPageEntry(
        "receipts",
        "ReceiptsPage",
        _marked("Receipt confirmations"),
        _marked(
            "Receipt confirmation records: how the provider acquired the data not confirmed, a record item "
            "missing, or a record whose retention has ended (it may be deleted)."
        ),
    ),
}
# Data-subject requests and incidents (issue 15).
REGISTER_PAGES.update(
    {
        RecordType.REQUEST: RegisterPageEntry(
            "requests",
            "RequestsPage",
            _marked("Data-subject requests"),
            _marked(
                "Data-subject requests (policy §9): a reply due or overdue, a disclosure refused without a "
                "ground, a reply recorded without its decision."
            ),
        ),
        RecordType.INCIDENT: RegisterPageEntry(
            "incidents",
            "IncidentsPage",
            _marked("Incidents"),
            _marked(
                "Incidents: a report to the PPC, the notice to the persons or a report to the Privacy Mark "
                "body due or overdue. The re-evaluation an incident calls for is on the Contractors page."
            ),
        ),
    }
)
# Kinds shown on another kind's page rather than on one of their own.
SHOWN_ON: dict[RecordType, RecordType] = {
    RecordType.CONSENT_HOP: RecordType.ENGAGEMENT,  # the consent chain of the engagement's form and row
    RecordType.REDELEGATION: RecordType.ENGAGEMENT,  # listed under its engagement, which opens it
    RecordType.JOINT_USE_CHANGE: RecordType.JOINT_USE,  # the change history of the joint use's form
    RecordType.CORRECTIVE_ACTION: RecordType.CONTRACTOR,  # the 是正処置 tab of the contractor's form
    RecordType.OPT_OUT_CHANGE: RecordType.OPT_OUT,  # the change history of the arrangement's form
}
PAGE_KEYS = (DASHBOARD, *(entry.key for entry in REGISTER_PAGES.values()), AUDIT)


def page_key_of(record_type: str) -> str | None:
    """The register page a record of this kind is shown on (None: none, e.g. an account)."""
    try:
        kind = RecordType(record_type)
    except ValueError:
        return None
    entry = REGISTER_PAGES.get(SHOWN_ON.get(kind, kind))
    return entry.key if entry is not None else None
