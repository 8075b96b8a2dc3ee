<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>RegisterPage</name>
    <message>
        <source>&amp;Approve selected…</source>
        <translation>選択を承認(&amp;A)…</translation>
    </message>
    <message>
        <source>Approve %1 records?</source>
        <translation>%1 件を承認しますか？</translation>
    </message>
    <message>
        <source>Only the PI protection officer (個人情報保護責任者) can approve.</source>
        <translation>承認できるのは個人情報保護責任者だけです。</translation>
    </message>
    <message>
        <source>Approve the selected rows awaiting approval: all of them, or none if one cannot be approved. Select several with Shift or Ctrl, all with Ctrl+A.</source>
        <translation>選択した行のうち承認待ちのものを承認します（1 件でも承認できなければ、どれも承認しません）。Shift・Ctrl で複数を、Ctrl+A ですべてを選択できます。</translation>
    </message>
    <message>
        <source>%1 of the selected rows are already approved or superseded and stay as they are.</source>
        <translation>選択した行のうち %1 件は承認済みまたは旧版のため、そのままにします。</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>Approving %1 records…</source>
        <translation>%1 件を承認しています…</translation>
    </message>
    <message>
        <source>Approved %1 records.</source>
        <translation>%1 件を承認しました。</translation>
    </message>
</context>
<context>
    <name>EvaluationsPage</name>
    <message>
        <source>Approve %1 evaluations? From then on they count for the checks.</source>
        <translation>委託先評価 %1 件を承認しますか？承認すると点検の対象になります。</translation>
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <source>Approve %1 contracts and NDAs? From then on they count for the checks.</source>
        <translation>契約・NDA %1 件を承認しますか？承認すると点検の対象になります。</translation>
    </message>
</context>
<context>
    <name>ApprovalState</name>
    <message>
        <source>Read-only: this version has been superseded by a newer approved version. Open the current version to make changes.</source>
        <translation>読み取り専用: この版は新しい承認済みの版に置き換えられています。変更するには最新の版を開いてください。</translation>
    </message>
</context>
</TS>
