"""The settings dialog: company profile, rule settings, checklist template, language and database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.services.facade import Services
from desktop.ui.forms import open_form
from desktop.ui.forms.settings_dialog import SettingsDialog, masked, user_settings
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN


@pytest.fixture(autouse=True)
def user_settings_in_tmp(tmp_path: Path) -> None:
    """QSettings of this test go to a temporary folder, never the real user's."""
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    user_settings().clear()


def settings_dialog(qtbot, services: Services) -> SettingsDialog:
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    return dialog


def test_thresholds_and_warning_periods_are_saved(qtbot, sqlite_services: Services) -> None:
    dialog = settings_dialog(qtbot, sqlite_services)
    dialog.company_form.editors["name"].setText("株式会社自社")
    dialog.spins["evaluation_pass_percent"].setValue(85)
    dialog.spins["contract_warning_days"].setValue(90)
    with qtbot.waitSignal(dialog.settings_saved, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = sqlite_services.settings.get_all()
    assert (stored["evaluation_pass_percent"], stored["contract_warning_days"]) == (85, 90)
    assert sqlite_services.company.get().name == "株式会社自社"


def test_conditional_above_pass_threshold_is_refused_at_the_field_and_nothing_is_written(
    qtbot, sqlite_services: Services
) -> None:
    dialog = settings_dialog(qtbot, sqlite_services)
    dialog.company_form.editors["name"].setText("株式会社自社")
    dialog.spins["evaluation_pass_percent"].setValue(50)
    dialog.spins["evaluation_conditional_percent"].setValue(70)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.rule_errors["evaluation_conditional_percent"].isHidden()
    assert "条件付適合" in dialog.rule_errors["evaluation_conditional_percent"].text()
    assert sqlite_services.settings.get("evaluation_pass_percent") == 80
    assert sqlite_services.company.get() is None


def test_checklist_template_edit_reaches_new_evaluations(qtbot, sqlite_services: Services) -> None:
    dialog = settings_dialog(qtbot, sqlite_services)
    dialog.company_form.editors["name"].setText("株式会社自社")
    editor = dialog.template_editor
    editor.add_row(
        {
            "code": "extra_check",
            "group": "technical",
            "ja": "バックアップを取得している",
            "en": "Backups are taken",
            "max_score": 2,
        }
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    codes = [item.code for item in sqlite_services.evaluations.items_for("full")]
    assert codes[-1] == "extra_check" and len(codes) == 21
    contractor = sqlite_services.contractors.create({"name": "株式会社評価先"})
    evaluation = open_form(sqlite_services, "evaluation", None, contractor_id=contractor.id)
    qtbot.addWidget(evaluation)
    assert "バックアップを取得している" in evaluation.checklist.labels["extra_check"].text()


def test_duplicate_checklist_code_is_refused_under_the_table(qtbot, sqlite_services: Services) -> None:
    dialog = settings_dialog(qtbot, sqlite_services)
    dialog.company_form.editors["name"].setText("株式会社自社")
    dialog.template_editor.add_row({"code": "org_officer", "group": "technical", "ja": "重複"})
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "重複" in dialog.template_editor.error.text() or "repeated" in dialog.template_editor.error.text()
    assert len(sqlite_services.evaluations.items_for("full")) == 20


def test_language_and_database_location_are_stored_for_the_next_start(
    qtbot, sqlite_services: Services, tmp_path: Path
) -> None:
    dialog = settings_dialog(qtbot, sqlite_services)
    dialog.company_form.editors["name"].setText("株式会社自社")
    assert dialog.current_database.text() == sqlite_services.database.url
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    dialog.database_edit.setText(str(tmp_path / "other.sqlite3"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = user_settings()
    assert stored.value("language") == "en"
    assert stored.value("database_url") == str(tmp_path / "other.sqlite3")


def test_database_password_is_not_shown() -> None:
    assert (
        masked("postgresql+psycopg://itaku:secret@db.example/itaku")
        == "postgresql+psycopg://itaku:***@db.example/itaku"
    )


def test_company_profile_form_saves_the_one_profile(qtbot, demo_services: Services) -> None:
    dialog = open_form(demo_services, "company_profile", None)
    qtbot.addWidget(dialog)
    assert dialog.form.value("name") == "株式会社みらいデータ"
    dialog.form.editors["officer_name"].setText("白石 綾")
    with qtbot.waitSignal(dialog.saved, timeout=2000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert demo_services.company.get().officer_name == "白石 綾"
