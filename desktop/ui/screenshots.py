"""`itaku --screenshots DIR`: one PNG per page and per main form, for the README and for review."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from desktop.domain.enums import Severity
from desktop.domain.kinds import RecordType

if TYPE_CHECKING:
    from desktop.services.facade import Services
    from desktop.ui.main_window import MainWindow

WINDOW_SIZE = (1400, 860)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _save(widget: QWidget, path: Path) -> Path:
    _settle()
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    return path


def first_record_ids(services: Services) -> dict[RecordType, int | None]:
    """A record of each type to show in its form: the first with findings where there is one."""
    contractors = services.contractors.search(limit=1)
    evaluations = services.evaluations.list()
    contracts = services.contracts.list()
    engagements = services.engagements.list()
    joint_uses = services.joint_uses.list()
    # The engagement with most links makes the best picture of a consent chain.
    engagement = max(
        engagements, key=lambda row: (row.redelegation_count + row.hop_count, -row.id), default=None
    )
    company = services.company.get()
    # A form shows its findings banner: the first record of each kind with a blocking finding, else any.
    with_findings: dict[RecordType, int] = {}
    for finding in sorted(
        services.checks.findings(), key=lambda f: (f.severity is not Severity.BLOCKING, f.record_id)
    ):
        with_findings.setdefault(RecordType(finding.record_type), finding.record_id)
    chosen = {
        RecordType.CONTRACTOR: contractors[0].id if contractors else None,
        RecordType.EVALUATION: evaluations[0].id if evaluations else None,
        RecordType.CONTRACT: next(
            (row.id for row in contracts if row.missing_clauses), contracts[0].id if contracts else None
        ),
        RecordType.ENGAGEMENT: engagement.id if engagement else None,
        RecordType.JOINT_USE: joint_uses[0].id if joint_uses else None,
        RecordType.COMPANY_PROFILE: company.id if company is not None else None,
    }
    return {**chosen, **with_findings}


def take_screenshots(window: MainWindow, services: Services, directory: Path) -> list[Path]:
    """Show each page in turn and each main form on a sample record; write PNGs into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.wait_for_findings()
    from desktop.ui.pages.registers import ContractorsPage

    written: list[Path] = []
    for number, (key, _label) in enumerate(window.page_labels(), start=1):
        page = window.show_page(key)
        if isinstance(page, ContractorsPage):
            page.count_now()  # the count follows a pause in typing; show it in the picture
        written.append(_save(window, directory / f"{number:02d}-{key}.png"))
    try:
        from desktop.ui.forms import RECORD_TYPES, open_form
    except ImportError:
        return written
    ids = first_record_ids(services)
    for number, record_type in enumerate(RECORD_TYPES, start=len(written) + 1):
        record_id = ids.get(record_type)
        dialog = open_form(services, record_type, record_id, window)
        if record_id is not None:  # the banner with the record's findings, as the window opens it
            dialog.show_findings(window.record_findings(record_type, record_id))
        dialog.show()
        written.append(_save(dialog, directory / f"{number:02d}-form-{record_type}.png"))
        dialog.close()
        dialog.deleteLater()
    try:
        from desktop.ui.accounts import UsersDialog
        from desktop.ui.forms.settings_dialog import SettingsDialog
    except ImportError:
        return written
    for name, dialog_type in (("settings", SettingsDialog), ("users", UsersDialog)):
        if name == "users" and services.context.role != "officer":
            continue  # the users page is the officer's
        extra = dialog_type(services, window)
        extra.show()
        written.append(_save(extra, directory / f"{len(written) + 1:02d}-{name}.png"))
        extra.close()
        extra.deleteLater()
    _settle()
    QCoreApplication.sendPostedEvents()
    return written
