from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import DependencyError, ValidationError
from desktop.services.attachments import AttachmentStatus
from desktop.store.models import AuditEvent, ConsentHop


def contractor(services, **extra):
    return services.contractors.create(
        {"name": "株式会社さくら", "status": "active", "pi_items": ["氏名"], **extra}
    )


def full_scores(services, route="full", default=2, **overrides):
    return {item.code: overrides.get(item.code, default) for item in services.evaluations.items_for(route)}


def test_evaluation_result_and_default_due_date(services):
    c = contractor(services)
    evaluation = services.evaluations.create(
        {"contractor_id": c.id, "evaluated_on": "2026-04-01", "evaluator": "佐藤"}, full_scores(services)
    )
    assert (evaluation.result, evaluation.total_score, evaluation.max_score) == ("pass", 40, 40)
    assert evaluation.next_due_on == date(2027, 4, 1)
    assert len(evaluation.items) == 20 and evaluation.items[0]["score"] == 2


def test_failed_mandatory_item_fails_the_evaluation(services):
    c = contractor(services)
    evaluation = services.evaluations.create(
        {"contractor_id": c.id, "evaluated_on": "2026-04-01", "evaluator": "佐藤"},
        full_scores(services, per_nda=0),
    )
    assert evaluation.result == "fail"


def test_overriding_the_due_date_needs_a_reason(services):
    c = contractor(services)
    data = {
        "contractor_id": c.id,
        "evaluated_on": "2026-04-01",
        "evaluator": "佐藤",
        "next_due_on": "2026-10-01",
    }
    with pytest.raises(ValidationError) as caught:
        services.evaluations.create(data, full_scores(services))
    assert "next_due_reason" in caught.value.fields
    evaluation = services.evaluations.create(
        {**data, "next_due_reason": "新規取引のため半年で再評価"}, full_scores(services)
    )
    assert evaluation.next_due_on == date(2026, 10, 1)


def test_simplified_route_needs_a_valid_certificate(services):
    c = contractor(services)
    data = {"contractor_id": c.id, "evaluated_on": "2026-04-01", "evaluator": "佐藤", "route": "privacy_mark"}
    with pytest.raises(ValidationError) as caught:
        services.evaluations.create(data, full_scores(services, "privacy_mark"))
    assert "route" in caught.value.fields
    services.contractors.update(
        c.id, {"privacy_mark_number": "第123号", "privacy_mark_expiry": "2027-03-31"}, 1
    )
    evaluation = services.evaluations.create(data, full_scores(services, "privacy_mark"))
    assert evaluation.certificate_expiry == date(2027, 3, 31) and evaluation.route == "privacy_mark"


def test_approval_records_approver_and_date(services):
    c = contractor(services)
    evaluation = services.evaluations.create(
        {"contractor_id": c.id, "evaluated_on": "2026-04-01", "evaluator": "佐藤"}, full_scores(services)
    )
    approved = services.evaluations.approve(evaluation.id, evaluation.version)
    assert approved.approver == "tester" and approved.approved_on == date(2026, 11, 25)


def test_evaluation_keeps_its_item_snapshot_when_the_template_changes(services):
    c = contractor(services)
    evaluation = services.evaluations.create(
        {"contractor_id": c.id, "evaluated_on": "2026-04-01", "evaluator": "佐藤"}, full_scores(services)
    )
    template = services.settings.get("evaluation_template")
    services.settings.update({"evaluation_template": template[:5]})
    updated = services.evaluations.update(evaluation.id, {"conditions": "特になし"}, None, evaluation.version)
    assert len(updated.items) == 20 and updated.total_score == 40


def test_contract_attachment_is_copied_hashed_and_checked(services, tmp_path):
    c = contractor(services)
    source = tmp_path / "署名済NDA.pdf"
    source.write_bytes(b"%PDF-1.4 signed")
    contract = services.contracts.create(
        {
            "contractor_id": c.id,
            "kind": "nda",
            "title": "機密保持契約書",
            "signed_on": "2026-01-01",
            "effective_from": "2026-01-01",
        },
        attachment=source,
    )
    assert contract.attachment_name == "署名済NDA.pdf" and len(contract.attachment_sha256) == 64
    stored = services.contracts.attachment_file(contract.id)
    assert stored.read_bytes() == b"%PDF-1.4 signed"
    assert services.contracts.attachment_status(contract.id) is AttachmentStatus.OK
    stored.write_bytes(b"tampered")
    assert services.contracts.attachment_status(contract.id) is AttachmentStatus.MODIFIED
    stored.unlink()
    assert services.contracts.attachment_status(contract.id) is AttachmentStatus.MISSING


