"""The navigation counts are by topic: each entry's tooltip says what its count covers, and where findings the
page cannot list (a contractor with no evaluation has no row on 評価) are shown instead."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from desktop.ui import application
from desktop.ui.main_window import COUNT_ROLE
from tests.ui.conftest import OFFSCREEN_NOTES

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOTES)


def test_each_count_says_what_it_covers_in_japanese(window: Any) -> None:
    tips = {key: window.navigation_item(key).toolTip() for key, _label in window.page_labels()}
    for key in (
        "dashboard",
        "contractors",
        "evaluations",
        "contracts",
        "engagements",
        "joint_uses",
        "opt_outs",
        "stop_requests",
        "provisions",
        "receipts",
        "requests",
        "incidents",
    ):
        count = window.navigation_item(key).data(COUNT_ROLE)
        if count:
            assert tips[key].splitlines()[0] == f"未対応の指摘 {count} 件"
        assert len(tips[key].splitlines()[-1]) > 10
    assert "評価が一度もない委託先" in tips["evaluations"] and "委託先ページ" in tips["evaluations"]
    assert "有効な NDA のない委託先" in tips["contracts"]
    assert tips["audit"] == ""


def test_the_counts_are_explained_in_english_too(
    qtbot: Any, itaku_app: QApplication, demo_services: Any
) -> None:
    from desktop.ui.main_window import MainWindow

    application.configure_application(itaku_app, "en")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.findings_updated, timeout=10000):
            window.attach(demo_services)
        tip = window.navigation_item("evaluations").toolTip()
        assert "no evaluation at all" in tip and "Contractors page" in tip
    finally:
        application.configure_application(itaku_app, "ja")


def test_the_application_font_falls_back_to_the_bundled_mincho_for_extension_b(
    itaku_app: QApplication,
) -> None:
    from PySide6.QtGui import QFontDatabase, QFontMetrics

    families = itaku_app.font().families()
    assert families[:2] == ["IPAexGothic", "Itaku Fallback Mincho"]
    assert "Itaku Fallback Mincho" in QFontDatabase.families()
    assert QFontMetrics(QFont("Itaku Fallback Mincho")).inFontUcs4(0x20BB7)  # 𠮷
