"""A file path row: a text box and a Browse… button that opens the system file dialog (export, import,
print and the settings' database file all choose a file the same way)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class PathMode(Enum):
    OPEN = "open"  # an existing file
    SAVE = "save"  # a file to write (the dialog asks before replacing one)
    SAVE_OR_OPEN = "save_or_open"  # a file to write or an existing one, without asking


class PathPicker(QWidget):
    """`edit` holds the path as typed; Browse… fills it in. With a `suffix` (".pdf") a chosen save path gets
    it when the user left it off. `chosen(path)` says a path was picked with Browse…."""

    chosen = Signal(str)

    def __init__(
        self,
        mode: PathMode,
        caption: str,
        file_filter: str,
        *,
        suffix: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.mode = mode
        self.caption = caption
        self.file_filter = file_filter
        self.suffix = suffix
        self.edit = QLineEdit(self)
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        self.browse_button.setObjectName("browseButton")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse_button)
        self.setFocusProxy(self.edit)  # a label's buddy, and Tab, land in the text box

    def text(self) -> str:
        return self.edit.text()

    def setText(self, path: str) -> None:  # noqa: N802 (Qt's name, as QLineEdit's)
        self.edit.setText(path)

    def browse(self) -> None:
        if self.mode is PathMode.OPEN:
            path, _filter = QFileDialog.getOpenFileName(self, self.caption, self.text(), self.file_filter)
        else:
            options = (
                QFileDialog.Option.DontConfirmOverwrite
                if self.mode is PathMode.SAVE_OR_OPEN
                else QFileDialog.Option(0)
            )
            path, _filter = QFileDialog.getSaveFileName(
                self, self.caption, self.text(), self.file_filter, options=options
            )
            if path and self.suffix and not path.lower().endswith(self.suffix):
                path = f"{path}{self.suffix}"
        if path:
            self.edit.setText(path)
            self.chosen.emit(path)
