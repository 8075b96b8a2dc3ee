"""One path-picker row for every dialog that chooses a file: the text box, Browse…, the suffix a save needs."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from desktop.app import Services
from desktop.ui.widgets.path_picker import PathMode, PathPicker
from tests.ui.conftest import OFFSCREEN_NOTES

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTES)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The system file dialogs, answered with `answers["path"]`; what they were asked is recorded."""
    state: dict[str, Any] = {"path": "", "asked": []}

    def save(
        _parent: Any, caption: str, start: str, file_filter: str, options: Any = None
    ) -> tuple[str, str]:
        state["asked"].append(("save", caption, start, file_filter, options))
        return state["path"], ""

    def open_(_parent: Any, caption: str, start: str, file_filter: str) -> tuple[str, str]:
        state["asked"].append(("open", caption, start, file_filter, None))
        return state["path"], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_)
    return state


def picker(qtbot: Any, mode: PathMode, suffix: str | None = None) -> PathPicker:
    widget = PathPicker(mode, "保存先", "PDF files (*.pdf)", suffix=suffix)
    qtbot.addWidget(widget)
    return widget


def test_a_save_path_chosen_without_its_suffix_gets_it(qtbot: Any, answers: dict[str, Any]) -> None:
    widget = picker(qtbot, PathMode.SAVE, ".pdf")
    widget.setText("/tmp/start.pdf")
    answers["path"] = "/tmp/out/register"
    with qtbot.waitSignal(widget.chosen) as chosen:
        qtbot.mouseClick(widget.browse_button, Qt.MouseButton.LeftButton)
    assert widget.text() == "/tmp/out/register.pdf" and chosen.args == ["/tmp/out/register.pdf"]
    assert answers["asked"][0][:3] == ("save", "保存先", "/tmp/start.pdf")  # starts from the typed path


def test_a_cancelled_browse_keeps_the_typed_path(qtbot: Any, answers: dict[str, Any]) -> None:
    widget = picker(qtbot, PathMode.OPEN)
    qtbot.keyClicks(widget.edit, "/typed/ledger.xlsx")
    answers["path"] = ""  # the user closed the file dialog
    widget.browse()
    assert widget.text() == "/typed/ledger.xlsx" and answers["asked"][0][0] == "open"


def test_a_database_file_may_be_new_or_existing_without_a_replace_question(
    qtbot: Any, answers: dict[str, Any]
) -> None:
    widget = picker(qtbot, PathMode.SAVE_OR_OPEN)
    answers["path"] = "/data/itaku.sqlite3"
    widget.browse()
    assert answers["asked"][0][4] == QFileDialog.Option.DontConfirmOverwrite
    assert widget.text() == "/data/itaku.sqlite3"


def test_the_button_reads_in_japanese(qtbot: Any, itaku_app: QApplication) -> None:
    widget = picker(qtbot, PathMode.OPEN)
    assert widget.browse_button.text() == "参照(&B)…"


@pytest.mark.parametrize(
    "dialog_path", ["desktop.ui.export_dialog.ExportDialog", "desktop.ui.print_dialog.PrintDialog"]
)
def test_the_dialogs_that_choose_a_file_use_the_picker(
    qtbot: Any, sqlite_services: Services, dialog_path: str
) -> None:
    import importlib

    module, name = dialog_path.rsplit(".", 1)
    dialog: QWidget = getattr(importlib.import_module(module), name)(sqlite_services)
    qtbot.addWidget(dialog)
    pickers = dialog.findChildren(PathPicker)
    assert len(pickers) == 1 and pickers[0].edit is dialog.path_edit  # type: ignore[attr-defined]


def test_the_import_wizard_lists_the_sheets_of_a_browsed_file(
    qtbot: Any, sqlite_services: Services, answers: dict[str, Any], tmp_path: Any
) -> None:
    import openpyxl

    from desktop.ui.import_wizard import ImportWizard

    path = tmp_path / "ledger.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "台帳"
    workbook.create_sheet("メモ")
    workbook.save(path)
    wizard = ImportWizard(sqlite_services)
    qtbot.addWidget(wizard)
    answers["path"] = str(path)
    wizard.file_page.path_picker.browse()
    combo = wizard.file_page.sheet_combo
    assert [combo.itemText(index) for index in range(combo.count())][-2:] == ["台帳", "メモ"]
