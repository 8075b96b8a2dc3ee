"""監査ログ: every create, update and delete, newest first; read-only, filtered by record, actor and date."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.kinds import RecordType
from desktop.domain.schema import SCHEMAS
from desktop.services.audit import AuditFilter
from desktop.ui.language import text
from desktop.ui.models.audit import AUDIT_LIMIT, AuditTableModel
from desktop.ui.pages.register import page_title_label

VERIFY_LINES = 5  # differences named under the verdict; `itaku-cli audit verify` lists them all

if TYPE_CHECKING:
    from desktop.services.facade import Services


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def python_date(day: QDate) -> date:
    """QDate.toPython() as a `date` (PySide6's stubs say `object`)."""
    return date(day.year(), day.month(), day.day())


class AuditLogPage(QWidget):
    page_key = "audit"
    shows = frozenset(RecordType)  # every change writes the trail

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.model = AuditTableModel(services, self)
        self.title = page_title_label(self.tr("Audit log"), self)

        self.record_type_box = QComboBox(self)
        self.record_type_box.setObjectName("recordTypeBox")
        self.record_type_box.addItem(self.tr("All records"), None)
        for record_type, schema in SCHEMAS.items():
            self.record_type_box.addItem(text(schema.label), record_type)
        self.record_id_edit = QLineEdit(self)
        self.record_id_edit.setObjectName("recordIdEdit")
        self.record_id_edit.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.record_id_edit.setPlaceholderText(self.tr("any"))
        self.record_id_edit.setClearButtonEnabled(True)
        self.actor_box = QComboBox(self)
        self.actor_box.setObjectName("actorBox")
        today = _qdate(services.context.today())
        self.from_check = QCheckBox(self.tr("&From"), self)
        self.from_date = QDateEdit(today.addMonths(-1), self)
        self.to_check = QCheckBox(self.tr("&To"), self)
        self.to_date = QDateEdit(today, self)
        for edit, name in ((self.from_date, "fromDate"), (self.to_date, "toDate")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.from_check.setObjectName("fromCheck")
        self.to_check.setObjectName("toCheck")
        self.clear_button = QPushButton(self.tr("C&lear filters"), self)
        self.verify_button = QPushButton(self.tr("&Verify the audit trail"), self)
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.setToolTip(self.tr("Check that no event was altered or removed from the chain"))
        self.verify_label = QLabel(self)
        self.verify_label.setObjectName("verifyLabel")
        self.verify_label.setWordWrap(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")

        record_label = QLabel(self.tr("&Record:"), self)
        record_label.setBuddy(self.record_type_box)
        number_label = QLabel(self.tr("N&o.:"), self)
        number_label.setBuddy(self.record_id_edit)
        actor_label = QLabel(self.tr("&Who:"), self)
        actor_label.setBuddy(self.actor_box)
        filters = QGridLayout()
        filters.addWidget(record_label, 0, 0)
        filters.addWidget(self.record_type_box, 0, 1)
        filters.addWidget(number_label, 0, 2)
        filters.addWidget(self.record_id_edit, 0, 3)
        filters.addWidget(actor_label, 0, 4)
        filters.addWidget(self.actor_box, 0, 5)
        filters.addWidget(self.from_check, 1, 0)
        filters.addWidget(self.from_date, 1, 1)
        filters.addWidget(self.to_check, 1, 2)
        filters.addWidget(self.to_date, 1, 3)
        filters.addWidget(self.clear_button, 1, 5)
        filters.setColumnStretch(1, 2)
        filters.setColumnStretch(5, 1)

        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        status_row = QHBoxLayout()
        status_row.addWidget(self.count_label)
        status_row.addWidget(self.verify_label, 1)
        status_row.addWidget(self.verify_button)
        layout.addLayout(status_row)
        layout.addWidget(self.table, 1)

        self.record_type_box.currentIndexChanged.connect(self.apply_filter)
        self.record_id_edit.textChanged.connect(self.apply_filter)
        self.actor_box.currentIndexChanged.connect(self.apply_filter)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.apply_filter)
            edit.dateChanged.connect(self.apply_filter)
        self.clear_button.clicked.connect(self.clear_filters)
        self.verify_button.clicked.connect(self.verify_chain)
        self.verification: Any = None
        self._updating = False

    def criteria(self) -> AuditFilter:
        number = self.record_id_edit.text().strip()
        return AuditFilter(
            record_type=self.record_type_box.currentData(),
            record_id=int(number) if number.isdigit() else None,
            actor=self.actor_box.currentData(),
            date_from=python_date(self.from_date.date()) if self.from_check.isChecked() else None,
            date_to=python_date(self.to_date.date()) if self.to_check.isChecked() else None,
        )

    def refresh(self) -> None:
        """Reload the actors (new ones may have written) and the events."""
        self._updating = True
        chosen = self.actor_box.currentData()
        self.actor_box.clear()
        self.actor_box.addItem(self.tr("Everyone"), None)
        names = self.services.accounts.display_names()
        for actor in self.services.audit.actors():
            self.actor_box.addItem(names.get(actor, actor), actor)
        position = self.actor_box.findData(chosen)
        self.actor_box.setCurrentIndex(max(position, 0))
        self._updating = False
        self.apply_filter()

    def apply_filter(self) -> None:
        if self._updating:
            return
        self.model.set_criteria(self.criteria())
        shown, total = self.model.rowCount(), self.model.total
        if total > AUDIT_LIMIT:
            self.count_label.setText(
                self.tr("{0} events; the newest {1} are shown").format(f"{total:,}", f"{AUDIT_LIMIT:,}")
            )
        else:
            self.count_label.setText(self.tr("{0} events").format(f"{shown:,}"))
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        sample = range(min(self.model.rowCount(), 30))  # the first screenful: reading 1,000 rows is slow
        for column in range(header.count() - 1):
            texts = [str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")]
            texts += [str(self.model.index(row, column).data() or "") for row in sample]
            header.resizeSection(column, min(max(metrics.horizontalAdvance(t) for t in texts) + 24, 260))
        header.setSectionResizeMode(header.count() - 1, QHeaderView.ResizeMode.Stretch)

    def clear_filters(self) -> None:
        self._updating = True
        self.record_type_box.setCurrentIndex(0)
        self.record_id_edit.clear()
        self.actor_box.setCurrentIndex(0)
        self.from_check.setChecked(False)
        self.to_check.setChecked(False)
        self._updating = False
        self.apply_filter()

    def verify_chain(self) -> Any:
        """Walk the hash chain off the GUI thread (it reads every event) and say whether it is intact."""
        from desktop.ui.operations import run_operation

        self.verify_button.setEnabled(False)
        self.verification = run_operation(
            self,
            self.tr("Audit trail"),
            self.tr("Verifying the audit trail…"),
            lambda _progress: (self.services.audit.verify_chain(), self.services.audit.verify_records()),
            on_success=lambda reports: self.show_verification(*reports),
        )
        self.verification.finished.connect(lambda _ok: self.verify_button.setEnabled(True))
        return self.verification

    def show_verification(self, report: Any, replayed: Any = None) -> None:
        """The chain's verdict and, replaying it against the records, the first places that differ."""
        intact = report.first_broken_id is None and (replayed is None or replayed.is_intact)
        colour = "#2e7d32" if intact else "#c62828"
        lines = [text(report.message)]
        if replayed is not None:
            lines.append(text(replayed.message))
            lines += [f"・{text(found.message)}" for found in replayed.discrepancies[:VERIFY_LINES]]
            if replayed.total > VERIFY_LINES:
                lines.append(
                    self.tr("… and {0} more (itaku-cli audit verify lists them all)").format(
                        f"{replayed.total - VERIFY_LINES:,}"
                    )
                )
        self.verify_label.setStyleSheet(f"color: {colour};")
        self.verify_label.setText("\n".join(lines))

    def set_findings(self, findings: Any) -> None:
        """The audit log has no findings column; present for symmetry with the register pages."""
