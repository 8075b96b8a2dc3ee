<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChecklistScores</name>
    <message>
        <location filename="../../desktop/ui/widgets/checklist_scores.py" line="63" />
        <location filename="../../desktop/ui/widgets/checklist_scores.py" line="124" />
        <source>Mandatory</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/checklist_scores.py" line="99" />
        <source>0: not in place</source>
        <translation>0: not in place</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/checklist_scores.py" line="101" />
        <source>%1: fully in place</source>
        <translation>%1: fully in place</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/checklist_scores.py" line="102" />
        <source>%1: partly in place</source>
        <translation>%1: partly in place</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/checklist_scores.py" line="120" />
        <source>✖ Mandatory item scored 0</source>
        <translation>✖ Mandatory item scored 0</translation>
    </message>
</context>
<context>
    <name>ChecklistTemplateEditor</name>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="68" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="68" />
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="68" />
        <source>Item (Japanese)</source>
        <translation>Item (Japanese)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="68" />
        <source>Item (English)</source>
        <translation>Item (English)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="69" />
        <source>Mandatory</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="69" />
        <source>Max score</source>
        <translation>Max score</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="69" />
        <source>Simplified route</source>
        <translation>Simplified route</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="81" />
        <source>&amp;Add item</source>
        <translation>&amp;Add item</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="82" />
        <source>&amp;Remove item</source>
        <translation>&amp;Remove item</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="83" />
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="84" />
        <source>Move do&amp;wn</source>
        <translation>Move do&amp;wn</translation>
    </message>
</context>
<context>
    <name>ClauseChecklist</name>
    <message>
        <location filename="../../desktop/ui/widgets/clause_checklist.py" line="65" />
        <source>  — required, missing</source>
        <translation>  — required, missing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/clause_checklist.py" line="68" />
        <source>  (required)</source>
        <translation>  (required)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/clause_checklist.py" line="74" />
        <source>Choose the kind of contract to see which clauses it needs.</source>
        <translation>Choose the kind of contract to see which clauses it needs.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/clause_checklist.py" line="77" />
        <source>%1 required clause(s) missing for this kind of contract.</source>
        <translation>%1 required clause(s) missing for this kind of contract.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/clause_checklist.py" line="81" />
        <source>All clauses required for this kind of contract are present.</source>
        <translation>All clauses required for this kind of contract are present.</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="60" />
        <source>&amp;Reload (discard my edits)</source>
        <translation>&amp;Reload (discard my edits)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="61" />
        <source>Save &amp;mine over it</source>
        <translation>Save &amp;mine over it</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="71" />
        <source>Not saved: %1 saved a newer version of this record (version %2 → %3). Your edits are still in the form.</source>
        <translation>Not saved: %1 saved a newer version of this record (version %2 → %3). Your edits are still in the form.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="76" />
        <source>Their version changed:</source>
        <translation>Their version changed:</translation>
    </message>
</context>
<context>
    <name>ConsentChainView</name>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="110" />
        <source>→ entrusts
(no consent needed)</source>
        <translation>→ entrusts
(no consent needed)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="110" />
        <source>→ entrusts</source>
        <translation>→ entrusts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="112" />
        <source>→ consent
%1</source>
        <translation>→ consent
%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="114" />
        <source>→ consent late
%1</source>
        <translation>→ consent late
%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="116" />
        <source>→ no consent</source>
        <translation>→ no consent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="121" />
        <source>%1 → %2: the consent of %3 (%4) is dated after the start (%5).</source>
        <translation>%1 → %2: the consent of %3 (%4) is dated after the start (%5).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="125" />
        <source>%1 → %2: no consent of %3 dated on or before the start (%4) is recorded.</source>
        <translation>%1 → %2: no consent of %3 dated on or before the start (%4) is recorded.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="142" />
        <source>Original business</source>
        <translation>Original business</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="146" />
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="151" />
        <source>Our company</source>
        <translation>Our company</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="156" />
        <source>Sub-contractor</source>
        <translation>Sub-contractor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="158" />
        <source>No re-delegation</source>
        <translation>No re-delegation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="182" />
        <source>Click to record a consent for this link</source>
        <translation>Click to record a consent for this link</translation>
    </message>
    <message>
        <source>The consent recorded on %1 does not count: %2.</source>
        <translation>The consent recorded on %1 does not count: %2.</translation>
    </message>
