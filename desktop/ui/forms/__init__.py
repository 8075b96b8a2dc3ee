"""The record forms the window opens: `open_form(services, record_type, record_id)`.

Every form is a QDialog with `saved = Signal(str, int)` (record type, record id), emitted after
each successful save (and after a consent hop, re-delegation or joint-use change is saved from it).
The caller shows it (`show()`/`open()`/`exec()`); the dialog does not show itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.services.facade import Services
    from desktop.ui.forms.base import RecordDialog

RECORD_TYPES = ("contractor", "evaluation", "contract", "engagement", "joint_use", "company_profile")


def open_form(
    services: Services,
    record_type: str,
    record_id: int | None,
    parent: QWidget | None = None,
    **defaults: Any,
) -> RecordDialog:
    """Build the form of one record (record_id None = a new one, pre-filled from `defaults`)."""
    from desktop.ui.forms.company_form import CompanyProfileDialog
    from desktop.ui.forms.contract_form import ContractDialog
    from desktop.ui.forms.contractor_form import ContractorDialog
    from desktop.ui.forms.engagement_form import EngagementDialog
    from desktop.ui.forms.evaluation_form import EvaluationDialog
    from desktop.ui.forms.joint_use_form import JointUseDialog

    dialogs: dict[str, type[RecordDialog]] = {
        "contractor": ContractorDialog,
        "evaluation": EvaluationDialog,
        "contract": ContractDialog,
        "engagement": EngagementDialog,
        "joint_use": JointUseDialog,
        "company_profile": CompanyProfileDialog,
    }
    try:
        dialog_class = dialogs[record_type]
    except KeyError:
        raise ValueError(
            f"no form for record type {record_type!r}; one of {', '.join(RECORD_TYPES)}"
        ) from None
    return dialog_class(services, record_id, parent, defaults)


__all__ = ["RECORD_TYPES", "open_form"]
