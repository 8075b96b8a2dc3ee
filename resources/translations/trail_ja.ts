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
<context>
    <name>RestoreDialog</name>
    <message>
        <source>・The backup is checked in full first (names, sizes, hashes, the database's integrity and schema): if anything is wrong, nothing is changed.</source>
        <translation>・復元の前にバックアップ全体を検査します（名前・大きさ・ハッシュ・データベースの整合性と構造）。問題があれば何も変更しません。</translation>
    </message>
</context>
</TS>
