"""Sorting on native values (compared by Qt, in C++) and filtering on search text and status, for the in-memory
registers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from desktop.ui.models.base import SEARCH_ROLE, SORT_ROLE, STATUS_ROLE, normalize_search


class RegisterProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.search = ""
        self.status: str | None = None

    def set_filter(self, search: str, status: str | None) -> None:
        search = normalize_search(search)
        if search == self.search and status == self.status:
            return
        self.beginFilterChange()
        self.search, self.status = search, status or None
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if self.status is not None and index.data(STATUS_ROLE) != self.status:
            return False
        if self.search:
            haystack = index.data(SEARCH_ROLE) or ""
            return all(word in haystack for word in self.search.split())
        return True
