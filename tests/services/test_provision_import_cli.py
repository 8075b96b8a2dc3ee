"""`itaku-cli import provisions FILE.xlsx [--sheet NAME] [--dry-run]`: the summary, or exit 2 listing every
error (row, column, value, reason) with nothing written (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.services.provision_ledgers import hand_kept_register, line, realistic_lines
from tests.test_cli import cli


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A database `itaku-cli init` made (no account yet: set-up mode)."""
    from desktop.app import build_services

    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    build_services(url).close()
    return url


def _listed(db: str) -> list[dict[str, object]]:
    result = cli("--db", db, "provision", "list", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_import_prints_the_summary_with_the_findings_and_what_to_do_next(tmp_path: Path, db: str) -> None:
    path = hand_kept_register(tmp_path / "register.xlsx", realistic_lines())
    result = cli("--db", db, "import", "provisions", path)
    assert result.returncode == 0, result.stderr
    assert "第三者提供記録 追加 5 件、登録済み 0 件（うち指摘事項のある記録 3 件）" in result.stdout
    assert "provision.item_missing" in result.stdout and "次にすること:" in result.stdout
    assert "itaku-cli check" in result.stdout
    assert len(_listed(db)) == 5
    again = cli("--db", db, "--lang", "en", "import", "provisions", path)
    assert again.returncode == 0
    assert "0 provision record(s) added, 5 already registered; 0 with findings" in again.stdout
    assert "Nothing else to do." in again.stdout


def test_import_lists_every_error_and_exits_2_writing_nothing(tmp_path: Path, db: str) -> None:
    lines = realistic_lines()
    lines[1] = line(2, "令和7年13月1日", "大阪物流株式会社")
    lines[4] = line(5, "R7.8.1", "株式会社福岡商事", basis="たぶん", method="伝書鳩")
    path = hand_kept_register(tmp_path / "register.xlsx", lines)
    result = cli("--db", db, "import", "provisions", path)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if not line.startswith(("注意:", "Note:"))]
    assert errors[0] == "3 件のエラーがあるため、取り込みませんでした。"
    assert errors[1] == "行, 列, 値, 理由"
    assert errors[2].startswith("8, 提供年月日, 「令和7年13月1日」, ")
    assert errors[3].startswith("11, 提供の根拠, 「たぶん」, ")
    assert errors[4].startswith("11, 方法, 「伝書鳩」, ")
    assert _listed(db) == []


def test_dry_run_says_so_and_writes_nothing(tmp_path: Path, db: str) -> None:
    path = hand_kept_register(tmp_path / "register.xlsx", realistic_lines())
    result = cli("--db", db, "import", "provisions", path, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("確認のみ（書き込みなし）: 第三者提供記録 追加 5 件")
    assert _listed(db) == []


def test_a_missing_sheet_or_file_exits_2_in_one_sentence(tmp_path: Path, db: str) -> None:
    path = hand_kept_register(tmp_path / "register.xlsx", realistic_lines())
    result = cli("--db", db, "import", "provisions", path, "--sheet", "無いシート")
    assert result.returncode == 2
    assert "シート「無いシート」がありません（あるシート: 第三者提供記録簿）" in result.stderr
    missing = cli("--db", db, "--lang", "en", "import", "provisions", tmp_path / "nowhere.xlsx")
    assert missing.returncode == 2 and "File not found" in missing.stderr
