"""`itaku` / `python -m desktop`: the window, on the same database as the CLI (--db, ITAKU_DATABASE_URL, …).

Start-up paints the window frame first; a quick look into a SQLite file with the standard library
(desktop.app.quick_look) then shows the dashboard's figures from the stored findings snapshot (database without
accounts) and tells which sign-in dialog is needed. The service layer (SQLAlchemy, the models, Alembic when a
migration is due) is imported and the database opened on a worker thread while the window keeps painting and
the sign-in dialog already takes the password; then the pages.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from desktop import __version__

if TYPE_CHECKING:  # the window's modules are imported once the frame is due, the services' behind it
    from PySide6.QtWidgets import QApplication

    from desktop.domain.errors import Message
    from desktop.services.facade import Services
    from desktop.ui.main_window import MainWindow
    from desktop.ui.opening import PendingServices

    SignIn = Callable[[Services | PendingServices, MainWindow], bool]

EXIT_OK = 0
EXIT_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="itaku", description="Itaku（委託）: the desktop window")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL or SQLite file (default: $ITAKU_DATABASE_URL, the database chosen in "
        "Settings, else the user data folder)",
    )
    parser.add_argument(
        "--lang",
        choices=("ja", "en"),
        default=None,
        help="language of the window (default: the one chosen in Settings, else ja)",
    )
    parser.add_argument(
        "--screenshots",
        metavar="DIR",
        type=Path,
        help="write a PNG of every page and main form into DIR, then exit",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="headless: demo database, checks, a PDF register and the audit workbook, verified; "
        "exit 0 when all is well (options: --keep DIR, --report FILE)",
    )
    parser.add_argument("--version", action="version", version=f"itaku {__version__}")
    return parser


def database_url(explicit: str | None) -> str | None:
    """--db, else ITAKU_DATABASE_URL, else the database chosen in Settings, else None (the default file)."""
    if explicit:
        return explicit
    if os.environ.get("ITAKU_DATABASE_URL"):
        return None  # resolve_database_url reads it
    from desktop.ui.language import stored_database_url

    return stored_database_url()


def named_database(args: argparse.Namespace) -> bool:
    """Whether the database was named, by --db or ITAKU_DATABASE_URL (as the CLI reads them): then it must
    exist and be Itaku's. The default file in the user data folder, and a new file chosen in Settings for the
    next start, are created on first use (the first-run set-up)."""
    return bool(args.db or os.environ.get("ITAKU_DATABASE_URL"))


def unusable_database(args: argparse.Namespace) -> Message | None:
    """Why the named SQLite database cannot be opened, before anything is created or changed: a path that does
    not exist, a file that is not SQLite or not an Itaku database (as `itaku-cli` refuses them for every
    command but `init`); None when it may be opened, or none was named. Read with the standard library only:
    the window's first paint does not wait for SQLAlchemy. Any other database (a server, a URL with options,
    an unknown driver) is checked where it is opened, as strictly (`must_exist`, see open_database)."""
    if not named_database(args):
        return None
    from desktop.app import resolve_database_url
    from desktop.domain.errors import ItakuError
    from desktop.store.location import check_sqlite_file
    from desktop.store.quick_read import sqlite_file

    path = sqlite_file(resolve_database_url(args.db))
    if path is None:
        return None
    try:
        check_sqlite_file(path, may_create=False)
    except ItakuError as error:
        return error.message
    return None


def refuse_database(message: Message, args: argparse.Namespace) -> int:
    """Say why the database is refused: on stderr always, in a dialog too when there is a screen to show it
    on (not for --screenshots, which runs unattended). Nothing is opened or created."""
    say(f"itaku: {message.ja}\nitaku: {message.en}", error=True)
    if args.screenshots is None:  # main has made sure there is a display by now
        from PySide6.QtWidgets import QMessageBox

        from desktop.ui.application import create_application
        from desktop.ui.language import preferred_language, text

        application = create_application(sys.argv[:1], args.lang or preferred_language())
        QMessageBox.critical(None, "Itaku", text(message))
        del application
    return EXIT_INPUT


def open_window(args: argparse.Namespace) -> tuple[QApplication, MainWindow]:
    """The application and the window frame, painted, before any database work."""
    from desktop.ui.application import create_application
    from desktop.ui.language import preferred_language

    language = args.lang or preferred_language()
    application = create_application(sys.argv[:1], language)
    from desktop.ui.main_window import MainWindow

    window = MainWindow()
    if args.screenshots is None:
        window.show()
        application.processEvents()
    return application, window


def look_before_opening(window: MainWindow, args: argparse.Namespace) -> bool | None:
    """Before the database is open: a quick look into a SQLite file (see desktop.app.quick_look). Shows the
    dashboard's figures when the database allows it; returns whether it has accounts (None: not known).
    Never an error: without a look the start-up simply goes on, and reports real problems itself."""
    try:
        from desktop.app import quick_look

        look = quick_look(database_url(args.db))
    except Exception:  # noqa: BLE001 - optional; the full start-up reports real problems
        return None
    if look.preview is not None:
        window.show_preview(look.preview)
    return look.has_accounts


def sign_in_interactively(services: Services | PendingServices, window: MainWindow) -> bool:
    """The sign-in dialog (or, on a database without accounts, the one that creates the officer). While the
    database is still opening (PendingServices) the dialog shows at once when the quick look knew which one
    is needed, and closes by itself if opening fails."""
    from desktop.ui.opening import PendingServices
    from desktop.ui.sign_in import sign_in_dialog

    pending = services if isinstance(services, PendingServices) else None
    dialog = sign_in_dialog(services, window, pending.known_has_accounts if pending is not None else None)
    if pending is not None:
        pending.failed.connect(dialog.reject)  # connected first, then checked: a failure either side is seen
        if pending.has_failed():
            return False
    if not window.isVisible():  # closed while the database was opening
        return False
    return bool(dialog.exec() == dialog.DialogCode.Accepted)


def sign_in_from_environment(services: Services | PendingServices, _window: MainWindow | None = None) -> bool:
    """For `--screenshots` (no one to type a password): ITAKU_USER and ITAKU_PASSWORD, as the CLI takes them;
    a database without accounts is in set-up mode, as in the CLI."""
    from desktop.domain.errors import Message, ValidationError
    from desktop.services.accounts import login_name

    if not services.accounts.has_accounts():
        services.accounts.enter_setup_mode(login_name())
        return True
    user, password = os.environ.get("ITAKU_USER"), os.environ.get("ITAKU_PASSWORD")
    if not user or not password:
        raise ValidationError(
            {
                "password": Message(
                    "--screenshots にはサインインが必要です: ITAKU_USER と ITAKU_PASSWORD を設定してください",
                    "--screenshots needs to sign in: set ITAKU_USER and ITAKU_PASSWORD",
                )
            }
        )
    services.accounts.sign_in(user, password)
    return True


def open_database(
    window: MainWindow,
    args: argparse.Namespace,
    sign_in: SignIn | None = None,
    *,
    background: bool = False,
    known_has_accounts: bool | None = None,
) -> Services | None:
    """Build the services (as the CLI does), sign in, and attach the window's pages to them. With `background`
    the database opens on a worker thread while the sign-in dialog already asks for the password (see
    desktop.ui.opening). Returns None when the user closed the sign-in dialog or the window."""
    if sign_in is None:
        sign_in = sign_in_from_environment if args.screenshots is not None else sign_in_interactively
    from functools import partial

    from desktop.app import build_services as build_any  # the composition root: only the entry point names it

    # A named database that is missing or not Itaku's is refused (checked before the window too, see main).
    build_services = partial(build_any, must_exist=named_database(args))
    if background:
        from desktop.ui.opening import PendingServices

        pending = PendingServices(build_services, database_url(args.db), known_has_accounts)
        try:
            signed_in = sign_in(pending, window)
            services = pending.result()  # an error opening the database is raised here, not in the dialog
        except BaseException:
            pending.close()
            raise
        signed_in = signed_in and window.isVisible()  # the window may have been closed meanwhile
    else:
        services = build_services(database_url(args.db), role=None)
        try:
            signed_in = sign_in(services, window)
        except BaseException:
            services.close()
            raise
    if not signed_in:
        services.close()
        return None
    window.attach(services)
    return services


def has_display() -> bool:
    """Whether Qt can open a window here: on Linux it needs a reachable X11 or Wayland session, or a chosen
    platform. Qt aborts the process (SIGABRT) when DISPLAY names a server that is not there, so the server is
    knocked on first."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    wayland = os.environ.get("WAYLAND_DISPLAY")
    if wayland and _wayland_reachable(wayland):
        return True
    display = os.environ.get("DISPLAY")
    return bool(display) and _x11_reachable(str(display))


