"""The register models: Qt's model contract (qtmodeltester), lazy paging, SQL filter and sort, findings."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.domain.enums import Severity
from desktop.services.audit import AuditFilter
from desktop.ui import compliance
from desktop.ui.compliance import load_model
from desktop.ui.models import contractors as contractor_models
from desktop.ui.models.audit import AuditTableModel
from desktop.ui.models.base import (
    BLOCKING_COLOUR,
    RECORD_ID_ROLE,
    SEVERITY_ROLE,
    SORT_ROLE,
)
from desktop.ui.models.contractors import ContractorTableModel
from desktop.ui.models.dashboard import DeadlineTableModel, FindingTableModel
from desktop.ui.models.proxy import RegisterProxy
from desktop.ui.models.registers import (
    ContractTableModel,
    EngagementTableModel,
    EvaluationTableModel,
    JointUseTableModel,
)

pytestmark = pytest.mark.usefixtures("itaku_app")


def _contractor_model(services: Any) -> ContractorTableModel:
    model = ContractorTableModel(services)
    model.refresh()
    model.set_findings(load_model(services).index)
    return model


def test_contractor_model_passes_qt_model_tester(qtmodeltester: Any, demo_services: Any) -> None:
    qtmodeltester.check(_contractor_model(demo_services))


@pytest.mark.parametrize(
    "model_class",
    [EvaluationTableModel, ContractTableModel, EngagementTableModel, JointUseTableModel, AuditTableModel],
)
def test_list_models_pass_qt_model_tester(qtmodeltester: Any, demo_services: Any, model_class: Any) -> None:
    model = model_class(demo_services)
    model.refresh()
    model.set_findings(load_model(demo_services).index)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    proxy = RegisterProxy()
    proxy.setSourceModel(model)
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_dashboard_models_pass_qt_model_tester(qtmodeltester: Any, demo_services: Any) -> None:
    snapshot = load_model(demo_services)
    findings, deadlines = FindingTableModel(), DeadlineTableModel()
    findings.set_findings_list(snapshot.worst_first)
    deadlines.set_deadlines(snapshot.deadlines)
    assert findings.rowCount() == len(snapshot.findings) > 0
    assert deadlines.rowCount() == len(snapshot.deadlines) > 0
    qtmodeltester.check(findings)
    qtmodeltester.check(deadlines)


def test_contractor_model_loads_a_page_at_a_time_as_the_view_scrolls(
    demo_services: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(contractor_models, "PAGE_SIZE", 15)
    model = ContractorTableModel(demo_services)
    model.refresh()
    assert model.rowCount() == model.loaded_rows == 15
    assert model.total_count() == 40
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 40 and not model.canFetchMore()
    ids = [model.index(row, 0).data(RECORD_ID_ROLE) for row in range(40)]
    assert len(set(ids)) == 40


def test_contractor_view_fetches_more_when_scrolled_to_the_end(
    qtbot: Any, demo_services: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QTableView

    monkeypatch.setattr(contractor_models, "PAGE_SIZE", 15)
    model = ContractorTableModel(demo_services)
    model.refresh()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 200)
    view.show()
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 15)


def test_contractor_model_filters_by_name_kana_and_corporate_number_in_sql(demo_services: Any) -> None:
    model = _contractor_model(demo_services)
    name_column, kana_column = model.column_index("name"), model.column_index("kana")
    model.set_filter("さくら", None)
    names = [model.index(row, name_column).data() for row in range(model.rowCount())]
    assert names and all("さくら" in name for name in names)
    model.set_filter("サクラ", None)
    assert all("サクラ" in model.index(row, kana_column).data() for row in range(model.rowCount()))
    first = next(row for row in demo_services.contractors.search() if row.corporate_number)
    model.set_filter(first.corporate_number, None)
    assert [model.index(row, 0).data(RECORD_ID_ROLE) for row in range(model.rowCount())] == [first.id]


def test_contractor_model_status_filter_and_sort(demo_services: Any) -> None:
    model = _contractor_model(demo_services)
    model.set_filter("", "ended")
    status_column = model.column_index("status")
    assert model.rowCount() == demo_services.contractors.count(status="ended") > 0
    assert {model.index(row, status_column).data() for row in range(model.rowCount())} == {"終了"}
    model.set_filter("", None)
    name_column = model.column_index("name")
    model.sort(name_column, Qt.SortOrder.DescendingOrder)
    names = [model.index(row, name_column).data() for row in range(model.rowCount())]
    assert names == sorted(names, reverse=True)


def test_contractor_findings_column_shows_a_coloured_mark(demo_services: Any) -> None:
    model = _contractor_model(demo_services)
    snapshot = load_model(demo_services)
    blocked = next(
        f.record_id
        for f in snapshot.findings
        if f.record_type == "contractor" and f.severity is Severity.BLOCKING
    )
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(RECORD_ID_ROLE) == blocked)
    index = model.index(row, model.column_index("findings"))
    assert index.data().startswith("●")
    assert index.data(SEVERITY_ROLE) == "blocking"
    assert index.data(Qt.ItemDataRole.ForegroundRole).color() == BLOCKING_COLOUR
    assert index.data(Qt.ItemDataRole.ToolTipRole)
    clean_rows = [
        r
        for r in range(model.rowCount())
        if not snapshot.index.of("contractor", model.index(r, 0).data(RECORD_ID_ROLE))
    ]
    assert model.index(clean_rows[0], 0).data() == ""


def test_evaluation_findings_sit_on_the_latest_evaluation_of_the_contractor(demo_services: Any) -> None:
    model = EvaluationTableModel(demo_services)
    model.refresh()
    snapshot = load_model(demo_services)
    model.set_findings(snapshot.index)
    marked = [row for row in range(model.rowCount()) if model.index(row, 0).data(SEVERITY_ROLE)]
    assert marked
    for row in marked:
        item = model.row_object(row)
        latest = max(
            (r for r in model.rows if r.contractor_id == item.contractor_id),
            key=lambda r: (r.evaluated_on, r.id),
        )
        assert latest.id == item.id


def test_proxy_sorts_on_native_values_and_filters_on_status(demo_services: Any) -> None:
    model = ContractTableModel(demo_services)
    model.refresh()
    proxy = RegisterProxy()
    proxy.setSourceModel(model)
    column = model.column_index("signed_on")
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    dates = [proxy.index(row, column).data(SORT_ROLE) for row in range(proxy.rowCount())]
    assert dates == sorted(dates)
    proxy.set_filter("", "nda")
    assert proxy.rowCount() == sum(1 for row in model.rows if row.kind == "nda") > 0
    proxy.set_filter("機密保持 NDA-0001", None)  # every word must match
    assert 0 < proxy.rowCount() < model.rowCount()


def test_snapshot_matches_the_check_service(demo_services: Any) -> None:
    snapshot = compliance.load_model(demo_services)
    assert snapshot.findings == demo_services.checks.findings()
    expected_deadlines = demo_services.checks.deadlines()
    assert len(snapshot.deadlines) == len(expected_deadlines) and set(snapshot.deadlines) == set(
        expected_deadlines
    )
    assert [d.due for d in snapshot.deadlines] == sorted(d.due for d in expected_deadlines)
    assert [f.severity for f in snapshot.worst_first] == sorted(
        (f.severity for f in snapshot.findings), key=lambda severity: severity.value != "blocking"
    )
    counts = compliance.counts_by_page(snapshot)
    assert counts["dashboard"] == len(snapshot.findings)
    assert counts["contractors"] == sum(1 for f in snapshot.findings if f.rule.startswith("contractor."))


def test_audit_model_filters_by_record(demo_services: Any) -> None:
    model = AuditTableModel(demo_services)
    model.set_criteria(AuditFilter(record_type="joint_use"))
    assert model.rowCount() == model.total > 0
    assert {model.row_object(row).record_type for row in range(model.rowCount())} == {"joint_use"}
