<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditLogPage</name>
    <message>
        <source>… and {0} more (itaku-cli audit verify lists them all)</source>
        <translation />
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>・The backup is checked in full first (names, sizes, hashes, the database's integrity and schema): if anything is wrong, nothing is changed.</source>
        <translation />
    </message>
</context>
</TS>
