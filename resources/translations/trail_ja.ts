<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AuditLogPage</name>
    <message>
        <source>… and {0} more (itaku-cli audit verify lists them all)</source>
        <translation>… ほか {0} か所（itaku-cli audit verify ですべて表示されます）</translation>
    </message>
</context>
</TS>
