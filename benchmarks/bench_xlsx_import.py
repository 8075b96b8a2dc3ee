"""Import of a 10,000-row hand-kept ledger against a plain openpyxl read-only pass over the same file.

    .venv/bin/python benchmarks/bench_xlsx_import.py [--rows 10000]

Prints, all measured in this run on the same file:
  - plain: openpyxl read-only, every row's values (the floor for any importer);
  - read + check: our header detection, column recognition and per-cell cleaning (what the wizard previews);
  - import: the above plus writing every contractor, evaluation and NDA with its audit event into an
    empty SQLite database in one transaction (the number the target is about: within 3× of plain).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET_RATIO = 3.0
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


def build_ledger(path: Path, rows: int, with_evaluation_and_nda: bool = True) -> None:
    """A ledger as people keep it: title, date line, blank line, header with variants, era dates, 以上."""
    from openpyxl import Workbook

    from desktop.domain.values import make_corporate_number

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("委託先管理台帳")
    sheet.append(["委託先管理台帳"])
    sheet.append([None, None, None, "作成日", "令和8年4月1日"])
    sheet.append([])
    header = [
        "No.",
        "委託先名称",
        "法人番号",
        "所在地",
        "代表者名",
        "担当者",
        "電話番号",
        "委託業務の内容",
        "取扱う個人情報の項目",
        "件数",
        "Pマーク",
        "ISMS認証",
        "評価実施日",
        "評価結果",
        "次回評価予定日",
        "機密保持契約締結日",
        "契約終了日",
        "備考",
    ]
    sheet.append(header if with_evaluation_and_nda else header[:12])
    for index in range(rows):
        number = make_corporate_number(f"{200000000000 + index:012d}")
        sheet.append(
            [
                index + 1,
                f"株式会社ベンチ{index:05d}",
                number.translate(WIDE) if index % 2 else number,
                "東京都千代田区丸の内1-1-1",
                "代表取締役 山田 太郎",
                "佐藤 花子",
                f"03-{index % 10000:04d}-0000",
                "顧客データの入力・照合業務",
                "氏名、住所、電話番号",
                1000 + index,
                "有" if index % 3 else "無",
                "○" if index % 4 else "×",
                f"令和{7 + index % 2}年{1 + index % 12}月{1 + index % 28}日",
                "適合" if index % 5 else "条件付適合",
                None,
                f"{2024 + index % 2}/4/1",
                None,
                "台帳から" if index % 7 == 0 else None,
            ][: None if with_evaluation_and_nda else 12]
        )
    sheet.append([None, "以上"])
    workbook.save(path)


def plain_pass(path: Path) -> int:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = 0
    for sheet in workbook:
        for row in sheet.iter_rows(values_only=True):
            count += len(row)
    workbook.close()
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()

    from desktop.app import build_services
    from desktop.services.ledger_import import LedgerImportService

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for full in (True, False):
            ledger = folder / f"ledger-{full}.xlsx"
            build_ledger(ledger, args.rows, full)
            timings: dict[str, float] = {"plain": float("inf"), "read": float("inf"), "import": float("inf")}
            for attempt in range(2):
                start = time.perf_counter()
                plain_pass(ledger)
                timings["plain"] = min(timings["plain"], time.perf_counter() - start)

                services = build_services(
                    str(folder / f"db-{full}-{attempt}.sqlite3"), data_dir=folder / "files"
                )
                importer = LedgerImportService(services.context, services.settings)
                start = time.perf_counter()
                preview = importer.read(ledger)
                timings["read"] = min(timings["read"], time.perf_counter() - start)
                assert not preview.errors, preview.errors[:3]

                start = time.perf_counter()
                summary = importer.import_contractors(ledger)
                timings["import"] = min(timings["import"], time.perf_counter() - start)
                assert summary.added == args.rows, summary
                services.close()
            plain = timings["plain"]
            columns = 18 if full else 12
            print(
                f"ledger of {args.rows:,} rows × {columns} columns"
                f"{' (with evaluation and NDA columns)' if full else ' (contractor columns only)'}"
            )
            print(f"  plain openpyxl read-only pass: {plain:.2f} s")
            print(
                f"  read + check (wizard preview): {timings['read']:.2f} s, ratio {timings['read'] / plain:.2f}×"
            )
            print(
                f"  import into an empty database ({summary.added:,} contractors, {summary.evaluations:,} "
                f"evaluations, {summary.ndas:,} NDAs, each audited, one transaction): {timings['import']:.2f} s, "
                f"ratio {timings['import'] / plain:.2f}× (target ≤ {TARGET_RATIO}×)"
            )


if __name__ == "__main__":
    main()
