"""`itaku-cli KIND add` and `KIND show ID [--json]` for every record kind (issue 14): add then show round-trips
the values (text, in the chosen language, and JSON); one bad value per kind exits 2 naming the option and
writes nothing; a missing id exits 2 saying so; the roles hold; and a new schema kind without add/show fails
here."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.kinds import RecordType
from desktop.domain.schema import SCHEMAS
from tests.test_cli import cli

PASSWORD = "correct horse battery"

# What each kind is added with, in the order one depends on another ({contractor} is the contractor's id, …),
# and the JSON values `show --json` must give back for them.
KINDS: dict[RecordType, tuple[list[str], list[str], dict[str, Any]]] = {
    RecordType.CONTRACTOR: (
        ["contractor", "add"],
        [
            "--name",
            "株式会社テスト印刷",
            "--kind",
            "corporation",
            "--pi-items",
            "氏名,住所",
            "--handles-special-care",
            "yes",
            "--privacy-mark-expiry",
            "令和9年3月31日",
            "--status",
            "active",
            "--start-date",
            "2026/4/1",
        ],
        {
            "name": "株式会社テスト印刷",
            "pi_items": ["氏名", "住所"],
            "handles_special_care": True,
            "privacy_mark_expiry": "2027-03-31",
            "status": "active",
            "start_date": "2026-04-01",
        },
    ),
    RecordType.EVALUATION: (
        ["evaluation", "add"],
        [
            "--contractor-id",
            "{contractor}",
            "--evaluated-on",
            "２０２６年３月１日",
            "--evaluator",
            "監査 太郎",
            "--all-items",
            "2",
        ],
        {
            "contractor_id": "{contractor}",
            "evaluated_on": "2026-03-01",
            "evaluator": "監査 太郎",
            "route": "full",
            "result": "pass",
            "approved_on": None,
        },
    ),
    RecordType.CONTRACT: (
        ["contract", "add"],
        [
            "--contractor-id",
            "{contractor}",
            "--kind",
            "nda",
            "--title",
            "秘密保持契約",
            "--signed-on",
            "2026-03-15",
            "--effective-from",
            "2026-03-15",
            "--auto-renewal",
            "no",
            "--clauses",
            "confidentiality",
        ],
        {
            "contractor_id": "{contractor}",
            "kind": "nda",
            "title": "秘密保持契約",
            "signed_on": "2026-03-15",
            "auto_renewal": False,
            "clauses": ["confidentiality"],
        },
    ),
    RecordType.ENGAGEMENT: (
        ["engagement", "add"],
        [
            "--client-name",
            "株式会社委託元",
            "--work",
            "データ入力",
            "--start-date",
            "2026-04-01",
            "--pi-items",
            "氏名",
        ],
        {
            "client_name": "株式会社委託元",
            "work": "データ入力",
            "start_date": "2026-04-01",
            "pi_items": ["氏名"],
            "status": "planned",
        },
    ),
    RecordType.REDELEGATION: (
        ["redelegation", "add"],
        [
            "--engagement-id",
            "{engagement}",
            "--contractor-id",
            "{contractor}",
            "--work",
            "入力の一部",
            "--start-date",
            "2026-04-01",
        ],
        {
            "engagement_id": "{engagement}",
            "contractor_id": "{contractor}",
            "work": "入力の一部",
            "start_date": "2026-04-01",
        },
    ),
    RecordType.CONSENT_HOP: (
        ["engagement", "consent", "add"],
        [
            "--engagement",
            "{engagement}",
            "--given-by",
            "client",
            "--link-from",
            "us",
            "--link-to",
            "redelegation:{redelegation}",
            "--consented-on",
            "2026/3/20",
            "--form",
            "written",
        ],
        {
            "engagement_id": "{engagement}",
            "given_by": "client",
            "consented_on": "2026-03-20",
            "form": "written",
        },
    ),
    RecordType.JOINT_USE: (
        ["joint-use", "add"],
        [
            "--title",
            "グループ会社での共同利用",
            "--joint-users",
            "A社,B社",
            "--start-date",
            "2026-04-01",
            "--responsible-is-corporation",
            "yes",
        ],
        {
            "title": "グループ会社での共同利用",
            "joint_users": ["A社", "B社"],
            "start_date": "2026-04-01",
            "responsible_is_corporation": True,
        },
    ),
    RecordType.JOINT_USE_CHANGE: (
        ["joint-use", "change", "add"],
        [
            "--joint-use",
            "{joint_use}",
            "--field",
            "purpose",
            "--description",
            "利用目的を追加",
            "--changed-on",
            "令和8年6月1日",
            "--noticed-on",
            "2026-05-20",
        ],
        {
            "joint_use_id": "{joint_use}",
            "field": "purpose",
            "changed_on": "2026-06-01",
            "noticed_on": "2026-05-20",
        },
    ),
    RecordType.OPT_OUT: (
        ["opt-out", "add"],
        [
            "--title",
            "会員名簿の提供",
            "--pi-items",
            "氏名,住所",
            "--start-date",
            "2026-04-01",
            "--ppc-notified-on",
            "令和8年3月1日",
        ],
        {"title": "会員名簿の提供", "pi_items": ["氏名", "住所"], "ppc_notified_on": "2026-03-01"},
    ),
    RecordType.OPT_OUT_CHANGE: (
        ["opt-out", "change", "add"],
        [
            "--opt-out-id",
            "{opt_out}",
            "--field",
            "pi_items",
            "--description",
            "電話番号を追加",
            "--changed-on",
            "2026-06-01",
            "--ppc-notified-on",
            "2026/5/1",
        ],
        {
            "opt_out_id": "{opt_out}",
            "field": "pi_items",
            "changed_on": "2026-06-01",
            "ppc_notified_on": "2026-05-01",
        },
    ),
    RecordType.STOP_REQUEST: (
        ["stop-request", "add"],
        [
            "--opt-out-id",
            "{opt_out}",
            "--person",
            "山田 花子",
            "--received-on",
            "2026-05-01",
            "--identity-check",
            "会員番号",
            "--effective-on",
            "2026-05-08",
        ],
        {
            "opt_out_id": "{opt_out}",
            "person": "山田 花子",
            "received_on": "2026-05-01",
            "effective_on": "2026-05-08",
        },
    ),
    RecordType.CORRECTIVE_ACTION: (
        ["corrective-action", "add"],
        [
            "--contractor-id",
            "{contractor}",
            "--rule",
            "contractor.entrusted_before_selection",
            "--action",
            "評価を実施した",
            "--taken-on",
            "2026-05-01",
            "--taken-by",
            "黒田 修",
        ],
        {
            "record_type": "contractor",  # --contractor-id N, the earlier form, stands for the record
            "record_id": "{contractor}",
            "rule": "contractor.entrusted_before_selection",
            "taken_on": "2026-05-01",
            "taken_by": "黒田 修",
        },
    ),
    RecordType.PROVISION: (
        ["provision", "add"],
        [
            "--recipient-name",
            "株式会社提供先",
            "--provided-on",
            "2026-05-01",
            "--basis",
            "consent",
            "--pi-items",
            "氏名",
        ],
        {
            "recipient_name": "株式会社提供先",
            "provided_on": "2026-05-01",
            "basis": "consent",
            "pi_items": ["氏名"],
        },
    ),
    RecordType.RECEIPT: (
        ["receipt", "add"],
        ["--provider-name", "株式会社提供元", "--received-on", "2026-05-02", "--confirmed-on", "2026-05-02"],
        {"provider_name": "株式会社提供元", "received_on": "2026-05-02", "confirmed_on": "2026-05-02"},
    ),
    RecordType.REQUEST: (
        ["request", "add"],
        [
            "--request-type",
            "disclosure",
            "--requester",
            "山田 花子",
            "--received-on",
            "令和8年4月1日",
            "--identity-check",
            "運転免許証の写し",
            "--fee",
            "1000",
        ],
        {"request_type": "disclosure", "requester": "山田 花子", "received_on": "2026-04-01", "fee": 1000},
    ),
    RecordType.INCIDENT: (
        ["incident", "add"],
        [
            "--title",
            "顧客名簿の誤送信",
            "--discovered-on",
            "2026/5/11",
            "--description",
            "誤送信した",
            "--contractor-id",
            "{contractor}",
            "--person-count",
            "1500",
        ],
        {
            "title": "顧客名簿の誤送信",
            "discovered_on": "2026-05-11",
            "contractor_id": "{contractor}",
            "person_count": 1500,
        },
    ),
}
# The words `show` prints for some of the values above (labels in Japanese, then in English).
SHOWN: dict[RecordType, tuple[list[str], list[str]]] = {
    RecordType.CONTRACTOR: (
        [
            "委託先名: 株式会社テスト印刷",
            "要配慮個人情報: はい",
            "状態: 委託中",
            "プライバシーマーク有効期限: 2027-03-31",
        ],
        ["Name: 株式会社テスト印刷", "Special-care PI: Yes", "Start date: 2026-04-01"],
    ),
    RecordType.EVALUATION: (
        ["委託先: 株式会社テスト印刷（#", "評価日: 2026-03-01", "承認: 承認待ち"],
        ["Contractor: 株式会社テスト印刷 (#", "Evaluation date: 2026-03-01", "Approval: awaiting approval"],
    ),
    RecordType.CONTRACT: (
        ["契約名: 秘密保持契約", "自動更新: いいえ", "秘密保持（機密保持）", "承認: 承認待ち"],
        ["Title: 秘密保持契約", "Auto-renewal: No"],
    ),
    RecordType.ENGAGEMENT: (["委託元: 株式会社委託元", "開始日: 2026-04-01"], ["Client: 株式会社委託元"]),
    RecordType.REDELEGATION: (
        ["受託業務: 株式会社委託元（#", "再委託先: 株式会社テスト印刷（#"],
        ["Engagement: 株式会社委託元 (#"],
    ),
    RecordType.CONSENT_HOP: (["同意取得日: 2026-03-20"], ["Consent obtained on: 2026-03-20"]),
    RecordType.JOINT_USE: (
        ["名称: グループ会社での共同利用", "2026-04-01"],
        ["Title: グループ会社での共同利用"],
    ),
    RecordType.JOINT_USE_CHANGE: (
        ["共同利用: グループ会社での共同利用（#", "変更日: 2026-06-01"],
        ["Changed on: 2026-06-01"],
    ),
    RecordType.OPT_OUT: (
        ["名称: 会員名簿の提供", "個人情報保護委員会への届出日: 2026-03-01"],
        ["Notified to the PPC on: 2026-03-01"],
    ),
    RecordType.OPT_OUT_CHANGE: (
        ["変更日: 2026-06-01", "オプトアウトによる第三者提供: 会員名簿の提供（#"],
        ["Takes effect on: 2026-06-01"],
    ),
    RecordType.STOP_REQUEST: (
        ["本人の氏名: 山田 花子", "オプトアウトによる第三者提供: 会員名簿の提供（#"],
        ["Person: 山田 花子"],
    ),
    RecordType.CORRECTIVE_ACTION: (
        ["実施者: 黒田 修", ": 委託先\n", ": 株式会社テスト印刷（#"],  # the kind's label, the record's name
        ["Done by: 黒田 修", ": Contractor\n", ": 株式会社テスト印刷 (#"],
    ),
    RecordType.PROVISION: (
        ["提供先の氏名・名称: 株式会社提供先", "提供年月日: 2026-05-01"],
        ["Recipient: 株式会社提供先"],
    ),
    RecordType.RECEIPT: (["提供者の氏名・名称: 株式会社提供元"], ["Provider: 株式会社提供元"]),
    RecordType.REQUEST: (["請求者（本人）の氏名: 山田 花子", "手数料（円）: 1000"], ["Fee (yen): 1000"]),
    RecordType.INCIDENT: (
        ["件名: 顧客名簿の誤送信", "関係する委託先: 株式会社テスト印刷（#", "未解決の指摘事項: "],
        ["Title: 顧客名簿の誤送信", "Open findings: "],
    ),
}
# One bad value per kind: (option, value), added to the good ones (the later one wins).
BAD: dict[RecordType, tuple[str, str]] = {
    RecordType.CONTRACTOR: ("--status", "retired"),
    RecordType.EVALUATION: ("--evaluated-on", "2026-02-30"),
    RecordType.CONTRACT: ("--kind", "handshake"),
    RecordType.ENGAGEMENT: ("--start-date", "someday"),
    RecordType.REDELEGATION: ("--contractor-id", "abc"),
    RecordType.CONSENT_HOP: ("--form", "telepathy"),
    RecordType.JOINT_USE: ("--responsible-is-corporation", "perhaps"),
    RecordType.JOINT_USE_CHANGE: ("--changed-on", "2026/2/30"),
    RecordType.OPT_OUT: ("--made-known-on", "令和8年13月1日"),
    RecordType.OPT_OUT_CHANGE: ("--field", "colour"),
    RecordType.STOP_REQUEST: ("--received-on", "2026-99-01"),
    RecordType.CORRECTIVE_ACTION: ("--rule", "evaluation.missing"),
    RecordType.PROVISION: ("--basis", "whim"),
    RecordType.RECEIPT: ("--confirmed-on", "tomorrow"),
    RecordType.REQUEST: ("--fee", "free"),
    RecordType.INCIDENT: ("--person-count", "many"),
}


Added = tuple[str, dict[RecordType, dict[str, Any]]]  # the database and the records added


def filled(text: str, ids: dict[str, int]) -> str:
    for name, value in ids.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def count(db: str, record_type: RecordType) -> int:
    """The rows of the kind's table (named as the kind)."""
    connection = sqlite3.connect(db.removeprefix("sqlite:///"))
    try:
        return int(connection.execute(f"SELECT count(*) FROM {record_type.value}").fetchone()[0])
    finally:
        connection.close()