def _wayland_reachable(name: str) -> bool:
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    path = Path(name) if os.path.isabs(name) else Path(runtime) / name
    return _connects(socket_path=str(path))


def _x11_reachable(display: str) -> bool:
    """Whether the X server DISPLAY names accepts a connection: `:N` is the local socket, `host:N` TCP 6000+N."""
    host, _, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not number.isdigit():
        return False
    if host in ("", "unix") or host.startswith("/"):
        if host.startswith("/"):  # macOS-style launchd path: DISPLAY=/private/tmp/...:0
            return _connects(socket_path=display)
        return _connects(socket_path=f"/tmp/.X11-unix/X{number}") or (
            host == "" and _connects(address=("localhost", 6000 + int(number)))
        )
    return _connects(address=(host, 6000 + int(number)))


def _connects(*, socket_path: str | None = None, address: tuple[str, int] | None = None) -> bool:
    import socket

    try:
        if socket_path is not None:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as unix:
                unix.settimeout(2)
                unix.connect(socket_path)
        elif address is not None:
            with socket.create_connection(address, timeout=2):
                pass
        return True
    except OSError:
        return False


def say(message: str, *, error: bool = False) -> None:
    """Print if there is a console: a gui-script on Windows runs without one (sys.stdout is None)."""
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(message, file=stream)


