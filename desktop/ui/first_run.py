"""First start on an empty database: start empty, load the demo data, or (once it exists) import an Excel ledger."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from desktop.domain.kinds import RecordType
from desktop.ui.operations import ChangeBus, Operation, run_operation

if TYPE_CHECKING:
    from desktop.services.facade import Services
    from desktop.ui.main_window import MainWindow

START_EMPTY, LOAD_DEMO, IMPORT_LEDGER = 1, 2, 3
DEMO_SIZE = 40


def import_wizard_available() -> bool:
    """The import wizard arrives with the Excel issue; without it the choice is not offered at all."""
    return importlib.util.find_spec("desktop.ui.import_wizard") is not None


def database_is_empty(services: Services) -> bool:
    counts = services.checks.record_counts()
    return not any(
        counts[name] for name in (RecordType.CONTRACTOR, RecordType.ENGAGEMENT, RecordType.JOINT_USE)
    )


class FirstRunDialog(QDialog):
    """Three big choices; the dialog's result is START_EMPTY, LOAD_DEMO or IMPORT_LEDGER (0 = closed)."""

    def __init__(self, parent: QWidget | None = None, *, offer_import: bool | None = None):
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to Itaku"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr("The database is empty. How would you like to begin?"), self)
        intro.setWordWrap(True)
        self.empty_button = QPushButton(self.tr("Start &empty"), self)
        self.empty_button.setObjectName("startEmptyButton")
        self.demo_button = QPushButton(self.tr("Load &demo data (fictional companies)"), self)
        self.demo_button.setObjectName("loadDemoButton")
        self.import_button = QPushButton(self.tr("&Import an existing Excel ledger…"), self)
        self.import_button.setObjectName("importLedgerButton")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in (self.empty_button, self.demo_button, self.import_button):
            button.setMinimumHeight(button.sizeHint().height() + 12)
            layout.addWidget(button)
        offer = import_wizard_available() if offer_import is None else offer_import
        self.import_button.setVisible(offer)
        self.empty_button.clicked.connect(lambda: self.done(START_EMPTY))
        self.demo_button.clicked.connect(lambda: self.done(LOAD_DEMO))
        self.import_button.clicked.connect(lambda: self.done(IMPORT_LEDGER))
        self.empty_button.setDefault(True)


def offer_first_run(window: MainWindow, services: Services) -> FirstRunDialog | None:
    """Open the welcome dialog (non-blocking) when the database is empty; act on the choice."""
    if not database_is_empty(services):
        return None
    dialog = FirstRunDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.finished.connect(lambda choice: act_on_choice(window, services, choice))
    dialog.open()
    return dialog


def act_on_choice(window: MainWindow, services: Services, choice: int) -> Operation | QDialog | None:
    if choice == LOAD_DEMO:
        operation = load_demo(window, services, window.bus)
        operation.finished.connect(lambda ok: offer_demo_accounts(window, services) if ok else None)
        return operation
    if choice == IMPORT_LEDGER and import_wizard_available():
        return window.open_import_wizard()
    return None


def load_demo(parent: QWidget, services: Services, bus: ChangeBus) -> Operation:
    return run_operation(
        parent,
        QCoreApplication.translate("FirstRunDialog", "Demo data"),
        QCoreApplication.translate("FirstRunDialog", "Loading the demo data…"),
        lambda _progress: services.demo.load(DEMO_SIZE, 1),
        bus=bus,
        changes=set(RecordType) - {RecordType.ACCOUNT, RecordType.SETTING},
    )


def offer_demo_accounts(parent: QWidget, services: Services) -> QDialog | None:
    """After the demo data, the officer may create the staff and auditor accounts `itaku-cli demo` creates;
    a message then names them. Not offered to anyone else, nor when both exist already."""
    from desktop.domain.roles import Role
    from desktop.ui.accounts import DemoAccountsDialog

    if services.context.role != Role.OFFICER.value or not services.accounts.has_accounts():
        return None
    existing = {row.username for row in services.accounts.list()}
    if {"staff", "auditor"} <= existing:
        return None
    dialog = DemoAccountsDialog(services, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.created.connect(lambda names: say_demo_accounts_created(parent, names))
    dialog.open()
    return dialog


def say_demo_accounts_created(parent: QWidget, names: list[str]) -> QMessageBox:
    """A non-blocking message naming the accounts just created."""
    listed = "、".join(f"「{name}」" for name in names)
    message = (
        QCoreApplication.translate(
            "FirstRunDialog", "Created the accounts %1. They sign in with your password."
        ).replace("%1", listed)
        if names
        else QCoreApplication.translate("FirstRunDialog", "The demo accounts exist already.")
    )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("FirstRunDialog", "Demo accounts"),
        message,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("demoAccountsCreated")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box
