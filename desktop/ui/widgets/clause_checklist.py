"""The PI clauses of a contract as a checklist, marking which clauses the contract's kind requires and
saying whether the contract carries the confidentiality duty (what makes it count as the NDA)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from desktop.domain.clauses import (
    CLAUSES,
    CONFIDENTIALITY,
    carries_confidentiality,
    missing_clauses,
    required_clauses,
)
from desktop.domain.enums import ContractKind
from desktop.ui.language import text


class ClauseChecklist(QWidget):
    """One check box per clause (desktop.domain.clauses.CLAUSES); `value()` is the list of codes ticked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        self.boxes: dict[str, QCheckBox] = {}
        for clause in CLAUSES:
            box = QCheckBox(text(clause.label), self)
            box.setObjectName(f"clause_{clause.code}")
            box.toggled.connect(self._on_toggled)
            layout.addWidget(box)
            self.boxes[clause.code] = box
        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("missingClauses")
        self.missing_label.setWordWrap(True)
        layout.addWidget(self.missing_label)
        self.duty_label = QLabel(self)
        self.duty_label.setObjectName("confidentialityDuty")
        self.duty_label.setWordWrap(True)
        layout.addWidget(self.duty_label)
        self.kind: str | None = None
        self.handles_pi = True  # the contractor's: one that handles no PI needs no PI clause
        self._refresh()

    def _on_toggled(self, _checked: bool) -> None:
        self._refresh()
        self.changed.emit()

    def set_kind(self, kind: str | None) -> None:
        self.kind = kind
        self._refresh()

    def set_handles_pi(self, handles_pi: bool) -> None:
        self.handles_pi = handles_pi
        self._refresh()

    def carries_confidentiality(self) -> bool:
        return bool(self.kind) and carries_confidentiality(self.kind or "", self.value())

    def value(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_value(self, codes: list[str] | None) -> None:
        wanted = set(codes or [])
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in wanted)
            box.blockSignals(False)
        self._refresh()
        self.changed.emit()

    def missing(self) -> list[str]:
        return missing_clauses(self.kind, self.value(), self.handles_pi) if self.kind else []

    def _refresh(self) -> None:
        required = set(required_clauses(self.kind or "", self.handles_pi))
        missing = set(self.missing())
        is_nda = self.kind == ContractKind.NDA.value
        for code, box in self.boxes.items():
            label = text(next(c.label for c in CLAUSES if c.code == code))
            if code == CONFIDENTIALITY and is_nda and not box.isChecked():
                box.setText(label + self.tr("  (an NDA carries it by its nature)"))
                box.setStyleSheet("")
            elif code in missing:
                box.setText(label + self.tr("  — required, missing"))
                box.setStyleSheet("color: #b3261e;")
            elif code in required:
                box.setText(label + self.tr("  (required)"))
                box.setStyleSheet("")
            else:
                box.setText(label)
                box.setStyleSheet("")
        if not self.kind:
            self.missing_label.setText(self.tr("Choose the kind of contract to see which clauses it needs."))
            self.missing_label.setStyleSheet("color: #5f6368;")
        elif missing:
            self.missing_label.setText(
                self.tr("%1 required clause(s) missing for this kind of contract.").replace(
                    "%1", str(len(missing))
                )
            )
            self.missing_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        else:
            self.missing_label.setText(self.tr("All clauses required for this kind of contract are present."))
            self.missing_label.setStyleSheet("color: #1e7e34;")
        if not self.kind:
            self.duty_label.clear()
        elif self.carries_confidentiality():
            self.duty_label.setText(
                self.tr(
                    "This contract binds the contractor to confidentiality: while in force and approved it "
                    "counts as the NDA, whatever its kind."
                )
            )
            self.duty_label.setStyleSheet("color: #1e7e34;")
        else:
            self.duty_label.setText(
                self.tr(
                    "No confidentiality clause: this contract does not count as the NDA. Tick "
                    "Confidentiality if it has a confidentiality article."
                )
            )
            self.duty_label.setStyleSheet("color: #5f6368;")