def report_unexpected_errors(window: MainWindow) -> None:
    """An exception escaping a slot is shown to the user (and printed), not lost on a missing console."""
    from desktop.ui.operations import describe_error, show_error

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        import traceback

        say("".join(traceback.format_exception(kind, error, trace)), error=True)
        show_error(window, "Itaku", describe_error(error))

    sys.excepthook = hook


def _report_startup_error(window: MainWindow, error: BaseException, quiet: bool) -> None:
    from desktop.ui.operations import describe_error

    message = describe_error(error)
    orig = getattr(error, "orig", None)
    if orig is not None:
        from PySide6.QtCore import QCoreApplication

        message = f"{QCoreApplication.translate('MainWindow', 'Cannot open the database')}: {orig}"
    say(f"itaku: {message}", error=True)
    if not quiet:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(window, "Itaku", message)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in arguments:  # headless check of an installation (see desktop.self_test)
        arguments.remove("--self-test")
        from desktop.self_test import main as self_test_main

        return int(self_test_main(arguments))
    argv = arguments
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) if exit_.code in (0, None) else EXIT_INPUT
    if args.screenshots is not None and not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # pictures need no screen: headless, as --self-test runs
    if args.screenshots is None and not has_display():
        say(
            "itaku: 画面に接続できません（DISPLAY / WAYLAND_DISPLAY が未設定か、その画面サーバーが応答しません）。"
            "ウィンドウはデスクトップで起動してください。画面なしでは itaku-cli を使います（README 参照）。\n"
            "itaku: no display to connect to (DISPLAY / WAYLAND_DISPLAY unset, or its server does not answer): "
            "start the window in a desktop session, or use itaku-cli without one (see the README).",
            error=True,
        )
        return EXIT_INPUT
    refusal = unusable_database(args)
    if refusal is not None:  # before any window: nothing is created or changed
        return refuse_database(refusal, args)
    application, window = open_window(args)
    interactive = args.screenshots is None
    has_accounts = None
    if interactive:
        has_accounts = look_before_opening(window, args)
        application.processEvents()  # painted now, before the database opening competes for the interpreter
    try:
        services = open_database(window, args, background=interactive, known_has_accounts=has_accounts)
    except Exception as error:  # unreachable server, unreadable file, failed migration, refused sign-in
        _report_startup_error(window, error, quiet=args.screenshots is not None)
        return EXIT_INPUT
    if services is None:  # the sign-in was cancelled, or the window closed
        return EXIT_OK
    try:
        if args.screenshots is not None:
            from desktop.ui.screenshots import take_screenshots

            for path in take_screenshots(window, services, args.screenshots):
                say(str(path))
            window.close()
            return EXIT_OK
        from desktop.ui.first_run import offer_first_run

        report_unexpected_errors(window)
        window.make_daily_backup()
        offer_first_run(window, services)
        return int(application.exec())
    finally:
        services.close()


if __name__ == "__main__":
    sys.exit(main())
