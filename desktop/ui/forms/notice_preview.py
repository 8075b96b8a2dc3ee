"""The joint-use notice built from a form's values, before the record exists (no Qt here)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import SimpleNamespace
from typing import Any

from desktop.services.joint_uses import notice_text

NOTICE_FIELDS = (
    "title",
    "joint_use_statement",
    "pi_items",
    "scope",
    "joint_users",
    "purposes",
    "responsible_name",
    "responsible_address",
    "responsible_is_corporation",
    "responsible_representative",
    "acquisition_method",
    "start_date",
)


class _Unset:
    """Stands in for a start date not (validly) entered yet: formats as 「（未記入）」 whatever the format."""

    def __format__(self, _spec: str) -> str:
        return "（未記入）"


def notice_preview(values: Mapping[str, Any]) -> str:
    """The same text `desktop.services.joint_uses.notice_text` prints for the saved record, from raw form values."""
    record: dict[str, Any] = {name: values.get(name) for name in NOTICE_FIELDS}
    for name in ("pi_items", "joint_users"):
        record[name] = [str(item) for item in record[name] or []]
    for name in NOTICE_FIELDS:
        if isinstance(record[name], str):
            record[name] = record[name].strip() or None
    record["title"] = record["title"] or "（名称未記入）"
    record["responsible_is_corporation"] = bool(record["responsible_is_corporation"])
    if not isinstance(record["start_date"], date):
        record["start_date"] = _Unset()
    return notice_text(SimpleNamespace(**record))  # type: ignore[arg-type]
