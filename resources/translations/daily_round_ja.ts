<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>RecordDialog</name>
    <message>
        <source>This record has unsaved changes.</source>
        <translation>この記録には保存されていない変更があります。</translation>
    </message>
    <message>
        <source>Save them before closing the form?</source>
        <translation>閉じる前に保存しますか？</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>破棄(&amp;D)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
</TS>
