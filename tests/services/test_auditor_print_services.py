"""Issue 14's printed words at the service level: public notices date as Japanese documents do (2025年11月6日),
and the contractor list orders by フリガナ as the PDF registers do (no フリガナ last, then by name)."""

from __future__ import annotations

from datetime import date

from desktop.domain.values import japanese_date
from desktop.services.facade import Services


def test_a_japanese_date_has_no_zero_padding() -> None:
    assert japanese_date(date(2025, 11, 6)) == "2025年11月6日"
    assert japanese_date(date(2026, 1, 1)) == "2026年1月1日"


def test_the_public_joint_use_notice_dates_without_zero_padding(services: Services) -> None:
    joint_use = services.joint_uses.create({"title": "顧客情報の共同利用", "start_date": date(2026, 4, 1)})
    notice = services.joint_uses.notice(joint_use.id)
    assert "共同利用の開始日: 2026年4月1日" in notice.splitlines()
    assert "04月" not in notice and "01日" not in notice


def test_the_opt_out_notice_dates_without_zero_padding(services: Services) -> None:
    opt_out = services.opt_outs.create({"title": "会員名簿の提供", "start_date": date(2026, 2, 3)})
    notice = services.opt_outs.notice(opt_out.id)
    assert "提供開始日: 2026年2月3日" in notice.splitlines()


def test_the_contractor_list_in_kana_order_puts_those_without_kana_last_then_by_name(
    services: Services,
) -> None:
    for name, kana in (
        ("株式会社ん", None),
        ("株式会社あ", None),
        ("株式会社葵", "アオイ"),
        ("株式会社青葉", "アオバ"),
        ("株式会社朝日", "アサヒ"),
    ):
        services.contractors.create({"name": name, "kana": kana})
    ascending = [row.name for row in services.contractors.search(order_by="kana")]
    assert ascending == ["株式会社葵", "株式会社青葉", "株式会社朝日", "株式会社あ", "株式会社ん"]
    descending = [row.name for row in services.contractors.search(order_by="kana", descending=True)]
    assert descending == ["株式会社朝日", "株式会社青葉", "株式会社葵", "株式会社ん", "株式会社あ"]
