"""What every register page shares: search box, status filter, sortable table with findings, New/Edit/Delete,
and, on the evaluations and contracts, the officer's Approve selected for many rows at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.kinds import RecordType
from desktop.domain.schema import MAX_SEARCH
from desktop.services.changes import OpChanges
from desktop.services.compliance.model import RecordIndex
from desktop.ui.models.base import RECORD_ID_ROLE, ROW_ROLE, RegisterModel
from desktop.ui.models.proxy import RegisterProxy
from desktop.ui.navigation import SHOWN_ON
from desktop.ui.operations import (
    ChangeBus,
    Operation,
    OperationProgress,
    describe_error,
    run_operation,
    show_error,
)

if TYPE_CHECKING:
    from desktop.services.facade import Services

# Opens a record's form: (record_type, record_id or None for new, **defaults) -> the dialog or None.
RecordOpener = Callable[..., Any]
SEARCH_DELAY_MS = 150
FIT_SAMPLE_ROWS = 30
MAX_COLUMN_WIDTH = 340
MIN_STRETCH_WIDTH = 180
STATUS_MESSAGE_MS = 10_000


def page_title_label(title: str, parent: QWidget) -> QLabel:
    label = QLabel(title, parent)
    label.setObjectName("pageTitle")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


class RegisterTable(QTableView):
    """The register's table: whole-row selection, Enter opens the current row."""

    open_requested = Signal(QModelIndex)
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(False)
        self.doubleClicked.connect(self.open_requested.emit)
        self.stretch_column = -1

    def give_slack(self) -> None:
        """Fit the long-text column to the view: no empty band on the right, no sideways scrolling if avoidable."""
        header = self.horizontalHeader()
        if not 0 <= self.stretch_column < header.count():
            return
        used = sum(header.sectionSize(i) for i in range(header.count()))
        slack = self.viewport().width() - used
        current = header.sectionSize(self.stretch_column)
        if slack > 0:
            header.resizeSection(self.stretch_column, current + slack)
        elif (
            slack < 0 and current > MIN_STRETCH_WIDTH
        ):  # narrow the long text first, before scrolling sideways
            header.resizeSection(self.stretch_column, max(MIN_STRETCH_WIDTH, current + slack))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.give_slack()

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        if event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


# What a search box keeps for itself when the window has the same key as a shortcut: text editing.
_EDITING_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.Delete,
    QKeySequence.StandardKey.Backspace,
    QKeySequence.StandardKey.DeleteEndOfWord,
    QKeySequence.StandardKey.DeleteStartOfWord,
    QKeySequence.StandardKey.MoveToNextWord,
    QKeySequence.StandardKey.MoveToPreviousWord,
    QKeySequence.StandardKey.SelectNextWord,
    QKeySequence.StandardKey.SelectPreviousWord,
)


