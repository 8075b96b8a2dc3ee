<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ExportDialog</name>
    <message>
        <source>Enter the as-of date as YYYY-MM-DD.</source>
        <translation>Enter the as-of date as YYYY-MM-DD.</translation>
    </message>
</context>
</TS>
