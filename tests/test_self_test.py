"""The self-test (`itaku --self-test`): it passes on a working installation and names the failing step otherwise."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import self_test
from desktop.domain.rules import RULES
from desktop.self_test import SelfTest, SelfTestFailure, count_pdf_pages, run_self_test, verify_pdf

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def self_test_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    """One real run in a subprocess (its own QApplication), keeping what it wrote."""
    keep = tmp_path_factory.mktemp("self-test-keep")
    environment = dict(os.environ, ITAKU_DATA_DIR=str(keep / "userdata"))
    environment.pop("QT_QPA_PLATFORM", None)  # the self-test must make itself headless
    result = subprocess.run(
        [sys.executable, "-m", "desktop.self_test", "--keep", str(keep)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result, keep


def test_self_test_passes_every_step_from_source(
    self_test_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    result, _keep = self_test_run
    assert result.returncode == 0, result.stdout + result.stderr
    for name, _step in self_test.STEPS:
        assert f"ok   {name}" in result.stdout
    assert f"all {len(RULES)} rules fired" in result.stdout
    assert "self-test passed" in result.stdout


def test_self_test_keeps_its_database_pdf_workbook_and_window_picture(
    self_test_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    _result, keep = self_test_run
    assert (keep / "self-test.db").stat().st_size > 0
    assert (keep / "contractors.pdf").read_bytes().startswith(b"%PDF-")
    assert (keep / "audit.xlsx").read_bytes().startswith(b"PK")
    assert (keep / "window.png").read_bytes().startswith(b"\x89PNG")


def test_self_test_leaves_nothing_in_the_user_data_folder(
    self_test_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    _result, keep = self_test_run
    assert not (keep / "userdata").exists()


def test_builtin_pdf_reader_counts_the_pages_pypdf_counts(
    self_test_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    from pypdf import PdfReader

    _result, keep = self_test_run
    pdf = keep / "contractors.pdf"
    assert count_pdf_pages(pdf.read_bytes()) == len(PdfReader(str(pdf)).pages)


def test_builtin_pdf_reader_refuses_a_truncated_file(
    self_test_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    _result, keep = self_test_run
    data = (keep / "contractors.pdf").read_bytes()
    with pytest.raises(SelfTestFailure, match="EOF"):
        count_pdf_pages(data[: len(data) // 2])


def test_builtin_pdf_reader_refuses_a_file_that_is_not_a_pdf() -> None:
    with pytest.raises(SelfTestFailure, match="%PDF"):
        count_pdf_pages(b"PK\x03\x04 not a pdf %%EOF")


def test_pdf_check_fails_when_the_page_count_differs(
    self_test_run: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    _result, keep = self_test_run
    with pytest.raises(SelfTestFailure, match="pages"):
        verify_pdf(keep / "contractors.pdf", expected_pages=99)


def _failing_step(state: SelfTest) -> str:
    raise SelfTestFailure("the demo data has no contractors")


def _crashing_step(state: SelfTest) -> str:
    raise RuntimeError("disk full")


def _passing_step(state: SelfTest) -> str:
    return "fine"


def test_a_failing_step_stops_the_run_and_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    after = []
    monkeypatch.setattr(
        self_test,
        "STEPS",
        (
            ("first", _passing_step),
            ("demo data", _failing_step),
            ("never", lambda state: after.append(1) or ""),
        ),
    )
    out = io.StringIO()
    assert run_self_test(stream=out) == self_test.EXIT_FAILED
    report = out.getvalue()
    assert "ok   first" in report
    assert "FAIL demo data" in report
    assert "demo data: the demo data has no contractors" in report
    assert after == []


def test_an_unexpected_error_fails_the_step_with_its_cause(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(self_test, "STEPS", (("audit workbook", _crashing_step),))
    out = io.StringIO()
    assert run_self_test(stream=out) == self_test.EXIT_FAILED
    assert "audit workbook: RuntimeError: disk full" in out.getvalue()
    assert "Traceback" in capsys.readouterr().err


def test_the_environment_is_restored_after_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = {}

    def record(state: SelfTest) -> str:
        seen.update(
            platform=os.environ.get("QT_QPA_PLATFORM"),
            data=os.environ.get("ITAKU_DATA_DIR"),
            url=os.environ.get("ITAKU_DATABASE_URL"),
        )
        return "recorded"

    monkeypatch.setattr(self_test, "STEPS", (("environment", record),))
    monkeypatch.setenv("ITAKU_DATABASE_URL", "postgresql+psycopg://server/production")
    before = os.environ.get("ITAKU_DATA_DIR")
    assert run_self_test(stream=io.StringIO()) == self_test.EXIT_OK
    assert seen["platform"] == "offscreen"
    assert seen["url"] is None  # never the user's database
    assert seen["data"] != before
    assert os.environ.get("ITAKU_DATA_DIR") == before
    assert os.environ["ITAKU_DATABASE_URL"] == "postgresql+psycopg://server/production"


def test_report_option_writes_the_report_to_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(self_test, "STEPS", (("only", _passing_step),))
    report = tmp_path / "self-test.txt"
    assert self_test.main(["--report", str(report)]) == self_test.EXIT_OK
    text = report.read_text(encoding="utf-8")
    assert "ok   only" in text
    assert "self-test passed: 1 steps" in text


def test_launcher_sends_self_test_to_the_self_test() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "launcher.py"), "--self-test", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "usage: itaku --self-test" in result.stdout
