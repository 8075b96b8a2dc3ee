<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DashboardModel</name>
    <message>
        <source>Basis</source>
        <translation />
    </message>
    <message>
        <source>Basis: {0}</source>
        <translation />
    </message>
</context>
</TS>
