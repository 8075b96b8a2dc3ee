"""The items a joint use makes public (APPI Art. 27(5)(iii); ⑥ is a promise of our privacy policy §5(7), not
of the Act), worded once: the form's fields, the rules' findings and the PDF register's columns all name
them as they are written here."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.errors import Message


@dataclass(frozen=True)
class JointUseItem:
    number: str  # ①–⑥, as the policy numbers the items
    ja: str
    en: str

    @property
    def label(self) -> Message:
        return Message(f"{self.number} {self.ja}", f"{self.number} {self.en}")


STATEMENT = JointUseItem("①", "共同利用する旨", "Statement of joint use")
PI_ITEMS = JointUseItem("②", "共同利用される個人データの項目", "PI items jointly used")
SCOPE = JointUseItem("③", "共同利用する者の範囲", "Scope of joint users")
JOINT_USERS = JointUseItem("③", "共同利用者（名称）", "Named joint users")
PURPOSES = JointUseItem("④", "利用する者の利用目的", "Purposes of use")
RESPONSIBLE = JointUseItem("⑤", "責任者", "Responsible party")
RESPONSIBLE_NAME = JointUseItem("⑤", "責任者の氏名又は名称", "Responsible party's name")
RESPONSIBLE_ADDRESS = JointUseItem("⑤", "責任者の住所", "Responsible party's address")
RESPONSIBLE_IS_CORPORATION = JointUseItem("⑤", "責任者は法人", "Responsible party is a corporation")
REPRESENTATIVE = JointUseItem("⑤", "責任者の代表者の氏名", "Representative's name")
ACQUISITION = JointUseItem("⑥", "取得方法", "How the data is acquired")
