"""Which contracts carry a contractor's confidentiality duty and PI clauses, as the forms say it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.domain.clauses import CLAUSE_BY_CODE
from desktop.services.contracts import ContractorCover
from desktop.ui.language import text

CONTEXT = "ContractCover"


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def _titles(contracts: Iterable[Any]) -> str:
    return "、".join(f"「{c.title}」(#{c.id})" for c in contracts)


def cover_text(cover: ContractorCover) -> str:
    """Which approved contracts in force carry the contractor's confidentiality duty (the NDA, whatever the
    contract is called) and its PI clauses, line by line."""
    lines = [_tr("This contractor's approved contracts in force today:")]
    if cover.cover.confidentiality:
        lines.append(_tr("Confidentiality (the NDA): %1").replace("%1", _titles(cover.cover.confidentiality)))
    else:
        lines.append(_tr("Confidentiality (the NDA): none"))
    if not cover.handles_pi:
        lines.append(_tr("It handles no personal information: no PI clause is required."))
        return "\n".join(lines)
    carriers = {c.id: c for _code, contracts in cover.cover.clauses for c in contracts}
    if carriers:
        lines.append(_tr("PI clauses in: %1").replace("%1", _titles(carriers.values())))
    if cover.cover.missing:
        names = "、".join(text(CLAUSE_BY_CODE[code].label) for code in cover.cover.missing)
        lines.append(_tr("PI clauses in no contract in force: %1").replace("%1", names))
    else:
        lines.append(_tr("Every PI clause is in a contract in force."))
    return "\n".join(lines)
