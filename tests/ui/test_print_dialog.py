"""File → Print register…: register, record, filter, as-of date and file chosen in the dialog; the PDF written
off the GUI thread, opened with the (patched) system viewer; Cancel and bad choices leave no file."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.reports import pdf
from desktop.reports.pdf import REGISTERS
from desktop.services.facade import Services
from desktop.ui.print_dialog import PrintDialog, default_file_name
from tests.ui.forms_support import IGNORE_OFFSCREEN, japanese_font  # noqa: F401

pytestmark = IGNORE_OFFSCREEN


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def opened() -> list[Path]:
    return []


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """Where the dialog saves (apart from the database files in tmp_path)."""
    folder = tmp_path / "printed"
    folder.mkdir()
    return folder


@pytest.fixture
def dialog(qtbot: Any, demo_services: Services, out_dir: Path, opened: list[Path]) -> PrintDialog:
    dialog = PrintDialog(demo_services, open_file=lambda path: opened.append(path) or True, folder=out_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def print_and_wait(qtbot: Any, dialog: PrintDialog) -> Any:
    with qtbot.waitSignal(dialog.printed, timeout=30000) as signal:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=5000)
    return signal.args[0]


def test_default_file_name_is_the_register_title_and_date() -> None:
    assert default_file_name(REGISTERS["contractors"], date(2026, 11, 25)) == "委託先管理台帳_20261125.pdf"
    assert (
        default_file_name(REGISTERS["contractor-file"], date(2026, 11, 25), 'A/B:"株式会社"')
        == "委託先カルテ_A_B_株式会社_20261125.pdf"
    )


def test_contractor_register_is_written_with_its_filter_and_opened(
    qtbot: Any, dialog: PrintDialog, opened: list[Path], out_dir: Path, demo_services: Services
) -> None:
    assert dialog.register_name() == "contractors"
    assert not dialog.record_combo.isEnabled() and dialog.filter_edit.isEnabled()
    assert Path(dialog.path_edit.text()) == out_dir / "委託先管理台帳_20261125.pdf"
    name = demo_services.contractors.names()[0][1]
    dialog.filter_edit.setText(name)
    dialog.as_of_field.set_value(date(2026, 10, 1))
    assert dialog.path_edit.text().endswith("委託先管理台帳_20261001.pdf")  # follows the as-of date
    result = print_and_wait(qtbot, dialog)
    assert result.path == out_dir / "委託先管理台帳_20261001.pdf" and result.path.is_file()
    assert len(PdfReader(result.path).pages) == result.pages >= 1
    assert opened == [result.path]
    content = pdf_text(result.path)
    assert name in content and "2026-10-01" in content
    assert "tester" in content  # printed by the signed-in user
    assert str(result.path) in dialog.message.text()


def test_single_record_register_lists_its_records_and_prints_the_chosen_one(
    qtbot: Any, dialog: PrintDialog, demo_services: Services
) -> None:
    dialog.select_register("contractor-file")
    assert dialog.record_combo.isEnabled() and not dialog.filter_edit.isEnabled()
    names = demo_services.contractors.names()
    assert dialog.record_combo.count() == len(names) == 40
    contractor_id, name = names[3]
    dialog.select_record(contractor_id)
    assert name in Path(dialog.path_edit.text()).name and "委託先カルテ" in dialog.path_edit.text()
    result = print_and_wait(qtbot, dialog)
    assert name in pdf_text(result.path)
    dialog.select_register("evaluation")
    assert dialog.record_combo.count() == len(demo_services.evaluations.list())


def test_a_typed_path_is_kept_when_the_choices_change(qtbot: Any, dialog: PrintDialog, out_dir: Path) -> None:
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(out_dir / "mine"))
    dialog.select_register("findings")
    assert dialog.path_edit.text() == str(out_dir / "mine")
    result = print_and_wait(qtbot, dialog)
    assert result.path == out_dir / "mine.pdf" and result.path.is_file()


def test_cancel_stops_the_rendering_and_leaves_no_file(
    qtbot: Any, dialog: PrintDialog, out_dir: Path, opened: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_render = pdf.render_register
    gate = threading.Event()

    def render_after_gate(*args: Any, progress: Any, **kwargs: Any) -> Any:
        def held(done: int, total: int) -> bool:
            gate.wait(10)  # the worker waits until the user has pressed Cancel
            return bool(progress(done, total))

        return real_render(*args, progress=held, **kwargs)

    monkeypatch.setattr(pdf, "render_register", render_after_gate)
    operation = dialog.start_print()
    assert operation is not None and not dialog.print_button.isEnabled()
    with qtbot.waitSignal(operation.finished, timeout=30000) as signal:
        operation.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel button
        gate.set()
    assert signal.args == [False]
    assert list(out_dir.iterdir()) == []  # neither the PDF nor its partial file
    assert opened == []
    assert "キャンセル" in dialog.message.text() or "Cancelled" in dialog.message.text()
    assert dialog.print_button.isEnabled()


def test_bad_choices_are_explained_in_the_dialog_and_write_nothing(
    qtbot: Any, dialog: PrintDialog, out_dir: Path
) -> None:
    dialog.path_edit.setText(str(out_dir / "missing-folder" / "out.pdf"))
    assert dialog.start_print() is None
    assert str(out_dir / "missing-folder") in dialog.message.text()
    dialog.select_register("joint-use-notice")
    dialog.record_combo.setCurrentText("no such joint use")
    assert dialog.start_print() is None
    assert dialog.message.text() in (
        "一覧から印刷する記録を選んでください。",
        "Choose the record to print from the list.",
    )
    dialog.select_register("contractors")
    dialog.as_of_field.set_value("2026-13-45")
    assert dialog.start_print() is None
    assert "YYYY-MM-DD" in dialog.message.text()
    assert list(out_dir.iterdir()) == []


def test_a_record_deleted_meanwhile_is_reported_in_the_dialog(
    qtbot: Any, dialog: PrintDialog, demo_services: Services, out_dir: Path
) -> None:
    contractor_id = demo_services.contractors.create({"name": "株式会社消える"}).id
    dialog.select_register("contractor-file")
    dialog.select_record(contractor_id)
    demo_services.contractors.delete(contractor_id, demo_services.contractors.get(contractor_id).version)
    operation = dialog.start_print()
    assert operation is not None
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=5000)
    assert dialog.message.text() and "Traceback" not in dialog.message.text()
    assert dialog.report is None
    assert [path for path in out_dir.iterdir() if path.suffix == ".pdf"] == []


def test_characters_printed_as_geta_are_listed_in_the_dialog(
    qtbot: Any, dialog: PrintDialog, demo_services: Services
) -> None:
    demo_services.contractors.create({"name": "スマイル商店\U0001f600"})
    dialog.filter_edit.setText("スマイル商店")
    result = print_and_wait(qtbot, dialog)
    assert result.unprintable == ("\U0001f600",)
    assert "〓" in dialog.message.text() and "U+1F600" in dialog.message.text()
