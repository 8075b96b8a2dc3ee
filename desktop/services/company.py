"""The company profile (自社情報): one row, printed on every report."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from desktop.domain.roles import Permission
from desktop.domain.schema import COMPANY
from desktop.services import records
from desktop.services.context import ServiceContext
from desktop.store.models import CompanyProfile


class CompanyService:
    def __init__(self, context: ServiceContext):
        self.context = context

    def get(self) -> CompanyProfile | None:
        with self.context.read() as session:
            return session.scalar(select(CompanyProfile).order_by(CompanyProfile.id).limit(1))

    def save(self, data: dict[str, Any], expected_version: int | None = None) -> CompanyProfile:
        with self.context.write(Permission.ADMINISTER) as session:
            profile = session.scalar(select(CompanyProfile).order_by(CompanyProfile.id).limit(1))
            if profile is None:
                return records.create(session, self.context, CompanyProfile, COMPANY, data)
            return records.update(session, self.context, profile, COMPANY, data, expected_version)
