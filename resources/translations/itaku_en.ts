<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation />
    </message>
    <message>
        <source>All records</source>
        <translation />
    </message>
    <message>
        <source>any</source>
        <translation />
    </message>
    <message>
        <source>&amp;From</source>
        <translation />
    </message>
    <message>
        <source>&amp;To</source>
        <translation />
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation />
    </message>
    <message>
        <source>&amp;Verify the audit trail</source>
        <translation />
    </message>
    <message>
        <source>Check that no event was altered or removed from the chain</source>
        <translation />
    </message>
    <message>
        <source>&amp;Record:</source>
        <translation />
    </message>
    <message>
        <source>N&amp;o.:</source>
        <translation />
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation />
    </message>
    <message>
        <source>Everyone</source>
        <translation />
    </message>
    <message>
        <source>{0} events; the newest {1} are shown</source>
        <translation />
    </message>
    <message>
        <source>{0} events</source>
        <translation />
    </message>
    <message>
        <source>Audit trail</source>
        <translation />
    </message>
    <message>
        <source>Verifying the audit trail…</source>
        <translation />
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>When</source>
        <translation />
    </message>
    <message>
        <source>Who</source>
        <translation />
    </message>
    <message>
        <source>Action</source>
        <translation />
    </message>
    <message>
        <source>Record</source>
        <translation />
    </message>
    <message>
        <source>No.</source>
        <translation />
    </message>
    <message>
        <source>Changes</source>
        <translation />
    </message>
</context>
<context>
    <name>ContractorsPage</name>
    <message>
        <source>Contractors</source>
        <translation />
    </message>
    <message>
        <source>Name, kana, corporate number or work</source>
        <translation />
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <source>Contracts and NDAs</source>
        <translation />
    </message>
    <message>
        <source>Contractor, title or reference number</source>
        <translation />
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation />
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>Evaluation due</source>
        <translation />
    </message>
    <message>
        <source>Contract expires</source>
        <translation />
    </message>
    <message>
        <source>Notice owed</source>
        <translation />
    </message>
    <message>
        <source>Consent owed</source>
        <translation />
    </message>
    <message>
        <source>Severity</source>
        <translation />
    </message>
    <message>
        <source>Record</source>
        <translation />
    </message>
    <message>
        <source>Name</source>
        <translation />
    </message>
    <message>
        <source>Finding</source>
        <translation />
    </message>
    <message>
        <source>Since</source>
        <translation />
    </message>
    <message>
        <source>Due</source>
        <translation />
    </message>
    <message>
        <source>What</source>
        <translation />
    </message>
    <message>
        <source>Details</source>
        <translation />
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation />
    </message>
    <message>
        <source>Blocking findings</source>
        <translation />
    </message>
    <message>
        <source>Warnings</source>
        <translation />
    </message>
    <message>
        <source>Deadlines in the next 90 days</source>
        <translation />
    </message>
    <message>
        <source>&amp;Open findings</source>
        <translation />
    </message>
    <message>
        <source>&amp;Deadlines</source>
        <translation />
    </message>
    <message numerus="yes">
        <source>Deadlines in the next %n day(s)</source>
        <translation><numerusform>Deadlines in the next %n day</numerusform><numerusform>Deadlines in the next %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Deadlines of the next %n day(s), in date order</source>
        <translation><numerusform>&amp;Deadlines of the next %n day, in date order</numerusform><numerusform>&amp;Deadlines of the next %n days, in date order</numerusform></translation>
    </message>
</context>
<context>
    <name>EngagementsPage</name>
    <message>
        <source>Engagements and re-delegation</source>
        <translation />
    </message>
    <message>
        <source>Client, original business or work</source>
        <translation />
    </message>
</context>
<context>
    <name>EvaluationsPage</name>
    <message>
        <source>Evaluations</source>
        <translation />
    </message>
    <message>
        <source>Contractor or evaluator</source>
        <translation />
    </message>
    <message>
        <source>Res&amp;ult:</source>
        <translation />
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Itaku</source>
        <translation />
    </message>
    <message>
        <source>The database is empty. How would you like to begin?</source>
        <translation />
    </message>
    <message>
        <source>Start &amp;empty</source>
        <translation />
    </message>
    <message>
        <source>Load &amp;demo data (fictional companies)</source>
        <translation />
    </message>
    <message>
        <source>&amp;Import an existing Excel ledger…</source>
        <translation />
    </message>
    <message>
        <source>Demo data</source>
        <translation />
    </message>
    <message>
        <source>Loading the demo data…</source>
        <translation />
    </message>
