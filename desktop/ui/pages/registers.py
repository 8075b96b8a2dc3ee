"""The five register pages: 委託先, 評価, 契約・NDA, 受託業務・再委託, 共同利用."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer

from desktop.domain.enums import ContractKind, ContractorStatus, EngagementStatus, EvaluationResult
from desktop.domain.kinds import RecordType
from desktop.services.incidents import INCIDENT_CLOSED, INCIDENT_OPEN
from desktop.services.requests import REQUEST_OPEN, REQUEST_OVERDUE, REQUEST_REPLIED
from desktop.ui.language import enum_label
from desktop.ui.models.contractors import ContractorTableModel
from desktop.ui.models.opt_outs import (
    OPT_OUT_CURRENT,
    OPT_OUT_ENDED,
    STOP_IN_EFFECT,
    STOP_PENDING,
    OptOutTableModel,
    StopRequestTableModel,
)
from desktop.ui.models.provisions import (
    RETENTION_ENDED,
    RETENTION_KEPT,
    ProvisionTableModel,
    ReceiptTableModel,
)
from desktop.ui.models.registers import (
    JOINT_USE_CURRENT,
    JOINT_USE_ENDED,
    ContractTableModel,
    EngagementTableModel,
    EvaluationTableModel,
    JointUseTableModel,
)
from desktop.ui.models.requests_incidents import IncidentTableModel, RequestTableModel
from desktop.ui.pages.register import RegisterPage

COUNT_DELAY_MS = 300


class ContractorsPage(RegisterPage):
    """委託先: paged from SQL (the register may hold 100,000 contractors); filter and sort in the query."""

    record_type = RecordType.CONTRACTOR
    stretch_column = "entrusted_work"

    def make_model(self) -> ContractorTableModel:
        return ContractorTableModel(self.services, self)

    def page_title(self) -> str:
        return self.tr("Contractors")

    def search_placeholder(self) -> str:
        return self.tr("Name, kana, corporate number or work")

    def status_choices(self) -> list[tuple[str, str]]:
        return [(enum_label(status), status.value) for status in ContractorStatus]

    def set_up_model(self) -> None:
        model = self.source_model
        self.table.setSortingEnabled(True)  # before the model: setting the indicator must not load it twice
        self.table.setModel(model)
        self.table.horizontalHeader().setSortIndicator(
            model.column_index("kana"),
            Qt.SortOrder.AscendingOrder,  # the model's order: フリガナ, as the PDFs
        )
        self.unfiltered_total = 0
        self.count_timer = QTimer(self)
        self.count_timer.setSingleShot(True)
        self.count_timer.setInterval(COUNT_DELAY_MS)
        self.count_timer.timeout.connect(self.count_now)

    def is_filtered(self) -> bool:
        return bool(self.search_edit.text().strip()) or self.status_box.currentData() is not None

    def refresh(self) -> None:
        selected = self.selected_id()
        self.source_model.refresh()  # type: ignore[attr-defined]
        self.after_refresh(selected)

    def apply_filter(self) -> None:
        self.search_timer.stop()
        self.source_model.set_filter(self.search_edit.text(), self.status_box.currentData())  # type: ignore[attr-defined]
        self.update_buttons()
        self.update_count()

    def after_refresh(self, selected: int | None) -> None:
        self.unfiltered_total = -1  # recounted after the first paint
        super().after_refresh(selected)

    def update_count(self) -> None:
        """Counting 100,000 rows with a LIKE costs more than the first page: do it once typing pauses."""
        self.count_timer.start()

    def count_now(self) -> None:
        self.count_timer.stop()
        if self.unfiltered_total < 0:
            self.unfiltered_total = self.services.contractors.count()
        if not self.is_filtered():
            self.count_label.setText(self.tr_count(self.unfiltered_total))
        else:
            shown = self.source_model.total_count()  # type: ignore[attr-defined]
            self.count_label.setText(self.tr_count_of(shown, self.unfiltered_total))

    def delete_record(self, record_id: int, version: int | None) -> None:
        self.services.contractors.delete(record_id, version)


class EvaluationsPage(RegisterPage):
    stretch_column = "contractor_name"
    record_type = RecordType.EVALUATION
    also_shows = frozenset({RecordType.CONTRACTOR})  # each row names its contractor

    def make_model(self) -> EvaluationTableModel:
        return EvaluationTableModel(self.services, self)

    def page_title(self) -> str:
        return self.tr("Evaluations")

    def search_placeholder(self) -> str:
        return self.tr("Contractor or evaluator")

    def status_caption(self) -> str:
        return self.tr("Res&ult:")

    def status_choices(self) -> list[tuple[str, str]]:
        return [(enum_label(result), result.value) for result in EvaluationResult]

    def new_defaults(self) -> dict[str, Any]:
        """A new one for the contractor of the selected row, if any."""
        row = self.selected_row_object()
        return {"contractor_id": row.contractor_id} if row is not None else {}

    def delete_record(self, record_id: int, version: int | None) -> None:
        self.services.evaluations.delete(record_id, version)

    def approval_service(self) -> Any:
        return self.services.evaluations

    def approval_question(self, count: int) -> str:
        return self.tr("Approve %1 evaluations? From then on they count for the checks.").replace(
            "%1", f"{count:,}"
        )


class ContractsPage(RegisterPage):
    stretch_column = "title"
    record_type = RecordType.CONTRACT
    also_shows = frozenset({RecordType.CONTRACTOR})  # each row names its contractor

    def make_model(self) -> ContractTableModel:
        return ContractTableModel(self.services, self)

    def page_title(self) -> str:
        return self.tr("Contracts and NDAs")

    def search_placeholder(self) -> str:
        return self.tr("Contractor, title or reference number")

    def status_caption(self) -> str:
        return self.tr("&Kind:")

    def status_choices(self) -> list[tuple[str, str]]:
        return [(enum_label(kind), kind.value) for kind in ContractKind]

    def new_defaults(self) -> dict[str, Any]:
        """A new one for the contractor of the selected row, if any."""
        row = self.selected_row_object()
        return {"contractor_id": row.contractor_id} if row is not None else {}

    def delete_record(self, record_id: int, version: int | None) -> None:
        self.services.contracts.delete(record_id, version)

    def approval_service(self) -> Any:
        return self.services.contracts

    def approval_question(self, count: int) -> str:
        return self.tr("Approve %1 contracts and NDAs? From then on they count for the checks.").replace(
            "%1", f"{count:,}"
        )


class EngagementsPage(RegisterPage):
    stretch_column = "work"
    record_type = RecordType.ENGAGEMENT

    def make_model(self) -> EngagementTableModel:
        return EngagementTableModel(self.services, self)

    def page_title(self) -> str:
        return self.tr("Engagements and re-delegation")

    def search_placeholder(self) -> str:
        return self.tr("Client, original business or work")

    def status_choices(self) -> list[tuple[str, str]]:
        return [(enum_label(status), status.value) for status in EngagementStatus]

    def delete_record(self, record_id: int, version: int | None) -> None:
        self.services.engagements.delete(record_id, version)


class JointUsesPage(RegisterPage):
    stretch_column = "title"
    record_type = RecordType.JOINT_USE

    def make_model(self) -> JointUseTableModel:
        return JointUseTableModel(self.services, self)

    def page_title(self) -> str:
        return self.tr("Joint use")

    def search_placeholder(self) -> str:
        return self.tr("Title or responsible party")

    def status_choices(self) -> list[tuple[str, str]]:
        return [(self.tr("Current"), JOINT_USE_CURRENT), (self.tr("Ended"), JOINT_USE_ENDED)]

    def delete_record(self, record_id: int, version: int | None) -> None:
        self.services.joint_uses.delete(record_id, version)


class OptOutsPage(RegisterPage):
    """オプトアウトによる第三者提供: the arrangements, their notification and changes (policy §5(3))."""

    stretch_column = "title"
    record_type = RecordType.OPT_OUT
    also_shows = frozenset({RecordType.STOP_REQUEST})  # the stop-request count of each row

    def make_model(self) -> OptOutTableModel:
        return OptOutTableModel(self.services, self)

    def page_title(self) -> str:
        return self.tr("Opt-out provision")

    def search_placeholder(self) -> str:
        return self.tr("Title")

    def status_choices(self) -> list[tuple[str, str]]:
        return [(self.tr("Current or planned"), OPT_OUT_CURRENT), (self.tr("Ended"), OPT_OUT_ENDED)]

    def delete_record(self, record_id: int, version: int | None) -> None:
        self.services.opt_outs.delete(record_id, version)


class StopRequestsPage(RegisterPage):
    """提供停止の求め: each person's request to stop the provision under an opt-out arrangement."""

    stretch_column = "identity_check"
    record_type = RecordType.STOP_REQUEST
    also_shows = frozenset({RecordType.OPT_OUT})  # the arrangement's title on each row

    def make_model(self) -> StopRequestTableModel:
        return StopRequestTableModel(self.services, self)

    def page_title(self) -> str:
        return self.tr("Stop requests")

    def search_placeholder(self) -> str:
        return self.tr("Person, member number or arrangement")

    def status_choices(self) -> list[tuple[str, str]]:
        return [(self.tr("In effect"), STOP_IN_EFFECT), (self.tr("Not yet in effect"), STOP_PENDING)]

    def new_defaults(self) -> dict[str, Any]:
        """A new one for the arrangement of the selected row, if any."""
        row = self.selected_row_object()
        return {"opt_out_id": row.opt_out_id} if row is not None else {}

    def delete_record(self, record_id: int, version: int | None) -> None:
        self.services.stop_requests.delete(record_id, version)