def test_attachment_over_the_size_limit_is_refused(services, tmp_path):
    c = contractor(services)
    services.settings.update({"attachment_max_bytes": 1024})
    big = tmp_path / "big.pdf"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(ValidationError) as caught:
        services.contracts.create(
            {
                "contractor_id": c.id,
                "kind": "nda",
                "title": "NDA",
                "signed_on": "2026-01-01",
                "effective_from": "2026-01-01",
            },
            attachment=big,
        )
    assert "attachment" in caught.value.fields
    assert services.contracts.list() == []


def test_contract_cannot_be_deleted_while_the_contractor_holds_the_data(services):
    c = contractor(services)
    contract = services.contracts.create(
        {
            "contractor_id": c.id,
            "kind": "nda",
            "title": "NDA",
            "signed_on": "2026-01-01",
            "effective_from": "2026-01-01",
        }
    )
    with pytest.raises(DependencyError):
        services.contracts.delete(contract.id, contract.version)
    services.contractors.update(
        c.id,
        {"status": "ended", "disposition_method": "destroyed", "disposition_date": "2026-11-01"},
        c.version,
    )
    services.contracts.delete(contract.id, contract.version)
    assert services.contracts.list() == []


def test_contract_for_a_missing_contractor_is_refused(services):
    with pytest.raises(ValidationError) as caught:
        services.contracts.create(
            {
                "contractor_id": 404,
                "kind": "nda",
                "title": "NDA",
                "signed_on": "2026-01-01",
                "effective_from": "2026-01-01",
            }
        )
    assert "contractor_id" in caught.value.fields


ENGAGEMENT = {
    "client_name": "東邦生命保険株式会社",
    "client_is_original": False,
    "original_business_name": "株式会社あおぞら生活",
    "work": "会員データ入力",
    "start_date": "2026-10-01",
}


def test_engagement_without_consent_cannot_be_set_active(services):
    engagement = services.engagements.create(ENGAGEMENT)
    with pytest.raises(ValidationError) as caught:
        services.engagements.update(engagement.id, {"status": "active"}, engagement.version)
    assert "status" in caught.value.fields
    services.engagements.add_consent_hop(
        {
            "engagement_id": engagement.id,
            "given_by": "original",
            "link_from": "client",
            "link_to": "us",
            "consented_on": "2026-09-20",
            "form": "written",
        }
    )
    active = services.engagements.update(engagement.id, {"status": "active"}, engagement.version)
    assert active.status == "active"
    assert [f.rule for f in services.checks.findings() if f.record_type == "engagement"] == []


def test_engagement_cannot_be_created_active_without_consent(services):
    with pytest.raises(ValidationError):
        services.engagements.create({**ENGAGEMENT, "status": "active"})
    assert services.engagements.list() == []


def test_removing_the_only_consent_of_active_work_is_refused(services):
    engagement = services.engagements.create(ENGAGEMENT)
    hop = services.engagements.add_consent_hop(
        {
            "engagement_id": engagement.id,
            "from_party": "株式会社あおぞら生活",  # names as text are resolved to the chain's parties
            "to_party": "当社",
            "consented_on": "2026-09-20",
            "form": "email",
        }
    )
    services.engagements.update(engagement.id, {"status": "active"}, engagement.version)
    with pytest.raises(ValidationError):
        services.engagements.delete_consent_hop(hop.id, hop.version)
    with services.database.read() as session:
        assert session.scalar(select(func.count(ConsentHop.id))) == 1


def test_redelegation_consent_clears_the_finding(services):
    c = contractor(services)
    engagement = services.engagements.create({**ENGAGEMENT, "client_is_original": True})
    redelegation = services.engagements.add_redelegation(
        {"engagement_id": engagement.id, "contractor_id": c.id, "start_date": "2026-10-15"}
    )
    rules = lambda: {f.rule for f in services.checks.findings() if f.record_type == "redelegation"}  # noqa: E731
    assert "redelegation.consent_missing" in rules()
    services.engagements.add_consent_hop(
        {
            "engagement_id": engagement.id,
            "redelegation_id": redelegation.id,
            "given_by": "client",  # the client is the original business here
            "link_from": "us",
            "link_to": f"redelegation:{redelegation.id}",
            "consented_on": "2026-10-15",
            "form": "contract_clause",
        }
    )
    assert "redelegation.consent_missing" not in rules()


