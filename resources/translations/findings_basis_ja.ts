<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>DashboardModel</name>
    <message>
        <source>Basis</source>
        <translation>根拠</translation>
    </message>
    <message>
        <source>Basis: {0}</source>
        <translation>根拠: {0}</translation>
    </message>
</context>
</TS>
