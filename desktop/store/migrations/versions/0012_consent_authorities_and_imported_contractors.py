"""consent authorities as a list; contractors marked with the day they were imported from a ledger

Issue 12, policy §7: in a longer chain (original business → A → B → us) each intermediate may need its own
written authority from the original business to consent, and an engagement held only one. Its three columns
`consent_authority`, `consent_authority_on` and `consent_authority_document` give way to
`consent_authorities`, a JSON list of {party, granted_on (ISO), document}; an engagement that had one keeps
it as the list's one entry. An engagement without one keeps NULL (none), as `intermediate_clients` does.

Issue 12, JIS Q 15001 select → contract → entrust: a contractor that came in through a ledger import has no
history before the import, so an evaluation recorded later in the application is no evidence that it was
entrusted before it was selected. Contractors gain `imported_on`, the day of their import (the ledger import
sets it from now on). For the contractors already there it is inferred from the audit trail: the import
creates every new contractor of a file in one go, with one timestamp, so a contractor whose creation event
is one of a run of consecutive contractor creations sharing that instant came from an import — unless the
event right after the run, in the same instant, creates an evaluation or contract the import did not mark
(the demo data writes every record of every kind in one instant; an import's own evaluations and NDAs carry
its marks, desktop.domain.ledger.IMPORTED_EVALUATION_NOTE and IMPORTED_NDA_NOTE). A contractor created alone
is imported when the creation of an evaluation or NDA so marked as its own follows its creation with nothing
but evaluations and contracts written in between. A one-line ledger without evaluation or NDA leaves no such
trace: that contractor stays unmarked (the officer closes its finding with a corrective action).

Each changed row gets an update event in the audit trail, chained onto its head, so that `audit verify` still
replays the trail onto the records (on PostgreSQL with the roles in force, the triggers write it); the
reconstruction "as of" a day before the migration reads an engagement's earlier three fields as the list
(desktop.store.as_it_stood).

On SQLite the engagement's old columns are dropped in place (ALTER TABLE … DROP COLUMN, SQLite 3.35+), never
by copying the table: dropping the old `engagement` table would cascade to its consents and re-delegations.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 05:00:00
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

from desktop.store.migrations.trail import append_events, writes_own_trail

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

MIGRATION_ACTOR = "itaku-migration-0012"
OLD_COLUMNS = ("consent_authority", "consent_authority_on", "consent_authority_document")
TOKYO = ZoneInfo("Asia/Tokyo")


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("engagement", sa.Column("consent_authorities", sa.JSON(), nullable=True))
    op.add_column(
        "contractor", sa.Column("imported_on", sa.Date(), nullable=True)
    )  # no copy: FTS triggers stay
    moved = _move_authorities(bind)
    marked = _mark_imported(bind)
    if not writes_own_trail(bind):  # else the server's triggers wrote them for the rows changed above
        append_events(bind, MIGRATION_ACTOR, "update", "engagement", moved)
        append_events(bind, MIGRATION_ACTOR, "update", "contractor", marked)
    for name in OLD_COLUMNS:
        op.drop_column("engagement", name)


def downgrade() -> None:
    bind = op.get_bind()
    engagement = sa.table(
        "engagement", sa.column("id", sa.Integer), sa.column("consent_authorities", sa.JSON)
    )
    rows = [(row.id, row.consent_authorities or []) for row in bind.execute(sa.select(engagement))]
    several = [engagement_id for engagement_id, entries in rows if len(entries) > 1]
    if several:
        raise RuntimeError(
            f"{len(several)} engagement(s) hold more than one authorisation to consent: cannot downgrade"
        )
    op.add_column("engagement", sa.Column("consent_authority", sa.String(length=250), nullable=True))
    op.add_column("engagement", sa.Column("consent_authority_on", sa.Date(), nullable=True))
    op.add_column("engagement", sa.Column("consent_authority_document", sa.String(length=200), nullable=True))
    old = sa.table(
        "engagement",
        sa.column("id", sa.Integer),
        sa.column("consent_authority", sa.String),
        sa.column("consent_authority_on", sa.Date),
        sa.column("consent_authority_document", sa.String),
    )
    for engagement_id, entries in rows:
        if entries:
            (entry,) = entries
            granted = entry.get("granted_on")
            bind.execute(
                old.update()
                .where(old.c.id == engagement_id)
                .values(
                    consent_authority=entry.get("party"),
                    consent_authority_on=date.fromisoformat(granted) if granted else None,
                    consent_authority_document=entry.get("document"),
                )
            )
    op.drop_column("engagement", "consent_authorities")
    op.drop_column("contractor", "imported_on")


def _move_authorities(bind: sa.Connection) -> list[tuple[int, dict[str, Any]]]:
    """Each engagement's one authority into the list; the changes for its audit event."""
    engagement = sa.table(
        "engagement",
        sa.column("id", sa.Integer),
        sa.column("consent_authority", sa.String),
        sa.column("consent_authority_on", sa.Date),
        sa.column("consent_authority_document", sa.String),
        sa.column("consent_authorities", sa.JSON),
    )
    changes: list[tuple[int, dict[str, Any]]] = []
    for row in bind.execute(
        sa.select(engagement).where(engagement.c.consent_authority.is_not(None)).order_by(engagement.c.id)
    ):
        granted = row.consent_authority_on
        if isinstance(granted, str):  # a driver that hands dates as text
            granted = date.fromisoformat(granted[:10])
        entry = {
            "party": row.consent_authority,
            "granted_on": granted.isoformat() if granted else None,
            "document": row.consent_authority_document,
        }
        bind.execute(engagement.update().where(engagement.c.id == row.id).values(consent_authorities=[entry]))
        change: dict[str, Any] = {"consent_authorities": [None, [entry]]}
        change["consent_authority"] = [row.consent_authority, None]
        if granted is not None:
            change["consent_authority_on"] = [granted.isoformat(), None]
        if row.consent_authority_document is not None:
            change["consent_authority_document"] = [row.consent_authority_document, None]
        changes.append((row.id, dict(sorted(change.items()))))
    return changes