def test_hop_for_another_engagements_redelegation_is_refused(services):
    c = contractor(services)
    first = services.engagements.create({**ENGAGEMENT, "client_is_original": True})
    second = services.engagements.create({**ENGAGEMENT, "client_is_original": True})
    redelegation = services.engagements.add_redelegation(
        {"engagement_id": first.id, "contractor_id": c.id, "start_date": "2026-10-15"}
    )
    with pytest.raises(ValidationError) as caught:
        services.engagements.add_consent_hop(
            {
                "engagement_id": second.id,
                "redelegation_id": redelegation.id,
                "from_party": "x",
                "to_party": "y",
                "consented_on": "2026-10-01",
                "form": "email",
            }
        )
    assert "redelegation_id" in caught.value.fields


def test_deleting_an_engagement_audits_its_hops_and_redelegations(services):
    c = contractor(services)
    engagement = services.engagements.create({**ENGAGEMENT, "client_is_original": True})
    redelegation = services.engagements.add_redelegation(
        {"engagement_id": engagement.id, "contractor_id": c.id, "start_date": "2026-10-15"}
    )
    services.engagements.add_consent_hop(
        {
            "engagement_id": engagement.id,
            "redelegation_id": redelegation.id,
            "given_by": "client",
            "consented_on": "2026-10-01",
            "form": "email",
        }
    )
    services.engagements.delete(engagement.id, engagement.version)
    with services.database.read() as session:
        deletes = sorted(session.scalars(select(AuditEvent.record_type).where(AuditEvent.action == "delete")))
    assert deletes == ["consent_hop", "engagement", "redelegation"]


def test_joint_use_notice_text_lists_items_one_to_six(services):
    joint_use = services.joint_uses.create(
        {
            "title": "グループ共同利用",
            "joint_use_statement": "以下のとおり共同利用します",
            "pi_items": "氏名,住所",
            "scope": "当社グループ",
            "purposes": "サービスのご案内",
            "responsible_name": "株式会社みらいデータ",
            "responsible_address": "東京都千代田区",
            "responsible_representative": "山田 太郎",
            "acquisition_method": "申込書",
            "start_date": "2026-04-01",
            "notice_published_on": "2026-03-01",
        }
    )
    notice = services.joint_uses.notice(joint_use.id)
    positions = [notice.index(mark) for mark in "①②③④⑤⑥"]
    assert positions == sorted(positions)
    assert "氏名、住所" in notice and "代表者: 山田 太郎" in notice


def test_joint_use_change_history_drives_the_advance_notice_rule(services):
    joint_use = services.joint_uses.create({"title": "共同利用", "start_date": "2026-04-01"})
    services.joint_uses.add_change(
        {
            "joint_use_id": joint_use.id,
            "field": "purpose",
            "description": "目的追加",
            "changed_on": "2026-09-01",
            "noticed_on": "2026-09-10",
        }
    )
    rules = {f.rule for f in services.checks.findings() if f.record_id == joint_use.id}
    assert "joint_use.change_without_advance_notice" in rules


def test_settings_are_validated_and_audited(services):
    with pytest.raises(ValidationError) as caught:
        services.settings.update({"evaluation_pass_percent": 50, "evaluation_conditional_percent": 70})
    assert "evaluation_conditional_percent" in caught.value.fields
    with pytest.raises(ValidationError):
        services.settings.update({"no_such_setting": 1})
    services.settings.update({"contract_warning_days": 90})
    assert services.settings.rule_settings().contract_warning_days == 90
    assert services.audit.list_events()[0].changes == {"contract_warning_days": [60, 90]}


def test_company_profile_is_one_row(services):
    services.company.save({"name": "株式会社みらいデータ"})
    profile = services.company.save({"officer_name": "黒田 修"}, 1)
    assert (profile.name, profile.officer_name, profile.version) == ("株式会社みらいデータ", "黒田 修", 2)
