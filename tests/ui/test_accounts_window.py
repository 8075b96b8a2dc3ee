"""Accounts in the window (issue 14): the officer's users page (add, change the role, disable; no delete),
one's own password, sign out / switch user, the display name in the status bar and the audit log, and the
demo data's staff and auditor accounts."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.services.facade import Services
from desktop.ui import first_run
from tests.ui.conftest import OFFSCREEN_NOTES, wait_for_message_box

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTES)

PASSWORD = "correct horse battery"


@pytest.fixture
def officer(sqlite_services: Services) -> Services:
    sqlite_services.accounts.create_first_officer("kuroda", PASSWORD, "黒田 恵")
    sqlite_services.accounts.sign_in("kuroda", PASSWORD)
    sqlite_services.accounts.add("sato", "staff", PASSWORD, "佐藤 花子")
    return sqlite_services


def visible(window: Any, kind: type) -> Any:
    found = [widget for widget in window.findChildren(kind) if widget.isVisible()]
    assert len(found) == 1
    return found[0]


def test_the_officer_adds_an_account_on_the_users_page(
    qtbot: Any, make_window: Any, officer: Services
) -> None:
    from desktop.ui.accounts import UsersDialog

    window = make_window(officer)
    assert window.users_action.isEnabled()
    window.users_action.trigger()
    page = visible(window, UsersDialog)
    assert [row.username for row in page.rows] == ["kuroda", "sato"]
    page.new_username.setText("suzuki")
    page.new_display_name.setText("鈴木 一郎")
    page.new_role.setCurrentIndex(page.new_role.findData("auditor"))
    page.new_password.setText("a long password")
    page.new_confirm.setText("a long password")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    added = officer.accounts.get("suzuki")
    assert (added.role, added.display_name, added.is_active) == ("auditor", "鈴木 一郎", True)
    assert page.selected() is not None and page.selected().username == "suzuki"
    assert not any("削除" in button.text() for button in page.findChildren(QPushButton))
    page.new_username.setText("tanaka")  # Enter in the last field adds, as the button does
    page.new_role.setCurrentIndex(page.new_role.findData("staff"))
    page.new_password.setText("a long password")
    page.new_confirm.setText("a long password")
    qtbot.keyClick(page.new_confirm, Qt.Key.Key_Return)
    assert officer.accounts.get("tanaka").role == "staff" and page.isVisible()


def test_the_officer_changes_a_role_and_disables_an_account_but_not_their_own(
    qtbot: Any, make_window: Any, officer: Services
) -> None:
    window = make_window(officer)
    page = window.open_users()
    page.select("sato")
    page.role_box.setCurrentIndex(page.role_box.findData("auditor"))
    qtbot.mouseClick(page.role_button, Qt.MouseButton.LeftButton)
    assert officer.accounts.get("sato").role == "auditor"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert officer.accounts.get("sato").is_active is False
    assert "有効" in page.active_button.text() and "監査担当" in page.table.item(1, 2).text()
    page.select("kuroda")
    assert not page.active_button.isEnabled()
    page.role_box.setCurrentIndex(page.role_box.findData("staff"))
    qtbot.mouseClick(page.role_button, Qt.MouseButton.LeftButton)  # the last active officer
    assert page.error.isVisible() and "責任者" in page.error.text()
    assert officer.accounts.get("kuroda").role == "officer"


def test_the_officer_changes_the_name_shown_of_an_account(
    qtbot: Any, make_window: Any, officer: Services
) -> None:
    window = make_window(officer)
    page = window.open_users()
    page.select("sato")
    assert page.name_edit.text() == "佐藤 花子"
    page.name_edit.setText("佐藤 花子（法務部）")
    qtbot.mouseClick(page.name_button, Qt.MouseButton.LeftButton)
    assert officer.accounts.get("sato").display_name == "佐藤 花子（法務部）"
    assert page.table.item(1, 1).text() == "佐藤 花子（法務部）"
    page.role_box.setCurrentIndex(page.role_box.findData("auditor"))  # chosen, not applied
    page.name_edit.setText("改行\u2028入り")  # a line separator: refused, named, nothing saved
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert page.error.isVisible() and "表示名" in page.error.text()
    assert officer.accounts.get("sato").role == "staff"  # Enter in the name field pressed no other button
    assert officer.accounts.get("sato").display_name == "佐藤 花子（法務部）"
    page.name_edit.clear()  # empty: the user name is shown
    qtbot.mouseClick(page.name_button, Qt.MouseButton.LeftButton)
    assert officer.accounts.get("sato").display_name is None
    assert officer.accounts.display_name_of("sato") == "sato"
    page.table.clearSelection()
    assert not page.name_edit.isEnabled() and not page.name_button.isEnabled()


def test_an_officer_who_makes_themselves_staff_loses_the_users_page_at_once(
    qtbot: Any, make_window: Any, officer: Services
) -> None:
    window = make_window(officer)
    page = window.open_users()
    page.select("sato")
    page.role_box.setCurrentIndex(page.role_box.findData("officer"))
    qtbot.mouseClick(page.role_button, Qt.MouseButton.LeftButton)
    page.select("kuroda")
    page.role_box.setCurrentIndex(page.role_box.findData("staff"))
    qtbot.mouseClick(page.role_button, Qt.MouseButton.LeftButton)
    assert officer.accounts.get("kuroda").role == "staff"
    assert not window.users_action.isEnabled()  # the menus follow the new role, not at the next sign-in
    assert "担当者" in window.statusBar().currentMessage()


def test_staff_have_no_users_page(make_window: Any, officer: Services) -> None:
    officer.accounts.sign_in("sato", PASSWORD)
    window = make_window(officer)
    assert not window.users_action.isEnabled() and window.open_users() is None
    assert window.password_action.isEnabled()


def test_anyone_changes_their_own_password(qtbot: Any, make_window: Any, officer: Services) -> None:
    from desktop.ui.accounts import ChangePasswordDialog

    officer.accounts.sign_in("sato", PASSWORD)
    window = make_window(officer)
    window.password_action.trigger()
    dialog = visible(window, ChangePasswordDialog)
    assert dialog.current is not None
    dialog.current.setText("not the password")
    dialog.password.setText("my new password")
    dialog.confirm.setText("my new password")
    dialog.change()
    assert dialog.isVisible() and "現在のパスワード" in dialog.error.text()
    dialog.current.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=3000):
        dialog.change()
    officer.accounts.sign_in("sato", "my new password")


def test_the_status_bar_and_the_audit_log_show_display_names(make_window: Any, officer: Services) -> None:
    window = make_window(officer)
    assert "黒田 恵" in window.statusBar().currentMessage()
    page = window.show_page("audit")
    page.refresh()
    assert page.actor_box.itemText(page.actor_box.findData("kuroda")) == "黒田 恵"
    model = page.model
    who = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert "黒田 恵" in who and "kuroda" not in who


def test_sign_out_then_another_user_signs_in(qtbot: Any, make_window: Any, officer: Services) -> None:
    from desktop.ui.sign_in import SignInDialog

    officer.accounts.change_role("sato", "auditor")
    window = make_window(officer)
    assert window.show_page("contractors").new_button.isEnabled()
    window.sign_out_action.trigger()
    dialog = visible(window, SignInDialog)
    assert officer.context.role is None and not window.centralWidget().isVisible()
    assert not window.users_action.isEnabled()
    dialog.username.setText("sato")
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(window.findings_updated, timeout=10000):
        dialog.sign_in()
    assert officer.context.actor == "sato" and window.centralWidget().isVisible()
    assert "佐藤 花子" in window.statusBar().currentMessage()
    assert not window.users_action.isEnabled()
    assert not window.show_page("contractors").new_button.isEnabled()  # the pages follow the new role


def test_nobody_signing_in_after_sign_out_closes_the_window(
    qtbot: Any, make_window: Any, officer: Services
) -> None:
    from desktop.ui.sign_in import SignInDialog

    window = make_window(officer)
    window.sign_out()
    dialog = visible(window, SignInDialog)
    dialog.reject()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_sign_out_waits_for_a_form_with_unsaved_changes(
    qtbot: Any, make_window: Any, officer: Services
) -> None:
    created = officer.contractors.create({"name": "株式会社編集中"})
    window = make_window(officer)
    form = window.open_record("contractor", created.id)
    form.form.editors["name"].setText("株式会社編集後")
    assert window.sign_out() is None
    assert officer.context.actor == "kuroda" and form.isVisible()
    qtbot.waitUntil(lambda: form.unsaved_question is not None and form.unsaved_question.isVisible())
    form.answer_unsaved_question("discard")


def test_demo_data_from_the_window_creates_the_demo_accounts_and_names_them(
    qtbot: Any, make_window: Any, officer: Services, itaku_app: QApplication
) -> None:
    from desktop.ui.accounts import DemoAccountsDialog

    window = make_window(officer)
    choice = first_run.offer_first_run(window, officer)
    assert choice is not None
    with qtbot.waitSignal(window.findings_updated, timeout=20000):
        qtbot.mouseClick(choice.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(DemoAccountsDialog)), timeout=5000)
    dialog = visible(window, DemoAccountsDialog)
    dialog.password.setText("wrong password")
    dialog.create_accounts()
    assert dialog.isVisible() and dialog.error.text()
    dialog.password.setText(PASSWORD)
    dialog.create_accounts()
    box = wait_for_message_box(qtbot, window, "demoAccountsCreated")
    assert "「staff」" in box.text() and "「auditor」" in box.text()
    roles = {row.username: row.role for row in officer.accounts.list()}
    assert roles["staff"] == "staff" and roles["auditor"] == "auditor"
    officer.accounts.sign_in("auditor", PASSWORD)
    box.accept()
