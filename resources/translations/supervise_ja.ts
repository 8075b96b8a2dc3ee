<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>FindingFix</name>
    <message>
        <source>The entrustment began before the selection or the contract: the officer records the corrective action taken (tab Corrective actions).</source>
        <translation>選定・契約より前に委託が始まっています。個人情報保護責任者が実施した是正処置を記録してください（「是正処置」タブ）。</translation>
    </message>
    <message>
        <source>The contractor ledger carries no history from before the import (its evaluation and NDA are the latest, not the first): the officer confirms that the contractor was selected and contracted before the entrustment and records it (tab Corrective actions).</source>
        <translation>委託先管理台帳には取込より前の経緯がありません（取り込んだ評価・NDAは最新のもので、最初のものではありません）。委託前に選定・契約していたことを個人情報保護責任者が確認し、記録してください（「是正処置」タブ）。</translation>
    </message>
    <message>
        <source>Select the contractor (evaluation and contract) and set its status to active, or correct its start date.</source>
        <translation>委託先を選定（評価・契約）して状態を「委託中」にするか、委託開始日を見直してください。</translation>
    </message>
    <message>
        <source>Select the sub-contractor first (evaluation, contract, status active), or re-delegate to a selected one.</source>
        <translation>先に再委託先を選定（評価・契約・状態を「委託中」）するか、選定済みの委託先に再委託してください。</translation>
    </message>
</context>
<context>
    <name>ContractorDialog</name>
    <message>
        <source>Co&amp;rrective actions</source>
        <translation>是正処置(&amp;R)</translation>
    </message>
    <message>
        <source>Record a corrective &amp;action…</source>
        <translation>是正処置を記録(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Open corrective action…</source>
        <translation>是正処置を開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Save the contractor first</source>
        <translation>先に委託先を保存してください</translation>
    </message>
    <message>
        <source>Only the PI protection officer records corrective actions.</source>
        <translation>是正処置を記録できるのは個人情報保護責任者だけです。</translation>
    </message>
</context>
<context>
    <name>CorrectiveActionDialog</name>
    <message>
        <source>Only the PI protection officer records corrective actions.</source>
        <translation>是正処置を記録できるのは個人情報保護責任者だけです。</translation>
    </message>
</context>
<context>
    <name>CorrectiveActionsTab</name>
    <message>
        <source>Co&amp;rrective actions</source>
        <translation>是正処置(&amp;R)</translation>
    </message>
    <message>
        <source>Record a corrective &amp;action…</source>
        <translation>是正処置を記録(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Open corrective action…</source>
        <translation>是正処置を開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Save the record first</source>
        <translation>先に記録を保存してください</translation>
    </message>
    <message>
        <source>Only the PI protection officer records corrective actions.</source>
        <translation>是正処置を記録できるのは個人情報保護責任者だけです。</translation>
    </message>
</context>
</TS>
