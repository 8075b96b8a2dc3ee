<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Print register…</source>
        <translation>台帳の印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>バックアップ(&amp;B)…</translation>
    </message>
    <message>
        <source>Bundled libraries:</source>
        <translation>同梱しているライブラリ:</translation>
    </message>
    <message>
        <source>Colleagues' changes are not arriving: reconnecting… (F5 reloads now)</source>
        <translation>同僚の変更が届いていません。再接続しています…（F5 で今すぐ再読み込み）</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print a register</source>
        <translation>台帳の印刷</translation>
    </message>
    <message>
        <source>All records (type part of a name to narrow)</source>
        <translation>全件（名称の一部を入力すると絞り込み）</translation>
    </message>
    <message>
        <source>&amp;Open the PDF when it is ready</source>
        <translation>作成後に PDF を開く(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Print to PDF</source>
        <translation>PDF を作成(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Register:</source>
        <translation>帳票(&amp;R):</translation>
    </message>
    <message>
        <source>Re&amp;cord:</source>
        <translation>対象(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>絞り込み(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;As of:</source>
        <translation>基準日(&amp;A):</translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation>保存先(&amp;T):</translation>
    </message>
    <message>
        <source>There is no record to print in this register yet.</source>
        <translation>この帳票で印刷できる記録がまだありません。</translation>
    </message>
    <message>
        <source>Save the register as</source>
        <translation>台帳の保存先</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF ファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Choose the record to print from the list.</source>
        <translation>一覧から印刷する記録を選んでください。</translation>
    </message>
    <message>
        <source>Enter the as-of date as YYYY-MM-DD.</source>
        <translation>基準日を YYYY-MM-DD の形式で入力してください。</translation>
    </message>
    <message>
        <source>Choose where to save the PDF.</source>
        <translation>PDF の保存先を指定してください。</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 を作成しています…</translation>
    </message>
    <message>
        <source>Writing the register %1…</source>
        <translation>%1 を作成しています…</translation>
    </message>
    <message numerus="yes">
        <source>Saved the PDF (%n page(s)):
%1</source>
        <translation><numerusform>PDF を保存しました（%n ページ）:
%1</numerusform></translation>
    </message>
    <message>
        <source>The PDF viewer could not be started: open the file yourself.</source>
        <translation>PDF ビューアを起動できませんでした。ファイルを直接開いてください。</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>キャンセルしました。ファイルは作成されていません。</translation>
    </message>
</context>
<context>
    <name>BackupAction</name>
    <message>
        <source>Save the backup as</source>
        <translation>バックアップの保存先</translation>
    </message>
    <message>
        <source>Itaku backups (*.itaku-backup.zip)</source>
        <translation>Itaku バックアップ (*.itaku-backup.zip)</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>The backup was written.</source>
        <translation>バックアップを作成しました。</translation>
    </message>
    <message>
        <source>File: %1
Size: %2
Attached files: %3
Schema revision: %4

Keep a copy away from this computer. To restore it: itaku-cli restore FILE</source>
        <translation>ファイル: %1
サイズ: %2
添付ファイル: %3 件
スキーマ版: %4

このコンピューター以外の場所にも保管してください。復元: itaku-cli restore ファイル名</translation>
    </message>
    <message>
        <source>Writing the backup %1…</source>
        <translation>バックアップ %1 を作成しています…</translation>
    </message>
</context>
<context>
    <name>ApprovalState</name>
    <message>
        <source>&amp;Approve</source>
        <translation>承認(&amp;A)</translation>
    </message>
    <message>
        <source>Superseded by a newer approved version: this version is kept for the record and no longer counts.</source>
        <translation>新しい承認済みの版に置き換えられました。この版は記録として保存されますが、点検の対象にはなりません。</translation>
    </message>
    <message>
        <source>(Approved on %1 by %2.)</source>
        <translation>（%1 に %2 が承認）</translation>
    </message>
    <message>
        <source>Approved on %1 by %2.</source>
        <translation>承認済: %1（承認者: %2）</translation>
    </message>
    <message>
        <source>Awaiting approval: it counts for the checks once the PI protection officer approves it.</source>
        <translation>承認待ち: 個人情報保護責任者が承認すると点検の対象になります。</translation>
    </message>
    <message>
        <source>This is a new version of #%1, which stays in force until this one is approved.</source>
        <translation>#%1 の新しい版です。この版が承認されるまでは #%1 が有効です。</translation>
    </message>
    <message>
        <source>Only the PI protection officer (個人情報保護責任者) can approve.</source>
        <translation>承認できるのは個人情報保護責任者だけです。</translation>
    </message>
    <message>
        <source>Saved as a new version (#%1) awaiting approval; the version approved on %2 (#%3) stays in force until the officer approves this one.</source>
        <translation>承認待ちの新しい版（#%1）として保存しました。責任者がこの版を承認するまでは、%2 に承認された版（#%3）が有効です。</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Approval</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Approved %1</source>
        <translation>承認済 %1</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>旧版（置換済）</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <source>Record that the PI protection officer approved this contract</source>
        <translation>個人情報保護責任者がこの契約を承認したことを記録します</translation>
    </message>
</context>
<context>
    <name>PathPicker</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
</context>
</TS>
