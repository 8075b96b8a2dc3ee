"""The window shows what its registries hold, and nothing from a list of its own: a throw-away kind's page entry,
put in `REGISTER_PAGES` for one test, gets its navigation entry, its Go-menu action and its page, whose model
lists the kind's records. (tests/test_record_kinds.py holds every registry to the RecordType enum.)"""

from __future__ import annotations

from typing import Any

import pytest

from desktop.ui import navigation
from desktop.ui.pages import registers
from tests.ui.conftest import OFFSCREEN_NOTES

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTES)


class ThrowAwayPage(registers.JointUsesPage):
    """A register page of the throw-away kind: it borrows the joint-use model."""

    def page_title(self) -> str:
        return "試験"


@pytest.fixture
def throwaway_page(monkeypatch: pytest.MonkeyPatch) -> navigation.RegisterPageEntry:
    entry = navigation.RegisterPageEntry("throwaways", "ThrowAwayPage", "Throw-away", "Throw-away records.")
    monkeypatch.setattr(registers, "ThrowAwayPage", ThrowAwayPage, raising=False)
    monkeypatch.setitem(navigation.REGISTER_PAGES, "throwaway", entry)  # type: ignore[index]
    return entry


def test_a_new_kinds_page_is_in_the_navigation_the_go_menu_and_the_stack(
    throwaway_page: navigation.RegisterPageEntry, make_window: Any, demo_services: Any, qtbot: Any
) -> None:
    window = make_window(demo_services)
    keys = [key for key, _label in window.page_labels()]
    assert keys[-3:] == ["receipts", "throwaways", "audit"]
    assert window.navigation_item("throwaways").text().startswith("Throw-away")
    assert "Throw-away records." in window.navigation_item("throwaways").toolTip()
    assert window.page_actions["throwaways"].text() == "Throw-away"
    page = window.show_page("throwaways")
    assert isinstance(page, ThrowAwayPage) and window.stack.currentWidget() is page
    qtbot.waitUntil(
        lambda: page.source_model.rowCount() == len(demo_services.joint_uses.list()), timeout=10000
    )