def _tokyo_day(moment: Any) -> date | None:
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if not isinstance(moment, datetime):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(TOKYO).date()


def _mark_imported(bind: sa.Connection) -> list[tuple[int, dict[str, Any]]]:
    """Set `imported_on` of the contractors the trail shows came in through a ledger import (see above)."""
    from desktop.domain.ledger import IMPORTED_EVALUATION_NOTE, IMPORTED_NDA_NOTE
    from desktop.store.models import UTCDateTime

    events = sa.table(
        "audit_event",
        sa.column("id", sa.Integer),
        sa.column("occurred_at", UTCDateTime()),
        sa.column("action", sa.String),
        sa.column("record_type", sa.String),
        sa.column("record_id", sa.Integer),
    )
    contractor = sa.table("contractor", sa.column("id", sa.Integer), sa.column("imported_on", sa.Date))
    evaluation = sa.table(
        "evaluation",
        sa.column("id", sa.Integer),
        sa.column("contractor_id", sa.Integer),
        sa.column("conditions", sa.Text),
    )
    contract = sa.table(
        "contract",
        sa.column("id", sa.Integer),
        sa.column("contractor_id", sa.Integer),
        sa.column("notes", sa.Text),
    )
    existing = set(bind.execute(sa.select(contractor.c.id)).scalars())
    created = [
        (row.id, row.record_id, row.occurred_at)
        for row in bind.execute(
            sa.select(events.c.id, events.c.record_id, events.c.occurred_at)
            .where(events.c.record_type == "contractor", events.c.action == "create")
            .order_by(events.c.id)
        )
        if row.record_id in existing
    ]
    imported: dict[int, date] = {}
    runs: list[list[tuple[int, int, Any]]] = []
    for event in created:
        run = runs[-1] if runs else None
        if run is not None and event[0] == run[-1][0] + 1 and event[2] == run[-1][2]:
            run.append(event)
        else:
            runs.append([event])
    marked_ids = {
        "evaluation": set(
            bind.execute(
                sa.select(evaluation.c.id).where(evaluation.c.conditions == IMPORTED_EVALUATION_NOTE)
            ).scalars()
        ),
        "contract": set(
            bind.execute(sa.select(contract.c.id).where(contract.c.notes == IMPORTED_NDA_NOTE)).scalars()
        ),
    }

    def written_with_unmarked_records(run: list[tuple[int, int, Any]]) -> bool:
        """The run is followed, in its own instant, by an evaluation or contract no import marked (demo data)."""
        after = bind.execute(
            sa.select(events.c.record_type, events.c.record_id, events.c.action, events.c.occurred_at).where(
                events.c.id == run[-1][0] + 1
            )
        ).first()
        return (
            after is not None
            and after.action == "create"
            and after.occurred_at == run[-1][2]
            and after.record_type in marked_ids
            and after.record_id not in marked_ids[after.record_type]
        )

    single: dict[int, tuple[int, Any]] = {}
    for run in runs:
        if len(run) > 1 and written_with_unmarked_records(run):
            continue
        if len(run) > 1:
            for _event_id, contractor_id, moment in run:
                day = _tokyo_day(moment)
                if day is not None:
                    imported[contractor_id] = day
        else:
            ((event_id, contractor_id, moment),) = run
            single[contractor_id] = (event_id, moment)
    # A contractor created alone, followed directly by the creation of its own imported evaluation or NDA.
    marked_records = [
        ("evaluation", row.id, row.contractor_id)
        for row in bind.execute(
            sa.select(evaluation.c.id, evaluation.c.contractor_id).where(
                evaluation.c.conditions == IMPORTED_EVALUATION_NOTE
            )
        )
    ] + [
        ("contract", row.id, row.contractor_id)
        for row in bind.execute(
            sa.select(contract.c.id, contract.c.contractor_id).where(contract.c.notes == IMPORTED_NDA_NOTE)
        )
    ]
    for record_type, record_id, contractor_id in marked_records:
        if contractor_id not in single or contractor_id in imported:
            continue
        first, moment = single[contractor_id]
        made = bind.execute(
            sa.select(sa.func.min(events.c.id)).where(
                events.c.record_type == record_type,
                events.c.record_id == record_id,
                events.c.action == "create",
                events.c.id > first,
            )
        ).scalar()
        if made is None:
            continue
        between = bind.execute(
            sa.select(sa.func.count()).where(
                events.c.id > first,
                events.c.id < made,
                events.c.record_type.not_in(("evaluation", "contract")),
            )
        ).scalar()
        day = _tokyo_day(moment)
        if not between and day is not None:
            imported[contractor_id] = day
    changes = []
    for contractor_id in sorted(imported):
        day = imported[contractor_id]
        bind.execute(contractor.update().where(contractor.c.id == contractor_id).values(imported_on=day))
        changes.append((contractor_id, {"imported_on": [None, day.isoformat()]}))
    return changes
