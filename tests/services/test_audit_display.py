"""The audit trail in words (desktop.services.audit_display): labels, displayed values, record names."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from desktop.services.audit_display import ChangeLine, RecordNames, describe_changes
from desktop.services.facade import Services

PASSWORD = "correct horse battery"


def _texts(services: Services, record_type: str, language: str = "ja") -> list[str]:
    events = [e for e in services.audit.list_events() if e.record_type == record_type]
    return [
        "\n".join(line.text(language) for line in lines) for lines in services.audit.describe_changes(events)
    ]


def test_a_joint_use_change_names_its_joint_use_and_what_changed(services: Services) -> None:
    joint_use = services.joint_uses.create(
        {"title": "グループ会社間の顧客情報の共同利用", "start_date": date(2026, 4, 1)}
    )
    services.joint_uses.add_change(
        {
            "joint_use_id": joint_use.id,
            "field": "purpose",
            "description": "利用目的に「新商品の分析」を追加",
            "changed_on": date(2026, 11, 6),
        }
    )
    [text] = _texts(services, "joint_use_change")
    assert f"共同利用: グループ会社間の顧客情報の共同利用（#{joint_use.id}）" in text.splitlines()
    assert "変更した事項: 利用目的" in text.splitlines()
    assert "変更日: 2026-11-06" in text.splitlines()
    assert "joint_use_id" not in text and "null" not in text
    [english] = _texts(services, "joint_use_change", "en")
    assert f"Joint use: グループ会社間の顧客情報の共同利用 (#{joint_use.id})" in english.splitlines()
    assert "What changed: Purpose of use" in english.splitlines()


def test_an_update_says_before_and_after_with_enum_labels_and_yes_no(services: Services) -> None:
    contractor = services.contractors.create({"name": "株式会社表示テスト", "status": "candidate"})
    services.contractors.update(
        contractor.id, {"status": "active", "handles_my_number": True}, contractor.version
    )
    texts = _texts(services, "contractor")
    update = next(text for text in texts if "→" in text)
    assert "状態: 候補 → 委託中" in update.splitlines()
    assert "特定個人情報（マイナンバー）: いいえ → はい" in update.splitlines()
    creation = next(text for text in texts if "→" not in text)
    assert "委託先名: 株式会社表示テスト" in creation.splitlines() and "状態: 候補" in creation.splitlines()


def test_accounts_show_role_labels_and_never_the_password_fingerprint(services: Services) -> None:
    services.accounts.create_first_officer("kuroda", PASSWORD, "黒田 恵")
    services.accounts.sign_in("kuroda", PASSWORD)
    services.accounts.add("sato", "staff", PASSWORD, "佐藤 花子")
    services.accounts.change_role("sato", "auditor")
    texts = _texts(services, "account")
    assert any("権限: 担当者 → 監査担当" in text.splitlines() for text in texts)
    assert any("パスワード: （設定）" in text.splitlines() for text in texts)
    assert not any("password_hash" in text or "sha256" in text.lower() for text in texts)


def test_a_deleted_record_is_named_by_its_number_and_a_value_is_cut_only_when_asked() -> None:
    event = SimpleNamespace(
        record_type="stop_request",
        action="create",
        changes={"opt_out_id": [None, 99], "person": [None, "山田 太郎"], "notes": [None, "あ" * 60]},
    )
    lines = describe_changes(event, RecordNames({}, {}))
    assert [line.text() for line in lines[:2]] == [
        "オプトアウトによる第三者提供: #99",
        "本人の氏名: 山田 太郎",
    ]
    assert lines[2].text() == "備考: " + "あ" * 60
    assert lines[2].text(limit=40) == "備考: " + "あ" * 39 + "…"
    assert ChangeLine(lines[1].label, None, None, True).text() == "本人の氏名: — → —"


def test_every_column_the_trail_records_has_a_label_so_no_raw_key_reaches_the_page_or_the_workbook() -> None:
    from desktop.domain.kinds import RecordType
    from desktop.services.audit_display import field_of
    from desktop.store.models import Base
    from desktop.store.roles import UNAUDITED_COLUMNS

    unlabelled = [
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        if table.name in set(RecordType) - {RecordType.SETTING}  # a setting's event is keyed by the setting
        for column in table.columns
        if column.name not in UNAUDITED_COLUMNS and field_of(table.name, column.name).ja == column.name
    ]
    assert unlabelled == []
