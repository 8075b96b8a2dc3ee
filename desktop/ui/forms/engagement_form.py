"""The engagement (受託業務) form with its consent chain, consent hops and re-delegations (policy §7)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.consent_chain import (
    CLIENT,
    Chain,
    SubContractor,
    chain_of,
    consent_of,
    intermediate_key,
    redelegation_of,
)
from desktop.domain.enums import ChainPartyRole, ConsentForm
from desktop.domain.errors import ItakuError, Message
from desktop.domain.kinds import RecordType
from desktop.domain.schema import CONSENT_HOP, ENGAGEMENT, REDELEGATION
from desktop.ui.forms.base import RecordDialog
from desktop.ui.forms.choices import contractor_choice
from desktop.ui.language import text
from desktop.ui.widgets.authority_list import AuthorityListEditor
from desktop.ui.widgets.consent_chain import ChainLink, ConsentChainView, chain_links
from desktop.ui.widgets.read_only_table import read_only_table
from desktop.ui.widgets.schema_form import ChoiceBox

if TYPE_CHECKING:
    from desktop.services.facade import Services


def _label_of(enum: Any, value: str | None) -> str:
    try:
        return text(enum(value).label) if value else ""
    except ValueError:
        return value or ""


def _party_choice(chain: Chain, roles: tuple[ChainPartyRole, ...] | None = None) -> ChoiceBox:
    """The parties of the chain (of some roles), each by its name and place in the chain; the value is the
    party's key, its identity in a consent record."""
    blank = QCoreApplication.translate("SchemaForm", "— choose —")
    return ChoiceBox(
        ((text(party.label), party.key) for party in chain.parties if roles is None or party.role in roles),
        blank,
    )