# --- Third-party provision and receipt records (issue 15) ---


class ProvisionsPage(RegisterPage):
    """第三者提供記録: each provision of personal data to a third party (APPI Art. 29). A record is deleted
    only once its retention has ended (the service refuses before, naming the end)."""

    stretch_column = "persons"
    record_type = RecordType.PROVISION
    also_shows = frozenset({RecordType.CONTRACTOR, RecordType.OPT_OUT})  # their names on each row

    def make_model(self) -> ProvisionTableModel:
        return ProvisionTableModel(self.services, self)

    def page_title(self) -> str:
        return self.tr("Third-party provision records")

    def search_placeholder(self) -> str:
        return self.tr("Recipient, persons or reference")

    def status_caption(self) -> str:
        return self.tr("Re&tention:")

    def status_choices(self) -> list[tuple[str, str]]:
        return [(self.tr("Kept"), RETENTION_KEPT), (self.tr("Ended (may be deleted)"), RETENTION_ENDED)]

    def delete_record(self, record_id: int, version: int | None) -> None:
        self.services.provisions.delete(record_id, version)


class ReceiptsPage(RegisterPage):
    """確認記録: each receipt of personal data from a third party, with the confirmation (APPI Art. 30)."""

    stretch_column = "persons"
    record_type = RecordType.RECEIPT

    def make_model(self) -> ReceiptTableModel:
        return ReceiptTableModel(self.services, self)

    def page_title(self) -> str:
        return self.tr("Receipt confirmation records")

    def search_placeholder(self) -> str:
        return self.tr("Provider or persons")

    def status_caption(self) -> str:
        return self.tr("Re&tention:")

    def status_choices(self) -> list[tuple[str, str]]:
        return [(self.tr("Kept"), RETENTION_KEPT), (self.tr("Ended (may be deleted)"), RETENTION_ENDED)]

    def delete_record(self, record_id: int, version: int | None) -> None:
        self.services.receipts.delete(record_id, version)