def add_every_kind(url: str) -> dict[RecordType, dict[str, Any]]:
    """One record of every kind, added through `KIND add --json` (set-up mode: the commands act as the officer)."""
    from desktop.app import build_services

    build_services(url).close()
    ids: dict[str, int] = {}
    records: dict[RecordType, dict[str, Any]] = {}
    for record_type, (command, options, _) in KINDS.items():
        result = cli("--db", url, *command, *(filled(option, ids) for option in options), "--json")
        assert result.returncode == 0, (record_type, result.stderr)
        records[record_type] = json.loads(result.stdout)
        ids[record_type.value] = records[record_type]["id"]
    return records


def expected_values(record_type: RecordType, records: dict[RecordType, dict[str, Any]]) -> dict[str, Any]:
    ids = {kind.value: record["id"] for kind, record in records.items()}
    return {
        name: int(filled(value, ids)) if isinstance(value, str) and value.startswith("{") else value
        for name, value in KINDS[record_type][2].items()
    }


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> Added:
    url = f"sqlite:///{tmp_path_factory.mktemp('addshow') / 'itaku.sqlite3'}"
    return url, add_every_kind(url)


def test_every_kind_adds_and_shows_on_both_databases(database_url: str) -> None:
    records = add_every_kind(database_url)
    for record_type in KINDS:
        command = KINDS[record_type][0][:-1]
        result = cli(
            "--db", database_url, "--lang", "en", *command, "show", records[record_type]["id"], "--json"
        )
        assert result.returncode == 0, (record_type, result.stderr)
        shown = json.loads(result.stdout)
        assert {name: shown[name] for name in KINDS[record_type][2]} == expected_values(record_type, records)


