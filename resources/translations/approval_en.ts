<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RegisterPage</name>
    <message>
        <source>&amp;Approve selected…</source>
        <translation />
    </message>
    <message>
        <source>Approve %1 records?</source>
        <translation />
    </message>
    <message>
        <source>Only the PI protection officer (個人情報保護責任者) can approve.</source>
        <translation />
    </message>
    <message>
        <source>Approve the selected rows awaiting approval: all of them, or none if one cannot be approved. Select several with Shift or Ctrl, all with Ctrl+A.</source>
        <translation />
    </message>
    <message>
        <source>%1 of the selected rows are already approved or superseded and stay as they are.</source>
        <translation />
    </message>
    <message>
        <source>Approve</source>
        <translation />
    </message>
    <message>
        <source>Approving %1 records…</source>
        <translation />
    </message>
    <message>
        <source>Approved %1 records.</source>
        <translation />
    </message>
</context>
<context>
    <name>EvaluationsPage</name>
    <message>
        <source>Approve %1 evaluations? From then on they count for the checks.</source>
        <translation />
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <source>Approve %1 contracts and NDAs? From then on they count for the checks.</source>
        <translation />
    </message>
</context>
<context>
    <name>ApprovalState</name>
    <message>
        <source>Read-only: this version has been superseded by a newer approved version. Open the current version to make changes.</source>
        <translation />
    </message>
</context>
</TS>
