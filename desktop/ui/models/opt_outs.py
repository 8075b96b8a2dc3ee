"""The opt-out registers: the arrangements (オプトアウトによる第三者提供) and the persons' stop requests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.kinds import RecordType
from desktop.domain.rules import Finding
from desktop.domain.schema import OPT_OUT, STOP_REQUEST
from desktop.ui.models.base import Column, ListRegisterModel, normalize_search
from desktop.ui.models.registers import FINDINGS, field_column

if TYPE_CHECKING:
    from desktop.services.facade import Services

OPT_OUT_CURRENT = "current"  # the same choices as `itaku-cli opt-out list --status`
OPT_OUT_ENDED = "ended"
STOP_IN_EFFECT = "in_effect"  # the stop took effect on or before today
STOP_PENDING = "pending"  # received, taking effect later


def _count(key: str, source: str) -> Column:
    return Column(
        key,
        lambda: QCoreApplication.translate("RegisterModel", source),
        lambda row: getattr(row, key),
        align_right=True,
    )


class OptOutTableModel(ListRegisterModel):
    def __init__(self, services: Services, parent: Any = None):
        super().__init__(
            (
                FINDINGS,
                field_column(OPT_OUT, "title"),
                field_column(OPT_OUT, "start_date"),
                field_column(OPT_OUT, "end_date"),
                field_column(OPT_OUT, "ppc_notified_on"),
                field_column(OPT_OUT, "made_known_on"),
                field_column(OPT_OUT, "includes_special_care"),
                _count("change_count", "Changes"),
                _count("stop_request_count", "Stop requests"),
            ),
            parent,
        )
        self.services = services

    def fetch_rows(self) -> list[Any]:
        return list(self.services.opt_outs.list())

    def row_findings(self, item: Any) -> list[Finding]:
        return self.findings.of(RecordType.OPT_OUT, item.id)

    def search_text(self, item: Any) -> str:
        return normalize_search(item.title)

    def status_value(self, item: Any) -> Any:
        ended = item.end_date is not None and item.end_date < self.services.context.today()
        return OPT_OUT_ENDED if ended else OPT_OUT_CURRENT


class StopRequestTableModel(ListRegisterModel):
    def __init__(self, services: Services, parent: Any = None):
        super().__init__(
            (
                FINDINGS,
                field_column(STOP_REQUEST, "person"),
                field_column(STOP_REQUEST, "person_reference"),
                field_column(STOP_REQUEST, "opt_out_id", "opt_out_title"),
                field_column(STOP_REQUEST, "received_on"),
                field_column(STOP_REQUEST, "identity_check"),
                field_column(STOP_REQUEST, "effective_on"),
            ),
            parent,
        )
        self.services = services

    def fetch_rows(self) -> list[Any]:
        return list(self.services.stop_requests.list())

    def row_findings(self, item: Any) -> list[Finding]:
        return self.findings.of(RecordType.STOP_REQUEST, item.id)

    def search_text(self, item: Any) -> str:
        return normalize_search(f"{item.person} {item.person_reference or ''} {item.opt_out_title}")

    def status_value(self, item: Any) -> Any:
        return STOP_IN_EFFECT if item.effective_on <= self.services.context.today() else STOP_PENDING
