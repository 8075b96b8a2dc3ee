"""The record forms the window opens: `open_form(services, record_type, record_id)`.

Every form is a QDialog with `saved = Signal(str, int)` (record type, record id), emitted after
each successful save (and after a consent hop, re-delegation or joint-use change is saved from it).
The caller shows it (`show()`/`open()`/`exec()`); the dialog does not show itself.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from desktop.domain.kinds import RecordType

if TYPE_CHECKING:
    from desktop.services.facade import Services
    from desktop.ui.forms.base import RecordDialog

# The form of every kind of record that opens one of its own: (module, class), imported when first opened.
# tests/test_record_kinds.py names the kinds without one, and why (see docs/adding-a-record-kind.md).
FORMS: dict[RecordType, tuple[str, str]] = {
    RecordType.CONTRACTOR: ("desktop.ui.forms.contractor_form", "ContractorDialog"),
    RecordType.EVALUATION: ("desktop.ui.forms.evaluation_form", "EvaluationDialog"),
    RecordType.CONTRACT: ("desktop.ui.forms.contract_form", "ContractDialog"),
    RecordType.ENGAGEMENT: ("desktop.ui.forms.engagement_form", "EngagementDialog"),
    RecordType.JOINT_USE: ("desktop.ui.forms.joint_use_form", "JointUseDialog"),
    RecordType.OPT_OUT: ("desktop.ui.forms.opt_out_form", "OptOutDialog"),
    RecordType.STOP_REQUEST: ("desktop.ui.forms.opt_out_form", "StopRequestDialog"),
    RecordType.PROVISION: ("desktop.ui.forms.provision_form", "ProvisionDialog"),
    RecordType.RECEIPT: ("desktop.ui.forms.provision_form", "ReceiptDialog"),
    RecordType.REQUEST: ("desktop.ui.forms.request_incident_form", "RequestDialog"),
    RecordType.INCIDENT: ("desktop.ui.forms.request_incident_form", "IncidentDialog"),
    RecordType.COMPANY_PROFILE: ("desktop.ui.forms.company_form", "CompanyProfileDialog"),
    RecordType.CORRECTIVE_ACTION: ("desktop.ui.forms.corrective_action_form", "CorrectiveActionDialog"),
}
RECORD_TYPES = tuple(FORMS)


def form_class(record_type: str) -> type[RecordDialog]:
    """The dialog class of a kind of record; ValueError for a kind without a form of its own."""
    try:
        module, name = FORMS[RecordType(record_type)]
    except (ValueError, KeyError):
        raise ValueError(
            f"no form for record type {str(record_type)!r}; one of {', '.join(RECORD_TYPES)}"
        ) from None
    dialog_class: type[RecordDialog] = getattr(import_module(module), name)
    return dialog_class


def open_form(
    services: Services,
    record_type: str,
    record_id: int | None,
    parent: QWidget | None = None,
    **defaults: Any,
) -> RecordDialog:
    """Build the form of one record (record_id None = a new one, pre-filled from `defaults`)."""
    return form_class(record_type)(services, record_id, parent, defaults)


__all__ = ["FORMS", "RECORD_TYPES", "form_class", "open_form"]
