<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FindingFix</name>
    <message>
        <source>Select the contractor (evaluation and contract) and set its status to active, or correct its start date.</source>
        <translation>Select the contractor (evaluation and contract) and set its status to active, or correct its start date.</translation>
    </message>
    <message>
        <source>Select the sub-contractor first (evaluation, contract, status active), or re-delegate to a selected one.</source>
        <translation>Select the sub-contractor first (evaluation, contract, status active), or re-delegate to a selected one.</translation>
    </message>
</context>
</TS>