</context>
<context>
    <name>ConsentHopDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="74" />
        <source>No evidence file attached.</source>
        <translation>No evidence file attached.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="76" />
        <source>Attach e&amp;vidence…</source>
        <translation>Attach e&amp;vidence…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="100" />
        <source>Evidence: %1</source>
        <translation>Evidence: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="106" />
        <source>Evidence of the consent</source>
        <translation>Evidence of the consent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="113" />
        <source>To attach on save: %1</source>
        <translation>To attach on save: %1</translation>
    </message>
    <message>
        <source>Only a consent of the original business, or of the party it authorised in writing to consent (recorded on the engagement), counts for a link.</source>
        <translation>Only a consent of the original business, or of the party it authorised in writing to consent (recorded on the engagement), counts for a link.</translation>
    </message>
    <message>
        <source>Recorded as: %1 → %2. Choose who gave this consent and the link it covers.</source>
        <translation>Recorded as: %1 → %2. Choose who gave this consent and the link it covers.</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="63" />
        <source>Signed file</source>
        <translation>Signed file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="77" />
        <source>Attach &amp;file…</source>
        <translation>Attach &amp;file…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="78" />
        <source>&amp;Open file</source>
        <translation>&amp;Open file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="113" />
        <source>Attach the signed contract</source>
        <translation>Attach the signed contract</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="114" />
        <source>Documents (*.pdf *.docx *.doc *.xlsx *.png *.jpg);;All files (*)</source>
        <translation>Documents (*.pdf *.docx *.doc *.xlsx *.png *.jpg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="132" />
        <source>Attached: %1 (%2 bytes)</source>
        <translation>Attached: %1 (%2 bytes)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="135" />
        <source>No file attached.</source>
        <translation>No file attached.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="137" />
        <source>To attach on save: %1</source>
        <translation>To attach on save: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="140" />
        <source>⚠ The attached file was changed after it was attached: its SHA-256 no longer matches the one recorded.</source>
        <translation>⚠ The attached file was changed after it was attached: its SHA-256 no longer matches the one recorded.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="142" />
        <source>⚠ The attached file is missing from the data folder.</source>
        <translation>⚠ The attached file is missing from the data folder.</translation>
    </message>
</context>
<context>
    <name>ContractorChoice</name>
    <message>
        <location filename="../../desktop/ui/forms/choices.py" line="14" />
        <source>— choose a contractor —</source>
        <translation>— choose a contractor —</translation>
    </message>
</context>
<context>
    <name>ContractorDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/contractor_form.py" line="26" />
        <source>&amp;Basic data</source>
        <translation>&amp;Basic data</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contractor_form.py" line="27" />
        <source>&amp;Personal information</source>
        <translation>&amp;Personal information</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contractor_form.py" line="28" />
        <source>Certificates and &amp;end</source>
        <translation>Certificates and &amp;end</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../desktop/ui/widgets/date_field.py" line="54" />
        <source>Pick a date from the calendar (Alt+Down)</source>
        <translation>Pick a date from the calendar (Alt+Down)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/date_field.py" line="61" />
        <source>Clear the date</source>
        <translation>Clear the date</translation>
    </message>
</context>
<context>
    <name>EngagementDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="181" />
        <source>(our company — set it in Settings)</source>
        <translation>(our company — set it in Settings)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="185" />
        <source>Consent chain</source>
        <translation>Consent chain</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="198" />
        <source>&amp;Re-delegations</source>
        <translation>&amp;Re-delegations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="199" />
        <source>Consents recor&amp;ded</source>
        <translation>Consents recor&amp;ded</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="211" />
        <source>Sub-contractor</source>
        <translation>Sub-contractor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="211" />
        <source>Work re-delegated</source>
        <translation>Work re-delegated</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="211" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="211" />
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="212" />
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="216" />
        <source>&amp;Add re-delegation…</source>
        <translation>&amp;Add re-delegation…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="217" />
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="218" />
        <source>Dele&amp;te</source>
        <translation>Dele&amp;te</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="239" />
        <source>Edit c&amp;onsent…</source>
        <translation>Edit c&amp;onsent…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="234" />
        <source>Consent given by</source>
        <translation>Consent given by</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="234" />
        <source>Consent given for</source>
        <translation>Consent given for</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="234" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="234" />
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="235" />
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="240" />
        <source>Delete co&amp;nsent</source>
        <translation>Delete co&amp;nsent</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="291" />
        <source>Click a link to record a consent for it.</source>
        <translation>Click a link to record a consent for it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="292" />
        <source>Save the engagement first; then click a link to record its consent.</source>
        <translation>Save the engagement first; then click a link to record its consent.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="371" />
        <source>Delete the re-delegation to %1 and the consents recorded for it?</source>
        <translation>Delete the re-delegation to %1 and the consents recorded for it?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="380" />
        <source>Delete the consent of %1 for %2 dated %3?</source>
        <translation>Delete the consent of %1 for %2 dated %3?</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>(to complete: %1)</source>
        <translation>(to complete: %1)</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="64" />
        <source>Score and result</source>
        <translation>Score and result</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="83" />
        <source>Checklist (0 = not in place, 1 = partly, 2 = fully)</source>
        <translation>Checklist (0 = not in place, 1 = partly, 2 = fully)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="102" />
        <source>&amp;Approve</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="104" />
        <source>Record that the PI protection officer approved this evaluation</source>
        <translation>Record that the PI protection officer approved this evaluation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="177" />
        <source>Default next due date: %1</source>
        <translation>Default next due date: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="179" />
        <source> — changed, so give the reason.</source>
        <translation> — changed, so give the reason.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="202" />
        <source>Result: %1</source>
        <translation>Result: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="206" />
        <source>Result: — (%1 items not scored yet)</source>
        <translation>Result: — (%1 items not scored yet)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="209" />
        <source>Score: %1 / %2 (%3%)</source>
        <translation>Score: %1 / %2 (%3%)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="213" />
        <source>Mandatory items scored 0 (the evaluation fails): %1</source>
        <translation>Mandatory items scored 0 (the evaluation fails): %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="228" />
        <source>scores of %1 checklist items</source>
        <translation>scores of %1 checklist items</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="239" />
        <source>Approved on %1 by %2</source>
        <translation>Approved on %1 by %2</translation>
    </message>
</context>
<context>
    <name>JointUseDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="78" />
        <source>Items ①–⑥</source>
        <translation>Items ①–⑥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="79" />
        <source>&amp;Notice and period</source>
        <translation>&amp;Notice and period</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="80" />
        <source>C&amp;hange history</source>
        <translation>C&amp;hange history</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="82" />
        <source>Preview of the public notice</source>
        <translation>Preview of the public notice</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="112" />
        <source>&amp;Add change…</source>
        <translation>&amp;Add change…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="113" />
        <source>&amp;Edit change…</source>
        <translation>&amp;Edit change…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="153" />
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="160" />
        <source>Save the joint use first</source>
        <translation>Save the joint use first</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="117" />
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="118" />
        <source>Save and c&amp;lose</source>
        <translation>Save and c&amp;lose</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="120" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="211" />
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="230" />
        <source>Required: %1</source>
        <translation>Required: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="232" />
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
</context>
<context>
    <name>SchemaForm</name>
    <message>
        <location filename="../../desktop/ui/widgets/schema_form.py" line="85" />
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schema_form.py" line="204" />
        <source>Required</source>
        <translation>Required</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="170" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="179" />
        <source>&amp;Company</source>
        <translation>&amp;Company</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="180" />
        <source>&amp;Warnings and thresholds</source>
        <translation>&amp;Warnings and thresholds</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="182" />
        <source>Evaluation &amp;checklist</source>
        <translation>Evaluation &amp;checklist</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="183" />
        <source>&amp;Language and database</source>
        <translation>&amp;Language and database</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="187" />
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="188" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="216" />
        <source>Attachment size limit</source>
        <translation>Attachment size limit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="241" />
        <source>Takes effect when Itaku is started again.</source>
        <translation>Takes effect when Itaku is started again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="243" />
        <source>Lan&amp;guage</source>
        <translation>Lan&amp;guage</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="251" />
        <source>Database in use</source>
        <translation>Database in use</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="255" />
        <source>SQLite file or postgresql+psycopg://… (empty = default)</source>
        <translation>SQLite file or postgresql+psycopg://… (empty = default)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="261" />
        <source>Database at next start</source>
        <translation>Database at next start</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="264" />
        <source>A --db option or the ITAKU_DATABASE_URL variable still take precedence. The change takes effect when Itaku is started again.</source>
        <translation>A --db option or the ITAKU_DATABASE_URL variable still take precedence. The change takes effect when Itaku is started again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="291" />
        <source>Database file</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="291" />
        <source>SQLite database (*.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite database (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="299" />
        <source>Required: %1</source>
        <translation>Required: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="367" />
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>TextListEditor</name>
    <message>
        <location filename="../../desktop/ui/widgets/text_list.py" line="18" />
        <source>One entry per line</source>
        <translation>One entry per line</translation>
    </message>
</context>
<context>
    <name>AuthorityListEditor</name>
    <message>
        <location filename="../../desktop/ui/widgets/authority_list.py" line="0" />
        <source>Authorised party</source>
        <translation>Authorised party</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/authority_list.py" line="0" />
        <source>Authorised on</source>
        <translation>Authorised on</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/authority_list.py" line="0" />
        <source>Written authorisation</source>
        <translation>Written authorisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/authority_list.py" line="0" />
        <source>Add a&amp;uthorisation</source>
        <translation>Add a&amp;uthorisation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/authority_list.py" line="0" />
        <source>Remo&amp;ve authorisation</source>
        <translation>Remo&amp;ve authorisation</translation>
    </message>
</context>
</TS>