@pytest.mark.parametrize("record_type", list(KINDS))
def test_add_then_show_json_gives_back_every_value(added: Added, record_type: RecordType) -> None:
    db, records = added
    command = KINDS[record_type][0][:-1]
    result = cli("--db", db, *command, "show", records[record_type]["id"], "--json")
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["id"] == records[record_type]["id"]
    assert set(SCHEMAS[record_type].names) <= set(shown)  # every field, raw
    for name, expected in expected_values(record_type, records).items():
        assert shown[name] == expected, name
    assert isinstance(shown["findings"], list)


@pytest.mark.parametrize("record_type", list(KINDS))
@pytest.mark.parametrize("language", ["ja", "en"])
def test_show_prints_each_field_by_its_label_and_value_as_displayed(
    added: Added, record_type: RecordType, language: str
) -> None:
    db, records = added
    command = KINDS[record_type][0][:-1]
    result = cli("--db", db, "--lang", language, *command, "show", records[record_type]["id"])
    assert result.returncode == 0, result.stderr
    schema = SCHEMAS[record_type]
    for schema_field in schema.fields:  # every field's label, in the language chosen
        assert f"  {schema_field.label.text(language)}: " in result.stdout, schema_field.name
    for words in SHOWN[record_type][0 if language == "ja" else 1]:
        assert words in result.stdout, words


