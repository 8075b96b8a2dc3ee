"""`itaku-cli export --xlsx` and `itaku-cli import contractors`: exit codes and what they print."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from desktop.cli import main
from desktop.domain.values import make_corporate_number

NUMBER = make_corporate_number("300000000003")


def _ledger(path: Path, *rows: list[object]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "委託先一覧"
    sheet.append(["委託先管理台帳（2026年度）"])
    sheet.append(["会社名", "法人番号", "評価日", "評価結果"])
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def errors_of(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What a command printed on stderr, without the set-up notice of a database that has no accounts yet."""
    return [
        line
        for line in capsys.readouterr().err.strip().splitlines()
        if not line.startswith(("注意:", "Note:"))
    ]


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A database `itaku-cli init` made (no account yet: set-up mode); --db never creates one."""
    path = str(tmp_path / "cli.sqlite3")
    assert main(["--db", path, "init"]) == 0
    return path


def test_import_prints_the_counts_and_exits_0(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _ledger(tmp_path / "l.xlsx", ["A社", NUMBER, "令和8年4月1日", "適合"], ["B社", None, None, None])
    assert main(["--db", db, "import", "contractors", str(path)]) == 0
    assert "追加 2 件、更新 0 件、変更なし 0 件" in capsys.readouterr().out
    assert main(["--db", db, "--lang", "en", "import", "contractors", str(path)]) == 0
    assert "0 added, 0 updated, 2 unchanged" in capsys.readouterr().out


def test_import_lists_every_error_as_row_column_value_reason_and_exits_2(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _ledger(
        tmp_path / "l.xlsx", ["A社", "1234567890123", None, None], [None, None, "2026/4/1", "良くない"]
    )
    assert main(["--db", db, "import", "contractors", str(path)]) == 2
    err = errors_of(capsys)
    assert err == [
        "3 件のエラーがあるため、取り込みませんでした。",
        "行, 列, 値, 理由",
        "3, 法人番号, 「1234567890123」, チェックデジットが一致しません",
        "4, 会社名, （空欄）, 入力してください",
        "4, 評価結果, 「良くない」, 適合／条件付適合／不適合のいずれかを入力してください",
    ]
    assert main(["--db", db, "contractor", "list"]) == 0
    assert "0 件" in capsys.readouterr().out


def test_dry_run_counts_and_writes_nothing(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _ledger(tmp_path / "l.xlsx", ["A社", NUMBER, None, None])
    assert main(["--db", db, "import", "contractors", str(path), "--dry-run"]) == 0
    assert "確認のみ（書き込みなし）: 追加 1 件" in capsys.readouterr().out
    main(["--db", db, "contractor", "list"])
    assert "0 件" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (b"name,corporate number\n", "Excel ブック（.xlsx）ではありません"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "パスワードで保護されています",
        ),
    ],
)
def test_an_unreadable_file_gets_one_sentence_and_exit_2(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str], content: bytes, sentence: str
) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    assert main(["--db", db, "import", "contractors", str(path)]) == 2
    err = errors_of(capsys)
    assert len(err) == 1 and sentence in err[0]


def test_a_sheet_without_a_header_gets_one_sentence_and_exit_2(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["売上", "金額"])
    workbook.save(tmp_path / "sales.xlsx")
    assert main(["--db", db, "import", "contractors", str(tmp_path / "sales.xlsx")]) == 2
    err = errors_of(capsys)
    assert len(err) == 1 and err[0].startswith("見出し行が見つかりません")


def test_export_writes_the_workbook_and_names_its_sheets(
    tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db, "demo", "--size", "20"]) == 0
    out = tmp_path / "out" / "audit.xlsx"
    today = datetime.now(ZoneInfo("Asia/Tokyo")).date()  # the command's clock is the real one
    assert main(["--db", db, "export", "--xlsx", str(out), "--as-of", today.isoformat()]) == 0
    assert "委託先 20" in capsys.readouterr().out
    assert openpyxl.load_workbook(out)["委託先"].max_row == 21


def test_export_refuses_a_bad_as_of_date(tmp_path: Path, db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "export", "--xlsx", str(tmp_path / "a.xlsx"), "--as-of", "someday"]) == 2
    assert any("--as-of" in line for line in errors_of(capsys))
