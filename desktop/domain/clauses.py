"""The PI clauses JIS Q 15001 (A.3.4.3.4 / 附属書A) expects in an outsourcing contract."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.enums import ContractKind
from desktop.domain.errors import Message


@dataclass(frozen=True)
class Clause:
    code: str
    ja: str
    en: str

    @property
    def label(self) -> Message:
        return Message(self.ja, self.en)


CLAUSES: tuple[Clause, ...] = (
    Clause("responsibilities", "委託者及び受託者の責任の明確化", "Each side's responsibilities"),
    Clause("confidentiality", "秘密保持（機密保持）", "Confidentiality"),
    Clause("purpose_limitation", "目的外利用・複写・複製の禁止", "No use or copying outside the purpose"),
    Clause("security_period", "安全管理措置と保管期間", "Safety measures and retention period"),
    Clause(
        "redelegation_consent",
        "再委託は事前の書面による同意を要すること",
        "Re-delegation only with prior written consent",
    ),
    Clause("handling_report", "取扱状況の報告の内容及び頻度", "Reports on handling: content and frequency"),
    Clause("compliance_audit", "契約内容の遵守状況を確認する権利", "Right to check compliance"),
    Clause("breach_measures", "契約内容が遵守されなかった場合の措置", "Measures if the contract is breached"),
    Clause("incident_reporting", "事件・事故発生時の報告・連絡", "Incident reporting"),
    Clause(
        "return_destruction",
        "契約終了時の返却・廃棄及びその後の取扱い",
        "Return or destruction at and after the end",
    ),
)

CLAUSE_CODES = frozenset(clause.code for clause in CLAUSES)
CLAUSE_BY_CODE = {clause.code: clause for clause in CLAUSES}

# The clause that carries the confidentiality duty the policy calls "an NDA" (方針3(6)・6). Any contract may
# carry it (an outsourcing contract's confidentiality article, a 覚書); an NDA carries it by its nature.
CONFIDENTIALITY = "confidentiality"

# The clauses JIS Q 15001 A.3.4.3.4 expects to be in force, in one contract or across several, for a
# contractor that handles personal information (confidentiality is one of them).
PI_CLAUSES: tuple[str, ...] = tuple(clause.code for clause in CLAUSES)

# What a contract of each kind must contain on its own, for a contractor that handles PI. An NDA carries
# confidentiality and what protects the data when the relationship ends; the outsourcing contract or
# memorandum carries all. For a contractor that handles no PI only an NDA's confidentiality is required.
REQUIRED_CLAUSES: dict[str, tuple[str, ...]] = {
    ContractKind.NDA.value: (
        CONFIDENTIALITY,
        "purpose_limitation",
        "incident_reporting",
        "return_destruction",
    ),
    ContractKind.OUTSOURCING.value: PI_CLAUSES,
    ContractKind.DATA_PROCESSING.value: PI_CLAUSES,
}


def contained_clauses(kind: str, clauses: Iterable[str]) -> frozenset[str]:
    """The clauses a contract contains: those ticked, and confidentiality for an NDA, which is a
    confidentiality agreement whatever else it says (so an NDA stored without the tick still counts)."""
    present = frozenset(clauses)
    if kind == ContractKind.NDA.value and CONFIDENTIALITY not in present:
        return present | {CONFIDENTIALITY}
    return present


def carries_confidentiality(kind: str, clauses: Iterable[str]) -> bool:
    """Whether the contract binds the contractor to confidentiality: what makes it count as "an NDA"."""
    return CONFIDENTIALITY in contained_clauses(kind, clauses)


def required_clauses(kind: str, handles_pi: bool = True) -> tuple[str, ...]:
    """The clause codes a contract of `kind` must contain on its own; a contractor that handles no PI
    needs no PI clause (a plain NDA is enough)."""
    if handles_pi:
        return REQUIRED_CLAUSES.get(kind, ())
    return (CONFIDENTIALITY,) if kind == ContractKind.NDA.value else ()


def missing_clauses(kind: str, clauses: Iterable[str], handles_pi: bool = True) -> list[str]:
    """The required clause codes a contract of `kind` lacks, in the canonical order."""
    present = contained_clauses(kind, clauses)
    return [code for code in required_clauses(kind, handles_pi) if code not in present]
