"""The main window: navigation on the left with open-finding counts, one page per register, menus.

The frame is built without touching the database (so it paints at once); `attach(services)` then
builds the pages, which import the services and SQLAlchemy. Every change is announced on the
window's ChangeBus (what kinds and ids it touched; on PostgreSQL colleagues' changes too), and the window
reloads the findings and the pages that show those kinds.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop import __version__
from desktop.domain.kinds import RecordType
from desktop.services.changes import OpChanges
from desktop.ui.navigation import AUDIT, DASHBOARD, REGISTER_PAGES
from desktop.ui.operations import (
    BackgroundWork,
    ChangeBus,
    Operation,
    OperationProgress,
    describe_error,
    run_in_background,
    show_error,
)

if TYPE_CHECKING:
    from desktop.domain.rules import Finding
    from desktop.services.facade import Services
    from desktop.ui.change_feed import ChangeFeedWatcher
    from desktop.ui.forms.base import RecordDialog

COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
BLOCKING_TEXT = QColor("#c62828")


def module_available(name: str) -> bool:
    """Whether an optional part of the window (e.g. the import wizard) is installed."""
    import importlib.util

    return importlib.util.find_spec(name) is not None


def role_label(role: str | None) -> str:
    from desktop.domain.roles import Role
    from desktop.ui.language import text

    if role is None:
        return "—"
    try:
        return text(Role(role).label)
    except ValueError:
        return "—"


def masked_url(url: str) -> str:
    """A database URL fit to show: the password replaced by ***."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


