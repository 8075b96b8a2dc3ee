"""Findings kept up to date record by record (desktop/services/compliance/live.py): after any sequence of
edits made through the services, the window's model equals a full computation from the records."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.app import Services
from desktop.domain.errors import ItakuError
from desktop.domain.rules import evaluate, upcoming_deadlines
from desktop.services.compliance.model import ComplianceModel
from desktop.store.models import (
    ConsentHop,
    Contract,
    Contractor,
    Engagement,
    Evaluation,
    JointUse,
    Redelegation,
)
from tests.conftest import make_services


def full_model(services: Services) -> ComplianceModel:
    """Every rule over every record, as `check` computes them (no snapshot, nothing kept)."""
    facts = services.checks.load_facts()
    today, rule_settings = services.context.today(), services.settings.rule_settings()
    horizon = int(services.settings.get("deadline_horizon_days"))
    return ComplianceModel(
        evaluate(facts, today, rule_settings),
        upcoming_deadlines(facts, today, horizon, rule_settings),
        horizon,
        {r.id: r.engagement_id for r in facts.redelegations},
    )


def assert_live_equals_full(services: Services, live: ComplianceModel | None = None) -> None:
    live = live or services.checks.model(cached=True)
    full = full_model(services)
    assert live.findings == full.findings
    assert list(live.worst_first) == list(full.worst_first)
    assert live.counts == full.counts
    assert live.deadlines == full.deadlines
    assert live.redelegation_engagements == full.redelegation_engagements
    records = {(f.record_type, f.record_id) for f in full.findings} | {
        (f.record_type, f.record_id) for f in live.findings
    }
    records |= {("engagement", e) for e in full.redelegation_engagements.values()}
    for record_type, record_id in records:
        assert live.index.of(record_type, record_id) == full.index.of(record_type, record_id)


def ids(services: Services, model: Any) -> list[int]:
    with services.database.read() as session:
        return list(session.scalars(select(model.id).order_by(model.id)))


def pick(services: Services, model: Any, number: int) -> Any:
    found = ids(services, model)
    if not found:
        return None
    with services.database.read() as session:
        return session.get(model, found[number % len(found)])


def edit_contractor(services: Services, number: int, changes: dict[str, Any]) -> None:
    contractor = pick(services, Contractor, number)
    services.contractors.update(contractor.id, changes, contractor.version)


def add_contract(services: Services, number: int) -> None:
    contractor = pick(services, Contractor, number)
    contract = services.contracts.create(
        {
            "contractor_id": contractor.id,
            "kind": "nda",
            "title": f"機密保持契約書{number}",
            "effective_from": "2026-01-01",
            "expires_on": ["2026-12-10", "2027-06-30", "2026-03-31"][number % 3],
            "clauses": ["confidentiality"] if number % 2 else [],
        }
    )
    services.contracts.approve(contract.id, contract.version)


def delete(
    model: Any, remove: Callable[[Services], Callable[[int, int], None]]
) -> Callable[[Services, int], None]:
    def action(services: Services, number: int) -> None:
        record = pick(services, model, number)
        if record is not None:
            remove(services)(record.id, record.version)

    return action


def add_redelegation(services: Services, number: int) -> None:
    engagement, contractor = pick(services, Engagement, number), pick(services, Contractor, number // 7)
    services.engagements.add_redelegation(
        {"engagement_id": engagement.id, "contractor_id": contractor.id, "start_date": "2026-10-15"}
    )


def move_redelegation(services: Services, number: int) -> None:
    redelegation, contractor = pick(services, Redelegation, number), pick(services, Contractor, number // 5)
    if redelegation is not None:
        services.engagements.update_redelegation(
            redelegation.id, {"contractor_id": contractor.id}, redelegation.version
        )


def add_consent(services: Services, number: int) -> None:
    redelegation = pick(services, Redelegation, number)
    engagement_id = (
        redelegation.engagement_id if redelegation is not None else pick(services, Engagement, number).id
    )
    services.engagements.add_consent_hop(
        {
            "engagement_id": engagement_id,
            "redelegation_id": redelegation.id if redelegation is not None and number % 2 else None,
            "given_by": "original" if number % 3 else "client",  # the client's consent counts for nothing
            "link_to": f"redelegation:{redelegation.id}" if redelegation is not None and number % 2 else "us",
            "consented_on": ["2026-09-01", "2026-11-20"][number % 2],
            "form": "email",
        }
    )


def edit_engagement(services: Services, number: int) -> None:
    engagement = pick(services, Engagement, number)
    services.engagements.update(
        engagement.id,
        {"client_name": f"委託元{number}", "status": ["ended", "active"][number % 2]},
        engagement.version,
    )


def edit_joint_use(services: Services, number: int) -> None:
    joint_use = pick(services, JointUse, number)
    if joint_use is not None:
        services.joint_uses.update(
            joint_use.id,
            {
                "notice_published_on": [None, "2026-01-01", "2026-12-01"][number % 3],
                "purposes": ["", "案内"][number % 2],
            },
            joint_use.version,
        )


def add_joint_use_change(services: Services, number: int) -> None:
    joint_use = pick(services, JointUse, number)
    if joint_use is not None:
        services.joint_uses.add_change(
            {
                "joint_use_id": joint_use.id,
                "field": ["purpose", "responsible_address"][number % 2],
                "description": "変更",
                "changed_on": "2026-09-01",
                "noticed_on": [None, "2026-08-20", "2026-11-01"][number % 3],
            }
        )


EDITS: dict[str, Callable[[Services, int], None]] = {
    "contractor ended or active": lambda s, n: edit_contractor(
        s, n, {"status": ["ended", "active"][n % 2], "end_date": ["2026-10-31", None][n % 2]}
    ),
    "contractor handles PI or not": lambda s, n: edit_contractor(s, n, {"pi_items": [[], ["氏名"]][n % 2]}),
    "contractor renamed": lambda s, n: edit_contractor(s, n, {"name": f"株式会社改名{n}"}),
    "contractor abroad": lambda s, n: edit_contractor(s, n, {"country": ["US", "JP"][n % 2]}),
    "contractor added": lambda s, n: s.contractors.create(
        {"name": f"株式会社追加{n}", "pi_items": ["氏名"], "status": "active"}
    ),
    "contract added and approved": add_contract,
    "contract deleted": delete(Contract, lambda s: s.contracts.delete),
    "evaluation deleted": delete(Evaluation, lambda s: s.evaluations.delete),
    "engagement edited": edit_engagement,
    "engagement deleted": delete(Engagement, lambda s: s.engagements.delete),
    "re-delegation added": add_redelegation,
    "re-delegation moved": move_redelegation,
    "re-delegation deleted": delete(Redelegation, lambda s: s.engagements.delete_redelegation),
    "consent added": add_consent,
    "consent deleted": delete(ConsentHop, lambda s: s.engagements.delete_consent_hop),
    "joint use edited": edit_joint_use,
    "joint use change added": add_joint_use_change,
    "joint use deleted": delete(JointUse, lambda s: s.joint_uses.delete),
}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("live")
    services = make_services(f"sqlite:///{folder / 'demo.sqlite3'}", folder)
    services.demo.load(20, 3)
    services.close()
    return folder / "demo.sqlite3"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(st.tuples(st.sampled_from(sorted(EDITS)), st.integers(0, 10**6)), min_size=1, max_size=8)
)
def test_the_live_findings_equal_a_full_computation_after_random_edits(
    demo_file: Path, tmp_path: Path, edits: list[tuple[str, int]]
) -> None:
    folder = tmp_path / f"run{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    shutil.copy(demo_file, folder / "demo.sqlite3")
    services = make_services(f"sqlite:///{folder / 'demo.sqlite3'}", folder)
    try:
        services.checks.model(cached=True)  # the window's model, then kept up to date
        computed = services.checks.computations
        for name, number in edits:
            try:
                EDITS[name](services, number)
            except ItakuError:
                continue  # refused by the services (e.g. active work without consent): nothing changed
            live = services.checks.model(cached=True)
            assert services.checks.computations == computed  # brought up to date, not computed afresh
            assert_live_equals_full(services, live)
    finally:
        services.close()


def test_a_save_recomputes_only_what_it_touched(demo_services: Services) -> None:
    demo_services.checks.model(cached=True)
    contractor = pick(demo_services, Contractor, 0)
    demo_services.contractors.update(contractor.id, {"name": "株式会社改名"}, contractor.version)
    before = demo_services.checks.incremental_updates
    assert_live_equals_full(demo_services)
    assert demo_services.checks.incremental_updates == before + 1
    assert any(f.record_label == "株式会社改名" for f in demo_services.checks.model(cached=True).findings)


def test_a_settings_change_recomputes_everything(demo_services: Services) -> None:
    demo_services.checks.model(cached=True)
    demo_services.settings.update({"contract_warning_days": 200})
    before = demo_services.checks.computations
    assert_live_equals_full(demo_services)
    assert demo_services.checks.computations == before + 1


def test_the_kept_up_to_date_model_is_stored_for_the_next_start_up(
    demo_services: Services, tmp_path: Path
) -> None:
    demo_services.checks.model(cached=True)
    contractor = pick(demo_services, Contractor, 3)
    demo_services.contractors.update(contractor.id, {"name": "株式会社次回起動"}, contractor.version)
    live = demo_services.checks.model(cached=True)
    assert demo_services.checks.incremental_updates == 1
    demo_services.checks.keep_snapshot()  # the window does this when it closes
    next_start = make_services(demo_services.database.url, tmp_path)
    try:
        assert next_start.checks.model(cached=True) == live
        assert next_start.checks.computations == 0  # read from the snapshot, not computed
    finally:
        next_start.close()


def test_a_contractor_with_an_incident_keeps_its_re_evaluation_finding_through_a_save(
    demo_services: Services,
) -> None:
    """The incremental path loads the saved contractor's incidents (contractor.reevaluation_after_incident)."""
    [row] = [r for r in demo_services.incidents.list() if r.contractor_id is not None]
    demo_services.checks.model(cached=True)
    contractor = demo_services.contractors.get(row.contractor_id)
    demo_services.contractors.update(contractor.id, {"name": "株式会社事故後"}, contractor.version)
    before = demo_services.checks.incremental_updates
    assert_live_equals_full(demo_services)
    assert demo_services.checks.incremental_updates == before + 1
    live = demo_services.checks.model(cached=True)
    assert [f.rule for f in live.index.of("contractor", contractor.id, "contractor.")] == [
        "contractor.reevaluation_after_incident"
    ]