# Data-subject requests and incidents (issue 15) ----------------------------------------------------------
class RequestsPage(RegisterPage):
    """本人請求: the persons' requests of policy §9 with their due dates, decisions and replies."""

    stretch_column = "identity_check"
    record_type = RecordType.REQUEST

    def make_model(self) -> RequestTableModel:
        return RequestTableModel(self.services, self)

    def page_title(self) -> str:
        return self.tr("Data-subject requests")

    def search_placeholder(self) -> str:
        return self.tr("Requester or agent")

    def status_choices(self) -> list[tuple[str, str]]:
        return [
            (self.tr("Awaiting reply"), REQUEST_OPEN),
            (self.tr("Reply overdue"), REQUEST_OVERDUE),
            (self.tr("Replied"), REQUEST_REPLIED),
        ]

    def delete_record(self, record_id: int, version: int | None) -> None:
        self.services.requests.delete(record_id, version)


class IncidentsPage(RegisterPage):
    """事故: the incidents and the reports each owes to the PPC, the persons and the Privacy Mark body."""

    stretch_column = "title"
    record_type = RecordType.INCIDENT
    also_shows = frozenset({RecordType.CONTRACTOR})  # the contractor's name on each row

    def make_model(self) -> IncidentTableModel:
        return IncidentTableModel(self.services, self)

    def page_title(self) -> str:
        return self.tr("Incidents")

    def search_placeholder(self) -> str:
        return self.tr("Title or contractor")

    def status_choices(self) -> list[tuple[str, str]]:
        return [(self.tr("Reports owed"), INCIDENT_OPEN), (self.tr("All reported"), INCIDENT_CLOSED)]

    def delete_record(self, record_id: int, version: int | None) -> None:
        self.services.incidents.delete(record_id, version)
