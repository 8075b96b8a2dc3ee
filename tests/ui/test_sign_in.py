from desktop.ui.sign_in import CreateOfficerDialog, SignInDialog

PASSWORD = "correct horse"


def test_first_run_creates_the_officer_and_signs_in(qtbot, sqlite_services):
    services = sqlite_services
    services.context.role = None
    dialog = CreateOfficerDialog(services)
    qtbot.addWidget(dialog)
    dialog.password.setText(PASSWORD)
    dialog.confirm.setText("different")
    dialog.create_officer()
    assert dialog.error.text() and not services.accounts.has_accounts()
    dialog.confirm.setText(PASSWORD)
    dialog.create_officer()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert (services.context.actor, services.context.role) == ("officer", "officer")


def test_wrong_password_is_said_and_nothing_is_unlocked(qtbot, sqlite_services):
    services = sqlite_services
    services.accounts.add("sato", "staff", PASSWORD)
    services.context.role = None
    dialog = SignInDialog(services, username="sato")
    qtbot.addWidget(dialog)
    dialog.password.setText("wrong one")
    dialog.sign_in()
    assert "パスワード" in dialog.error.text() and services.context.role is None
    assert dialog.password.text() == ""
    dialog.password.setText(PASSWORD)
    dialog.sign_in()
    assert dialog.result() == dialog.DialogCode.Accepted and services.context.role == "staff"
