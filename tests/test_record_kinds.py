"""Every kind of record has its one entry in each layer's registry, or a stated reason why it has none.

A kind is a `RecordType` member; each layer keeps one table keyed by it (schema, model, service, page, form,
register, sheet). Each test below is parametrised over the enum, so a new member fails here until every
registry has its entry or the kind is named below with the reason it has none. An exclusion that has become
an entry fails too (each check is "in the registry, or excluded: exactly one").

How a new kind is added: docs/adding-a-record-kind.md. That the front ends show what their registry holds
(and nothing from a list of their own) is tested by putting a throw-away entry in the registries:
tests/reports/test_registries_drive_the_reports.py and tests/ui/test_registries_drive_the_window.py.
"""

from __future__ import annotations

from dataclasses import fields

import pytest
from sqlalchemy import inspect

from desktop.domain.kinds import RecordType, RuleId
from desktop.domain.rules import RULES
from desktop.domain.schema import OTHER_RECORD_TYPES, SCHEMAS, record_type_label
from desktop.reports.pdf import REGISTERS
from desktop.reports.xlsx.audit_workbook import RECORD_SHEETS, SHEETS
from desktop.services.compliance.service import COUNTED_RECORD_TYPES
from desktop.services.facade import Services
from desktop.services.kinds import RECORD_SERVICES
from desktop.store.models import RECORD_MODELS, Base
from desktop.ui.forms import FORMS, form_class
from desktop.ui.navigation import PAGE_KEYS, REGISTER_PAGES, SHOWN_ON, page_key_of

KINDS = list(RecordType)

# The kinds without a schema (no fields a person fills in): their label is in OTHER_RECORD_TYPES.
NO_SCHEMA = {
    RecordType.ACCOUNT: "an account is made by the officer (name, role, password), not through a schema",
    RecordType.SETTING: "a setting is one typed key (desktop.services.settings.SETTINGS), not a record",
    RecordType.DATABASE: "the database as a whole: only a restore's audit event is about it",
}
# The kinds without a mapped table.
NO_MODEL = {RecordType.DATABASE: "the database as a whole is the file, not a row"}
# The kinds without a register page of their own (SHOWN_ON names the page that shows those shown elsewhere).
NO_PAGE = {
    RecordType.COMPANY_PROFILE: "the one company profile is edited in the settings dialog",
    RecordType.ACCOUNT: "accounts are managed in the settings dialog (officer only)",
    RecordType.SETTING: "settings are the settings dialog",
    RecordType.DATABASE: "a restore shows in the audit log only",
}
# The kinds without a form `open_form` opens on its own.
NO_FORM = {
    RecordType.CONSENT_HOP: "opened from its engagement's form (it belongs to the engagement's consent chain)",
    RecordType.REDELEGATION: "opened from its engagement's form; the window opens the engagement instead",
    RecordType.JOINT_USE_CHANGE: "opened from its joint use's form (the change history)",
    RecordType.OPT_OUT_CHANGE: "opened from its opt-out arrangement's form (the change history)",
    RecordType.ACCOUNT: "the settings dialog's accounts tab",
    RecordType.SETTING: "the settings dialog",
    RecordType.DATABASE: "nothing to edit: a restore is the restore dialog",
}
# The kinds no PDF register lists.
NO_REGISTER = {
    RecordType.COMPANY_PROFILE: "it heads every register (company name, officer) instead",
    RecordType.ACCOUNT: "not a register of the Privacy Mark audit; accounts show as actors and approvers",
    RecordType.SETTING: "not a register; the settings' effect shows in the findings",
    RecordType.DATABASE: "not a register; a restore shows in the change history of the audit trail",
}
# The kinds without a workbook sheet of their own.
NO_SHEET = {
    RecordType.COMPANY_PROFILE: "the 概要 sheet gives the company",
    RecordType.JOINT_USE_CHANGE: "a column of the 共同利用 sheet (変更の履歴)",
    RecordType.OPT_OUT_CHANGE: "a column of the オプトアウト sheet (変更の履歴)",
    RecordType.ACCOUNT: "not exported; accounts show as actors in 監査ログ",
    RecordType.SETTING: "not exported; settings show as events in 監査ログ",
    RecordType.DATABASE: "not exported; a restore shows as an event in 監査ログ",
}
# The kinds the workbook's 概要 does not count (CheckService.record_counts).
NOT_COUNTED = {
    RecordType.COMPANY_PROFILE: "there is one",
    RecordType.ACCOUNT: "not a register",
    RecordType.SETTING: "not a register",
    RecordType.DATABASE: "not a row",
}


