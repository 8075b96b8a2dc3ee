"""The items an opt-out provision tells the persons and notifies to the PPC (policy §5(3) ①–⑤; APPI Art.
27(2)), worded once: the form's fields, the rules' findings, the PDF register and the workbook name them as
they are written here. Also the categories of special-care PI (APPI Art. 2(3)), which opt-out may never
provide (Art. 27(2) proviso)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.errors import Message


@dataclass(frozen=True)
class OptOutItem:
    number: str  # ①–⑤, as policy §5(3) numbers the items
    ja: str
    en: str

    @property
    def label(self) -> Message:
        return Message(f"{self.number} {self.ja}", f"{self.number} {self.en}")


PURPOSE = OptOutItem("①", "第三者への提供を利用目的とすること", "Provision to third parties as a purpose")
PI_ITEMS = OptOutItem("②", "第三者に提供される個人情報の項目", "PI items provided")
PROVISION_METHOD = OptOutItem("③", "第三者への提供の手段又は方法", "Means or method of provision")
STOP_STATEMENT = OptOutItem(
    "④", "本人の求めに応じて提供を停止すること", "Provision stops at the person's request"
)
STOP_REQUEST_METHOD = OptOutItem("④", "停止の求めを受け付ける方法", "How to request the stop")
ACQUISITION_METHOD = OptOutItem("⑤", "取得方法", "How the data is acquired")

# The fields of an opt-out arrangement holding the items, in the policy's order.
ITEM_FIELDS: tuple[tuple[str, OptOutItem], ...] = (
    ("purpose_statement", PURPOSE),
    ("pi_items", PI_ITEMS),
    ("provision_method", PROVISION_METHOD),
    ("stop_statement", STOP_STATEMENT),
    ("stop_request_method", STOP_REQUEST_METHOD),
    ("acquisition_method", ACQUISITION_METHOD),
)

# Words naming a category of special-care PI (要配慮個人情報, APPI Art. 2(3); Cabinet Order Art. 2): an item
# of the arrangement that contains one is special-care PI, whatever the box "includes special-care PI" says.
SPECIAL_CARE_WORDS: tuple[str, ...] = (
    "人種",
    "信条",
    "社会的身分",
    "病歴",
    "犯罪の経歴",
    "犯罪歴",
    "前科",
    "犯罪により害を被った",
    "犯罪被害",
    "障害",
    "健康診断",
    "診療",
    "調剤",
    "逮捕",
    "刑事事件",
    "少年の保護事件",
)


def special_care_items(pi_items: Iterable[str]) -> tuple[str, ...]:
    """The PI items that name a category of special-care PI (NFKC, as written)."""
    return tuple(
        item
        for item in pi_items
        if any(word in unicodedata.normalize("NFKC", item) for word in SPECIAL_CARE_WORDS)
    )