class SearchEdit(QLineEdit):
    """The search box. A QLineEdit claims some Ctrl keys on Linux for Emacs-style moves (Ctrl+E: end of
    line), which would swallow the window's shortcut of the same key (Ctrl+E: export) while the box has the
    focus. The box gives such keys to the window, but keeps the keys of text editing."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self.hands_to_window(event):
                event.ignore()  # not claimed: the window's shortcut fires
                return True
        return super().event(event)

    def hands_to_window(self, event: QKeyEvent) -> bool:
        """Whether the key is a shortcut of the window's and not one of text editing."""
        return self._window_has_shortcut(event) and not any(event.matches(key) for key in _EDITING_KEYS)

    def _window_has_shortcut(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if not modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False  # plain keys, shifted or not, are typing
        pressed = QKeySequence(event.keyCombination())
        return any(
            shortcut.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
            for action in self.window().findChildren(QAction)
            if action.isEnabled()
            for shortcut in action.shortcuts()
        )


class RegisterPage(QWidget):
    """One register. Subclasses say which record type, model, status choices and delete call; the window
    finds them in `desktop.ui.navigation.REGISTER_PAGES`, which gives each its navigation key. The page
    reloads only when a kind it `shows` changed."""

    record_type: RecordType
    also_shows: frozenset[RecordType] = frozenset()  # other kinds its rows show (a contractor's name)
    stretch_column = ""

    @property
    def shows(self) -> frozenset[RecordType]:
        """Its own kind, the kinds shown on it (SHOWN_ON: a consent hop on its engagement), `also_shows`."""
        shown_here = (kind for kind, host in SHOWN_ON.items() if host == self.record_type)
        return frozenset({self.record_type, *shown_here, *self.also_shows})

    def __init__(
        self, services: Services, bus: ChangeBus, opener: RecordOpener, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.services = services
        self.bus = bus
        self.opener = opener
        self.source_model = self.make_model()
        self.proxy: RegisterProxy | None = None

        self.title = page_title_label(self.page_title(), self)
        self.search_edit = SearchEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaxLength(MAX_SEARCH)
        self.search_edit.setPlaceholderText(self.search_placeholder())
        search_label = QLabel(QCoreApplication.translate("RegisterPage", "&Search:"), self)
        search_label.setBuddy(self.search_edit)
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("statusBox")
        self.status_box.addItem(self.all_statuses_label(), None)
        for label, value in self.status_choices():
            self.status_box.addItem(label, value)
        status_label = QLabel(self.status_caption(), self)
        status_label.setBuddy(self.status_box)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")

        self.new_button = QPushButton(QCoreApplication.translate("RegisterPage", "&New"), self)
        self.edit_button = QPushButton(QCoreApplication.translate("RegisterPage", "&Edit"), self)
        self.delete_button = QPushButton(QCoreApplication.translate("RegisterPage", "&Delete"), self)
        self.new_button.setObjectName("newButton")
        self.edit_button.setObjectName("editButton")
        self.delete_button.setObjectName("deleteButton")
        self.new_button.setToolTip(QCoreApplication.translate("RegisterPage", "New record (Ctrl+N)"))
        self.edit_button.setToolTip(
            QCoreApplication.translate("RegisterPage", "Open the selected record (Enter)")
        )
        self.delete_button.setToolTip(
            QCoreApplication.translate("RegisterPage", "Delete the selected record (Del)")
        )

        self.table = RegisterTable(self)
        self.table.setObjectName("registerTable")
        self.approve_button: QPushButton | None = None
        self.approve_action: QAction | None = None
        self.pending_approval: QMessageBox | None = None
        self.approval_operation: Operation | None = None
        if self.approval_service() is not None:
            self.set_up_approval()
        self.set_up_model()
        if self.stretch_column:
            self.table.stretch_column = self.source_model.column_index(self.stretch_column)
        self.table.open_requested.connect(self.open_index)
        self.table.selectionModel().selectionChanged.connect(self.update_buttons)

        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 3)
        filters.addSpacing(12)
        filters.addWidget(status_label)
        filters.addWidget(self.status_box, 1)
        filters.addStretch(0)
        filters.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        if self.approve_button is not None:
            buttons.addSpacing(12)
            buttons.addWidget(self.approve_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self.search_timer.start)
        self.search_edit.returnPressed.connect(self.apply_filter)
        self.status_box.currentIndexChanged.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.delete_requested.connect(self.delete_selected)
        for sequence, slot in (
            (QKeySequence.StandardKey.New, self.new_record),
            (QKeySequence.StandardKey.Find, self.focus_search),
        ):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.pending_delete: QMessageBox | None = None
        self.update_buttons()

    # What subclasses provide ------------------------------------------------------------------------
    def make_model(self) -> RegisterModel:
        raise NotImplementedError

    def page_title(self) -> str:
        raise NotImplementedError

    def search_placeholder(self) -> str:
        return QCoreApplication.translate("RegisterPage", "Type to filter")

    def status_caption(self) -> str:
        return QCoreApplication.translate("RegisterPage", "S&tatus:")

    def all_statuses_label(self) -> str:
        return QCoreApplication.translate("RegisterPage", "All")

    def status_choices(self) -> list[tuple[str, str]]:
        return []

    def delete_record(self, record_id: int, version: int | None) -> None:
        raise NotImplementedError

    def new_defaults(self) -> dict[str, Any]:
        return {}

    def approval_service(self) -> Any:
        """The service with `approve_many(ids, versions)` for pages whose rows an officer approves; else None."""
        return None

    def approval_question(self, count: int) -> str:
        """The confirmation, naming how many records will be approved."""
        return QCoreApplication.translate("RegisterPage", "Approve %1 records?").replace("%1", f"{count:,}")

    # Model and view -------------------------------------------------------------------------------
    def set_up_model(self) -> None:
        """In-memory registers sort and filter through a proxy; the contractor page overrides this."""
        self.proxy = RegisterProxy(self)
        self.proxy.setSourceModel(self.source_model)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)

    @property
    def view_model(self) -> Any:
        return self.table.model()

    def refresh(self) -> None:
        selected = self.selected_id()
        self.source_model.refresh()  # type: ignore[attr-defined]
        self.after_refresh(selected)

    def after_refresh(self, selected: int | None) -> None:
        self.fit_columns()
        self.update_count()
        if selected is not None:
            self.select_id(selected)
        self.update_buttons()

    def fit_columns(self) -> None:
        """Columns as wide as the header and the first screenful of rows (reading every row of a large
        register, as resizeColumnsToContents does, costs seconds); the slack goes to the long-text column."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        model = self.view_model
        sample = range(min(model.rowCount(), FIT_SAMPLE_ROWS))
        for number, column in enumerate(self.source_model.columns):
            texts = [str(self.source_model.headerData(number, Qt.Orientation.Horizontal) or "")]
            if column.key == "findings":
                texts.append("● 00")
            else:
                texts += [str(model.index(row, number).data() or "") for row in sample]
            width = max(metrics.horizontalAdvance(value) for value in texts) + 28
            header.resizeSection(number, min(width, MAX_COLUMN_WIDTH))
        self.give_slack()

    def give_slack(self) -> None:
        self.table.give_slack()

    def set_findings(self, findings: RecordIndex) -> None:
        self.source_model.set_findings(findings)

    def apply_filter(self) -> None:
        self.search_timer.stop()
        assert self.proxy is not None
        self.proxy.set_filter(self.search_edit.text(), self.status_box.currentData())
        self.update_count()
        self.update_buttons()

    def update_count(self) -> None:
        shown, total = self.view_model.rowCount(), self.source_model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr_count(shown))
        else:
            self.count_label.setText(self.tr_count_of(shown, total))

    @staticmethod
    def tr_count(shown: int) -> str:
        return QCoreApplication.translate("RegisterPage", "{0} records").format(f"{shown:,}")

    @staticmethod
    def tr_count_of(shown: int, total: int) -> str:
        return QCoreApplication.translate("RegisterPage", "{0} of {1} records").format(
            f"{shown:,}", f"{total:,}"
        )

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # Selection ------------------------------------------------------------------------------------
    def selected_row_object(self) -> Any:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return index.siblingAtColumn(0).data(ROW_ROLE)

    def selected_id(self) -> int | None:
        row = self.selected_row_object()
        return None if row is None else int(row.id)

    def select_id(self, record_id: int) -> bool:
        model = self.view_model
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(RECORD_ID_ROLE) == record_id:
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
                return True
        return False

    def may_write(self) -> bool:
        """Whether the signed-in role may create, edit and delete (the services enforce it regardless)."""
        from desktop.domain.roles import GRANTS, Permission, Role

        role = self.services.context.role
        try:
            return role is not None and Permission.WRITE in GRANTS[Role(role)]
        except ValueError:
            return False

    def selected_rows(self) -> list[Any]:
        """The row objects of every selected row, in the order shown."""
        indexes = sorted(self.table.selectionModel().selectedRows(0), key=lambda index: index.row())
        return [row for row in (index.data(ROW_ROLE) for index in indexes) if row is not None]

    def has_one_selected(self) -> bool:
        return (
            self.selected_row_object() is not None and len(self.table.selectionModel().selectedRows(0)) == 1
        )

    def may_approve(self) -> bool:
        """Whether the signed-in role may approve (the officer); the services enforce it regardless."""
        from desktop.domain.roles import GRANTS, Permission, Role

        role = self.services.context.role
        try:
            return role is not None and Permission.APPROVE in GRANTS[Role(role)]
        except ValueError:
            return False

    def update_buttons(self) -> None:
        has_selection = self.selected_row_object() is not None
        may_write = self.may_write()
        self.new_button.setEnabled(may_write)
        self.edit_button.setEnabled(has_selection)  # an auditor may open a record to read it
        self.delete_button.setEnabled(
            may_write and self.has_one_selected()
        )  # one at a time: it cannot be undone
        if self.approve_button is not None:
            self.update_approval()

    # Actions --------------------------------------------------------------------------------------
    def open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            record_id = index.siblingAtColumn(0).data(RECORD_ID_ROLE)
            if record_id is not None:
                self.opener(self.record_type, int(record_id))

    def new_record(self) -> Any:
        if not self.may_write():
            return None
        return self.opener(self.record_type, None, **self.new_defaults())

    def edit_selected(self) -> Any:
        record_id = self.selected_id()
        if record_id is not None:
            return self.opener(self.record_type, record_id)
        return None

    def delete_selected(self) -> QMessageBox | None:
        """Ask first (non-blocking); on Yes, delete through the service; a refusal shows its reason."""
        row = self.selected_row_object()
        if row is None or not self.may_write() or not self.has_one_selected():
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("RegisterPage", "Delete"),
            QCoreApplication.translate("RegisterPage", "Delete “{0}”? This cannot be undone.").format(
                self.describe_row(row)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirmDelete")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        record_id, version = int(row.id), getattr(row, "version", None)
        box.finished.connect(lambda result: self._confirmed_delete(result, record_id, version))
        self.pending_delete = box
        box.open()
        return box

    def _confirmed_delete(self, result: int, record_id: int, version: int | None) -> None:
        self.pending_delete = None
        if result != QMessageBox.StandardButton.Yes:
            return
        try:
            self.delete_record(record_id, version)
        except Exception as error:  # a service refusal: show its reason, change nothing
            show_error(
                self, QCoreApplication.translate("RegisterPage", "Cannot delete"), describe_error(error)
            ).setObjectName("deleteRefused")
            return
        self.bus.announce((), ids=[(self.record_type, record_id)])

    def describe_row(self, row: Any) -> str:
        for name in ("name", "title", "client_name", "contractor_name"):
            value = getattr(row, name, None)
            if value:
                return str(value)
        return f"#{row.id}"

    # Approval of many rows (evaluations, contracts) -----------------------------------------------
    def set_up_approval(self) -> None:
        """Several rows may be selected (Shift, Ctrl, Ctrl+A); the button and the context menu approve
        those of them awaiting approval, in one all-or-nothing service call off the GUI thread."""
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.approve_button = QPushButton(
            QCoreApplication.translate("RegisterPage", "&Approve selected…"), self
        )
        self.approve_button.setObjectName("approveSelectedButton")
        self.approve_button.clicked.connect(self.approve_selected)
        self.approve_action = QAction(
            QCoreApplication.translate("RegisterPage", "&Approve selected…"), self.table
        )
        self.approve_action.setObjectName("approveSelectedAction")
        self.approve_action.triggered.connect(self.approve_selected)
        self.table.addAction(self.approve_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    @staticmethod
    def is_pending(row: Any) -> bool:
        return row.approved_on is None and not row.is_superseded

    def update_approval(self) -> None:
        assert self.approve_button is not None and self.approve_action is not None
        if not self.may_approve():
            enabled = False
            tip = QCoreApplication.translate(
                "RegisterPage", "Only the PI protection officer (個人情報保護責任者) can approve."
            )
        else:
            indexes = self.table.selectionModel().selectedRows(0)
            enabled = self.approval_operation is None and any(
                self.is_pending(row) for row in (index.data(ROW_ROLE) for index in indexes) if row is not None
            )
            tip = QCoreApplication.translate(
                "RegisterPage",
                "Approve the selected rows awaiting approval: all of them, or none if one cannot be "
                "approved. Select several with Shift or Ctrl, all with Ctrl+A.",
            )
        for widget in (self.approve_button, self.approve_action):
            widget.setEnabled(enabled)
            widget.setToolTip(tip)

    def approve_selected(self) -> QMessageBox | None:
        """Ask first, naming the count (non-blocking); on Yes, approve those rows awaiting approval."""
        if self.approval_service() is None or not self.may_approve() or self.approval_operation is not None:
            return None
        rows = self.selected_rows()
        pending = [row for row in rows if self.is_pending(row)]
        if not pending:
            return None
        question = self.approval_question(len(pending))
        skipped = len(rows) - len(pending)
        if skipped:
            question += "\n" + QCoreApplication.translate(
                "RegisterPage",
                "%1 of the selected rows are already approved or superseded and stay as they are.",
            ).replace("%1", f"{skipped:,}")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("RegisterPage", "Approve"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirmApproval")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        versions = {int(row.id): int(row.version) for row in pending}
        box.finished.connect(lambda result: self._confirmed_approval(result, versions))
        self.pending_approval = box
        box.open()
        return box

    def _confirmed_approval(self, result: int, versions: dict[int, int]) -> None:
        self.pending_approval = None
        if result != QMessageBox.StandardButton.Yes:
            return
        service = self.approval_service()
        ids = list(versions)

        def work(progress: OperationProgress) -> int:
            return len(service.approve_many(ids, versions, progress=progress))

        title = QCoreApplication.translate("RegisterPage", "Approve")
        label = QCoreApplication.translate("RegisterPage", "Approving %1 records…").replace(
            "%1", f"{len(ids):,}"
        )
        self.approval_operation = run_operation(
            self,
            title,
            label,
            work,
            bus=self.bus,
            changes=OpChanges.of(ids=[(self.record_type, record_id) for record_id in ids]),
            on_success=self._approved,
        )
        self.approval_operation.finished.connect(self._approval_finished)
        self.update_buttons()

    def _approved(self, count: int) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                QCoreApplication.translate("RegisterPage", "Approved %1 records.").replace(
                    "%1", f"{count:,}"
                ),
                STATUS_MESSAGE_MS,
            )

    def _approval_finished(self, _ok: bool) -> None:
        self.approval_operation = None
        self.update_buttons()