# The libraries shipped in the installed application and their licences (Help → About); the first field
# lists the distribution names to look the version up under (PySide6 may come as PySide6-Essentials).
BUNDLED_LIBRARIES = (
    ("PySide6 PySide6-Essentials", "PySide6 / Qt", "LGPLv3"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("alembic", "Alembic", "MIT"),
    ("reportlab", "ReportLab", "BSD"),
    ("openpyxl", "openpyxl", "MIT"),
    ("lxml", "lxml", "BSD"),
    ("psycopg", "psycopg", "LGPLv3"),
    ("argon2-cffi", "argon2-cffi", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
)


def bundled_libraries() -> list[tuple[str, str, str]]:
    """(name, installed version or "—", licence) of each bundled library."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for distributions, name, licence in BUNDLED_LIBRARIES:
        installed = "—"
        for distribution in distributions.split():
            try:
                installed = version(distribution)
                break
            except PackageNotFoundError:
                continue
        found.append((name, installed, licence))
    return found


class MainWindow(QMainWindow):
    findings_updated = Signal()  # the findings, counts and dashboard were reloaded

    def __init__(self, services: Services | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.services: Services | None = None
        self.bus = ChangeBus(self)
        self.pages: dict[str, QWidget] = {}
        self.open_dialogs: dict[tuple[str, int], RecordDialog] = {}
        self.snapshot: Any = None
        self._generation = 0
        self._workers: set[BackgroundWork] = set()
        self._stale: set[str] = set()
        self._requested_record: tuple[str, int] | None = None
        self.change_feed: ChangeFeedWatcher | None = None  # colleagues' saves, on the bus (PostgreSQL)
        self.setWindowTitle(self.tr("Contractor and consent registers"))
        self.resize(1280, 800)
        self.setMinimumSize(QSize(900, 560))

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setUniformItemSizes(True)
        self.navigation.setSpacing(2)
        for key, label in self.page_labels():
            item = QListWidgetItem(label)
            item.setData(KEY_ROLE, key)
            item.setData(COUNT_ROLE, 0)
            item.setSizeHint(QSize(0, self.fontMetrics().height() + 16))
            self.navigation.addItem(item)
        self.fit_navigation()
        self.stack = QStackedWidget(self)
        self.loading_label: QLabel | None = QLabel(self.tr("Opening the database…"), self.stack)
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading_label)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self._show_row)
        self._build_menus()
        self.bus.changed.connect(self.on_changed)
        self.statusBar()
        if services is not None:
            self.attach(services)

    # Frame --------------------------------------------------------------------------------------------
    def page_labels(self) -> list[tuple[str, str]]:
        return [
            (DASHBOARD, self.tr("Dashboard")),
            *((entry.key, entry.navigation_label()) for entry in REGISTER_PAGES.values()),
            (AUDIT, self.tr("Audit log")),
        ]

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        if self.settings_action.shortcut().isEmpty():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(lambda _checked=False: self.refresh_all())
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        # The import wizard and the export dialog arrive with the Excel issue: offered once they exist.
        self.import_action = QAction(self.tr("&Import a contractor ledger…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(lambda _checked=False: self.open_import_wizard())
        self.import_provisions_action = QAction(self.tr("Import a third-party &provision register…"), self)
        self.import_provisions_action.setObjectName("importProvisionsAction")
        self.import_provisions_action.triggered.connect(
            lambda _checked=False: self.open_import_wizard("provisions")
        )
        self.export_action = QAction(self.tr("&Export the audit workbook…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.open_export_dialog)
        for action, module in (
            (self.import_action, "desktop.ui.import_wizard"),
            (self.import_provisions_action, "desktop.ui.import_wizard"),
            (self.export_action, "desktop.ui.export_dialog"),
        ):
            if module_available(module):
                file_menu.addAction(action)
            else:
                action.setVisible(False)
        self.print_action = QAction(self.tr("&Print register…"), self)
        self.print_action.setObjectName("printAction")
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        if self.print_action.shortcut().isEmpty():
            self.print_action.setShortcut(QKeySequence("Ctrl+P"))
        self.print_action.triggered.connect(self.open_print_dialog)
        self.backup_action = QAction(self.tr("&Backup…"), self)
        self.backup_action.setObjectName("backupAction")
        self.backup_action.triggered.connect(lambda _checked=False: self.start_backup())
        self.restore_action = QAction(self.tr("&Restore from backup…"), self)
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.triggered.connect(lambda _checked=False: self.open_restore_dialog())
        file_menu.addAction(self.print_action)
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        go_menu = menu_bar.addMenu(self.tr("&Go"))
        self.page_actions: dict[str, QAction] = {}
        for number, (key, label) in enumerate(self.page_labels(), start=1):
            action = QAction(label, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, page=key: self.show_page(page))
            go_menu.addAction(action)
            self.page_actions[key] = action

        account_menu = menu_bar.addMenu(self.tr("&Account"))
        self.users_action = QAction(self.tr("&Users…"), self)
        self.users_action.setObjectName("usersAction")
        self.users_action.triggered.connect(lambda _checked=False: self.open_users())
        self.password_action = QAction(self.tr("Change my &password…"), self)
        self.password_action.setObjectName("passwordAction")
        self.password_action.triggered.connect(lambda _checked=False: self.open_change_password())
        self.sign_out_action = QAction(self.tr("&Sign out / switch user…"), self)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.triggered.connect(lambda _checked=False: self.sign_out())
        account_menu.addAction(self.users_action)
        account_menu.addAction(self.password_action)
        account_menu.addSeparator()
        account_menu.addAction(self.sign_out_action)

        help_menu = menu_bar.addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About Itaku"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)
        for action in self.database_actions():
            action.setEnabled(False)

    def apply_role(self, services: Services) -> None:
        """What the signed-in person's role allows in the menus, and who they are in the status bar: at sign-in,
        and again when an officer changes their own account on the users page."""
        from desktop.domain.roles import Role
        from desktop.ui.restore_dialog import restrict_restore_action

        restrict_restore_action(
            self.restore_action, services
        )  # officer and SQLite only; the tooltip says why
        is_officer = services.context.role == Role.OFFICER.value
        self.users_action.setEnabled(is_officer)
        self.users_action.setToolTip(
            "" if is_officer else self.tr("Only the PI protection officer manages users.")
        )
        signed_in = bool(services.context.role) and services.accounts.has_accounts()
        self.password_action.setEnabled(signed_in)
        self.sign_out_action.setEnabled(signed_in)
        self.statusBar().showMessage(self.status_line(services))

    def status_line(self, services: Services) -> str:
        return self.tr("Database: {0} · User: {1} ({2})").format(
            masked_url(services.database.url),
            services.accounts.display_name_of(services.context.actor),
            role_label(services.context.role),
        )

    def database_actions(self) -> tuple[QAction, ...]:
        """The menu actions that need a database: disabled until `attach`."""
        return (
            self.settings_action,
            self.refresh_action,
            self.import_action,
            self.export_action,
            self.print_action,
            self.backup_action,
            self.restore_action,
            self.users_action,
            self.password_action,
            self.sign_out_action,
        )

    # Pages --------------------------------------------------------------------------------------------
    def attach(self, services: Services) -> None:
        """Build the pages on the database and load them (imports the service layer on first call)."""
        from desktop.ui.pages.audit_log import AuditLogPage

        self.services = services
        dashboard = self.dashboard_page()
        self.pages = {DASHBOARD: dashboard}
        for entry in REGISTER_PAGES.values():
            self.pages[entry.key] = entry.page()(services, self.bus, self.open_record, self.stack)
        self.pages[AUDIT] = AuditLogPage(services, self.stack)
        for widget in self.pages.values():
            if self.stack.indexOf(widget) < 0:
                self.stack.addWidget(widget)
        self._remove_loading_label()
        for action in self.database_actions():
            action.setEnabled(True)
        self.apply_role(services)
        central = self.centralWidget()
        if central is not None:
            central.setVisible(True)
        from desktop.ui.change_feed import watch_changes

        self.change_feed = watch_changes(services, self.bus, self)
        if self.change_feed is not None:
            self.change_feed.stopped.connect(
                lambda _error: self.statusBar().showMessage(
                    self.tr("Colleagues' changes are not arriving: reconnecting… (F5 reloads now)")
                )
            )
            self.change_feed.resumed.connect(lambda: self.statusBar().showMessage(self.status_line(services)))
        self.refresh_all()
        if self.navigation.currentRow() < 0:
            self.navigation.setCurrentRow(0)
        if self._requested_record is not None:  # clicked on the preview before the database was open
            record_type, record_id = self._requested_record
            self._requested_record = None
            self.open_record(record_type, record_id)

    def dashboard_page(self) -> Any:
        """The dashboard, made once: before `attach` when the window shows a preview."""
        from desktop.ui.pages.dashboard import DashboardPage

        page = self.pages.get(DASHBOARD)
        if page is None:
            page = DashboardPage(self.stack)
            page.open_record_requested.connect(self.open_record)
            self.pages[DASHBOARD] = page
            self.stack.addWidget(page)
        return page

    def _remove_loading_label(self) -> None:
        if self.loading_label is not None:
            self.stack.removeWidget(self.loading_label)
            self.loading_label.deleteLater()
            self.loading_label = None

    def show_preview(self, preview: Any) -> None:
        """Before the database is open: the dashboard's figures and first rows from the stored findings
        snapshot (a partial `ComplianceModel`, see desktop.app.quick_look). The full model replaces it."""
        self.snapshot = preview
        dashboard = self.dashboard_page()
        dashboard.show_snapshot(self.snapshot)
        self._remove_loading_label()
        self.stack.setCurrentWidget(dashboard)
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(0)
        self.navigation.blockSignals(False)
        self.update_navigation_counts()
        self.statusBar().showMessage(self.tr("Opening the database…"))

    def _show_row(self, row: int) -> None:
        item = self.navigation.item(row)
        if item is None:
            return
        key = item.data(KEY_ROLE)
        page = self.pages.get(key)
        if page is not None:
            if key in self._stale:
                self._stale.discard(key)
                page.refresh()  # type: ignore[attr-defined]
            self.stack.setCurrentWidget(page)

    def show_page(self, key: str) -> QWidget | None:
        for row in range(self.navigation.count()):
            if self.navigation.item(row).data(KEY_ROLE) == key:
                self.navigation.setCurrentRow(row)
        return self.pages.get(key)

    def current_page_key(self) -> str | None:
        item = self.navigation.currentItem()
        return None if item is None else item.data(KEY_ROLE)

    def navigation_item(self, key: str) -> QListWidgetItem:
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            if item.data(KEY_ROLE) == key:
                return item
        raise KeyError(key)

    # Refresh ------------------------------------------------------------------------------------------
    def on_changed(self, changes: OpChanges) -> None:
        """Reload the pages that show a kind that changed, and the findings."""
        self.refresh_all(changes)

    def refresh_all(self, changes: OpChanges | None = None) -> None:
        """Reload the pages (all of them, or those showing a kind in `changes`) now, and the findings on a
        worker thread (on 100,000 contractors the rules take seconds; the window must not freeze
        meanwhile). `findings_updated` says when they arrive."""
        if self.services is None:
            return
        current = self.current_page_key()
        for key, page in self.pages.items():
            if key == DASHBOARD or (changes is not None and not changes.touches(page.shows)):  # type: ignore[attr-defined]
                continue
            if key == current:
                page.refresh()  # type: ignore[attr-defined]
            else:
                self._stale.add(key)  # reloaded when it is next shown
        self._generation += 1
        generation = self._generation
        services = self.services

        def load(_progress: OperationProgress) -> Any:
            from desktop.ui.compliance import load_model

            return load_model(services)

        def loaded(snapshot: Any) -> None:
            self._workers.discard(worker)
            self.show_snapshot(snapshot, generation)
            self._prepare_updates()

        def failed(error: BaseException) -> None:
            self._workers.discard(worker)
            self._snapshot_failed(error, generation)

        worker = run_in_background(load, parent=self, on_success=loaded, on_failure=failed)
        self._workers.add(worker)

    def _prepare_updates(self) -> None:
        """Once the findings are shown, get the services ready to bring them up to date after a save
        (seconds at 100,000 contractors, off the GUI thread), so that the first save is as quick as the next."""
        services = self.services
        if services is None:
            return

        def done(_result: Any) -> None:
            self._workers.discard(preparing)

        preparing = run_in_background(
            lambda _progress: services.checks.prepare_updates(), parent=self, on_success=done, on_failure=done
        )
        self._workers.add(preparing)

    def show_snapshot(self, snapshot: Any, generation: int) -> None:
        if generation != self._generation:
            return  # a newer refresh is on its way
        self.snapshot = snapshot
        index = snapshot.index
        self.pages[DASHBOARD].show_snapshot(snapshot)  # type: ignore[attr-defined]
        for key, page in self.pages.items():
            if key != DASHBOARD:
                page.set_findings(index)  # type: ignore[attr-defined]
        self.update_navigation_counts()
        self.show_findings_in_forms()
        self.findings_updated.emit()

    def _snapshot_failed(self, error: BaseException, generation: int) -> None:
        if generation == self._generation:
            show_error(self, self.tr("Cannot check the records"), describe_error(error))

    def wait_for_workers(self) -> None:
        for worker in list(self._workers):
            worker.wait()

    def wait_for_findings(self) -> None:
        """Block until the pending findings are shown (screenshots, benchmarks)."""
        self.wait_for_workers()
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()

    def update_navigation_counts(self) -> None:
        from desktop.ui.compliance import blocking_pages, counts_by_page

        counts = counts_by_page(self.snapshot)
        blocking = blocking_pages(self.snapshot)
        blocking_any = bool(blocking)
        for key, label in self.page_labels():
            item = self.navigation_item(key)
            count = counts.get(key, 0) if key != AUDIT else 0
            item.setData(COUNT_ROLE, count)
            item.setText(f"{label}  ({count:,})" if count else label)
            is_blocking = key in blocking or (key == DASHBOARD and blocking_any)
            item.setForeground(QBrush(BLOCKING_TEXT) if is_blocking else QBrush())
            item.setToolTip(self.navigation_tooltip(key, count))
        self.fit_navigation()

    def navigation_tooltip(self, key: str, count: int) -> str:
        """What a navigation count covers: findings are counted by topic, and some are about records the
        page cannot list (a contractor with no evaluation has no row on 評価), so the tooltip says so."""
        covers = {
            DASHBOARD: self.tr("Every open finding."),
            **{entry.key: entry.navigation_covers() for entry in REGISTER_PAGES.values()},
        }.get(key)
        if covers is None:
            return ""
        return (self.tr("%n open finding(s)", "", count) + "\n" + covers) if count else covers

    def fit_navigation(self) -> None:
        metrics = self.navigation.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(self.navigation.item(row).text())
            for row in range(self.navigation.count())
        )
        self.navigation.setFixedWidth(max(widest + 40, 180))

    # Records ------------------------------------------------------------------------------------------
    def open_record(self, record_type: str, record_id: int | None, **defaults: Any) -> QDialog | None:
        """Open a record's form (record_id None: a new one). A form already open is brought forward.
        Before the database is open (a preview on screen) the record opens once it is."""
        if self.services is None:
            if record_id is not None:
                self._requested_record = (record_type, record_id)
            return None
        if record_type == RecordType.REDELEGATION and record_id is not None and self.snapshot is not None:
            record_type, record_id = (
                RecordType.ENGAGEMENT,
                self.snapshot.redelegation_engagements.get(record_id, record_id),
            )
        if record_id is not None and (record_type, record_id) in self.open_dialogs:
            dialog = self.open_dialogs[(record_type, record_id)]
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        try:
            from desktop.ui.forms import open_form

            dialog = open_form(self.services, record_type, record_id, self, **defaults)
        except Exception as error:  # the record is gone, or its form cannot be built
            show_error(self, self.tr("Cannot open the record"), describe_error(error))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda saved_type, saved_id: self.bus.announce((), ids=[(saved_type, saved_id)]))

        def follow(
            saved_type: str, saved_id: int, dialog: RecordDialog = dialog, shown_type: str = record_type
        ) -> None:
            """A new record gets its id on save, and editing an approved evaluation or contract moves the
            form to the new version's id: keep the form findable under the id it shows."""
            if saved_type == shown_type:
                self._track_dialog(dialog, shown_type, saved_id)

        dialog.saved.connect(follow)
        dialog.finished.connect(lambda _result, dialog=dialog: self._forget_dialog(dialog))
        if record_id is not None:
            self._track_dialog(dialog, record_type, record_id)
            dialog.show_findings(self.record_findings(record_type, record_id), reveal=True)
        dialog.open()
        return dialog

    def record_findings(self, record_type: str, record_id: int) -> list[Finding]:
        """The open findings of one record (a re-delegation's are its engagement's), from the last check."""
        if self.snapshot is None:
            return []
        return list(self.snapshot.index.of(record_type, record_id))

    def show_findings_in_forms(self) -> None:
        """After a new check, each open form's banner lists its record's findings as they are now."""
        for (record_type, record_id), dialog in list(self.open_dialogs.items()):
            dialog.show_findings(self.record_findings(record_type, record_id))

    def _track_dialog(self, dialog: RecordDialog, record_type: str, record_id: int) -> None:
        self._forget_dialog(dialog)
        self.open_dialogs[(record_type, record_id)] = dialog

    def _forget_dialog(self, dialog: QDialog) -> None:
        for key in [key for key, open_dialog in self.open_dialogs.items() if open_dialog is dialog]:
            del self.open_dialogs[key]

    @staticmethod
    def _open(dialog: QDialog) -> QDialog:
        """Show one of the window's dialogs without blocking; it is deleted when closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # Accounts -----------------------------------------------------------------------------------------
    def open_users(self) -> QDialog | None:
        """The officer's users page."""
        from desktop.domain.roles import Role

        if self.services is None or self.services.context.role != Role.OFFICER.value:
            return None
        from desktop.ui.accounts import UsersDialog

        dialog = UsersDialog(self.services, self)
        services = self.services
        dialog.changed.connect(lambda: self.bus.announce({RecordType.ACCOUNT}))
        dialog.changed.connect(lambda: self.apply_role(services))  # one's own role or name may have changed
        return self._open(dialog)

    def open_change_password(self) -> QDialog | None:
        if self.services is None or not self.services.context.role:
            return None
        from desktop.ui.accounts import ChangePasswordDialog

        return self._open(ChangePasswordDialog(self.services, self.services.context.actor, self))

    def sign_out(self) -> QDialog | None:
        """Sign out, and let someone (the same person, or another) sign in: the window shows nothing of the
        database meanwhile, and closes if nobody does. Open forms close first (one with unsaved changes asks,
        and then signing out waits for the user to choose)."""
        services = self.services
        if services is None:
            return None
        for form in list(self.open_dialogs.values()):
            form.reject()
        if any(form.isVisible() for form in self.open_dialogs.values()):
            self.statusBar().showMessage(self.tr("Close the open forms first, then sign out."))
            return None
        services.accounts.sign_out()
        self.detach()
        from desktop.ui.sign_in import SignInDialog

        dialog = SignInDialog(services, self)
        dialog.setObjectName("signInDialog")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self.attach(services))
        dialog.rejected.connect(self.close)
        return self._open(dialog)

    def detach(self) -> None:
        """Nobody signed in: the register pages go, the database actions are off, the pages are hidden."""
        for key, page in list(self.pages.items()):
            if key != DASHBOARD:
                self.stack.removeWidget(page)
                page.deleteLater()
        self.pages = {key: page for key, page in self.pages.items() if key == DASHBOARD}
        self._stale.clear()
        if self.change_feed is not None:
            self.change_feed.close()
            self.change_feed = None
        self.services = None
        for action in self.database_actions():
            action.setEnabled(False)
        central = self.centralWidget()
        if central is not None:
            central.setVisible(False)
        self.statusBar().showMessage(self.tr("Signed out."))

    def open_settings(self) -> QDialog | None:
        if self.services is None:
            return None
        from desktop.ui.forms.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self)
        dialog.accepted.connect(lambda: self.bus.announce({RecordType.SETTING, RecordType.COMPANY_PROFILE}))
        return self._open(dialog)

    def open_import_wizard(self, kind: str = "contractors") -> QDialog | None:
        """File → Import a contractor ledger… (or a provision register…: the same wizard, the other kind
        chosen); the registers reload when the wizard closes."""
        if self.services is None or not module_available("desktop.ui.import_wizard"):
            return None
        from desktop.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.services, self, kind)
        wizard.finished.connect(
            lambda _result: self.bus.announce(
                {RecordType.CONTRACTOR, RecordType.EVALUATION, RecordType.CONTRACT, RecordType.PROVISION}
            )
        )
        return self._open(wizard)

    def open_export_dialog(self) -> QDialog | None:
        """File → Export the audit workbook…"""
        if self.services is None or not module_available("desktop.ui.export_dialog"):
            return None
        from desktop.ui.export_dialog import ExportDialog

        return self._open(ExportDialog(self.services, self))

    def open_print_dialog(self) -> QDialog | None:
        """File → Print register…: one register as PDF, opened with the system viewer."""
        if self.services is None:
            return None
        from desktop.ui.print_dialog import PrintDialog

        return self._open(PrintDialog(self.services, self))

    def open_restore_dialog(self) -> QDialog | None:
        """File → Restore from backup…: a daily backup or a chosen file replaces the database, then Itaku restarts."""
        if self.services is None:
            return None
        from desktop.ui.restore_dialog import RestoreDialog

        return self._open(RestoreDialog(self.services, self))

    def start_backup(self, path: Any = None) -> Any:
        """File → Backup…: a copy of the database and its attachments (SQLite; PostgreSQL says pg_dump)."""
        if self.services is None:
            return None
        from desktop.ui.backup_dialog import start_backup

        return start_backup(self, self.services, path)

    def show_about(self) -> QMessageBox:
        from desktop.ui.application import FALLBACK_FONT_LICENSE_FILE, FONT_LICENSE_FILE

        location = masked_url(self.services.database.url) if self.services is not None else "—"
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("About Itaku"), "", QMessageBox.StandardButton.Ok, self
        )
        box.setObjectName("aboutBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "Itaku (委託) {0}\nRegisters of contractors, evaluations, contracts, consent chains "
                "and joint uses, checked against APPI and JIS Q 15001."
            ).format(__version__)
        )
        box.setInformativeText(
            self.tr(
                "Database: {0}\n\nJapanese font: IPAexGothic (IPAexゴシック), © IPA, used under the IPA Font "
                "License Agreement v1.0 ({1})."
            ).format(location, FONT_LICENSE_FILE.name)
            + "\n"
            + self.tr(
                "Rare kanji (𠮷 and others): a subset of Hanazono Mincho (花園明朝), © GlyphWiki Project, used under "
                "the Hanazono Font License ({0})."
            ).format(FALLBACK_FONT_LICENSE_FILE.name)
            + "\n\n"
            + self.tr("Bundled libraries:")
            + "\n"
            + "\n".join(f"・{name} {version} — {licence}" for name, version, licence in bundled_libraries())
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        return box

    def make_daily_backup(self) -> Any:
        """Today's automatic backup of a SQLite database (the newest 7 are kept), off the GUI thread."""
        from desktop.ui.operations import run_operation

        services = self.services
        if services is None:
            return None
        return run_operation(
            self,
            self.tr("Backup"),
            self.tr("Making today's backup…"),
            lambda _progress: services.backups.ensure_daily(7),
        )

    def closeEvent(self, event: Any) -> None:
        for dialog in list(self.open_dialogs.values()):
            dialog.close()
        if any(dialog.isVisible() for dialog in self.open_dialogs.values()):
            event.ignore()  # a form with unsaved changes asks first (保存 / 破棄 / キャンセル)
            return
        if self.change_feed is not None:
            self.change_feed.close()
        self.wait_for_workers()
        if self.services is not None:  # findings brought up to date save by save: ready for the next start-up
            self.services.checks.keep_snapshot()
        # Work still running (today's backup, an import) stops at its next progress report or finishes: the
        # process must not end, nor the database close, under a running thread.
        for operation in self.findChildren(Operation):
            operation.worker.progress.cancel()
            operation.worker.wait()
        super().closeEvent(event)
