"""The company profile (自社情報): one record, printed on every report and shown in consent chains."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from desktop.domain.errors import NotFoundError
from desktop.domain.kinds import RecordType
from desktop.domain.schema import COMPANY
from desktop.ui.forms.base import RecordDialog

if TYPE_CHECKING:
    from desktop.services.facade import Services


class CompanyProfileDialog(RecordDialog):
    record_type = RecordType.COMPANY_PROFILE
    schema = COMPANY

    def __init__(
        self,
        services: Services,
        record_id: int | None = None,
        parent: QWidget | None = None,
        defaults: dict[str, Any] | None = None,
    ):
        profile = services.company.get()
        super().__init__(services, profile.id if profile is not None else None, parent, defaults)
        self.resize(620, 360)

    def fetch(self, record_id: int) -> Any:
        profile = self.services.company.get()
        if profile is None:
            raise NotFoundError(RecordType.COMPANY_PROFILE, record_id)
        return profile

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        return self.services.company.save(values, version)

    def record_title(self) -> str:
        return self.record.name if self.record is not None else ""
