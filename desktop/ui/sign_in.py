"""Signing in to the window, and creating the officer account on a database that has none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ItakuError, ValidationError
from desktop.ui.language import text
from desktop.ui.operations import describe_error
from desktop.ui.widgets.field_error import FieldErrorLabel

if TYPE_CHECKING:
    from desktop.services.facade import Services
    from desktop.ui.opening import PendingServices


class SignInDialog(QDialog):
    """User name and password; on success the services act as that account."""

    def __init__(
        self, services: Services | PendingServices, parent: QWidget | None = None, username: str = ""
    ):
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Sign in"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Sign in with your Itaku account."), self)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(username, self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        layout.addLayout(form)
        self.error = FieldErrorLabel(self)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign &in"))
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()

    def sign_in(self) -> None:
        self.buttons.setEnabled(False)  # the database may still be opening: no second press meanwhile
        try:
            self.services.accounts.sign_in(self.username.text(), self.password.text())
        except ItakuError as error:
            self.error.set_message(describe_error(error))
            self.password.clear()
            self.password.setFocus()
            return
        finally:
            self.buttons.setEnabled(True)
        self.accept()


class CreateOfficerDialog(QDialog):
    """First run: this database has no account yet; create the PI protection officer's."""

    def __init__(self, services: Services | PendingServices, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Create the officer account"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This database has no accounts yet. Create the account of the PI protection "
                "officer (個人情報保護責任者): the officer approves evaluations and contracts and "
                "can add accounts for staff and auditors."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit("officer", self)
        self.username.setObjectName("username")
        self.display_name = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Name (optional)"), self.display_name)
        form.addRow(self.tr("&Password (8 characters or more)"), self.password)
        form.addRow(self.tr("Password &again"), self.confirm)
        layout.addLayout(form)
        self.error = FieldErrorLabel(self)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Create and sign in"))
        self.buttons.accepted.connect(self.create_officer)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.password.setFocus()

    def create_officer(self) -> None:
        if self.password.text() != self.confirm.text():
            self.error.set_message(self.tr("The two passwords differ."))
            return
        self.buttons.setEnabled(False)  # the database may still be opening: no second press meanwhile
        try:
            self.services.accounts.create_first_officer(
                self.username.text(), self.password.text(), self.display_name.text().strip() or None
            )
            self.services.accounts.sign_in(self.username.text(), self.password.text())
        except ValidationError as error:
            self.error.set_message("\n".join(text(message) for message in error.fields.values()))
            return
        except ItakuError as error:
            self.error.set_message(describe_error(error))
            return
        finally:
            self.buttons.setEnabled(True)
        self.accept()


def sign_in_dialog(
    services: Services | PendingServices, parent: QWidget | None = None, has_accounts: bool | None = None
) -> QDialog:
    """The dialog this database needs: sign in, or create the officer on a database without accounts.
    `has_accounts` when already known (the database may still be opening), else the services are asked."""
    if has_accounts is None:
        has_accounts = services.accounts.has_accounts()
    return SignInDialog(services, parent) if has_accounts else CreateOfficerDialog(services, parent)


def sign_in_or_set_up(
    services: Services | PendingServices, parent: QWidget | None = None, has_accounts: bool | None = None
) -> bool:
    """Show the dialog this database needs; True once someone is signed in."""
    return sign_in_dialog(services, parent, has_accounts).exec() == QDialog.DialogCode.Accepted
