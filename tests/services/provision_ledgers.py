"""Hand-kept registers of third-party provisions (第三者提供記録簿), built as people keep them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl

# Two header rows: 提供先 and 本人 are groups (merged cells) over their columns; the others merged down.
TOP = [
    "No.",
    "提供年月日",
    "提供先",
    None,
    None,
    "本人",
    None,
    "提供した個人データの項目",
    "提供の根拠",
    "方法",
    "備考",
]
BOTTOM = [None, None, "名称", "住所", "代表者", None, "会員番号", None, None, None, None]
BOTTOM[5] = "氏名"


def line(no: int, on: Any, recipient: Any, **values: Any) -> list[Any]:
    """One line of the register; every column filled unless given."""
    base = {
        "address": "東京都港区芝公園1-1-1",
        "representative": "代表取締役 鈴木 一郎",
        "persons": "山田 太郎",
        "references": "M-0001",
        "items": "氏名、住所、電話番号",
        "basis": "本人の同意",
        "method": "電子",
        "notes": None,
    }
    base.update(values)
    return [
        no,
        on,
        recipient,
        base["address"],
        base["representative"],
        base["persons"],
        base["references"],
        base["items"],
        base["basis"],
        base["method"],
        base["notes"],
    ]


def hand_kept_register(path: Path, lines: list[list[Any]], *, sheet: str = "第三者提供記録簿") -> Path:
    """A title, a 作成日 line, a blank line, the two header rows (merged groups), the lines with a blank line
    and pre-numbered empty lines among them, then 以上."""
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    worksheet.append(["第三者提供記録簿（令和7年度）"])
    worksheet.merge_cells("A1:K1")
    worksheet.append([None] * 9 + ["作成日", "令和7年4月1日"])
    worksheet.append([])
    worksheet.append(TOP)
    worksheet.append(BOTTOM)
    worksheet.merge_cells("C4:E4")
    worksheet.merge_cells("F4:G4")
    for column in "ABHIJK":
        worksheet.merge_cells(f"{column}4:{column}5")
    for index, cells in enumerate(lines):
        worksheet.append(cells)
        if index == 0:
            worksheet.append([])  # a blank line among the data
    worksheet.append([len(lines) + 1])  # a numbered line of the form, not filled in
    worksheet.append([len(lines) + 2])
    worksheet.append([None] * 10 + ["以上"])
    workbook.save(path)
    return path


def realistic_lines() -> list[list[Any]]:
    """What a legal team writes: era dates, slashes, full-width digits, an Excel date cell, a period."""
    return [
        line(1, "令和7年4月1日", "株式会社東京データ", notes="顧客リストの提供"),
        line(
            2, "２０２５/５/１５", "大阪物流株式会社", method="紙", basis="同意", references="M-0002、M-0003"
        ),
        line(
            3, datetime(2025, 6, 2), "名古屋警察署", basis="法令に基づく", method="書面", representative=None
        ),
        line(
            4,
            "2025/7/1～2025/9/30",
            "株式会社札幌マーケティング",
            basis="オプトアウト",
            items="氏名、メールアドレス",
        ),
        line(5, "R7.8.1", "株式会社福岡商事", items=None, method=None, persons=None, references=None),
    ]
