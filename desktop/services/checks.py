"""Running the compliance rules over the database: a fixed handful of queries, then pure Python."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import func, select

from desktop.domain.facts import (
    ComplianceFacts,
    ConsentHopFacts,
    ContractFacts,
    ContractorFacts,
    EngagementFacts,
    EvaluationFacts,
    JointUseChangeFacts,
    JointUseFacts,
    RedelegationFacts,
)
from desktop.domain.rules import Deadline, Finding, evaluate, upcoming_deadlines
from desktop.services.context import ServiceContext
from desktop.services.settings import SettingsService
from desktop.store.models import (
    ConsentHop,
    Contract,
    Contractor,
    Engagement,
    Evaluation,
    JointUse,
    JointUseChange,
    Redelegation,
)

# Which register page a finding belongs to, by its rule prefix.
PAGE_OF_RULE = {
    "evaluation": "evaluations",
    "contract": "contracts",
    "contractor": "contractors",
    "engagement": "engagements",
    "redelegation": "engagements",
    "joint_use": "joint_uses",
}


def _counts(model: Any) -> list[Any]:
    """Only an officer-approved, current version of an evaluation or contract counts for the rules."""
    return [model.approved_on.is_not(None), model.is_superseded.is_(False)]


def _present(text: str | None) -> bool:
    return bool(text and text.strip())


class CheckService:
    def __init__(self, context: ServiceContext, settings: SettingsService):
        self.context = context
        self.settings = settings

    def load_facts(self) -> ComplianceFacts:
        """Eight queries, whatever the number of records."""
        with self.context.read() as session:
            contractors = tuple(ContractorFacts(
                r.id, r.name, r.kind, r.country, r.status, bool(r.pi_items), r.start_date, r.end_date,
                r.disposition_date, _present(r.foreign_regime_note), r.privacy_mark_expiry, r.isms_expiry)
                for r in session.execute(select(
                    Contractor.id, Contractor.name, Contractor.kind, Contractor.country, Contractor.status,
                    Contractor.pi_items, Contractor.start_date, Contractor.end_date, Contractor.disposition_date,
                    Contractor.foreign_regime_note, Contractor.privacy_mark_expiry, Contractor.isms_expiry)))
            evaluations = tuple(EvaluationFacts(*r) for r in session.execute(select(
                Evaluation.id, Evaluation.contractor_id, Evaluation.evaluated_on, Evaluation.result,
                Evaluation.route, Evaluation.next_due_on).where(*_counts(Evaluation))))
            contracts = tuple(ContractFacts(r.id, r.contractor_id, r.kind, r.title, r.effective_from, r.expires_on,
                                            r.auto_renewal, r.renewal_term_months, tuple(r.clauses or ()))
                              for r in session.execute(select(
                                  Contract.id, Contract.contractor_id, Contract.kind, Contract.title,
                                  Contract.effective_from, Contract.expires_on, Contract.auto_renewal,
                                  Contract.renewal_term_months, Contract.clauses).where(*_counts(Contract))))
            engagements = tuple(EngagementFacts(*r) for r in session.execute(select(
                Engagement.id, Engagement.client_name, Engagement.client_is_original,
                Engagement.original_business_name, Engagement.start_date, Engagement.end_date, Engagement.status)))
            hops = tuple(ConsentHopFacts(*r) for r in session.execute(select(
                ConsentHop.id, ConsentHop.engagement_id, ConsentHop.redelegation_id, ConsentHop.consented_on)))
            redelegations = tuple(RedelegationFacts(*r) for r in session.execute(select(
                Redelegation.id, Redelegation.engagement_id, Redelegation.contractor_id, Redelegation.start_date,
                Redelegation.end_date)))
            joint_uses = tuple(JointUseFacts(
                r.id, r.title, r.start_date, r.end_date, r.notice_published_on, _present(r.joint_use_statement),
                bool(r.pi_items), _present(r.scope) or bool(r.joint_users), _present(r.purposes),
                _present(r.responsible_name), _present(r.responsible_address), r.responsible_is_corporation,
                _present(r.responsible_representative), _present(r.acquisition_method))
                for r in session.execute(select(
                    JointUse.id, JointUse.title, JointUse.start_date, JointUse.end_date, JointUse.notice_published_on,
                    JointUse.joint_use_statement, JointUse.pi_items, JointUse.scope, JointUse.joint_users,
                    JointUse.purposes, JointUse.responsible_name, JointUse.responsible_address,
                    JointUse.responsible_is_corporation, JointUse.responsible_representative,
                    JointUse.acquisition_method)))
            changes = tuple(JointUseChangeFacts(*r) for r in session.execute(select(
                JointUseChange.id, JointUseChange.joint_use_id, JointUseChange.field, JointUseChange.changed_on,
                JointUseChange.noticed_on)))
        return ComplianceFacts(contractors, evaluations, contracts, engagements, hops, redelegations, joint_uses,
                               changes)

    def findings(self, as_of: date | None = None) -> list[Finding]:
        return evaluate(self.load_facts(), as_of or self.context.today(), self.settings.rule_settings())

    def deadlines(self, as_of: date | None = None, days: int | None = None) -> list[Deadline]:
        horizon = days if days is not None else int(self.settings.get("deadline_horizon_days"))
        return upcoming_deadlines(self.load_facts(), as_of or self.context.today(), horizon,
                                  self.settings.rule_settings())

    @staticmethod
    def count_by_page(findings: list[Finding]) -> Counter[str]:
        return Counter(PAGE_OF_RULE[finding.rule.split(".")[0]] for finding in findings)

    def record_counts(self) -> dict[str, int]:
        with self.context.read() as session:
            return {name: int(session.scalar(select(func.count()).select_from(model)) or 0) for name, model in (
                ("contractor", Contractor), ("evaluation", Evaluation), ("contract", Contract),
                ("engagement", Engagement), ("consent_hop", ConsentHop), ("redelegation", Redelegation),
                ("joint_use", JointUse), ("joint_use_change", JointUseChange))}
