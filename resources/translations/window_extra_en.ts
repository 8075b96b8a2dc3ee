<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Print register…</source>
        <translation />
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation />
    </message>
    <message>
        <source>Bundled libraries:</source>
        <translation />
    </message>
    <message>
        <source>Colleagues' changes are not arriving: reconnecting… (F5 reloads now)</source>
        <translation />
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print a register</source>
        <translation />
    </message>
    <message>
        <source>All records (type part of a name to narrow)</source>
        <translation />
    </message>
    <message>
        <source>&amp;Open the PDF when it is ready</source>
        <translation />
    </message>
    <message>
        <source>&amp;Print to PDF</source>
        <translation />
    </message>
    <message>
        <source>&amp;Register:</source>
        <translation />
    </message>
    <message>
        <source>Re&amp;cord:</source>
        <translation />
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation />
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation />
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation />
    </message>
    <message>
        <source>There is no record to print in this register yet.</source>
        <translation />
    </message>
    <message>
        <source>Save the register as</source>
        <translation />
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation />
    </message>
    <message>
        <source>Choose the record to print from the list.</source>
        <translation />
    </message>
    <message>
        <source>Enter the as-of date as YYYY-MM-DD.</source>
        <translation />
    </message>
    <message>
        <source>Choose where to save the PDF.</source>
        <translation />
    </message>
    <message>
        <source>Writing %1…</source>
        <translation />
    </message>
    <message>
        <source>Writing the register %1…</source>
        <translation />
    </message>
    <message numerus="yes">
        <source>Saved the PDF (%n page(s)):
%1</source>
        <translation><numerusform>Saved the PDF (%n page):
%1</numerusform><numerusform>Saved the PDF (%n pages):
%1</numerusform></translation>
    </message>
    <message>
        <source>The PDF viewer could not be started: open the file yourself.</source>
        <translation />
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation />
    </message>
</context>
<context>
    <name>BackupAction</name>
    <message>
        <source>Save the backup as</source>
        <translation />
    </message>
    <message>
        <source>Itaku backups (*.itaku-backup.zip)</source>
        <translation />
    </message>
    <message>
        <source>Backup</source>
        <translation />
    </message>
    <message>
        <source>The backup was written.</source>
        <translation />
    </message>
    <message>
        <source>File: %1
Size: %2
Attached files: %3
Schema revision: %4

Keep a copy away from this computer. To restore it: itaku-cli restore FILE</source>
        <translation />
    </message>
    <message>
        <source>Writing the backup %1…</source>
        <translation />
    </message>
</context>
<context>
    <name>ApprovalState</name>
    <message>
        <source>&amp;Approve</source>
        <translation />
    </message>
    <message>
        <source>Superseded by a newer approved version: this version is kept for the record and no longer counts.</source>
        <translation />
    </message>
    <message>
        <source>(Approved on %1 by %2.)</source>
        <translation />
    </message>
    <message>
        <source>Approved on %1 by %2.</source>
        <translation />
    </message>
    <message>
        <source>Awaiting approval: it counts for the checks once the PI protection officer approves it.</source>
        <translation />
    </message>
    <message>
        <source>This is a new version of #%1, which stays in force until this one is approved.</source>
        <translation />
    </message>
    <message>
        <source>Only the PI protection officer (個人情報保護責任者) can approve.</source>
        <translation />
    </message>
    <message>
        <source>Saved as a new version (#%1) awaiting approval; the version approved on %2 (#%3) stays in force until the officer approves this one.</source>
        <translation />
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Approval</source>
        <translation />
    </message>
    <message>
        <source>Approved %1</source>
        <translation />
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation />
    </message>
    <message>
        <source>Superseded</source>
        <translation />
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <source>Record that the PI protection officer approved this contract</source>
        <translation />
    </message>
</context>
<context>
    <name>PathPicker</name>
    <message>
        <source>&amp;Browse…</source>
        <translation />
    </message>
</context>
</TS>
