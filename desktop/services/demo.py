"""Realistic fictional Japanese demo data, deterministic per seed; some records deliberately break each rule.

Built with bulk INSERTs of each table (not one ORM object at a time) so that 10,000 contractors load in
seconds; every record still gets its audit event.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop.domain import ledger
from desktop.domain.checklist import DEFAULT_TEMPLATE, Thresholds, items_for_route, score_evaluation
from desktop.domain.clauses import CLAUSES, CONFIDENTIALITY, REQUIRED_CLAUSES
from desktop.domain.consent_chain import CLIENT, ORIGINAL, US, intermediate_key, redelegation_key
from desktop.domain.enums import AuditAction
from desktop.domain.errors import Message, ValidationError
from desktop.domain.kinds import RecordType, RuleId
from desktop.domain.roles import Role
from desktop.domain.rules import add_months
from desktop.domain.values import make_corporate_number
from desktop.services.accounts import AccountService
from desktop.services.audit import chain, json_value
from desktop.services.context import ServiceContext
from desktop.store.models import (
    AuditEvent,
    CompanyProfile,
    ConsentHop,
    Contract,
    Contractor,
    CorrectiveAction,
    Engagement,
    Evaluation,
    Incident,
    JointUse,
    JointUseChange,
    OptOut,
    OptOutChange,
    Provision,
    Receipt,
    Redelegation,
    Request,
    StopRequest,
)
from desktop.store.queries import bulk

_CORES = [
    ("さくら", "サクラ"),
    ("青葉", "アオバ"),
    ("北斗", "ホクト"),
    ("東海", "トウカイ"),
    ("瑞穂", "ミズホ"),
    ("富士見", "フジミ"),
    ("浜松", "ハママツ"),
    ("若葉", "ワカバ"),
    ("銀河", "ギンガ"),
    ("大和", "ヤマト"),
    ("白鷺", "シラサギ"),
    ("日向", "ヒナタ"),
    ("千歳", "チトセ"),
    ("明星", "ミョウジョウ"),
    ("葵", "アオイ"),
    ("朝日", "アサヒ"),
    ("光陽", "コウヨウ"),
    ("緑川", "ミドリカワ"),
    ("双葉", "フタバ"),
    ("鳳", "オオトリ"),
]
_TRADES = [
    ("データサービス", "データサービス", "顧客データの入力・照合業務"),
    ("システム", "システム", "基幹システムの保守・運用"),
    ("印刷", "インサツ", "ダイレクトメールの印刷・封入・発送"),
    ("ロジスティクス", "ロジスティクス", "商品の配送（氏名・住所の取扱い）"),
    ("コールセンター", "コールセンター", "問い合わせ窓口の運営"),
    ("情報処理", "ジョウホウショリ", "アンケートの集計・分析"),
    ("クラウド", "クラウド", "クラウドサーバーのホスティング"),
    ("人材サービス", "ジンザイサービス", "給与計算・社会保険手続"),
    ("マーケティング", "マーケティング", "メール配信・キャンペーン運営"),
    ("文書保管", "ブンショホカン", "書類の保管・溶解処理"),
]
_PI_ITEMS = [
    "氏名",
    "住所",
    "電話番号",
    "メールアドレス",
    "生年月日",
    "購入履歴",
    "問い合わせ内容",
    "口座番号",
    "勤務先",
    "性別",
]
_CITIES = [
    "東京都千代田区丸の内",
    "東京都港区芝浦",
    "大阪府大阪市北区梅田",
    "愛知県名古屋市中区栄",
    "福岡県福岡市博多区博多駅前",
    "北海道札幌市中央区北一条西",
    "宮城県仙台市青葉区中央",
    "神奈川県横浜市西区みなとみらい",
    "京都府京都市下京区烏丸通",
    "広島県広島市中区紙屋町",
]
_SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田"]
_GIVEN = ["一郎", "花子", "健太", "美咲", "大輔", "陽子", "翔", "由美", "誠", "恵"]
_FOREIGN = [
    "Pacific Data Cloud Inc.",
    "Harbor Analytics Pte. Ltd.",
    "Emerald Support Services Ltd.",
    "Northwind Mailing LLC",
    "Blue Lagoon Hosting Ltd.",
]
_CLIENTS = [
    "株式会社みなと銀行",
    "東邦生命保険株式会社",
    "株式会社スマイル通販",
    "医療法人社団はるか会",
    "株式会社関東電力サービス",
    "株式会社ひかり教育",
    "株式会社やまびこ旅行",
    "株式会社北陸ガス",
]

# The contractors at these positions are the deliberate breaches; the rest are compliant.
BREACHES = (
    RuleId.EVALUATION_MISSING,
    RuleId.EVALUATION_FAILED,
    RuleId.EVALUATION_CONDITIONAL,
    RuleId.EVALUATION_OVERDUE,
    "evaluation.due_soon",
    RuleId.EVALUATION_CERTIFICATE_EXPIRED,
    RuleId.CONTRACT_NDA_MISSING,
    RuleId.CONTRACT_CLAUSES_MISSING,
    RuleId.CONTRACT_EXPIRING,
    RuleId.CONTRACTOR_DISPOSAL_UNCONFIRMED,
    RuleId.CONTRACTOR_FOREIGN_REGIME_MISSING,
    RuleId.CONTRACTOR_ENTRUSTED_NOT_SELECTED,  # a candidate past its start date, re-delegated to as well
    "contractor.future_start",  # active, starting in 20 days, not evaluated yet: warnings due on the start
)
MIN_SIZE = len(BREACHES) + 2  # two compliant contractors at least, for the re-delegations


@dataclass(frozen=True)
class DemoSummary:
    contractors: int
    evaluations: int
    contracts: int
    engagements: int
    consent_hops: int
    redelegations: int
    joint_uses: int
    joint_use_changes: int
    opt_outs: int = 0
    opt_out_changes: int = 0
    stop_requests: int = 0
    provisions: int = 0  # 第三者提供記録 (issue 15)
    receipts: int = 0  # 確認記録 (issue 15)
    requests: int = 0
    incidents: int = 0
    accounts: tuple[str, ...] = ()  # the accounts created with the data (demo_password given)


# Where a foreign contractor is: an address, a representative and a telephone number of its own country.
_FOREIGN_CONTACTS = {
    "US": ("{n} Market Street, Suite {s}, San Francisco, CA 94105, USA", "CEO", "+1-415-555-{p:04d}"),
    "SG": ("{n} Raffles Place, #{s:02d}-01, Singapore 048616", "Managing Director", "+65-6555-{p:04d}"),
    "IE": ("{n} Grand Canal Square, Dublin 2, D02 X576, Ireland", "Managing Director", "+353-1-555-{p:04d}"),
}
_FOREIGN_PEOPLE = (
    "Emily Carter",
    "Daniel Tan",
    "Siobhan Murphy",
    "Michael Chen",
    "Aoife Byrne",
    "Rachel Lim",
)


def _foreign_contact(country: str, i: int, rng: random.Random) -> dict[str, Any]:
    address, title, phone = _FOREIGN_CONTACTS[country]
    return {
        "address": address.format(n=rng.randint(1, 200), s=rng.randint(2, 40)),
        "representative": f"{title} {rng.choice(_FOREIGN_PEOPLE)}",
        "contact_person": rng.choice(_FOREIGN_PEOPLE),
        "email": f"privacy{i}@example.com",
        "phone": phone.format(p=rng.randint(0, 9999)),
    }


def _japanese_contact(i: int, rng: random.Random) -> dict[str, Any]:
    return {
        "address": rng.choice(_CITIES) + f"{rng.randint(1, 9)}-{rng.randint(1, 20)}-{rng.randint(1, 30)}",
        "representative": f"代表取締役 {_person(rng)}",
        "contact_person": _person(rng),
        "email": f"privacy{i}@example.co.jp",
        "phone": f"03-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
    }


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_SURNAMES)} {rng.choice(_GIVEN)}"


class DemoService:
    def __init__(self, context: ServiceContext):
        self.context = context

    def load(self, size: int = 40, seed: int = 1, demo_password: str | None = None) -> DemoSummary:
        """Load the demo data in one transaction. With `demo_password`, an officer (signed in, on a database
        without accounts yet) also gets the accounts officer, staff and auditor in that same transaction: a
        crash leaves the data with its accounts or neither."""
        if size < MIN_SIZE or size > 1_000_000:
            raise ValidationError(
                {
                    "size": Message(
                        f"件数は{MIN_SIZE}〜1,000,000で指定してください",
                        f"size must be between {MIN_SIZE} and 1,000,000",
                    )
                }
            )
        if self.context.database.enforces_roles:
            # The demo's approvals carry their own past dates; on a team database only the server's
            # itaku_approve sets an approval (dated the day it is made), and fictitious data has no place there.
            raise ValidationError(
                {
                    "database": Message(
                        "チームのデータベース（PostgreSQL、権限設定済み）にはデモデータを読み込めません。"
                        "SQLite のファイルなど練習用のデータベースに読み込んでください",
                        "demo data cannot be loaded into a team database (PostgreSQL with its roles in force): "
                        "load it into a practice database, such as a SQLite file",
                    )
                }
            )
        with self.context.write() as session:
            if (
                session.scalar(select(func.count(Contractor.id)))
                or session.scalar(select(func.count(Engagement.id)))
                or session.scalar(select(func.count(JointUse.id)))
            ):
                raise ValidationError(
                    {
                        "database": Message(
                            "デモデータは空のデータベースにのみ読み込めます",
                            "demo data can only be loaded into an empty database",
                        )
                    }
                )
            summary = _Builder(session, self.context, random.Random(seed), size).build()
            if demo_password and self.context.role == Role.OFFICER.value:
                created = AccountService(self.context).add_demo_accounts(session, demo_password)
                summary = dataclasses.replace(summary, accounts=created)
            return summary


class _Builder:
    def __init__(self, session: Session, context: ServiceContext, rng: random.Random, size: int):
        self.session = session
        self.context = context
        self.rng = rng
        self.size = size
        self.today = context.today()
        self.now = context.now()
        self.audit: list[dict[str, Any]] = []
        self.item_dicts = {
            route: [item.to_dict() for item in items_for_route(DEFAULT_TEMPLATE, route)]
            for route in ("full", "privacy_mark")
        }

    def _insert(self, model: Any, rows: list[dict[str, Any]], record_type: str) -> list[int]:
        """Insert with one executemany per table (ids allocated as the database would give them)."""
        if not rows:
            return []
        stamp = {
            "version": 1,
            "created_at": self.now,
            "updated_at": self.now,
            "updated_by": self.context.actor,
        }
        ids = bulk.insert_rows(self.session, model, [{**row, **stamp} for row in rows])
        for record_id, row in zip(ids, rows, strict=True):
            self.audit.append(
                {
                    "occurred_at": self.now,
                    "actor": self.context.actor,
                    "action": AuditAction.CREATE.value,
                    "record_type": record_type,
                    "record_id": record_id,
                    # As the services audit a creation: every field set, an empty list too (a contractor
                    # handling no PI has pi_items []), so that the trail replays to what is stored.
                    "changes": {
                        k: [None, json_value(v)] for k, v in row.items() if v is not None and v != ""
                    },
                }
            )
        return ids

    def build(self) -> DemoSummary:
        rng, today = self.rng, self.today
        if self.session.scalar(select(func.count(CompanyProfile.id))) == 0:
            self._insert(
                CompanyProfile,
                [
                    {
                        "name": "株式会社みらいデータ",
                        "address": "東京都千代田区神田錦町三丁目1番1号",
                        "representative": "代表取締役 山田 太郎",
                        "officer_name": "黒田 修",
                        "officer_title": "取締役",
                        "privacy_mark_number": "第10820001(08)号",
                    }
                ],
                RecordType.COMPANY_PROFILE,
            )
        contractors = [self._contractor(i) for i in range(self.size)]
        contractor_ids = self._insert(Contractor, contractors, RecordType.CONTRACTOR)
        breach = {name: contractor_ids[i] for i, name in enumerate(BREACHES)}
        # Two contractors entrusted before they were selected (JIS Q 15001: select, contract, entrust): one
        # still open, one closed by the corrective action recorded below.
        plain = [i for i in range(len(BREACHES), self.size) if contractors[i]["status"] == "active"]
        # A third was taken over from the contractor ledger: its only evaluation is the ledger's latest, so
        # its selection before the entrustment is unconfirmed (contractor.selection_unconfirmed).
        unselected = set(plain[:3])
        imported = plain[2] if len(plain) > 2 else None
        evaluations, contracts = [], []
        for i, (cid, row) in enumerate(zip(contractor_ids, contractors, strict=True)):
            role = BREACHES[i] if i < len(BREACHES) else None
            if role not in (RuleId.EVALUATION_MISSING, "contractor.future_start"):
                latest = self._evaluation(cid, row, role)
                if i == imported:
                    latest = {**latest, "conditions": ledger.IMPORTED_EVALUATION_NOTE}
                if row["start_date"] < latest["evaluated_on"] and i not in unselected:
                    evaluations.append(self._selection_evaluation(cid, row, latest))
                evaluations.append(latest)
            contracts.extend(self._contracts(cid, row, role, i))
        evaluation_ids = self._insert(Evaluation, evaluations, RecordType.EVALUATION)
        if len(plain) > 1 and self.context.role == Role.OFFICER.value:  # only the officer records one
            closed = plain[1]
            self._insert(
                CorrectiveAction,
                [
                    {
                        "record_type": RecordType.CONTRACTOR.value,
                        "record_id": contractor_ids[closed],
                        "rule": RuleId.CONTRACTOR_ENTRUSTED_BEFORE_SELECTION.value,
                        "action": "委託開始後に委託先評価を実施し適合を確認した。委託先選定の手順を改め、"
                        "評価の承認前に委託を始めないよう担当者に周知した。",
                        "taken_on": today - timedelta(days=60),
                        "taken_by": "黒田 修",
                        "notes": "内部監査の指摘による",
                    }
                ],
                RecordType.CORRECTIVE_ACTION,
            )
        contract_ids = self._insert(Contract, contracts, RecordType.CONTRACT)
        compliant = [
            cid
            for cid, row in zip(contractor_ids[len(BREACHES) :], contractors[len(BREACHES) :], strict=True)
            if row["status"] == "active"
        ]
        engagement_count = max(4, self.size // 5)
        engagements = [self._engagement(i) for i in range(engagement_count)]
        engagement_ids = self._insert(Engagement, engagements, RecordType.ENGAGEMENT)
        redelegations: list[dict[str, Any]] = []
        for i, (eid, engagement) in enumerate(zip(engagement_ids, engagements, strict=True)):
            if i == 2:
                target = breach[
                    RuleId.EVALUATION_FAILED
                ]  # re-delegated to a contractor that is not compliant
            elif (
                i == 0
            ):  # planned work re-delegated to a contractor not selected yet: a warning due on its start
                target = breach[RuleId.CONTRACTOR_ENTRUSTED_NOT_SELECTED]
            else:
                target = compliant[i % len(compliant)]
            redelegations.append(
                {
                    "engagement_id": eid,
                    "contractor_id": target,
                    "work": "業務の一部（データ入力）",
                    "start_date": engagement["start_date"] + timedelta(days=14),
                    "end_date": None,
                }
            )
        redelegation_ids = self._insert(Redelegation, redelegations, RecordType.REDELEGATION)
        name_of = {cid: row["name"] for cid, row in zip(contractor_ids, contractors, strict=True)}
        hops: list[dict[str, Any]] = []
        for i, (eid, engagement) in enumerate(zip(engagement_ids, engagements, strict=True)):
            original = engagement["original_business_name"]
            original_key = CLIENT if engagement["client_is_original"] else ORIGINAL
            original_name = engagement["client_name"] if engagement["client_is_original"] else original
            if not engagement["client_is_original"] and i != 0:
                late = i == 1  # consent obtained after the work started
                day = engagement["start_date"] + timedelta(days=10 if late else -rng.randint(5, 40))
                intermediates = engagement["intermediate_clients"] or []
                upstream = [intermediate_key(name) for name in intermediates] + [CLIENT]
                upstream_names = [*intermediates, engagement["client_name"]]
                authorised = [a["party"] for a in engagement["consent_authorities"] or []]
                for hop in range(len(upstream) - 1):  # original → A → client: the link A → client too
                    # An authorised party consents to the link it entrusts onwards; else the original business.
                    upstream_giver = upstream[hop] if upstream[hop] in authorised else ORIGINAL
                    hops.append(
                        {
                            "engagement_id": eid,
                            "redelegation_id": None,
                            "given_by": upstream_giver,
                            "link_from": upstream[hop],
                            "link_to": upstream[hop + 1],
                            "from_party": original if upstream_giver == ORIGINAL else upstream_names[hop],
                            "to_party": upstream_names[hop + 1],
                            "consented_on": day,
                            "form": "written",
                            "reference": f"再々委託同意書 第{1500 + i}号",
                        }
                    )
                # Engagement 2: the client itself "consented" to our engagement: it is not the original
                # business and holds no authority from it, so the consent does not count (policy §7).
                # Engagement 3: our client consented, with the original business's written authority to do
                # so recorded on the engagement (as the intermediate client's is, for the link before).
                giver, giver_name = ORIGINAL, original
                if i == 2 or CLIENT in authorised:
                    giver, giver_name = CLIENT, engagement["client_name"]
                hops.append(
                    {
                        "engagement_id": eid,
                        "redelegation_id": None,
                        "given_by": giver,
                        "link_from": CLIENT,
                        "link_to": US,
                        "from_party": giver_name,
                        "to_party": "株式会社みらいデータ",
                        "consented_on": day,
                        "form": "written",
                        "reference": f"同意書 第{1000 + i}号",
                    }
                )
            if i == 1:  # a consent kept from before the chain had parties: giver and link unknown
                hops.append(
                    {
                        "engagement_id": eid,
                        "redelegation_id": None,
                        "given_by": None,
                        "link_from": None,
                        "link_to": None,
                        "from_party": "営業部 佐藤様（電話）",
                        "to_party": "再委託先各社",
                        "consented_on": engagement["start_date"] - timedelta(days=3),
                        "form": "email",
                        "reference": None,
                    }
                )
            if i != 3:  # the re-delegation of engagement 3 has no consent
                redelegation = redelegations[i]
                hops.append(
                    {
                        "engagement_id": eid,
                        "redelegation_id": redelegation_ids[i],
                        "given_by": original_key,
                        "link_from": US,
                        "link_to": redelegation_key(redelegation_ids[i]),
                        "from_party": original_name,
                        "to_party": name_of[redelegation["contractor_id"]],
                        "consented_on": redelegation["start_date"] - timedelta(days=rng.randint(1, 20)),
                        "form": rng.choice(["written", "email", "contract_clause"]),
                        "reference": f"再委託承諾書 {2000 + i}",
                    }
                )
        self._insert(ConsentHop, hops, RecordType.CONSENT_HOP)
        joint_use_count = max(4, self.size // 20)
        joint_uses = [self._joint_use(i) for i in range(joint_use_count)]
        joint_use_ids = self._insert(JointUse, joint_uses, RecordType.JOINT_USE)
        changes = [
            {
                "joint_use_id": joint_use_ids[2],
                "field": "purpose",
                "description": "利用目的に「新サービスのご案内」を追加",
                "changed_on": today - timedelta(days=20),
                "noticed_on": today - timedelta(days=5),
            },
            {
                "joint_use_id": joint_use_ids[3],
                "field": "responsible_address",
                "description": "責任者の本店所在地を移転",
                "changed_on": today - timedelta(days=45),
                "noticed_on": None,
            },
            {
                "joint_use_id": joint_use_ids[0],
                "field": "responsible_name",
                "description": "責任者の商号を変更",
                "changed_on": today - timedelta(days=10),
                "noticed_on": None,
            },
        ]
        for joint_use_id in joint_use_ids[4:]:
            changed = today - timedelta(days=rng.randint(40, 300))
            changes.append(
                {
                    "joint_use_id": joint_use_id,
                    "field": "purpose",
                    "description": "利用目的の文言を明確化",
                    "changed_on": changed,
                    "noticed_on": changed - timedelta(days=rng.randint(14, 30)),
                }
            )
        changes.extend(
            [
                # PPC Guidelines (General) 3-6-3: a change of the items or the scope of joint users is not made
                # by notice. One without a recorded basis (blocking), one standing on a succession.
                {
                    "joint_use_id": joint_use_ids[2],
                    "field": "pi_items",
                    "description": "共同利用する項目に「位置情報」を追加",
                    "changed_on": today - timedelta(days=15),
                    "noticed_on": today - timedelta(days=25),
                },
                {
                    "joint_use_id": joint_use_ids[3],
                    "field": "scope",
                    "description": "吸収合併した子会社の共同利用者の地位を承継",
                    "changed_on": today - timedelta(days=60),
                    "noticed_on": today - timedelta(days=60),
                    "basis": "succession",
                    "basis_reason": "子会社を吸収合併し、その地位を承継した（項目・目的に変更なし）。",
                },
            ]
        )
        # A joint use about to start: its notice is owed by the start (a warning, not yet a breach), and a
        # planned change of purpose whose advance notice is owed by the change date.
        planned_use = self._joint_use(joint_use_count)
        planned_use.update(
            title="提携カード会員情報の共同利用（開始予定）",
            start_date=today + timedelta(days=20),
            notice_published_on=None,
        )
        (planned_id,) = self._insert(JointUse, [planned_use], RecordType.JOINT_USE)
        joint_use_ids.append(planned_id)
        changes.append(
            {
                "joint_use_id": joint_use_ids[1],
                "field": "purpose",
                "description": "利用目的に「新商品の共同開発のための分析」を追加する予定",
                "changed_on": today + timedelta(days=30),
                "noticed_on": None,
            }
        )
        changes = [{"basis": None, "basis_reason": None, **change} for change in changes]
        self._insert(JointUseChange, changes, RecordType.JOINT_USE_CHANGE)
        opt_out_counts = self._opt_outs()
        provision_count, receipt_count = self._provisions_and_receipts(
            contractor_ids[-1], name_of[contractor_ids[-1]]
        )
        request_count = self._requests()
        incident_count = self._incidents(compliant, evaluations)
        if self.audit:
            self.session.execute(insert(AuditEvent), chain(self.session, self.audit))
        return DemoSummary(
            len(contractor_ids),
            len(evaluation_ids),
            len(contract_ids),
            len(engagement_ids),
            len(hops),
            len(redelegation_ids),
            len(joint_use_ids),
            len(changes),
            *opt_out_counts,
            provisions=provision_count,
            receipts=receipt_count,
            requests=request_count,
            incidents=incident_count,
        )

    def _opt_outs(self) -> tuple[int, int, int]:
        """Opt-out arrangements (policy §5(3)): one in order with its stop requests and a change notified in
        advance; the others break a rule each (an item missing and the notification after the start, a
        planned start not yet notified, special-care PI, changes not notified in time)."""
        rng, today = self.rng, self.today
        start = today - timedelta(days=400)

        def arrangement(title: str, **changes: Any) -> dict[str, Any]:
            return {
                "title": title,
                "purpose_statement": "当社は、ご登録いただいた会員情報を提携先に提供することを利用目的とします。",
                "pi_items": ["氏名", "住所", "電話番号", "生年月日"],
                "provision_method": "暗号化した電子データを専用回線で送付します。",
                "stop_statement": "ご本人の求めに応じて、ご本人が識別される個人データの第三者への提供を停止します。",
                "stop_request_method": "下記窓口へ電子メール（privacy@example.co.jp）又は書面でお申し出ください。",
                "acquisition_method": "会員登録のお申込書及びウェブフォームにより取得します。",
                "includes_special_care": False,
                "ppc_notified_on": start - timedelta(days=30),
                "made_known_on": start - timedelta(days=20),
                "made_known_method": "web",
                "made_known_reference": "https://example.co.jp/privacy/opt-out",
                "start_date": start,
                "end_date": None,
                "notes": None,
                **changes,
            }

        rows = [
            arrangement("会員名簿の提携先への提供"),
            arrangement(
                "住宅地図データへの居住者情報の提供",
                stop_request_method=None,
                ppc_notified_on=start + timedelta(days=15),
            ),
            arrangement(
                "セミナー参加者名簿の提供",
                start_date=today + timedelta(days=20),
                ppc_notified_on=None,
                made_known_on=None,
                made_known_method=None,
                made_known_reference=None,
            ),
            arrangement(
                "健康相談会員の名簿提供",
                pi_items=["氏名", "住所", "健康診断の結果"],
                includes_special_care=True,
            ),
            arrangement("購買履歴データの提供"),
        ]
        ids = self._insert(OptOut, rows, RecordType.OPT_OUT)
        changes = [
            {
                "opt_out_id": ids[0],
                "field": "pi_items",
                "description": "提供する項目に「メールアドレス」を追加",
                "changed_on": today - timedelta(days=90),
                "ppc_notified_on": today - timedelta(days=120),
                "made_known_on": today - timedelta(days=110),
            },
            {
                "opt_out_id": ids[4],
                "field": "provision_method",
                "description": "送付方法を専用回線からクラウドストレージに変更",
                "changed_on": today - timedelta(days=30),
                "ppc_notified_on": today - timedelta(days=20),
                "made_known_on": today - timedelta(days=20),
            },
            {
                "opt_out_id": ids[4],
                "field": "provider",
                "description": "本店所在地の移転",
                "changed_on": today - timedelta(days=5),
                "ppc_notified_on": None,
                "made_known_on": None,
            },
        ]
        self._insert(OptOutChange, changes, RecordType.OPT_OUT_CHANGE)
        stops = []
        for number in range(3):
            received = today - timedelta(days=rng.randint(20, 200))
            stops.append(
                {
                    "opt_out_id": ids[0],
                    "person": _person(rng),
                    "person_reference": f"M-{10000 + number * 37}",
                    "received_on": received,
                    "identity_check": rng.choice(
                        ["運転免許証の写し", "登録メールアドレスからの申出", "会員番号と生年月日の照合"]
                    ),
                    "effective_on": received + timedelta(days=rng.randint(0, 7)),
                    "notes": None,
                }
            )
        self._insert(StopRequest, stops, RecordType.STOP_REQUEST)
        # The provisions under them (_provisions_and_receipts) refer to these.
        self._opt_out_ids: list[int] = ids
        self._stop_rows: list[dict[str, Any]] = stops
        return len(ids), len(changes), len(stops)

    def _provisions_and_receipts(self, contractor_id: int, contractor_name: str) -> tuple[int, int]:
        """Third-party provision records (APPI Art. 29) and receipt confirmation records (Art. 30): some in
        order (by consent to a contractor, under an exemption, a continuous provision under opt-out), the
        others break a rule each (no basis, an item missing, the retention ended, provision before the
        opt-out's notification, to a person who asked to stop, special-care PI by opt-out; a receipt without
        the confirmation, one without the provider's address, one whose retention ended)."""
        today = self.today
        opt_outs, stops = self._opt_out_ids, self._stop_rows
        stopped = max(stops, key=lambda stop: cast(date, stop["effective_on"]))

        def provision(recipient: str, provided_on: date | None, **changes: Any) -> dict[str, Any]:
            return {
                "provided_on": provided_on,
                "period_from": None,
                "period_to": None,
                "recipient_name": recipient,
                "recipient_is_corporation": True,
                "recipient_address": "東京都港区芝公園1-2-3",
                "recipient_representative": "代表取締役 山本 健一",
                "contractor_id": None,
                "persons": "2026年度の会員登録者（会員番号で特定）",
                "person_references": "M-20001\nM-20002\nM-20003",
                "pi_items": ["氏名", "住所", "電話番号"],
                "basis": "consent",
                "exemption": None,
                "opt_out_id": None,
                "method": "electronic",
                "record_form": "each_time",
                "notes": None,
                **changes,
            }

        provisions = [
            provision(contractor_name, today - timedelta(days=40), contractor_id=contractor_id),
            provision(
                "警視庁○○警察署",
                today - timedelta(days=75),
                basis="exemption",
                exemption="laws_and_emergencies",
                recipient_is_corporation=False,
                recipient_address=None,
                recipient_representative=None,
                persons="捜査関係事項照会書に記載の会員1名",
                person_references=None,
                pi_items=["氏名", "住所"],
                method="paper",
                notes="刑事訴訟法第197条第2項に基づく照会への回答",
            ),
            provision(
                "株式会社提携マーケティング",
                None,
                period_from=today - timedelta(days=300),
                period_to=None,
                basis="opt_out",
                opt_out_id=opt_outs[0],
                record_form="bulk_record",
                person_references="M-30001\nM-30002",
            ),
            provision("株式会社データ流通", today - timedelta(days=30), basis=None),
            provision(
                "合同会社リサーチ",
                today - timedelta(days=12),
                recipient_representative=None,
                method=None,
            ),
            provision(
                "株式会社旅行プラン",
                today - timedelta(days=500),
                record_form="contract_or_bulk_record_for_goods_or_services_to_the_person",
                notes="本人との旅行契約に基づく宿泊先への提供（契約書を記録に代える）",
            ),
            provision(
                "株式会社地図情報",
                self.today - timedelta(days=400 - 5),
                basis="opt_out",
                opt_out_id=opt_outs[1],
            ),
            provision(
                "株式会社提携マーケティング",
                today - timedelta(days=3),
                basis="opt_out",
                opt_out_id=opt_outs[0],
                person_references=f"M-40001\n{stopped['person_reference']}",
            ),
            provision(
                "株式会社ヘルスケア提携",
                today - timedelta(days=20),
                basis="opt_out",
                opt_out_id=opt_outs[4],
                pi_items=["氏名", "病歴"],
            ),
        ]
        provision_ids = self._insert(Provision, provisions, RecordType.PROVISION)

        def receipt(provider: str, received_on: date, **changes: Any) -> dict[str, Any]:
            return {
                "received_on": received_on,
                "period_from": None,
                "period_to": None,
                "provider_name": provider,
                "provider_is_corporation": True,
                "provider_address": "大阪府大阪市北区梅田1-1-1",
                "provider_representative": "代表取締役 佐々木 真",
                "acquisition_confirmation": "提供者が本人から申込書により取得し、第三者提供の同意を得ている",
                "confirmed_on": received_on,
                "confirmation_method": "提供者の申込書様式と同意文言の写しを受領して確認",
                "persons": "提供者の会員のうち当社サービスの紹介を希望した者",
                "pi_items": ["氏名", "メールアドレス"],
                "record_form": "each_time",
                "notes": None,
                **changes,
            }

        receipts = [
            receipt("株式会社紹介ネット", today - timedelta(days=50)),
            receipt(
                "株式会社名簿センター",
                today - timedelta(days=15),
                acquisition_confirmation=None,
                confirmed_on=None,
                confirmation_method=None,
            ),
            receipt("有限会社イベント企画", today - timedelta(days=8), provider_address=None),
            receipt("株式会社旧提携先", today - timedelta(days=1200)),
        ]
        receipt_ids = self._insert(Receipt, receipts, RecordType.RECEIPT)
        return len(provision_ids), len(receipt_ids)

    # Data-subject requests and incidents (issue 15) ---------------------------------------------------------
    def _requests(self) -> int:
        """Requests under policy §9: some answered in order; one overdue, one still within its due date, a
        disclosure refused without a ground, a reply recorded with the decision left pending."""
        rng, today = self.rng, self.today

        def request(kind: str, received_days_ago: int, **changes: Any) -> dict[str, Any]:
            return {
                "request_type": kind,
                "requester": _person(rng),
                "by_agent": False,
                "agent_name": None,
                "received_on": today - timedelta(days=received_days_ago),
                "identity_check": rng.choice(
                    [
                        "運転免許証の写し",
                        "マイナンバーカード（表面）の写し",
                        "登録メールアドレスからの申出と生年月日の照合",
                    ]
                ),
                "decision": "pending",
                "refusal_ground": None,
                "replied_on": None,
                "reply_method": None,
                "fee": None,
                "notes": None,
                **changes,
            }

        rows = [
            request(
                "disclosure",
                40,
                decision="granted",
                replied_on=today - timedelta(days=31),
                reply_method="document",
                fee=1000,
            ),
            request("correction", 20),  # no reply, due 6 days ago: blocking
            request("deletion", 5),  # no reply, due in 9 days: a warning
            request(
                "disclosure",
                70,
                decision="refused",
                replied_on=today - timedelta(days=60),
                reply_method="document",
                notes="開示しないことを書面で通知した（事由の記録漏れ）",
            ),
            request("suspension_of_use", 15, replied_on=today - timedelta(days=3), reply_method="email"),
            request(
                "disclosure_of_provision_records",
                90,
                decision="partly_granted",
                refusal_ground="harm_to_person_or_third_party",
                replied_on=today - timedelta(days=80),
                reply_method="electronic",
                fee=1000,
            ),
            request(
                "stop_of_third_party_provision",
                30,
                by_agent=True,
                agent_name="弁護士 森 健一",
                decision="granted",
                replied_on=today - timedelta(days=25),
                reply_method="document",
                notes="委任状により代理権を確認",
            ),
        ]
        return len(self._insert(Request, rows, RecordType.REQUEST))

    def _incidents(self, compliant: list[int], evaluations: list[dict[str, Any]]) -> int:
        """Incidents (APPI Art. 26): one at a contractor after its latest evaluation (re-evaluation owed), a
        malicious act with the 60-day confirmed report still ahead, a special-care one with reports overdue,
        one outside the four categories (the Privacy Mark report only) and one just discovered."""
        today = self.today

        def incident(title: str, discovered_days_ago: int, **changes: Any) -> dict[str, Any]:
            return {
                "title": title,
                "discovered_on": today - timedelta(days=discovered_days_ago),
                "contractor_id": None,
                "description": title,
                "pi_items": ["氏名", "住所"],
                "person_count": None,
                "involves_special_care": False,
                "may_cause_financial_damage": False,
                "is_malicious": False,
                "over_thousand_persons": False,
                "ppc_preliminary_reported_on": None,
                "ppc_confirmed_reported_on": None,
                "persons_notified_on": None,
                "pmark_preliminary_reported_on": None,
                "pmark_confirmed_reported_on": None,
                "notes": None,
                **changes,
            }

        def ago(days: int) -> date:
            return today - timedelta(days=days)

        rows = [
            incident(
                "ECサイトへの不正アクセスによる会員情報の流出",
                40,
                description="ECサイトの脆弱性を突いた不正アクセスにより、会員情報が外部に送信された形跡がある。",
                pi_items=["氏名", "住所", "電話番号", "メールアドレス"],
                person_count=3200,
                is_malicious=True,
                ppc_preliminary_reported_on=ago(38),
                persons_notified_on=ago(37),
                pmark_preliminary_reported_on=ago(37),
            ),
            incident(
                "健康診断結果の誤送付",
                50,
                description="従業員の健康診断結果を別の従業員宛に誤って送付した。",
                pi_items=["氏名", "健康診断の結果"],
                person_count=3,
                involves_special_care=True,
                ppc_preliminary_reported_on=ago(48),
            ),
            incident(
                "USBメモリの紛失",
                10,
                description="営業担当者がアンケート回答者一覧を保存したUSBメモリを紛失した（暗号化なし）。",
                person_count=80,
            ),
            incident(
                "クレジットカード情報の流出のおそれ",
                2,
                description="決済代行との連携設定の誤りにより、カード番号の一部が第三者から閲覧可能であった。",
                pi_items=["氏名", "クレジットカード番号（下4桁）"],
                person_count=120,
                may_cause_financial_damage=True,
            ),
        ]
        latest: dict[int, date] = {}
        for evaluation in evaluations:
            cid = evaluation["contractor_id"]
            latest[cid] = max(latest.get(cid, date.min), evaluation["evaluated_on"])
        evaluated = [(latest[cid], cid) for cid in compliant if cid in latest and latest[cid] < today]
        if evaluated:
            evaluated_on, cid = min(evaluated)
            rows.append(
                incident(
                    "委託先での配送伝票の紛失",
                    (today - evaluated_on).days // 2,
                    contractor_id=cid,
                    description="委託先の配送拠点で、お届け先の氏名・住所を記載した配送伝票の控えを紛失した。",
                    person_count=45,
                )
            )
        return len(self._insert(Incident, rows, RecordType.INCIDENT))

    def _contractor(self, i: int) -> dict[str, Any]:
        rng, today = self.rng, self.today
        role = BREACHES[i] if i < len(BREACHES) else None
        core, core_kana = _CORES[i % len(_CORES)]
        trade, trade_kana, work = _TRADES[(i // len(_CORES) + i) % len(_TRADES)]
        serial = "" if i < len(_CORES) * len(_TRADES) else f"{i // (len(_CORES) * len(_TRADES)) + 1}"
        foreign = role == RuleId.CONTRACTOR_FOREIGN_REGIME_MISSING or (role is None and i % 17 == 16)
        start = today - timedelta(days=rng.randint(400, 2500))
        if role == "contractor.future_start":
            start = today + timedelta(days=20)
        if foreign:
            name = f"{_FOREIGN[i % len(_FOREIGN)]}{serial}"
            kind, country, number = "foreign_corporation", rng.choice(["US", "SG", "IE"]), None
        else:
            name = f"株式会社{core}{trade}{serial}"
            kind, country = "corporation", "JP"
            number = make_corporate_number(f"{(i * 7919 + rng.randint(0, 999)) % 10**12:012d}"[:12])
        status = "active"
        if role == RuleId.CONTRACTOR_DISPOSAL_UNCONFIRMED or (role is None and i % 13 == 12):
            status = "ended"
        elif role == RuleId.CONTRACTOR_ENTRUSTED_NOT_SELECTED:
            status = "candidate"
        elif role is None and i % 11 == 10:
            status, start = "candidate", today + timedelta(days=rng.randint(30, 120))  # selection under way
        ended = status == "ended"
        has_pmark = role == RuleId.EVALUATION_CERTIFICATE_EXPIRED or rng.random() < 0.35
        # Now and then a contractor entrusted with work that involves no personal information.
        handles_no_pi = role is None and not ended and not foreign and i % 19 == 18
        pi_items = rng.sample(_PI_ITEMS, rng.randint(2, 5))
        return {
            "name": name,
            "kana": f"{core_kana}{trade_kana}" if not foreign else None,
            "kind": kind,
            "corporate_number": number,
            "country": country,
            **(_foreign_contact(country, i, rng) if foreign else _japanese_contact(i, rng)),
            "entrusted_work": "事務所の清掃・設備保守（個人情報の取扱いなし）" if handles_no_pi else work,
            "pi_items": [] if handles_no_pi else pi_items,
            "handles_special_care": rng.random() < 0.1 and not handles_no_pi,
            "handles_my_number": trade == "人材サービス" and not handles_no_pi,
            "data_subject_count": rng.choice([300, 1200, 5000, 20000, 150000]),
            "privacy_mark_number": f"第{rng.randint(10000000, 99999999)}(0{rng.randint(1, 9)})号"
            if has_pmark
            else None,
            "privacy_mark_expiry": (
                today - timedelta(days=20)
                if role == RuleId.EVALUATION_CERTIFICATE_EXPIRED
                else today + timedelta(days=rng.randint(120, 700))
            )
            if has_pmark
            else None,
            "isms_number": f"IS {rng.randint(100000, 999999)}" if rng.random() < 0.25 else None,
            "isms_expiry": None,
            "status": status,
            "start_date": start,
            "end_date": today - timedelta(days=rng.randint(30, 200)) if ended else None,
            "foreign_regime_note": (
                f"{country}の個人情報保護制度を個人情報保護委員会の提供資料により確認済み"
                if foreign and role is None
                else None
            ),
            "disposition_method": "destroyed" if ended and role is None else None,
            "disposition_date": today - timedelta(days=10) if ended and role is None else None,
            "notes": None,
        }

    def _evaluation(self, cid: int, contractor: dict[str, Any], role: str | None) -> dict[str, Any]:
        rng, today = self.rng, self.today
        evaluated = today - timedelta(days=rng.randint(30, 300))
        route = "full"
        if role == RuleId.EVALUATION_CERTIFICATE_EXPIRED:
            route = "privacy_mark"
            evaluated = today - timedelta(days=200)
        items = items_for_route(DEFAULT_TEMPLATE, route)
        scores = {item.code: (2 if rng.random() < 0.85 else 1) for item in items}
        if role == RuleId.EVALUATION_FAILED:
            scores["org_officer"] = 0  # a mandatory item failed: 不適合 whatever the total
        elif role == RuleId.EVALUATION_CONDITIONAL:
            scores = {item.code: 2 if item.mandatory else 1 for item in items}  # 60 %: conditional
        score = score_evaluation(items, scores, Thresholds())
        if role is None and score.result.value != "pass":
            scores = {item.code: 2 for item in items}
            score = score_evaluation(items, scores, Thresholds())
        due = add_months(evaluated, 12)
        if role == RuleId.EVALUATION_OVERDUE:
            evaluated, due = today - timedelta(days=400), today - timedelta(days=35)
        elif role == "evaluation.due_soon":
            evaluated, due = today - timedelta(days=350), today + timedelta(days=15)
        return {
            "contractor_id": cid,
            "evaluated_on": evaluated,
            "evaluator": _person(rng),
            "route": route,
            "items": [{**item, "score": scores[item["code"]]} for item in self.item_dicts[route]],
            "total_score": score.total,
            "max_score": score.maximum,
            "result": score.result.value,
            "certificate_number": contractor["privacy_mark_number"] if route == "privacy_mark" else None,
            "certificate_expiry": contractor["privacy_mark_expiry"] if route == "privacy_mark" else None,
            "conditions": "教育記録の提出（3か月以内）" if score.result.value == "conditional" else None,
            "approver": "黒田 修",
            "approved_on": evaluated + timedelta(days=3),
            "next_due_on": due,
            "next_due_reason": "前回評価の期限を据え置き" if due != add_months(evaluated, 12) else None,
        }

    def _selection_evaluation(
        self, cid: int, contractor: dict[str, Any], latest: dict[str, Any]
    ) -> dict[str, Any]:
        """The evaluation that selected the contractor, before its entrustment began (a full pass)."""
        evaluated = contractor["start_date"] - timedelta(days=14)
        items = items_for_route(DEFAULT_TEMPLATE, "full")
        scores = {item.code: 2 for item in items}
        score = score_evaluation(items, scores, Thresholds())
        return {
            **latest,
            "evaluated_on": evaluated,
            "route": "full",
            "items": [{**item, "score": scores[item["code"]]} for item in self.item_dicts["full"]],
            "total_score": score.total,
            "max_score": score.maximum,
            "result": score.result.value,
            "certificate_number": None,
            "certificate_expiry": None,
            "conditions": None,
            "approved_on": evaluated + timedelta(days=3),
            "next_due_on": add_months(evaluated, 12),
            "next_due_reason": None,
        }

    def _contracts(
        self, cid: int, contractor: dict[str, Any], role: str | None, i: int = 0
    ) -> list[dict[str, Any]]:
        rng, today = self.rng, self.today
        start: date = contractor["start_date"]
        all_clauses = [clause.code for clause in CLAUSES]
        nda_expiry = None if rng.random() < 0.5 else start + timedelta(days=365 * 3)
        nda = {
            "contractor_id": cid,
            "kind": "nda",
            "title": "機密保持契約書",
            "reference_number": f"NDA-{cid:05d}",
            "signed_on": start - timedelta(days=7),
            "effective_from": start - timedelta(days=7),
            "expires_on": nda_expiry,
            "auto_renewal": nda_expiry is not None,
            "renewal_term_months": 12 if nda_expiry else None,
            "clauses": list(REQUIRED_CLAUSES["nda"]),
            "notes": None,
            "approver": "黒田 修",
            "approved_on": start - timedelta(days=7),
        }
        outsourcing = {
            "contractor_id": cid,
            "kind": "outsourcing",
            "title": f"{contractor['entrusted_work']}に関する業務委託契約書",
            "reference_number": f"OUT-{cid:05d}",
            "signed_on": start - timedelta(days=3),
            "effective_from": start,
            "expires_on": None,
            "auto_renewal": False,
            "renewal_term_months": None,
            "clauses": all_clauses,
            "notes": None,
            "approver": "黒田 修",
            "approved_on": start - timedelta(days=3),
        }
        if role == RuleId.CONTRACT_NDA_MISSING:
            # Its outsourcing contract has no confidentiality article, so only the NDA could carry the duty.
            outsourcing["clauses"] = [c for c in all_clauses if c != CONFIDENTIALITY]
            nda.update(
                expires_on=today - timedelta(days=40),
                auto_renewal=False,
                renewal_term_months=None,
                effective_from=today - timedelta(days=800),
                signed_on=today - timedelta(days=800),
            )
        elif role == RuleId.CONTRACT_CLAUSES_MISSING:
            outsourcing["clauses"] = [
                c for c in all_clauses if c not in ("handling_report", "compliance_audit")
            ]
        elif role == RuleId.CONTRACT_EXPIRING:
            nda.update(expires_on=today + timedelta(days=30), auto_renewal=False, renewal_term_months=None)
        if rng.random() < 0.1:
            outsourcing["notes"] = (
                "旧契約（R&D支援業務、契約番号 <2019-07>）からの移行"  # & and < print as written
            )
        if role is None and not contractor["pi_items"]:
            # Handles no PI: a plain NDA is all it needs (no PI clauses, no finding).
            nda.update(title="秘密保持契約書", clauses=[CONFIDENTIALITY])
            return [nda]
        if role is None and i % 7 == 3:
            # No separate NDA: the outsourcing contract's confidentiality article carries the duty.
            outsourcing["title"] = (
                f"{contractor['entrusted_work']}に関する業務委託契約書（秘密保持条項を含む）"
            )
            return [outsourcing]
        return [nda, outsourcing]

    def _engagement(self, i: int) -> dict[str, Any]:
        rng, today = self.rng, self.today
        client = _CLIENTS[i % len(_CLIENTS)]
        is_original = i >= 4 and rng.random() < 0.4
        start = today + timedelta(days=20) if i == 0 else today - timedelta(days=rng.randint(30, 600))
        return {
            "client_name": client if i < len(_CLIENTS) else f"{client}（{i // len(_CLIENTS) + 1}）",
            "client_corporate_number": make_corporate_number(f"{(i * 104729 + 7) % 10**12:012d}"),
            "client_is_original": is_original,
            "original_business_name": None
            if is_original
            else rng.choice(
                ["株式会社あおぞら生活", "三葉カード株式会社", "株式会社にじいろ保険", "株式会社ふるさと通信"]
            ),
            # Engagement 3 reaches us along a longer chain (original → an intermediate client → our client →
            # us): the original business authorised both in writing to consent to further re-delegation, each
            # by a document of its own, and each consents to the link it entrusts onwards.
            "intermediate_clients": ["株式会社ひかり情報サービス"] if i == 3 else None,
            "consent_authorities": [
                {
                    "party": intermediate_key("株式会社ひかり情報サービス"),
                    "granted_on": (start - timedelta(days=60)).isoformat(),
                    "document": "再委託の承諾権限に関する覚書（2025-07）",
                },
                {
                    "party": CLIENT,
                    "granted_on": (start - timedelta(days=45)).isoformat(),
                    "document": "再々委託の承諾権限に関する覚書（委託元宛）",
                },
            ]
            if i == 3
            else None,
            "work": rng.choice(
                [
                    "会員データの入力・名寄せ",
                    "ダイレクトメールの発送代行",
                    "コールセンターの一次受付",
                    "ポイントシステムの運用保守",
                ]
            ),
            "pi_items": rng.sample(_PI_ITEMS, 3),
            "start_date": start,
            "end_date": None,
            "status": "planned" if i == 0 else "active",
            "notes": None,
        }

    def _joint_use(self, i: int) -> dict[str, Any]:
        rng, today = self.rng, self.today
        start = today - timedelta(days=rng.randint(200, 900))
        row: dict[str, Any] = {
            "title": f"グループ会社間の顧客情報の共同利用{'' if i == 0 else f'（{i + 1}）'}",
            "joint_use_statement": "当社は、以下のとおり個人データを共同して利用します。",
            "pi_items": ["氏名", "住所", "電話番号", "メールアドレス", "購入履歴"],
            "scope": "当社及び当社の連結子会社",
            "joint_users": ["株式会社みらいデータ", "みらいデータ西日本株式会社"],
            "purposes": "グループ各社の商品・サービスのご案内、お問い合わせへの対応のため",
            "responsible_name": "株式会社みらいデータ",
            "responsible_address": "東京都千代田区神田錦町三丁目1番1号",
            "responsible_is_corporation": True,
            "responsible_representative": "代表取締役 山田 太郎",
            "acquisition_method": "お申込書及びウェブフォームにより本人から直接取得します。",
            "notice_method": "web",
            "notice_reference": f"https://example.co.jp/privacy/joint-use-{i + 1}",
            "notice_published_on": start - timedelta(days=rng.randint(10, 60)),
            "start_date": start,
            "end_date": None,
        }
        if i == 0:
            row.update(purposes=None, acquisition_method=None, responsible_representative=None)
        elif i == 1:
            row.update(notice_published_on=start + timedelta(days=12))
        return row