def test_show_names_the_approval_state_and_the_open_findings_with_due_date_and_basis(added: Added) -> None:
    db, records = added
    result = cli("--db", db, "incident", "show", records[RecordType.INCIDENT]["id"], "--json")
    findings = json.loads(result.stdout)["findings"]
    assert findings and all(f["record_type"] == "incident" for f in findings)
    assert all(f["basis"] for f in findings) and any(f["due"] for f in findings)
    text = cli("--db", db, "--lang", "en", "incident", "show", records[RecordType.INCIDENT]["id"]).stdout
    due = next(f for f in findings if f["due"])
    assert f"due {due['due']}" in text and due["basis"] in text and due["message_en"] in text
    contract = json.loads(
        cli("--db", db, "contract", "show", records[RecordType.CONTRACT]["id"], "--json").stdout
    )
    assert contract["approval"] == {"state": "pending", "approver": None, "approved_on": None}
    assert cli("--db", db, "contract", "approve", "--id", contract["id"]).returncode == 0
    approved = cli("--db", db, "--lang", "en", "contract", "show", contract["id"])
    assert "Approval: approved" in approved.stdout


def test_evaluation_scores_round_trip(added: Added) -> None:
    db, records = added
    shown = json.loads(
        cli("--db", db, "evaluation", "show", records[RecordType.EVALUATION]["id"], "--json").stdout
    )
    assert shown["scores"] and set(shown["scores"].values()) == {2}
    assert shown["total_score"] == shown["max_score"]


