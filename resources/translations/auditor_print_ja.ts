<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ExportDialog</name>
    <message>
        <source>Enter the as-of date as YYYY-MM-DD.</source>
        <translation>基準日を YYYY-MM-DD の形式で入力してください。</translation>
    </message>
</context>
</TS>
