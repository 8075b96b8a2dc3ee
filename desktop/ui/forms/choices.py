"""Choice boxes over other records (a contractor for an evaluation, contract or re-delegation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.ui.widgets.schema_form import ChoiceBox

if TYPE_CHECKING:
    from desktop.services.facade import Services


def contractor_choice(services: Services) -> ChoiceBox:
    """Every contractor by name; typing in the closed box jumps to the name."""
    blank = QCoreApplication.translate("ContractorChoice", "— choose a contractor —")
    box = ChoiceBox(((name, contractor_id) for contractor_id, name in services.contractors.names()), blank)
    box.setMinimumContentsLength(24)
    return box
