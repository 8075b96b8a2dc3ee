"""Typed settings kept in the database (shared by every user of it), with their defaults."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.domain.checklist import DEFAULT_TEMPLATE, ChecklistItem, Thresholds, template_from_dicts
from desktop.domain.enums import AuditAction
from desktop.domain.errors import Message, ValidationError
from desktop.domain.kinds import RecordType
from desktop.domain.roles import Permission
from desktop.domain.rules import RuleSettings
from desktop.services.audit import record_event
from desktop.services.context import ServiceContext
from desktop.store import roles
from desktop.store.models import Setting
from desktop.store.notifications import note_change


@dataclass(frozen=True)
class SettingDefinition:
    key: str
    ja: str
    en: str
    default: Any
    check: Callable[[Any], Any]

    @property
    def label(self) -> Message:
        return Message(self.ja, self.en)


def _days(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3650:
        raise ValueError("0〜3650日の整数 / a whole number of days from 0 to 3650")
    return value


def _percent(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise ValueError("0〜100の整数 / a whole percent from 0 to 100")
    return value


def _months(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 60:
        raise ValueError("1〜60か月 / 1 to 60 months")
    return value


def _bytes(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1024 <= value <= 2 * 1024**3:
        raise ValueError("1 KiB〜2 GiB")
    return value


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 10_000_000:
        raise ValueError("1000〜10000000 / 1,000 to 10,000,000")
    return value


def _template(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise ValueError("一覧 / a list")
    return [item.to_dict() for item in template_from_dicts(value)]


SETTINGS: tuple[SettingDefinition, ...] = (
    SettingDefinition(
        "evaluation_warning_days",
        "評価期限の警告（日前）",
        "Warn before an evaluation is due (days)",
        30,
        _days,
    ),
    SettingDefinition(
        "contract_warning_days", "契約満了の警告（日前）", "Warn before a contract expires (days)", 60, _days
    ),
    SettingDefinition(
        "certificate_warning_days",
        "認証期限の警告（日前）",
        "Warn before a certificate expires (days)",
        30,
        _days,
    ),
    SettingDefinition(
        "change_notice_days",
        "責任者情報の変更の通知期限（日）",
        "Days allowed to notice a change of the responsible party's details",
        30,
        _days,
    ),
    SettingDefinition(
        "opt_out_change_notice_days",
        "オプトアウトの提供者情報の変更・提供終了の届出期限（日）",
        "Days allowed to notify an opt-out provider's new details or the end of the provision",
        30,
        _days,
    ),
    SettingDefinition(
        "request_reply_days",
        "本人からの請求への回答期限（受付から日）",
        "Days allowed to reply to a data-subject request (from its receipt)",
        14,
        _days,
    ),
    SettingDefinition(
        "incident_preliminary_days",
        "漏えい等の速報・本人通知の期限（発覚から日）",
        "Days allowed for an incident's preliminary report and notice to the persons (from its discovery)",
        5,
        _days,
    ),
    SettingDefinition(
        "deadline_horizon_days",
        "ダッシュボードの期限表示（日）",
        "Dashboard deadline horizon (days)",
        90,
        _days,
    ),
    SettingDefinition("evaluation_pass_percent", "適合とする得点率（%）", "Pass threshold (%)", 80, _percent),
    SettingDefinition(
        "evaluation_conditional_percent",
        "条件付適合とする得点率（%）",
        "Conditional pass threshold (%)",
        60,
        _percent,
    ),
    SettingDefinition(
        "evaluation_interval_months", "評価の間隔（月）", "Evaluation interval (months)", 12, _months
    ),
    SettingDefinition(
        "attachment_max_bytes",
        "添付ファイルの上限（バイト）",
        "Attachment size limit (bytes)",
        50 * 1024 * 1024,
        _bytes,
    ),
    SettingDefinition(
        "import_max_uncompressed_bytes",
        "取り込むExcelファイルの展開後の上限（バイト）",
        "Largest Excel file to import, unpacked (bytes)",
        256 * 1024 * 1024,
        _bytes,
    ),
    SettingDefinition(
        "import_max_shared_strings",
        "取り込むExcelファイルの共有文字列の上限（個）",
        "Most shared strings in an Excel file to import",
        1_000_000,
        _count,
    ),
    SettingDefinition(
        "evaluation_template",
        "評価項目",
        "Evaluation checklist",
        [item.to_dict() for item in DEFAULT_TEMPLATE],
        _template,
    ),
)
SETTING_BY_KEY = {definition.key: definition for definition in SETTINGS}


class SettingsService:
    def __init__(self, context: ServiceContext):
        self.context = context

    def get_all(self) -> dict[str, Any]:
        with self.context.read() as session:
            stored = {row.key: row.value for row in session.scalars(select(Setting))}
        return {d.key: stored.get(d.key, d.default) for d in SETTINGS}

    def get(self, key: str) -> Any:
        return self.get_all()[key]

    def update(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Validate and store changed settings in one transaction (officer only)."""
        self.context.require(Permission.ADMINISTER)
        errors: dict[str, Message] = {}
        clean: dict[str, Any] = {}
        for key, value in changes.items():
            definition = SETTING_BY_KEY.get(key)
            if definition is None:
                errors[key] = Message(f"{key}: 不明な設定です", f"{key}: unknown setting")
                continue
            try:
                clean[key] = definition.check(value)
            except ValidationError as error:
                errors.update(error.fields)
            except ValueError as error:
                errors[key] = Message(f"{definition.ja}: {error}", f"{definition.en}: {error}")
        merged = {**self.get_all(), **clean}
        if merged["evaluation_conditional_percent"] > merged["evaluation_pass_percent"]:
            errors["evaluation_conditional_percent"] = Message(
                "条件付適合の得点率は適合の得点率以下にしてください",
                "the conditional threshold must not exceed the pass threshold",
            )
        if errors:
            raise ValidationError(errors)
        with self.context.write(Permission.ADMINISTER) as session:
            rows = {row.key: row for row in session.scalars(select(Setting).where(Setting.key.in_(clean)))}
            for key, value in clean.items():
                row = rows.get(key)
                before = row.value if row else SETTING_BY_KEY[key].default
                if before == value:
                    continue
                if self.context.database.enforces_roles:
                    # The server checks the officer and writes the audit event (desktop.store.roles).
                    note_change(session, RecordType.SETTING, (roles.save_setting(session, key, value),))
                    continue
                if row is None:
                    row = Setting(
                        key=key,
                        value=value,
                        updated_by=self.context.actor,
                        created_at=self.context.now(),
                        updated_at=self.context.now(),
                    )
                    session.add(row)
                else:
                    row.value = value
                    row.updated_by = self.context.actor
                    row.updated_at = self.context.now()
                session.flush()
                record_event(
                    session,
                    self.context,
                    AuditAction.UPDATE,
                    RecordType.SETTING,
                    row.id,
                    {key: before},
                    {key: value},
                )
        return merged

    def rule_settings(self) -> RuleSettings:
        values = self.get_all()
        return RuleSettings(
            evaluation_warning_days=values["evaluation_warning_days"],
            contract_warning_days=values["contract_warning_days"],
            certificate_warning_days=values["certificate_warning_days"],
            change_notice_days=values["change_notice_days"],
            opt_out_change_notice_days=values["opt_out_change_notice_days"],
            request_reply_days=values["request_reply_days"],
            incident_preliminary_days=values["incident_preliminary_days"],
        )

    def thresholds(self) -> Thresholds:
        values = self.get_all()
        return Thresholds(values["evaluation_pass_percent"], values["evaluation_conditional_percent"])

    def evaluation_template(self) -> tuple[ChecklistItem, ...]:
        return template_from_dicts(self.get("evaluation_template"))
