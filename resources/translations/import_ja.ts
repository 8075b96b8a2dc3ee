<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="37"/>
        <source>Export the audit workbook</source>
        <translation>監査用ワークブックの書き出し</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="52"/>
        <source>&amp;Export</source>
        <translation>書き出す(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="60"/>
        <source>&amp;File:</source>
        <translation>ファイル(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="63"/>
        <source>&amp;As of:</source>
        <translation>基準日(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="66"/>
        <source>Sheets: %1</source>
        <translation>シート: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="71"/>
        <source>Save the audit workbook</source>
        <translation>監査用ワークブックの保存先</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="72"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel ブック (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="93"/>
        <source>Saved: %1</source>
        <translation>保存しました: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialog.py" line="96"/>
        <source>Writing the workbook…</source>
        <translation>監査用ワークブックを書き出しています…</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>An Excel workbook (.xlsx) with one line per contractor or per provision. Title rows, blank rows and a closing 以上 are fine.</source>
        <translation>1行に1件の委託先または1件の提供を記録した Excel ブック（.xlsx）。表題の行、空行、末尾の「以上」があってもかまいません。</translation>
    </message>
    <message>
        <source>Contractor ledger (委託先台帳)</source>
        <translation>委託先台帳</translation>
    </message>
    <message>
        <source>Third-party provision register (第三者提供記録簿)</source>
        <translation>第三者提供記録簿</translation>
    </message>
    <message>
        <source>&amp;Kind of ledger:</source>
        <translation>台帳の種類(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="78"/>
        <source>Choose the ledger</source>
        <translation>台帳ファイルを選ぶ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="83"/>
        <source>Path of the .xlsx file</source>
        <translation>.xlsx ファイルの場所</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="97"/>
        <source>&amp;File:</source>
        <translation>ファイル(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="100"/>
        <source>&amp;Sheet:</source>
        <translation>シート(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="107"/>
        <source>Open ledger</source>
        <translation>台帳を開く</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="108"/>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel ブック (*.xlsx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="127"/>
        <source>(the first sheet with a ledger header)</source>
        <translation>（台帳の見出しがある最初のシート）</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="236"/>
        <source>Import</source>
        <translation>取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="237"/>
        <source>All rows are written together: if anything fails, nothing is written.</source>
        <translation>すべての行をまとめて書き込みます。1件でも失敗した場合は何も書き込まれません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="241"/>
        <source>&amp;Import now</source>
        <translation>取り込む(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="254"/>
        <source>The import will do this: %1</source>
        <translation>取り込みの内容: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="262"/>
        <source>Imported: %1</source>
        <translation>取り込みました: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="267"/>
        <source>Nothing was imported: %1</source>
        <translation>取り込みませんでした: %1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import a third-party provision register</source>
        <translation>第三者提供記録簿の取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="286"/>
        <location filename="../../desktop/ui/import_wizard.py" line="313"/>
        <location filename="../../desktop/ui/import_wizard.py" line="328"/>
        <source>Import a contractor ledger</source>
        <translation>委託先台帳の取り込み</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="313"/>
        <source>Reading the ledger…</source>
        <translation>台帳を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="317"/>
        <source>Reading was cancelled.</source>
        <translation>読み込みを中止しました。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="328"/>
        <source>Importing…</source>
        <translation>取り込んでいます…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="333"/>
        <source>The import was cancelled.</source>
        <translation>取り込みを中止しました。何も書き込まれていません。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Findings on import</source>
        <translation>取込後の指摘</translation>
    </message>
    <message>
        <source>Already registered (not added again)</source>
        <translation>登録済み（追加しない）</translation>
    </message>
    <message>
        <source>%1 finding(s)</source>
        <translation>指摘 %1 件</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>指摘なし</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="142"/>
        <source>Check the columns and rows</source>
        <translation>列と行を確認する</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="150"/>
        <source>&amp;Columns</source>
        <translation>列(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="151"/>
        <source>&amp;Rows</source>
        <translation>行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="152"/>
        <source>&amp;Errors</source>
        <translation>エラー(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="160"/>
        <source>Reading the ledger…</source>
        <translation>台帳を読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="172"/>
        <source>Sheet 「%1」, header on row %2: %3 rows, %4 columns recognised, %5 not recognised.</source>
        <translation>シート「%1」、見出しは %2 行目: データ %3 行、認識した列 %4、認識できない列 %5。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="176"/>
        <source>%1 errors: fix them in Excel and read the file again. Nothing will be imported while any row is invalid.</source>
        <translation>エラー %1 件: Excel で修正してから読み込み直してください。誤りのある行が1行でもある間は取り込めません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="182"/>
        <source>Ready: %1</source>
        <translation>取り込みの準備ができました: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="198"/>
        <location filename="../../desktop/ui/import_wizard.py" line="220"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="198"/>
        <source>Heading in the ledger</source>
        <translation>台帳の見出し</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="199"/>
        <source>Imported as</source>
        <translation>取り込み先の項目</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="201"/>
        <source>— not recognised —</source>
        <translation>— 認識できない列 —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="212"/>
        <location filename="../../desktop/ui/import_wizard.py" line="220"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="220"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_wizard.py" line="224"/>
        <source>&amp;Errors (%1)</source>
        <translation>エラー(&amp;E)（%1）</translation>
    </message>
</context>
</TS>