@pytest.mark.parametrize("record_type", list(KINDS))
def test_a_bad_value_exits_2_naming_the_option_and_writes_nothing(
    added: Added, record_type: RecordType
) -> None:
    db, records = added
    ids = {kind.value: record["id"] for kind, record in records.items()}
    command, options, _ = KINDS[record_type]
    option, value = BAD[record_type]
    before = count(db, record_type)
    result = cli("--db", db, *command, *(filled(part, ids) for part in options), option, value)
    assert result.returncode == 2
    assert f"{option}: " in result.stderr  # the option, before what is wrong with it
    assert "Traceback" not in result.stderr
    assert count(db, record_type) == before


@pytest.mark.parametrize("record_type", list(KINDS))
def test_show_of_a_missing_id_exits_2_saying_so(added: Added, record_type: RecordType) -> None:
    from desktop.domain.schema import record_type_label

    db, _ = added
    command = KINDS[record_type][0][:-1]
    result = cli("--db", db, "--lang", "en", *command, "show", 999999)
    assert result.returncode == 2
    assert f"{record_type_label(record_type).en} #999999 not found" in result.stderr
    result = cli("--db", db, *command, "show", 999999)
    assert (
        result.returncode == 2
        and f"{record_type_label(record_type).ja} #999999 は見つかりません" in result.stderr
    )


def test_an_evaluation_without_scores_exits_2_naming_the_options(added: Added) -> None:
    db, _ = added
    before = count(db, RecordType.EVALUATION)
    result = cli(
        "--db",
        db,
        "evaluation",
        "add",
        "--contractor-id",
        "1",
        "--evaluated-on",
        "2026-03-01",
        "--evaluator",
        "x",
    )
    assert result.returncode == 2 and "--all-items" in result.stderr and "--score" in result.stderr
    result = cli(
        "--db",
        db,
        "evaluation",
        "add",
        "--contractor-id",
        "1",
        "--evaluated-on",
        "2026-03-01",
        "--evaluator",
        "x",
        "--all-items",
        "2",
        "--score",
        "NOPE=1",
    )
    assert result.returncode == 2 and "--score NOPE" in result.stderr
    assert count(db, RecordType.EVALUATION) == before