</context>
<context>
    <name>JointUsesPage</name>
    <message>
        <source>Joint use</source>
        <translation />
    </message>
    <message>
        <source>Title or responsible party</source>
        <translation />
    </message>
    <message>
        <source>Current</source>
        <translation />
    </message>
    <message>
        <source>Ended</source>
        <translation />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Contractor and consent registers</source>
        <translation />
    </message>
    <message>
        <source>Opening the database…</source>
        <translation />
    </message>
    <message>
        <source>Dashboard</source>
        <translation />
    </message>
    <message>
        <source>Contractors</source>
        <translation />
    </message>
    <message>
        <source>Evaluations</source>
        <translation />
    </message>
    <message>
        <source>Contracts and NDAs</source>
        <translation />
    </message>
    <message>
        <source>Engagements and re-delegation</source>
        <translation />
    </message>
    <message>
        <source>Joint use</source>
        <translation />
    </message>
    <message>
        <source>Audit log</source>
        <translation />
    </message>
    <message>
        <source>&amp;File</source>
        <translation />
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation />
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation />
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation />
    </message>
    <message>
        <source>&amp;Import a contractor ledger…</source>
        <translation />
    </message>
    <message>
        <source>Import a third-party &amp;provision register…</source>
        <translation />
    </message>
    <message>
        <source>&amp;Export the audit workbook…</source>
        <translation />
    </message>
    <message>
        <source>&amp;Go</source>
        <translation />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation />
    </message>
    <message>
        <source>&amp;About Itaku</source>
        <translation />
    </message>
    <message>
        <source>Database: {0} · User: {1} ({2})</source>
        <translation />
    </message>
    <message>
        <source>Cannot check the records</source>
        <translation />
    </message>
    <message numerus="yes">
        <source>%n open finding(s)</source>
        <translation><numerusform>%n open finding</numerusform><numerusform>%n open findings</numerusform></translation>
    </message>
    <message>
        <source>Cannot open the record</source>
        <translation />
    </message>
    <message>
        <source>About Itaku</source>
        <translation />
    </message>
    <message>
        <source>Itaku (委託) {0}
Registers of contractors, evaluations, contracts, consent chains and joint uses, checked against APPI and JIS Q 15001.</source>
        <translation />
    </message>
    <message>
        <source>Database: {0}

Japanese font: IPAexGothic (IPAexゴシック), © IPA, used under the IPA Font License Agreement v1.0 ({1}).</source>
        <translation />
    </message>
    <message>
        <source>Rare kanji (𠮷 and others): a subset of Hanazono Mincho (花園明朝), © GlyphWiki Project, used under the Hanazono Font License ({0}).</source>
        <translation>Rare kanji (𠮷 and others): a subset of Hanazono Mincho (花園明朝), © GlyphWiki Project, used under the Hanazono Font License ({0}).</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation />
    </message>
    <message>
        <source>Making today's backup…</source>
        <translation />
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Cancel</source>
        <translation />
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Findings</source>
        <translation />
    </message>
    <message>
        <source>Open findings: red = blocking, orange = warning</source>
        <translation />
    </message>
    <message>
        <source>Score</source>
        <translation />
    </message>
    <message>
        <source>Result</source>
        <translation />
    </message>
    <message>
        <source>Missing clauses</source>
        <translation />
    </message>
    <message>
        <source>Duty carried by</source>
        <translation />
    </message>
    <message>
        <source>Consents</source>
        <translation />
    </message>
    <message>
        <source>Re-delegations</source>
        <translation />
    </message>
    <message>
        <source>Responsible party</source>
        <translation />
    </message>
    <message>
        <source>Changes</source>
        <translation />
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>&amp;Search:</source>
        <translation />
    </message>
    <message>
        <source>&amp;New</source>
        <translation />
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation />
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation />
    </message>
    <message>
        <source>New record (Ctrl+N)</source>
        <translation />
    </message>
    <message>
        <source>Open the selected record (Enter)</source>
        <translation />
    </message>
    <message>
        <source>Delete the selected record (Del)</source>
        <translation />
    </message>
    <message>
        <source>Type to filter</source>
        <translation />
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation />
    </message>
    <message>
        <source>All</source>
        <translation />
    </message>
    <message>
        <source>{0} records</source>
        <translation />
    </message>
    <message>
        <source>{0} of {1} records</source>
        <translation />
    </message>
    <message>
        <source>Delete</source>
        <translation />
    </message>
    <message>
        <source>Delete “{0}”? This cannot be undone.</source>
        <translation />
    </message>
    <message>
        <source>Cannot delete</source>
        <translation />
    </message>
</context>
</TS>