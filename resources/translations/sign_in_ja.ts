<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Sign in with your Itaku account.</source>
        <translation>Itaku のアカウントでサインインしてください。</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>ユーザー名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>パスワード(&amp;P)</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>サインイン(&amp;I)</translation>
    </message>
</context>
<context>
    <name>CreateOfficerDialog</name>
    <message>
        <source>Create the officer account</source>
        <translation>責任者アカウントの作成</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the account of the PI protection officer (個人情報保護責任者): the officer approves evaluations and contracts and can add accounts for staff and auditors.</source>
        <translation>このデータベースにはまだアカウントがありません。個人情報保護責任者のアカウントを作成してください。責任者は委託先評価と契約を承認し、担当者・監査担当のアカウントを追加できます。</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>ユーザー名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Name (optional)</source>
        <translation>氏名（任意）(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Password (8 characters or more)</source>
        <translation>パスワード（8文字以上）(&amp;P)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>パスワード（確認）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>作成してサインイン(&amp;C)</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>2つのパスワードが一致しません。</translation>
    </message>
</context>
</TS>
