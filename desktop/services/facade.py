"""The services of one database, as the front ends (window, CLI, reports) receive them.

Built by the composition root (desktop.app.build_services) and handed in; the front ends import this module
under TYPE_CHECKING only. Its own imports stay light (the service classes only for the type checker): the
window's first paint must not wait for SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from desktop.services.accounts import AccountService
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
    from desktop.store.database import Database


@dataclass
class Services:
    """Every service, on one database and one signed-in person (`context`)."""

    context: ServiceContext
    settings: SettingsService
    company: CompanyService
    contractors: ContractorService
    evaluations: EvaluationService
    contracts: ContractService
    engagements: EngagementService
    joint_uses: JointUseService
    opt_outs: OptOutService
    stop_requests: StopRequestService
    provisions: ProvisionService
    receipts: ReceiptService
    requests: RequestService
    incidents: IncidentService
    checks: CheckService
    audit: AuditService
    demo: DemoService
    registers: RegisterService
    accounts: AccountService
    backups: BackupService
    ledger_import: LedgerImportService
    provision_import: ProvisionImportService
    corrective_actions: CorrectiveActionService
    factory: ServicesFactory | None = None  # what built these: opens the records as of a past day

    @property
    def database(self) -> Database:
        return self.context.database

    def schema_revision(self) -> str | None:
        from desktop.store import migrate

        return migrate.current_revision(self.context.database.engine)

    def close(self) -> None:
        self.context.database.dispose()

    def as_it_stood(self, day: date | None) -> AbstractContextManager[Services]:
        """These services, or (for a past day on which the records differed) services on the records as
        they stood at the end of that day, rebuilt from the audit trail: see desktop.services.as_it_stood."""
        from desktop.services.as_it_stood import as_it_stood

        if self.factory is None:
            raise RuntimeError("services built without their factory cannot look into the past")
        return as_it_stood(self, day, self.factory)


class ServicesFactory(Protocol):
    """What opens the services on a database (desktop.app.build_services): the entry points pass it to the
    window and the CLI, which never import the composition root. `role=None`: sign in through `accounts`."""

    def __call__(
        self,
        url: str | None = None,
        *,
        role: str | None = "officer",
        must_exist: bool = False,
        actor: str | None = None,
        data_dir: Path | None = None,
        clock: Callable[[], datetime] | None = None,
        upgrade: bool = True,
    ) -> Services: ...
