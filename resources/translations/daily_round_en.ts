<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RecordDialog</name>
    <message>
        <source>This record has unsaved changes.</source>
        <translation>This record has unsaved changes.</translation>
    </message>
    <message>
        <source>Save them before closing the form?</source>
        <translation>Save them before closing the form?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
