"""The ledger import wizard, driven as a person would: pick the file, read it, check, import."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.domain.values import make_corporate_number
from desktop.services.facade import Services
from desktop.ui.import_wizard import ImportWizard
from tests.services.test_ledger_import import _row, dump, hand_kept_ledger

NUMBER_A = make_corporate_number("400000000004")
SCREENSHOTS = os.environ.get("ITAKU_SCREENSHOTS")  # a folder to save PNGs of the wizard into, if set


def _wizard(qtbot: Any, services: Services, path: Path) -> ImportWizard:
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.file_page.set_path(str(path))
    return wizard


def _close_message_boxes() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()


def _save(wizard: ImportWizard, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        wizard.grab().save(str(Path(SCREENSHOTS) / name))


def test_the_wizard_shows_the_columns_and_imports_the_ledger(
    qtbot: Any, itaku_app: Any, sqlite_services: Services, tmp_path: Path
) -> None:
    path = hand_kept_ledger(
        tmp_path / "ledger.xlsx",
        [
            _row(1, "株式会社あおば", NUMBER_A, **{"評価実施日": "令和8年4月1日", "評価結果": "適合"}),
            _row(2, "北斗システム株式会社", None),
        ],
    )
    wizard = _wizard(qtbot, sqlite_services, path)
    assert [
        wizard.file_page.sheet_combo.itemData(i) for i in range(wizard.file_page.sheet_combo.count())
    ] == [None, "台帳"]
    _save(wizard, "import-1-file.png")
    wizard.next()
    review = wizard.review_page
    qtbot.waitUntil(review.isComplete, timeout=10000)
    columns = review.columns_model
    unrecognised = [
        columns.item(r, 1).text()
        for r in range(columns.rowCount())
        if columns.item(r, 2).text() == "— 認識できない列 —"
    ]
    assert unrecognised == ["社内コード"]  # "No." is the ledger's row number: recognised, not imported
    assert review.rows_model.rowCount() == 2
    assert "追加 2 件" in review.summary.text()
    _save(wizard, "import-2-review.png")
    assert sqlite_services.contractors.count() == 0  # reading and the rehearsal wrote nothing
    wizard.next()
    qtbot.mouseClick(wizard.import_page.import_button, Qt_left())
    qtbot.waitUntil(wizard.import_page.isComplete, timeout=10000)
    assert "追加 2 件" in wizard.import_page.result_label.text()
    assert sqlite_services.contractors.count() == 2
    _save(wizard, "import-3-done.png")


def test_the_wizard_lists_every_error_and_will_not_import(
    qtbot: Any, itaku_app: Any, sqlite_services: Services, tmp_path: Path
) -> None:
    before = dump(sqlite_services)
    path = hand_kept_ledger(
        tmp_path / "ledger.xlsx",
        [_row(1, "株式会社あおば", "1234567890123"), _row(2, "", None, **{"評価実施日": "来年"})],
    )
    wizard = _wizard(qtbot, sqlite_services, path)
    wizard.next()
    review = wizard.review_page
    qtbot.waitUntil(lambda: "エラー" in review.summary.text(), timeout=10000)
    errors = review.errors_model
    rows = [(errors.item(r, 0).text(), errors.item(r, 1).text()) for r in range(errors.rowCount())]
    assert rows == [("5", "法人番号"), ("7", "委託先名称"), ("7", "評価実施日")]
    assert review.tabs.currentWidget() is review.errors_view
    assert not review.isComplete()
    _save(wizard, "import-errors.png")
    assert dump(sqlite_services) == before


def test_a_file_that_is_not_a_workbook_is_explained_on_the_first_page(
    qtbot: Any, itaku_app: Any, sqlite_services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("memo", encoding="utf-8")
    wizard = _wizard(qtbot, sqlite_services, path)
    assert "Excel ブック（.xlsx）ではありません" in wizard.file_page.message.text()
    assert not wizard.file_page.isComplete()


def Qt_left() -> Any:  # noqa: N802 - reads like the Qt constant it returns
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def _no_stray_message_boxes() -> Any:
    yield
    _close_message_boxes()


def test_the_export_dialog_writes_the_workbook_off_the_gui_thread(
    qtbot: Any, itaku_app: Any, demo_services: Services, tmp_path: Path
) -> None:
    import openpyxl

    from desktop.ui.export_dialog import ExportDialog

    dialog = ExportDialog(demo_services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    target = tmp_path / "監査" / "audit.xlsx"
    dialog.path_edit.setText(str(target))
    dialog.as_of_edit.set_value(date(2026, 11, 25))
    _save_widget(dialog, "export-dialog.png")
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        qtbot.mouseClick(dialog.export_button, Qt_left())
    assert dialog.counts is not None and dialog.counts["委託先"] == 40
    assert openpyxl.load_workbook(target, read_only=True).sheetnames[0] == "概要"


def _save_widget(widget: Any, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SCREENSHOTS) / name))


def test_the_wizard_shows_the_inferred_statuses_lets_the_user_choose_and_says_what_to_do_next(
    qtbot: Any, itaku_app: Any, sqlite_services: Services, tmp_path: Path
) -> None:
    from tests.services.test_ledger_import_status import no_status_ledger

    wizard = _wizard(qtbot, sqlite_services, no_status_ledger(tmp_path / "ledger.xlsx"))
    wizard.next()
    review = wizard.review_page
    qtbot.waitUntil(review.isComplete, timeout=10000)
    rows = review.rows_model
    assert rows.horizontalHeaderItem(1).text() == "取込後の状態"
    assert [rows.item(r, 1).text() for r in range(rows.rowCount())] == [
        "委託中（推定）",
        "委託中（推定）",
        "候補（推定）",
        "終了（推定）",
    ]
    assert "状態: 候補 1 件、委託中 2 件、終了 1 件" in review.summary.text()
    # The user chooses a status for the whole file: the rehearsal runs again and every row follows.
    review.status_combo.setCurrentIndex(review.status_combo.findData("suspended"))
    qtbot.waitUntil(
        lambda: rows.rowCount() == 4 and rows.item(0, 1).text() == "停止中（指定）", timeout=10000
    )
    qtbot.waitUntil(review.isComplete, timeout=10000)
    assert "状態: 停止中 4 件（うち 4 件は取込時に指定した状態）" in review.summary.text()
    review.status_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: rows.item(0, 1).text() == "委託中（推定）", timeout=10000)
    qtbot.waitUntil(review.isComplete, timeout=10000)
    assert sqlite_services.contractors.count() == 0
    wizard.next()
    qtbot.mouseClick(wizard.import_page.import_button, Qt_left())
    qtbot.waitUntil(wizard.import_page.isComplete, timeout=10000)
    result = wizard.import_page.result_label.text()
    assert "状態: 候補 1 件、委託中 2 件、終了 1 件" in result
    assert "承認待ち: 評価 1 件、NDA 1 件" in result
    assert "次にすること:" in result and "「評価」と「契約・NDA」の各ページ" in result
    assert sqlite_services.contractors.count() == 4
    _save(wizard, "import-summary.png")


def test_the_wizard_shows_each_errors_cell_value(
    qtbot: Any, itaku_app: Any, sqlite_services: Services, tmp_path: Path
) -> None:
    path = hand_kept_ledger(tmp_path / "ledger.xlsx", [_row(1, "株式会社あおば", None, **{"Pマーク": "△"})])
    wizard = _wizard(qtbot, sqlite_services, path)
    wizard.next()
    review = wizard.review_page
    qtbot.waitUntil(lambda: "エラー" in review.summary.text(), timeout=10000)
    errors = review.errors_model
    assert [errors.horizontalHeaderItem(c).text() for c in range(4)] == ["行", "列", "値", "理由"]
    assert [errors.item(0, c).text() for c in range(3)] == ["5", "Pマーク", "△"]
    assert "登録番号でも有／無でもありません" in errors.item(0, 3).text()
