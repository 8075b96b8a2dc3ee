"""Accounts in the window: the officer's users page (add, change the role or the name shown, disable; an account is never
deleted, as every one is named in the audit trail), everyone's own password, and the demo accounts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ItakuError, ValidationError
from desktop.domain.roles import Role
from desktop.ui.language import text
from desktop.ui.operations import describe_error
from desktop.ui.widgets.field_error import FieldErrorLabel

if TYPE_CHECKING:
    from desktop.services.accounts import AccountRow
    from desktop.services.facade import Services


def error_text(error: ItakuError) -> str:
    if isinstance(error, ValidationError):
        return "\n".join(text(message) for message in error.fields.values())
    return describe_error(error)


def password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def role_box(parent: QWidget, name: str) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    for role in Role:
        box.addItem(text(role.label), role.value)
    return box


class UsersDialog(QDialog):
    """The officer's users page: every account with its name, role and state; add one, change a role,
    disable or enable one, reset a password. There is no delete: the audit trail names every account."""

    changed = Signal()  # an account was added or changed

    COLUMNS = ("username", "display_name", "role", "state")

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Users"))
        self.rows: list[AccountRow] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Accounts are never deleted: the audit trail names who did what. Disable an account that "
                "should no longer sign in."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #5f6368;")
        layout.addWidget(intro)

        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Name shown"), self.tr("Role"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        selected = QHBoxLayout()
        self.role_box = role_box(self, "changeRoleBox")
        self.role_button = QPushButton(self.tr("Change the &role"), self)
        self.role_button.setObjectName("changeRoleButton")
        self.active_button = QPushButton(self.tr("&Disable"), self)
        self.active_button.setObjectName("activeButton")
        self.reset_button = QPushButton(self.tr("Set a new &password…"), self)
        self.reset_button.setObjectName("resetPasswordButton")
        role_label = QLabel(self.tr("Ro&le:"), self)
        role_label.setBuddy(self.role_box)
        selected.addWidget(role_label)
        selected.addWidget(self.role_box)
        selected.addWidget(self.role_button)
        selected.addStretch(1)
        selected.addWidget(self.active_button)
        selected.addWidget(self.reset_button)
        layout.addLayout(selected)
        naming = QHBoxLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("changeDisplayName")
        self.name_edit.setPlaceholderText(self.tr("empty: the user name is shown"))
        self.name_button = QPushButton(self.tr("Change the na&me shown"), self)
        self.name_button.setObjectName("changeNameButton")
        name_label = QLabel(self.tr("Name s&hown:"), self)
        name_label.setBuddy(self.name_edit)
        naming.addWidget(name_label)
        naming.addWidget(self.name_edit, 1)
        naming.addWidget(self.name_button)
        layout.addLayout(naming)
        self.error = FieldErrorLabel(self)
        self.error.setObjectName("usersError")
        layout.addWidget(self.error)

        adding = QGroupBox(self.tr("Add an account"), self)
        form = QFormLayout(adding)
        self.new_username = QLineEdit(adding)
        self.new_username.setObjectName("newUsername")
        self.new_display_name = QLineEdit(adding)
        self.new_display_name.setObjectName("newDisplayName")
        self.new_role = role_box(adding, "newRole")
        self.new_role.setCurrentIndex(self.new_role.findData(Role.STAFF.value))
        self.new_password = password_field(adding, "newPassword")
        self.new_confirm = password_field(adding, "newConfirm")
        form.addRow(self.tr("&User name"), self.new_username)
        form.addRow(self.tr("&Name (optional)"), self.new_display_name)
        form.addRow(self.tr("R&ole"), self.new_role)
        form.addRow(self.tr("Pass&word (8 characters or more)"), self.new_password)
        form.addRow(self.tr("Password a&gain"), self.new_confirm)
        self.add_button = QPushButton(self.tr("&Add"), adding)
        self.add_button.setObjectName("addButton")
        form.addRow("", self.add_button)
        self.add_error = FieldErrorLabel(adding)
        self.add_error.setObjectName("addError")
        form.addRow("", self.add_error)
        layout.addWidget(adding)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.role_button.clicked.connect(self.change_role)
        self.name_button.clicked.connect(self.change_display_name)
        self.name_edit.returnPressed.connect(self.change_display_name)
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset_password)
        self.add_button.clicked.connect(self.add_account)
        self.new_confirm.returnPressed.connect(self.add_account)
        # Enter acts where it is typed (the name shown, the new account), never on a button elsewhere on the
        # page: a dialog's default button would otherwise change the selected account's role.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.resize(760, 600)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        current = self.selected()
        select = select or (current.username if current is not None else None)
        self.rows = self.services.accounts.list()
        self.table.setRowCount(len(self.rows))
        for row, account in enumerate(self.rows):
            values = (
                account.username,
                account.display_name or "",
                text(Role(account.role).label),
                self.tr("Active") if account.is_active else self.tr("Disabled"),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not account.is_active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
            if account.username == select:
                self.table.selectRow(row)
        self.update_buttons()

    def selected(self) -> AccountRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select(self, username: str) -> None:
        for row, account in enumerate(self.rows):
            if account.username == username:
                self.table.selectRow(row)

    def update_buttons(self) -> None:
        account = self.selected()
        for widget in (
            self.role_box,
            self.role_button,
            self.name_edit,
            self.name_button,
            self.active_button,
            self.reset_button,
        ):
            widget.setEnabled(account is not None)
        if account is None:
            self.name_edit.clear()
            return
        self.role_box.setCurrentIndex(self.role_box.findData(account.role))
        self.name_edit.setText(account.display_name or "")
        self.active_button.setText(self.tr("&Disable") if account.is_active else self.tr("&Enable"))
        own = account.username == self.services.context.actor
        self.active_button.setEnabled(not (own and account.is_active))
        self.active_button.setToolTip(self.tr("You cannot disable your own account.") if own else "")

    def _run(self, action: str, username: str) -> None:
        self.error.clear_message()
        try:
            if action == "role":
                self.services.accounts.change_role(username, self.role_box.currentData())
            elif action == "name":
                self.services.accounts.set_display_name(username, self.name_edit.text().strip() or None)
            else:
                account = next(row for row in self.rows if row.username == username)
                self.services.accounts.set_active(username, not account.is_active)
        except ItakuError as error:
            self.error.set_message(error_text(error))
            return
        self.refresh(select=username)
        self.changed.emit()

    def change_role(self) -> None:
        account = self.selected()
        if account is not None:
            self._run("role", account.username)

    def change_display_name(self) -> None:
        account = self.selected()
        if account is not None:
            self._run("name", account.username)

    def toggle_active(self) -> None:
        account = self.selected()
        if account is not None:
            self._run("active", account.username)

    def reset_password(self) -> QDialog | None:
        account = self.selected()
        if account is None:
            return None
        dialog = ChangePasswordDialog(self.services, account.username, self, ask_current=False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_account(self) -> None:
        self.add_error.clear_message()
        if self.new_password.text() != self.new_confirm.text():
            self.add_error.set_message(self.tr("The two passwords differ."))
            return
        try:
            account = self.services.accounts.add(
                self.new_username.text(),
                self.new_role.currentData(),
                self.new_password.text(),
                self.new_display_name.text().strip() or None,
            )
        except ItakuError as error:
            self.add_error.set_message(error_text(error))
            return
        for field in (self.new_username, self.new_display_name, self.new_password, self.new_confirm):
            field.clear()
        self.refresh(select=account.username)
        self.changed.emit()


class ChangePasswordDialog(QDialog):
    """A new password: one's own (with the current one), or, from the users page, anyone's (officer)."""

    def __init__(
        self, services: Services, username: str, parent: QWidget | None = None, ask_current: bool = True
    ):
        super().__init__(parent)
        self.services = services
        self.username = username
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change the password"))
        layout = QVBoxLayout(self)
        who = services.accounts.display_name_of(username)
        intro = QLabel(self.tr("New password for %1 (%2).").replace("%1", who).replace("%2", username), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.current: QLineEdit | None = None
        if ask_current:
            self.current = password_field(self, "currentPassword")
            form.addRow(self.tr("&Current password"), self.current)
        self.password = password_field(self, "password")
        self.confirm = password_field(self, "confirm")
        form.addRow(self.tr("&New password (8 characters or more)"), self.password)
        form.addRow(self.tr("Password &again"), self.confirm)
        layout.addLayout(form)
        self.error = FieldErrorLabel(self)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Change"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.current or self.password).setFocus()

    def change(self) -> None:
        if self.password.text() != self.confirm.text():
            self.error.set_message(self.tr("The two passwords differ."))
            return
        try:
            self.services.accounts.change_password(
                self.username,
                self.password.text(),
                self.current.text() if self.current is not None else None,
            )
        except ItakuError as error:
            self.error.set_message(error_text(error))
            return
        self.accept()


class DemoAccountsDialog(QDialog):
    """After the demo data: the staff and auditor accounts `itaku-cli demo` creates, with the officer's
    password (asked again, and checked), so that each role can be tried."""

    created = Signal(list)  # the user names created

    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.setObjectName("demoAccountsDialog")
        self.setWindowTitle(self.tr("Demo accounts"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The demo data comes with the accounts staff (担当者) and auditor (監査担当), as "
                "itaku-cli demo creates them, with your password. Type your password to create them."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.password = password_field(self, "password")
        form.addRow(self.tr("Your &password"), self.password)
        layout.addLayout(form)
        self.error = FieldErrorLabel(self)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("C&reate the accounts"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Skip"))
        self.buttons.accepted.connect(self.create_accounts)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.password.setFocus()

    def create_accounts(self) -> None:
        accounts = self.services.accounts
        try:
            accounts.sign_in(self.services.context.actor, self.password.text())  # checks it is theirs
            created = accounts.create_demo_accounts(self.password.text())
        except ItakuError as error:
            self.error.set_message(error_text(error))
            self.password.clear()
            return
        self.created.emit(list(created))
        self.accept()
