"""The banner at the top of a record's form listing the record's open findings, each with what to do, and
the highlight on the fields that fix them (desktop.ui.forms.finding_fixes says which)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.domain.enums import Severity
from desktop.domain.rules import Finding
from desktop.ui.forms.finding_fixes import fix_of
from desktop.ui.language import text
from desktop.ui.models.base import BLOCKING_COLOUR, WARNING_COLOUR

HIGHLIGHT_STYLE = (
    "QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QDateEdit, QSpinBox, QListWidget, QCheckBox "
    "{ border: 2px solid #d32f2f; background: #fff5f5; }"
)
HIGHLIGHT_LABEL_STYLE = "color: #b71c1c; font-weight: bold;"


class FindingsBanner(QFrame):
    """“This record has N open findings”, then each finding and, under it, what to do."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findingsBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#findingsBanner { background: #fdecea; border: 1px solid #e57373; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.heading = QLabel(self)
        self.heading.setObjectName("findingsHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.message = QLabel(self)
        self.message.setObjectName("findingsList")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        self.findings: list[Finding] = []
        self.hide()

    def show_findings(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        if not self.findings:
            self.hide()
            return
        self.heading.setText(self.tr("This record has %n open finding(s):", "", len(self.findings)))
        items = []
        for finding in self.findings:
            blocking = finding.severity == Severity.BLOCKING
            colour = (BLOCKING_COLOUR if blocking else WARNING_COLOUR).name()
            mark = "✖" if blocking else "▲"
            advice = fix_of(finding.rule).advice_text()
            line = f'<span style="color:{colour}">{mark}</span> {escape(text(finding.message))}'
            if advice:
                line += (
                    f'<br/><span style="color:#37474f">→ {escape(self.tr("To do:"))} {escape(advice)}</span>'
                )
            items.append(f"<p style='margin:2px 0'>{line}</p>")
        self.message.setText("".join(items))
        self.show()

    def plain_text(self) -> str:
        """What the banner says, without mark-up (tests, screen readers)."""
        from PySide6.QtGui import QTextDocument

        document = QTextDocument()
        document.setHtml(self.message.text())
        return self.heading.text() + "\n" + document.toPlainText()
