<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FindingFix</name>
    <message>
        <source>The entrustment began before the selection or the contract: the officer records the corrective action taken (tab Corrective actions).</source>
        <translation>The entrustment began before the selection or the contract: the officer records the corrective action taken (tab Corrective actions).</translation>
    </message>
    <message>
        <source>The contractor ledger carries no history from before the import (its evaluation and NDA are the latest, not the first): the officer confirms that the contractor was selected and contracted before the entrustment and records it (tab Corrective actions).</source>
        <translation>The contractor ledger carries no history from before the import (its evaluation and NDA are the latest, not the first): the officer confirms that the contractor was selected and contracted before the entrustment and records it (tab Corrective actions).</translation>
    </message>
    <message>
        <source>Select the contractor (evaluation and contract) and set its status to active, or correct its start date.</source>
        <translation>Select the contractor (evaluation and contract) and set its status to active, or correct its start date.</translation>
    </message>
    <message>
        <source>Select the sub-contractor first (evaluation, contract, status active), or re-delegate to a selected one.</source>
        <translation>Select the sub-contractor first (evaluation, contract, status active), or re-delegate to a selected one.</translation>
    </message>
</context>
<context>
    <name>ContractorDialog</name>
    <message>
        <source>Co&amp;rrective actions</source>
        <translation>Co&amp;rrective actions</translation>
    </message>
    <message>
        <source>Record a corrective &amp;action…</source>
        <translation>Record a corrective &amp;action…</translation>
    </message>
    <message>
        <source>&amp;Open corrective action…</source>
        <translation>&amp;Open corrective action…</translation>
    </message>
    <message>
        <source>Save the contractor first</source>
        <translation>Save the contractor first</translation>
    </message>
    <message>
        <source>Only the PI protection officer records corrective actions.</source>
        <translation>Only the PI protection officer records corrective actions.</translation>
    </message>
</context>
<context>
    <name>CorrectiveActionDialog</name>
    <message>
        <source>Only the PI protection officer records corrective actions.</source>
        <translation>Only the PI protection officer records corrective actions.</translation>
    </message>
</context>
<context>
    <name>CorrectiveActionsTab</name>
    <message>
        <source>Co&amp;rrective actions</source>
        <translation>Co&amp;rrective actions</translation>
    </message>
    <message>
        <source>Record a corrective &amp;action…</source>
        <translation>Record a corrective &amp;action…</translation>
    </message>
    <message>
        <source>&amp;Open corrective action…</source>
        <translation>&amp;Open corrective action…</translation>
    </message>
    <message>
        <source>Save the record first</source>
        <translation>Save the record first</translation>
    </message>
    <message>
        <source>Only the PI protection officer records corrective actions.</source>
        <translation>Only the PI protection officer records corrective actions.</translation>
    </message>
</context>
</TS>
