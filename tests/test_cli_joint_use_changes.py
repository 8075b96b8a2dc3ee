"""itaku-cli joint-use change add | edit | list: the change history with the basis of a change of the items or the
scope of joint users; bad input exits 2 naming the option or field and writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from desktop.cli import main
from desktop.store.models import JointUseChange

PASSWORD = "s3cret-pass"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setenv("ITAKU_PASSWORD", PASSWORD)
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert main(["--db", url, "init"]) == 0
    from desktop.app import build_services

    services = build_services(url, actor="officer", data_dir=tmp_path / "files")
    services.accounts.sign_in("officer", PASSWORD)
    services.joint_uses.create({"title": "グループ共同利用", "start_date": "2026-04-01"})
    services.close()
    capsys.readouterr()
    return url


def run(db: str, capsys: pytest.CaptureFixture[str], *args: str, lang: str = "ja") -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", db, "--user", "officer", "--lang", lang, "joint-use", "change", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def stored_changes(db: str) -> int:
    engine = create_engine(db)
    with engine.connect() as connection:
        count = int(connection.scalar(select(func.count(JointUseChange.id))) or 0)
    engine.dispose()
    return count


def test_a_change_of_scope_is_recorded_with_its_basis_and_listed(db, capsys):
    code, out, err = run(
        db,
        capsys,
        "add",
        "--joint-use",
        "1",
        "--field",
        "scope",
        "--description",
        "合併した子会社を共同利用者に加える",
        "--changed-on",
        "令和8年10月1日",
        "--basis",
        "succession",
        "--basis-reason",
        "吸収合併により事業を承継",
        "--json",
    )
    assert code == 0, err
    recorded = json.loads(out)
    assert (recorded["field"], recorded["changed_on"], recorded["basis"]) == (
        "scope",
        "2026-10-01",
        "succession",
    )
    code, out, err = run(db, capsys, "list", "--joint-use", "1")
    assert code == 0, err
    assert "合併・事業譲渡等による承継（吸収合併により事業を承継）" in out and "共同利用の変更 1 件" in out
    code, out, _ = run(db, capsys, "list", "--joint-use", "1", "--json")
    assert [row["basis_reason"] for row in json.loads(out)] == ["吸収合併により事業を承継"]


def test_a_basis_recorded_later_by_edit_clears_the_finding(db, capsys):
    code, _, err = run(
        db, capsys, "add", "--joint-use", "1", "--field", "pi_items", "--description", "項目追加",
        "--changed-on", "2026-10-01",
    )  # fmt: skip
    assert code == 0, err
    capsys.readouterr()
    main(["--db", db, "--user", "officer", "check", "--json"])
    rules = {finding["rule"] for finding in json.loads(capsys.readouterr().out)}
    assert "joint_use.change_without_basis" in rules
    code, out, err = run(
        db, capsys, "edit", "--id", "1", "--basis", "consent", "--basis-reason", "会員全員から同意書を取得"
    )
    assert code == 0, err
    assert "#1" in out
    main(["--db", db, "--user", "officer", "check", "--json"])
    rules = {finding["rule"] for finding in json.loads(capsys.readouterr().out)}
    assert "joint_use.change_without_basis" not in rules


@pytest.mark.parametrize(
    ("options", "named"),
    [
        (["--field", "purpose", "--basis", "consent", "--basis-reason", "同意"], "basis"),
        (["--field", "scope", "--basis", "consent"], "basis_reason"),
        (["--field", "scope", "--basis", "notice", "--basis-reason", "公表した"], "basis"),
        (["--field", "scope", "--changed-on", "2026-13-01"], "--changed-on"),
        (["--field", "scope", "--joint-use", "99"], "joint_use_id"),
    ],
)
def test_bad_input_exits_2_naming_the_field_and_writes_nothing(db, capsys, options, named):
    base = {"--joint-use": "1", "--description": "変更", "--changed-on": "2026-10-01"}
    for index in range(0, len(options), 2):
        base[options[index]] = options[index + 1]
    arguments = [part for pair in base.items() for part in pair]
    code, _, err = run(db, capsys, "add", *arguments)
    assert code == 2
    assert named in err
    assert stored_changes(db) == 0


def test_edit_clear_empties_the_notice_date_and_the_finding_follows(db, capsys):
    """`joint-use change edit --clear noticed-on` empties a recorded date (an empty `--noticed-on ""` says
    how); a required value cannot be emptied; a bad field exits 2 naming it, and nothing is written."""
    code, out, err = run(
        db,
        capsys,
        *("add", "--joint-use", "1", "--field", "purpose", "--description", "目的の追加"),
        *("--changed-on", "2026-10-01", "--noticed-on", "2026-09-01", "--json"),
    )
    assert code == 0, err
    change_id = str(json.loads(out)["id"])
    for bad, named in (
        (("--noticed-on", ""), "--noticed-on"),
        (("--clear", "changed-on"), "--clear changed-on"),
        (("--clear", "no-such-field"), "--clear no-such-field"),
        (("--clear", "noticed-on", "--noticed-on", "2026-09-02"), "--noticed-on"),
    ):
        code, _out, err = run(db, capsys, "edit", "--id", change_id, *bad)
        assert code == 2 and named in err, err
    _code, out, _err = run(db, capsys, "list", "--joint-use", "1", "--json")
    assert [row["noticed_on"] for row in json.loads(out)] == ["2026-09-01"]
    code, out, err = run(db, capsys, "edit", "--id", change_id, "--clear", "noticed-on", "--json")
    assert code == 0, err
    assert json.loads(out)["noticed_on"] is None
    _code, out, _err = run(db, capsys, "list", "--joint-use", "1", "--json")
    assert [row["noticed_on"] for row in json.loads(out)] == [None]
