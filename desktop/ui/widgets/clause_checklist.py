"""The PI clauses of a contract as a checklist, marking which clauses the contract's kind requires."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from desktop.domain.clauses import CLAUSES, REQUIRED_CLAUSES, missing_clauses
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
        self.kind: str | None = None
        self._refresh()

    def _on_toggled(self, _checked: bool) -> None:
        self._refresh()
        self.changed.emit()

    def set_kind(self, kind: str | None) -> None:
        self.kind = kind
        self._refresh()

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
        return missing_clauses(self.kind, self.value()) if self.kind else []

    def _refresh(self) -> None:
        required = set(REQUIRED_CLAUSES.get(self.kind or "", ()))
        missing = set(self.missing())
        for code, box in self.boxes.items():
            label = text(next(c.label for c in CLAUSES if c.code == code))
            if code in missing:
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