class ConsentHopDialog(RecordDialog):
    """Record (or correct) one consent: who gave it and the link it covers, both picked from the parties of
    the engagement's chain; when; in what form."""

    record_type = RecordType.CONSENT_HOP
    schema = CONSENT_HOP
    field_names = ("given_by", "link_from", "link_to", "consented_on", "form", "reference")

    def __init__(
        self,
        services: Services,
        engagement_id: int,
        hop_id: int | None = None,
        parent: QWidget | None = None,
        redelegation_id: int | None = None,
        defaults: dict[str, Any] | None = None,
    ):
        self.engagement_id = engagement_id
        self.redelegation_id = redelegation_id
        self.pending_evidence: Path | None = None
        self.chain = services.engagements.chain(engagement_id)
        super().__init__(services, hop_id, parent, defaults)
        self.resize(620, 420)

    def custom_editors(self) -> dict[str, QWidget]:
        return {
            "given_by": _party_choice(self.chain),
            "link_from": _party_choice(self.chain),
            "link_to": _party_choice(self.chain),
        }

    def build_body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form.layout_for(self.form.names))
        self.who_note = QLabel(
            self.tr(
                "Only a consent of the original business, or of the party it authorised in writing to consent "
                "(recorded on the engagement), counts for a link."
            ),
            body,
        )
        self.who_note.setWordWrap(True)
        self.who_note.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.who_note)
        self.as_written_label = QLabel(body)
        self.as_written_label.setObjectName("asWritten")
        self.as_written_label.setWordWrap(True)
        self.as_written_label.setStyleSheet("color: #b3261e;")
        self.as_written_label.hide()
        layout.addWidget(self.as_written_label)
        row = QHBoxLayout()
        self.evidence_label = QLabel(self.tr("No evidence file attached."), body)
        self.evidence_label.setWordWrap(True)
        self.evidence_button = QPushButton(self.tr("Attach e&vidence…"), body)
        self.evidence_button.setAutoDefault(False)
        self.evidence_button.clicked.connect(self.choose_evidence)
        row.addWidget(self.evidence_label, 1)
        row.addWidget(self.evidence_button)
        layout.addLayout(row)
        return body

    def start_new(self) -> None:
        self.defaults.setdefault("form", ConsentForm.WRITTEN.value)
        super().start_new()

    def fetch(self, record_id: int) -> Any:
        engagement = self.services.engagements.get(self.engagement_id)
        for hop in engagement.consent_hops:
            if hop.id == record_id:
                self.redelegation_id = hop.redelegation_id
                return hop
        from desktop.domain.errors import NotFoundError

        raise NotFoundError(RecordType.CONSENT_HOP, record_id)

    def after_load(self, record: Any) -> None:
        if record.attachment_name:
            self.evidence_label.setText(self.tr("Evidence: %1").replace("%1", record.attachment_name))
        if self.chain.incomplete([consent_of(record)]):
            self.as_written_label.setText(
                self.tr("Recorded as: %1 → %2. Choose who gave this consent and the link it covers.")
                .replace("%1", record.from_party)
                .replace("%2", record.to_party)
            )
            self.as_written_label.show()

    def record_title(self) -> str:
        return f"{self.record.from_party} → {self.record.to_party}" if self.record is not None else ""

    def choose_evidence(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Evidence of the consent"))
        if path:
            self.set_pending_evidence(Path(path))

    def set_pending_evidence(self, path: Path | None) -> None:
        self.pending_evidence = path
        if path is not None:
            self.evidence_label.setText(self.tr("To attach on save: %1").replace("%1", str(path)))
        self.update_state()

    def extra_dirty(self) -> bool:
        return getattr(self, "pending_evidence", None) is not None

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        evidence, self.pending_evidence = self.pending_evidence, None
        values = {**values, "redelegation_id": redelegation_of(values.get("link_to"))}
        try:
            if self.record_id is None:
                return self.services.engagements.add_consent_hop(
                    {**values, "engagement_id": self.engagement_id}, evidence=evidence
                )
            return self.services.engagements.update_consent_hop(
                self.record_id, values, version, evidence=evidence
            )
        except ItakuError:
            self.pending_evidence = evidence
            raise

    def show_extra_errors(self, errors: dict[str, Message]) -> dict[str, Message]:
        return errors


class RedelegationDialog(RecordDialog):
    """Add or edit one re-delegation: which contractor does which part of the work, from when."""

    record_type = RecordType.REDELEGATION
    schema = REDELEGATION
    field_names = ("contractor_id", "work", "start_date", "end_date")

    def __init__(
        self,
        services: Services,
        engagement_id: int,
        redelegation_id: int | None = None,
        parent: QWidget | None = None,
        defaults: dict[str, Any] | None = None,
    ):
        self.engagement_id = engagement_id
        super().__init__(services, redelegation_id, parent, defaults)
        self.resize(560, 340)

    def custom_editors(self) -> dict[str, QWidget]:
        return {"contractor_id": contractor_choice(self.services)}

    def fetch(self, record_id: int) -> Any:
        for redelegation in self.services.engagements.get(self.engagement_id).redelegations:
            if redelegation.id == record_id:
                return redelegation
        from desktop.domain.errors import NotFoundError

        raise NotFoundError(RecordType.REDELEGATION, record_id)

    def record_title(self) -> str:
        return self.form.editor("contractor_id", ChoiceBox).currentText() if self.record is not None else ""

    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.engagements.add_redelegation({**values, "engagement_id": self.engagement_id})
        return self.services.engagements.update_redelegation(self.record_id, values, version)


FORM_FIELDS = (
    "client_name",
    "client_corporate_number",
    "client_is_original",
    "original_business_name",
    "intermediate_clients",
    "consent_authorities",
    "work",
    "pi_items",
    "start_date",
    "end_date",
    "status",
    "notes",
)


class EngagementDialog(RecordDialog):
    record_type = RecordType.ENGAGEMENT
    schema = ENGAGEMENT

    def custom_editors(self) -> dict[str, QWidget]:
        # The parties the original business authorised in writing to consent, one row each: the client or an
        # intermediate client, the choices following the names typed (refresh_chain).
        return {"consent_authorities": AuthorityListEditor()}

    def build_body(self) -> QWidget:
        self.hops: list[Any] = []
        self.redelegations: list[Any] = []
        self.sub_dialog: RecordDialog | None = None
        profile = self.services.company.get()
        self.company_name = (
            profile.name if profile is not None else self.tr("(our company — set it in Settings)")
        )
        body = QWidget(self)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        chain_box = QGroupBox(self.tr("Consent chain"), body)
        chain_layout = QVBoxLayout(chain_box)
        self.chain = ConsentChainView(chain_box)
        self.chain.setObjectName("consentChain")
        chain_layout.addWidget(self.chain)
        self.chain_note = QLabel(chain_box)
        self.chain_note.setStyleSheet("color: #5f6368;")
        self.chain_note.setWordWrap(True)
        chain_layout.addWidget(self.chain_note)
        outer.addWidget(chain_box)
        columns = QHBoxLayout()
        columns.addWidget(self.form.layout_for(FORM_FIELDS), 1)
        self.tabs = QTabWidget(body)
        self.tabs.addTab(self.build_redelegations(), self.tr("&Re-delegations"))
        self.tabs.addTab(self.build_hops(), self.tr("Consents recor&ded"))
        columns.addWidget(self.tabs, 1)
        outer.addLayout(columns, 1)
        self.chain.link_clicked.connect(self.add_consent_for)
        self.form.changed.connect(self.refresh_chain)
        self.resize(1240, 860)
        return body

    def build_redelegations(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.redelegation_table = read_only_table(
            [
                self.tr("Sub-contractor"),
                self.tr("Work re-delegated"),
                self.tr("Start"),
                self.tr("End"),
                self.tr("Consent"),
            ]
        )
        self.redelegation_table.setObjectName("redelegationTable")
        layout.addWidget(self.redelegation_table)
        row = QHBoxLayout()
        self.add_redelegation_button = QPushButton(self.tr("&Add re-delegation…"), page)
        self.edit_redelegation_button = QPushButton(self.tr("&Edit…"), page)
        self.delete_redelegation_button = QPushButton(self.tr("Dele&te"), page)
        for button in (
            self.add_redelegation_button,
            self.edit_redelegation_button,
            self.delete_redelegation_button,
        ):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_redelegation_button.clicked.connect(lambda: self.open_redelegation(None))
        self.edit_redelegation_button.clicked.connect(self.edit_selected_redelegation)
        self.delete_redelegation_button.clicked.connect(self.delete_selected_redelegation)
        self.redelegation_table.doubleClicked.connect(lambda _index: self.edit_selected_redelegation())
        return page

    def build_hops(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.hop_table = read_only_table(
            [
                self.tr("Consent given by"),
                self.tr("Link"),
                self.tr("Date"),
                self.tr("Form"),
                self.tr("Reference"),
            ]
        )
        self.hop_table.setObjectName("hopTable")
        layout.addWidget(self.hop_table)
        row = QHBoxLayout()
        self.edit_hop_button = QPushButton(self.tr("Edit c&onsent…"), page)
        self.delete_hop_button = QPushButton(self.tr("Delete co&nsent"), page)
        for button in (self.edit_hop_button, self.delete_hop_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.edit_hop_button.clicked.connect(self.edit_selected_hop)
        self.delete_hop_button.clicked.connect(self.delete_selected_hop)
        self.hop_table.doubleClicked.connect(lambda _index: self.edit_selected_hop())
        return page

    # Loading ---------------------------------------------------------------------------------------
    def fetch(self, record_id: int) -> Any:
        return self.services.engagements.get(record_id)

    def after_new(self) -> None:
        self.hops, self.redelegations = [], []
        self.refresh_tables()
        self.refresh_chain()

    def after_load(self, record: Any) -> None:
        self.hops = list(record.consent_hops)
        self.redelegations = list(record.redelegations)
        self.refresh_tables()
        self.refresh_chain()

    def reload_children(self) -> None:
        """Re-read hops and re-delegations only: the user's unsaved edits of the engagement stay."""
        assert self.record_id is not None
        engagement = self.services.engagements.get(self.record_id)
        self.after_load(engagement)

    def record_title(self) -> str:
        return self.record.client_name if self.record is not None else ""

    # Chain -----------------------------------------------------------------------------------------
    def current_chain(self) -> Chain:
        """The chain as the form stands (unsaved edits included) with the saved re-delegations."""
        values = self.form.values()
        subs = [SubContractor(r.id, r.contractor.name, r.start_date) for r in self.redelegations]
        return chain_of(values, subs, self.company_name)

    def links(self) -> list[ChainLink]:
        return chain_links(self.current_chain(), [consent_of(hop) for hop in self.hops])

    def refresh_authority_choices(self) -> None:
        box = self.form.editor("consent_authorities", AuthorityListEditor)
        values = self.form.values()
        choices: list[tuple[str, Any]] = []
        if not values["client_is_original"]:
            intermediates = values.get("intermediate_clients") or []
            choices = [(name, intermediate_key(name)) for name in intermediates]
            choices.append((str(values["client_name"] or "?"), CLIENT))
        box.set_choices(choices)

    def refresh_chain(self) -> None:
        if not hasattr(self, "chain"):
            return
        self.refresh_authority_choices()
        saved = self.record_id is not None
        self.chain.set_chain(self.current_chain(), self.links(), clickable=saved)
        self.chain_note.setText(
            self.tr("Click a link to record a consent for it.")
            if saved
            else self.tr("Save the engagement first; then click a link to record its consent.")
        )
        saved_widgets = (
            self.add_redelegation_button,
            self.edit_redelegation_button,
            self.delete_redelegation_button,
            self.edit_hop_button,
            self.delete_hop_button,
        )
        for button in saved_widgets:
            button.setEnabled(saved)

    def refresh_tables(self) -> None:
        names = {r.id: r.contractor.name for r in self.redelegations}
        links = {link.redelegation_id: link for link in self.links() if link.redelegation_id is not None}
        self.redelegation_table.setRowCount(len(self.redelegations))
        for row, redelegation in enumerate(self.redelegations):
            link = links.get(redelegation.id)
            consent = self.chain.link_text(link).replace("→ ", "").replace("\n", " ") if link else ""
            cells = [
                names[redelegation.id],
                (redelegation.work or "").replace("\n", " "),
                redelegation.start_date.isoformat(),
                redelegation.end_date.isoformat() if redelegation.end_date else "",
                consent,
            ]
            for column, value in enumerate(cells):
                self.redelegation_table.setItem(row, column, QTableWidgetItem(value))
        chain = self.current_chain()
        self.hop_table.setRowCount(len(self.hops))
        for row, hop in enumerate(self.hops):
            giver, source, target = (
                chain.party(hop.given_by),
                chain.party(hop.link_from),
                chain.party(hop.link_to),
            )
            incomplete = self.tr("(to complete: %1)")
            cells = [
                text(giver.label) if giver is not None else incomplete.replace("%1", hop.from_party),
                f"{source.name} → {target.name}"
                if source is not None and target is not None
                else incomplete.replace("%1", f"→ {hop.to_party}"),
                hop.consented_on.isoformat(),
                _label_of(ConsentForm, hop.form),
                hop.reference or "",
            ]
            for column, value in enumerate(cells):
                self.hop_table.setItem(row, column, QTableWidgetItem(value))

    # Sub-records -----------------------------------------------------------------------------------
    def _open_sub(self, dialog: RecordDialog) -> None:
        self.sub_dialog = dialog
        dialog.saved.connect(self.on_child_saved)
        dialog.open()

    def on_child_saved(self, _record_type: str, _record_id: int) -> None:
        self.reload_children()
        if self.record_id is not None:
            self.saved.emit(self.record_type, self.record_id)

    def add_consent_for(self, link: ChainLink) -> None:
        """One dialog per link: the consenting party, the party consented for, the link's re-delegation."""
        if self.record_id is None or not link.needs_consent:
            return
        dialog = ConsentHopDialog(
            self.services,
            self.record_id,
            None,
            self,
            redelegation_id=link.redelegation_id,
            defaults={
                "given_by": self.current_chain().original_key,
                "link_from": link.link.source.key,
                "link_to": link.link.target.key,
            },
        )
        dialog.setWindowTitle(dialog.windowTitle() + f" ({link.from_party} → {link.to_party})")
        self._open_sub(dialog)

    def open_redelegation(self, redelegation_id: int | None) -> None:
        if self.record_id is None:
            return
        defaults = {}
        if redelegation_id is None:
            start = self.form.value("start_date")
            defaults = {"start_date": start if isinstance(start, date) else None}
        self._open_sub(RedelegationDialog(self.services, self.record_id, redelegation_id, self, defaults))

    def _selected(self, table: QTableWidget, rows: list[Any]) -> Any:
        indexes = table.selectionModel().selectedRows()
        if not indexes:
            return None
        return rows[indexes[0].row()]

    def edit_selected_redelegation(self) -> None:
        chosen = self._selected(self.redelegation_table, self.redelegations)
        if chosen is not None:
            self.open_redelegation(chosen.id)

    def edit_selected_hop(self) -> None:
        chosen = self._selected(self.hop_table, self.hops)
        if chosen is not None and self.record_id is not None:
            self._open_sub(ConsentHopDialog(self.services, self.record_id, chosen.id, self))

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.windowTitle(), question)
        return answer == QMessageBox.StandardButton.Yes

    def delete_selected_redelegation(self) -> None:
        chosen = self._selected(self.redelegation_table, self.redelegations)
        if chosen is None:
            return
        name = chosen.contractor.name
        if not self.confirm(
            self.tr("Delete the re-delegation to %1 and the consents recorded for it?").replace("%1", name)
        ):
            return
        self._run(lambda: self.services.engagements.delete_redelegation(chosen.id, chosen.version))

    def delete_selected_hop(self) -> None:
        chosen = self._selected(self.hop_table, self.hops)
        if chosen is None:
            return
        if not self.confirm(
            self.tr("Delete the consent of %1 for %2 dated %3?")
            .replace("%1", chosen.from_party)
            .replace("%2", chosen.to_party)
            .replace("%3", chosen.consented_on.isoformat())
        ):
            return
        self._run(lambda: self.services.engagements.delete_consent_hop(chosen.id, chosen.version))

    def _run(self, action: Any) -> None:
        self.general_error.clear_message()
        try:
            action()
        except ItakuError as error:  # a ValidationError's message lists its fields' messages
            self.general_error.set_message(text(error.message))
        self.reload_children()
        if self.record_id is not None:
            self.saved.emit(self.record_type, self.record_id)

    # Saving ----------------------------------------------------------------------------------------
    def submit(self, values: dict[str, Any], version: int | None) -> Any:
        if self.record_id is None:
            return self.services.engagements.create(values)
        return self.services.engagements.update(self.record_id, values, version)
