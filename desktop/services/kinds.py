"""Which service writes each kind of record: the attribute of the `Services` facade that owns its use cases
(create, update, delete, approve) and writes its audit events. One entry per RecordType; see
docs/adding-a-record-kind.md. tests/test_record_kinds.py holds it to the enum and to the facade.
"""

from __future__ import annotations

from desktop.domain.kinds import RecordType

RECORD_SERVICES: dict[RecordType, str] = {
    RecordType.COMPANY_PROFILE: "company",
    RecordType.CONTRACTOR: "contractors",
    RecordType.EVALUATION: "evaluations",
    RecordType.CONTRACT: "contracts",
    RecordType.ENGAGEMENT: "engagements",
    RecordType.CONSENT_HOP: "engagements",  # a link of an engagement's consent chain
    RecordType.REDELEGATION: "engagements",  # a part of the engagement re-delegated
    RecordType.JOINT_USE: "joint_uses",
    RecordType.JOINT_USE_CHANGE: "joint_uses",  # a change of the joint use's notice
    RecordType.CORRECTIVE_ACTION: "corrective_actions",  # 是正処置, recorded by the officer
    RecordType.OPT_OUT: "opt_outs",
    RecordType.OPT_OUT_CHANGE: "opt_outs",  # a change of the arrangement, notified again
    RecordType.STOP_REQUEST: "stop_requests",
    RecordType.PROVISION: "provisions",
    RecordType.RECEIPT: "receipts",
    RecordType.REQUEST: "requests",  # 本人からの請求 (policy §9)
    RecordType.INCIDENT: "incidents",  # 漏えい等の事案 (APPI Art. 26)
    RecordType.ACCOUNT: "accounts",
    RecordType.SETTING: "settings",
    RecordType.DATABASE: "backups",  # a restore replaces the database as a whole
}
