"""The composition root: builds the database, the services and hands them to the CLI or the window."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.services.facade import Services

if TYPE_CHECKING:  # imported by build_services: the window's first paint must not wait for SQLAlchemy
    from desktop.services.compliance.preview import DatabaseLook

DATABASE_ENV = "ITAKU_DATABASE_URL"
DATA_DIR_ENV = "ITAKU_DATA_DIR"
APP_NAME = "Itaku"


def user_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def resolve_database_url(explicit: str | None = None) -> str:
    """`--db`, else ITAKU_DATABASE_URL, else a SQLite file in the user data folder."""
    if explicit:
        return explicit
    from_env = os.environ.get(DATABASE_ENV)
    if from_env:
        return from_env
    return f"sqlite:///{user_data_dir() / 'itaku.sqlite3'}"


def data_dir_for(url: str) -> Path:
    """Attachments live beside a SQLite file; for a server database, in the user data folder."""
    from desktop.store.database import sqlite_path

    path = sqlite_path(url)
    if path is not None and not os.environ.get(DATA_DIR_ENV):
        return path.parent / f"{path.stem}-files"
    return user_data_dir()


def build_services(
    url: str | None = None,
    *,
    actor: str | None = None,
    data_dir: Path | None = None,
    clock: Callable[[], datetime] | None = None,
    upgrade: bool = True,
    role: str | None = "officer",
    must_exist: bool = False,
) -> Services:
    """Build every service on one database.

    `role` is the role the services act with: trusted callers (tests, tools) name one; the CLI and the
    window pass None and sign in through `services.accounts`, which sets actor and role from the account.
    A database that cannot be Itaku's (a text file, an unknown driver) is refused before anything is
    created; with `must_exist`, so is a database named by `url` or the environment that does not exist
    or is another program's SQLite file (the default one in the user data folder is made on first use).
    """
    from desktop.services.accounts import AccountService, login_name
    from desktop.services.audit import AuditService
    from desktop.services.backups import BackupService
    from desktop.services.company import CompanyService
    from desktop.services.compliance.service import CheckService
    from desktop.services.context import ServiceContext
    from desktop.services.contractors import ContractorService
    from desktop.services.contracts import ContractService
    from desktop.services.corrective_actions import CorrectiveActionService
    from desktop.services.demo import DemoService
    from desktop.services.engagements import EngagementService
    from desktop.services.evaluations import EvaluationService
    from desktop.services.incidents import IncidentService
    from desktop.services.joint_uses import JointUseService
    from desktop.services.ledger_import import LedgerImportService
    from desktop.services.opt_outs import OptOutService, StopRequestService
    from desktop.services.provision_import import ProvisionImportService
    from desktop.services.provisions import ProvisionService, ReceiptService
    from desktop.services.registers import RegisterService
    from desktop.services.requests import RequestService
    from desktop.services.settings import SettingsService
    from desktop.store import migrate
    from desktop.store.database import Database, check_location

    database_url = resolve_database_url(url)
    named = bool(url or os.environ.get(DATABASE_ENV))
    check_location(database_url, may_create=not (must_exist and named))
    database = Database(database_url)
    if upgrade:
        migrate.upgrade(database.engine)
    context = ServiceContext(
        database=database,
        data_dir=data_dir or data_dir_for(database.url),
        actor=actor or os.environ.get("ITAKU_USER") or login_name(),
        role=role,
    )
    if clock is not None:
        context.clock = clock
    settings = SettingsService(context)
    checks = CheckService(context, settings)
    audit = AuditService(context)
    return Services(
        context=context,
        settings=settings,
        company=CompanyService(context),
        contractors=ContractorService(context),
        evaluations=EvaluationService(context, settings),
        contracts=ContractService(context, settings),
        engagements=EngagementService(context, settings),
        joint_uses=JointUseService(context),
        opt_outs=OptOutService(context),
        stop_requests=StopRequestService(context),
        provisions=ProvisionService(context),
        receipts=ReceiptService(context),
        requests=RequestService(context, settings),
        incidents=IncidentService(context, settings),
        checks=checks,
        audit=audit,
        demo=DemoService(context),
        registers=RegisterService(context, checks, audit),
        accounts=AccountService(context),
        backups=BackupService(context),
        ledger_import=LedgerImportService(context, settings),
        provision_import=ProvisionImportService(context, settings),
        corrective_actions=CorrectiveActionService(context),
        factory=build_services,
    )


def quick_look(url: str | None = None, clock: Callable[[], datetime] | None = None) -> DatabaseLook:
    """Whether a SQLite database has accounts and, without, the dashboard's figures: read before anything heavy
    is imported (see desktop.services.compliance.preview). Nothing is known of any other database."""
    from zoneinfo import ZoneInfo

    from desktop.services.compliance.preview import NOTHING_KNOWN, look_into
    from desktop.store.quick_read import sqlite_file

    path = sqlite_file(resolve_database_url(url))
    if path is None:
        return NOTHING_KNOWN
    now = clock() if clock is not None else datetime.now(ZoneInfo("UTC"))
    return look_into(path, now.astimezone(ZoneInfo("Asia/Tokyo")).date())
