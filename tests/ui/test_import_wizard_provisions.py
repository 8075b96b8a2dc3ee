"""The import wizard with the kind 第三者提供記録簿 chosen: columns, rows with their findings, errors, the import,
and the provisions page of the window afterwards (issue 15)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.services.facade import Services
from desktop.ui.import_wizard import CONTRACTORS, PROVISIONS, ImportWizard
from tests.services.provision_ledgers import hand_kept_register, line, realistic_lines

SHOTS = os.environ.get("ITAKU_SCREENSHOTS")  # a folder to save PNGs into, if set


def keep(widget: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _wizard(qtbot: Any, services: Services, path: Path) -> ImportWizard:
    wizard = ImportWizard(services)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    combo = wizard.file_page.kind_combo
    combo.setCurrentIndex(combo.findData(PROVISIONS))  # the user picks the kind of ledger
    wizard.file_page.set_path(str(path))
    return wizard


def test_the_wizard_imports_a_provision_register_and_shows_each_lines_findings(
    qtbot: Any, itaku_app: Any, sqlite_services: Services, tmp_path: Path
) -> None:
    path = hand_kept_register(tmp_path / "register.xlsx", realistic_lines())
    wizard = _wizard(qtbot, sqlite_services, path)
    assert wizard.kind == PROVISIONS and wizard.service is sqlite_services.provision_import
    assert wizard.windowTitle() == "第三者提供記録簿の取り込み"
    keep(wizard, "import-provisions-1-file")
    wizard.next()
    review = wizard.review_page
    qtbot.waitUntil(review.isComplete, timeout=10000)
    assert not review.status_combo.isVisible()  # a provision has no status to choose
    columns = review.columns_model
    imported_as = {columns.item(r, 1).text(): columns.item(r, 2).text() for r in range(columns.rowCount())}
    assert imported_as["提供先／名称"] == "提供先の氏名・名称"
    assert imported_as["提供の根拠"] == "提供の根拠"
    rows = review.rows_model
    assert rows.horizontalHeaderItem(1).text() == "取込後の指摘"
    by_row = {rows.item(r, 0).text(): rows.item(r, 1).text() for r in range(rows.rowCount())}
    assert by_row["6"] == "指摘なし"
    assert by_row["11"] == "指摘 3 件"  # no persons, no items, no method
    tooltip = rows.item(
        next(r for r in range(rows.rowCount()) if rows.item(r, 0).text() == "11"), 1
    ).toolTip()
    assert tooltip == "第三者提供記録の記録事項の欠落 (provision.item_missing)"
    assert "追加 5 件" in review.summary.text()
    keep(wizard, "import-provisions-2-review")
    assert sqlite_services.provisions.list() == []  # reading and the rehearsal wrote nothing
    wizard.next()
    qtbot.mouseClick(wizard.import_page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wizard.import_page.isComplete, timeout=10000)
    assert "指摘事項のある記録 3 件" in wizard.import_page.result_label.text()
    assert len(sqlite_services.provisions.list()) == 5
    keep(wizard, "import-provisions-3-done")


def test_the_wizard_lists_a_registers_errors_and_will_not_import(
    qtbot: Any, itaku_app: Any, sqlite_services: Services, tmp_path: Path
) -> None:
    lines = realistic_lines()
    lines[2] = line(3, "2025/6/2", "名古屋警察署", basis="口頭", method="鳩")
    path = hand_kept_register(tmp_path / "register.xlsx", lines)
    wizard = _wizard(qtbot, sqlite_services, path)
    wizard.next()
    review = wizard.review_page
    qtbot.waitUntil(lambda: review.errors_model.rowCount() == 2, timeout=10000)
    errors = review.errors_model
    assert [
        (errors.item(r, 0).text(), errors.item(r, 1).text(), errors.item(r, 2).text()) for r in range(2)
    ] == [
        ("9", "提供の根拠", "口頭"),
        ("9", "方法", "鳩"),
    ]
    assert not review.isComplete()
    assert sqlite_services.provisions.list() == []


def test_going_back_to_the_contractor_ledger_uses_its_service(
    qtbot: Any, itaku_app: Any, sqlite_services: Services, tmp_path: Path
) -> None:
    path = hand_kept_register(tmp_path / "register.xlsx", realistic_lines())
    wizard = _wizard(qtbot, sqlite_services, path)
    combo = wizard.file_page.kind_combo
    combo.setCurrentIndex(combo.findData(CONTRACTORS))
    assert wizard.service is sqlite_services.ledger_import
    assert wizard.windowTitle() == "委託先台帳の取り込み"


def test_the_file_menu_opens_the_wizard_for_a_provision_register_and_the_page_shows_the_records(
    qtbot: Any, make_window: Any, sqlite_services: Services, tmp_path: Path
) -> None:
    window = make_window(sqlite_services)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.import_provisions_action in file_menu.actions()
    window.import_provisions_action.trigger()
    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.kind == PROVISIONS
    wizard.file_page.set_path(str(hand_kept_register(tmp_path / "register.xlsx", realistic_lines())))
    wizard.next()
    qtbot.waitUntil(wizard.review_page.isComplete, timeout=10000)
    wizard.next()
    qtbot.mouseClick(wizard.import_page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wizard.import_page.isComplete, timeout=10000)
    with qtbot.waitSignal(window.findings_updated, timeout=10000):
        wizard.accept()  # Finish: the window reloads the provisions and their findings
    page = window.show_page("provisions")
    model = page.source_model
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=10000)
    flagged = {
        model.row_object(row).recipient_name
        for row in range(model.rowCount())
        if model.row_findings(model.row_object(row))
    }
    assert flagged == {"名古屋警察署", "株式会社札幌マーケティング", "株式会社福岡商事"}
    keep(window, "page-provisions-after-import")