def exactly_one(*conditions: bool) -> bool:
    return sum(conditions) == 1


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_a_label_in_both_languages(kind: RecordType) -> None:
    label = record_type_label(kind)
    assert label.ja != kind.value and label.en != kind.value
    assert exactly_one(kind in SCHEMAS, kind in OTHER_RECORD_TYPES)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_a_schema_or_a_reason(kind: RecordType) -> None:
    assert exactly_one(kind in SCHEMAS, kind in NO_SCHEMA)
    if kind in SCHEMAS:
        assert SCHEMAS[kind].record_type is kind


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_a_table_holding_its_schema_or_a_reason(kind: RecordType) -> None:
    assert exactly_one(kind in RECORD_MODELS, kind in NO_MODEL)
    if kind in RECORD_MODELS:
        model = RECORD_MODELS[kind]
        assert model.__tablename__ == kind.value
        if kind in SCHEMAS:
            columns = {column.key for column in inspect(model).columns}
            assert set(SCHEMAS[kind].names) <= columns


def test_every_record_table_is_a_kind() -> None:
    """The other way round: a mapped table that is not a kind is named here (derived data, the trail)."""
    derived = {"audit_event", "finding_snapshot"}
    tables = set(Base.metadata.tables) - derived
    assert tables == {model.__tablename__ for model in RECORD_MODELS.values()}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_the_service_that_writes_it(kind: RecordType) -> None:
    assert RECORD_SERVICES[kind] in {field.name for field in fields(Services)}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_a_page_or_is_shown_on_one_or_has_a_reason(kind: RecordType) -> None:
    assert exactly_one(kind in REGISTER_PAGES, kind in SHOWN_ON, kind in NO_PAGE)
    if kind in REGISTER_PAGES:
        entry = REGISTER_PAGES[kind]
        assert entry.page().record_type is kind
        assert entry.key in PAGE_KEYS and page_key_of(kind) == entry.key
    elif kind in SHOWN_ON:
        assert SHOWN_ON[kind] in REGISTER_PAGES
        assert page_key_of(kind) == REGISTER_PAGES[SHOWN_ON[kind]].key
    else:
        assert page_key_of(kind) is None


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_a_form_or_a_reason(kind: RecordType) -> None:
    assert exactly_one(kind in FORMS, kind in NO_FORM)
    if kind in FORMS:
        dialog = form_class(kind)
        assert dialog.record_type is kind and dialog.schema.record_type is kind


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_listed_by_a_register_or_has_a_reason(kind: RecordType) -> None:
    listed_by = [name for name, info in REGISTERS.items() if kind in info.lists]
    assert exactly_one(bool(listed_by), kind in NO_REGISTER)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_a_sheet_or_a_reason(kind: RecordType) -> None:
    assert exactly_one(kind in RECORD_SHEETS, kind in NO_SHEET)
    if kind in RECORD_SHEETS:
        assert RECORD_SHEETS[kind].title in SHEETS


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_counted_or_has_a_reason(kind: RecordType) -> None:
    assert exactly_one(kind in COUNTED_RECORD_TYPES, kind in NOT_COUNTED)


@pytest.mark.parametrize("rule", list(RuleId))
def test_every_rule_has_one_title_and_is_about_a_kind_with_a_page(rule: RuleId) -> None:
    assert [info.rule for info in RULES].count(rule) == 1
    assert RecordType(rule.topic) in RecordType
    assert page_key_of(rule.topic) is not None


def test_the_exclusions_name_only_kinds() -> None:
    for exclusions in (NO_SCHEMA, NO_MODEL, NO_PAGE, NO_FORM, NO_REGISTER, NO_SHEET, NOT_COUNTED, SHOWN_ON):
        assert set(exclusions) <= set(RecordType)
        assert all(isinstance(reason, str | RecordType) and reason for reason in exclusions.values())
