<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>FindingFix</name>
    <message>
        <source>Select the contractor (evaluation and contract) and set its status to active, or correct its start date.</source>
        <translation>委託先を選定（評価・契約）して状態を「委託中」にするか、委託開始日を見直してください。</translation>
    </message>
    <message>
        <source>Select the sub-contractor first (evaluation, contract, status active), or re-delegate to a selected one.</source>
        <translation>先に再委託先を選定（評価・契約・状態を「委託中」）するか、選定済みの委託先に再委託してください。</translation>
    </message>
</context>
</TS>