def test_every_schema_kind_has_add_and_show() -> None:
    """A new kind with a schema must get `add` and `show` (desktop.cli.kinds.KIND_COMMANDS), or say why not."""
    from desktop.cli import build_parser
    from desktop.cli.kinds import ADD_ELSEWHERE, KIND_COMMANDS, WITHOUT_ADD_SHOW

    assert set(KIND_COMMANDS) | set(WITHOUT_ADD_SHOW) == set(SCHEMAS)
    assert not set(KIND_COMMANDS) & set(WITHOUT_ADD_SHOW)
    assert set(KINDS) == set(KIND_COMMANDS)  # and this file adds and shows each one
    parser = build_parser()
    for record_type, kind in KIND_COMMANDS.items():
        commands: Any = parser._subparsers._group_actions[0]  # type: ignore[union-attr]
        actions = commands.choices[kind.path[0]].command_actions
        for word in kind.path[1:]:
            actions = actions.choices[word].command_actions
        assert {"add", "show"} <= set(actions.choices), record_type
        add = actions.choices["add"]
        options = {option for action in add._actions for option in action.option_strings}
        if record_type not in ADD_ELSEWHERE:  # every field of the schema is an option of the generated add
            for schema_field in SCHEMAS[record_type].fields:
                assert "--" + schema_field.name.replace("_", "-") in options, (record_type, schema_field.name)


def test_roles_hold_staff_add_the_auditor_cannot_officer_only_kinds_stay_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'roles.sqlite3'}"
    env = {"ITAKU_PASSWORD": PASSWORD, "ITAKU_NEW_PASSWORD": PASSWORD}
    assert cli("--db", url, "init", env=env).returncode == 0
    for name, role in (("staff", "staff"), ("auditor", "auditor")):
        assert (
            cli("--db", url, "--user", "officer", "user", "add", name, "--role", role, env=env).returncode
            == 0
        )
    options = KINDS[RecordType.CONTRACTOR][1]
    result = cli("--db", url, "--user", "auditor", "contractor", "add", *options, env=env)
    assert result.returncode == 2 and count(url, RecordType.CONTRACTOR) == 0
    result = cli("--db", url, "--user", "staff", "contractor", "add", *options, "--json", env=env)
    assert result.returncode == 0, result.stderr
    contractor = json.loads(result.stdout)["id"]
    shown = cli("--db", url, "--user", "auditor", "contractor", "show", contractor, "--json", env=env)
    assert shown.returncode == 0 and json.loads(shown.stdout)["name"] == "株式会社テスト印刷"
    action = [filled(part, {"contractor": contractor}) for part in KINDS[RecordType.CORRECTIVE_ACTION][1]]
    result = cli("--db", url, "--user", "staff", "corrective-action", "add", *action, env=env)
    assert result.returncode == 2 and count(url, RecordType.CORRECTIVE_ACTION) == 0


# The filter a kind's list needs: the record whose changes or consents it lists.
LIST_OF = {
    RecordType.CONSENT_HOP: ("--engagement", "engagement"),
    RecordType.JOINT_USE_CHANGE: ("--joint-use", "joint_use"),
    RecordType.OPT_OUT_CHANGE: ("--opt-out", "opt_out"),
}


@pytest.mark.parametrize("record_type", list(KINDS))
def test_every_kind_also_lists_the_record_added(added: Added, record_type: RecordType) -> None:
    db, records = added
    command = KINDS[record_type][0][:-1]
    option, parent = LIST_OF.get(record_type, (None, None))
    given = [option, records[RecordType(parent)]["id"]] if option and parent else []
    result = cli("--db", db, *command, "list", *given, "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    rows = listed["consents"] if isinstance(listed, dict) else listed
    assert records[record_type]["id"] in [row["id"] for row in rows]
