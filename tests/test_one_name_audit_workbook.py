"""One name for one thing (issue 14): the audit workbook is 監査用ワークブック in the menu, the export dialog,
the workbook's own title and the README; no other spelling of it is left anywhere."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from desktop.reports.xlsx.audit_workbook import TITLE

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
NAME = "監査用ワークブック"
# Spellings the product used for the same thing before: 監査用ブック, 監査ブック, 監査用Excel …
OTHER_NAMES = re.compile(r"監査用?ブック|監査用\s*(Excel|エクセル)|監査ワークブック")


def japanese(source: str, context: str) -> str:
    """The Japanese translation of `source` in the Qt context `context`, from whichever .ts holds it."""
    for path in sorted(TRANSLATIONS.glob("*_ja.ts")):
        for element in ElementTree.parse(path).getroot().iter("context"):
            if element.findtext("name") != context:
                continue
            for message in element.iter("message"):
                if message.findtext("source") == source:
                    return message.findtext("translation") or ""
    raise AssertionError(f"no Japanese for {source!r} in {context}")


def test_the_menu_the_dialog_the_workbook_and_the_readme_call_it_the_same() -> None:
    assert NAME in japanese("&Export the audit workbook…", "MainWindow")
    assert NAME in japanese("Export the audit workbook", "ExportDialog")
    assert NAME in japanese("Save the audit workbook", "ExportDialog")
    assert NAME in TITLE.ja
    assert NAME in (ROOT / "README.md").read_text(encoding="utf-8")


def test_no_other_spelling_of_the_audit_workbook_is_left() -> None:
    files = [ROOT / "README.md", *TRANSLATIONS.glob("*.ts"), *(ROOT / "desktop").rglob("*.py")]
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in files
        for match in OTHER_NAMES.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []
