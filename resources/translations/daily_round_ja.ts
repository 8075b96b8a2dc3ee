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
<context>
    <name>FindingsBanner</name>
    <message numerus="yes">
        <source>This record has %n open finding(s):</source>
        <translation>
            <numerusform>この記録には未解決の指摘事項が %n 件あります:</numerusform>
        </translation>
    </message>
    <message>
        <source>To do:</source>
        <translation>対応:</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>A finding opens its record (double-click or Enter): the form lists the record's findings with what to do, and shows the field to fix.</source>
        <translation>指摘事項をダブルクリック（または Enter）すると、その記録のフォームが開き、指摘事項と対応が表示され、直すべき項目に移動します。</translation>
    </message>
</context>
<context>
    <name>FindingFix</name>
    <message>
        <source>Record an evaluation of this contractor (Evaluations → New) and have it approved.</source>
        <translation>この委託先の評価を登録し（委託先評価 → 新規）、承認を受けてください。</translation>
    </message>
    <message>
        <source>Have the contractor remedy the failed items and evaluate again, or end the entrustment.</source>
        <translation>不適合の項目を委託先に是正させて再評価するか、委託を終了してください。</translation>
    </message>
    <message>
        <source>Follow up the conditions of the last evaluation; record a new evaluation once they are met.</source>
        <translation>前回評価の条件の解消を確認し、解消したら新しい評価を登録してください。</translation>
    </message>
    <message>
        <source>Record this period's evaluation (Evaluations → New).</source>
        <translation>今期の評価を登録してください（委託先評価 → 新規）。</translation>
    </message>
    <message>
        <source>Enter the renewed certificate's number and expiry, or evaluate the contractor again.</source>
        <translation>更新後の認証の番号と有効期限を入力するか、委託先を再評価してください。</translation>
    </message>
    <message>
        <source>Register the signed NDA, or tick Confidentiality on a contract in force that has a confidentiality article (an outsourcing contract or memorandum counts too).</source>
        <translation>締結した機密保持契約を登録するか、秘密保持の条項がある有効な契約（業務委託契約・覚書でも可）で「秘密保持（機密保持）」にチェックを付けてください。</translation>
    </message>
    <message>
        <source>Register a contract in force that contains the personal-information clauses (Contracts → New).</source>
        <translation>個人情報に関する条項を含む有効な契約を登録してください（契約 → 新規）。</translation>
    </message>
    <message>
        <source>Tick the clauses the contract contains, or amend the contract to include them.</source>
        <translation>契約に含まれる条項にチェックを付けるか、条項を含むよう契約を変更してください。</translation>
    </message>
    <message>
        <source>Renew the contract and enter its new expiry date.</source>
        <translation>契約を更新し、新しい有効期限を入力してください。</translation>
    </message>
    <message>
        <source>Confirm that the data was returned or destroyed, and enter how and when.</source>
        <translation>個人情報の返却・廃棄を確認し、その方法と確認日を入力してください。</translation>
    </message>
    <message>
        <source>Record the check of the country's data protection regime (APPI Art. 28) in this field.</source>
        <translation>その国の個人情報保護制度を確認した記録をこの欄に入力してください（個人情報保護法第28条）。</translation>
    </message>
    <message>
        <source>Record the consent of the original business (or of the party it authorised in writing) for each red link of this engagement's consent chain, naming who gave it and the link.</source>
        <translation>この受託業務の同意の連鎖の赤い委託ごとに、当初の取得事業者（または書面で同意の権限を与えられた者）の同意を、同意した者と対象の委託を選んで記録してください。</translation>
    </message>
    <message>
        <source>Record the consent of the original business (or of the party it authorised in writing) to this re-delegation in the engagement's consent chain.</source>
        <translation>受託業務の同意の連鎖に、この再委託への当初の取得事業者（または書面で同意の権限を与えられた者）の同意を記録してください。</translation>
    </message>
    <message>
        <source>Open each consent listed and choose who gave it and the link it covers from the parties of the chain.</source>
        <translation>一覧の同意を開き、同意した者と対象の委託を連鎖の当事者から選んでください。</translation>
    </message>
    <message>
        <source>Resolve the findings of the re-delegated contractor first (open it from the Contractors page).</source>
        <translation>先に再委託先の指摘事項を解消してください（委託先ページから開きます）。</translation>
    </message>
    <message>
        <source>Fill in the missing notice item and publish the notice again.</source>
        <translation>欠けている公表事項を入力し、公表し直してください。</translation>
    </message>
    <message>
        <source>Enter the date the notice was published; it must precede the start of the joint use.</source>
        <translation>公表日を入力してください。公表は共同利用の開始より前である必要があります。</translation>
    </message>
    <message>
        <source>Record when the change was noticed to the persons concerned (changes of this joint use).</source>
        <translation>変更を本人に通知・公表した日を、この共同利用の変更履歴に記録してください。</translation>
    </message>
    <message>
        <source>Notify the change without delay and record the date in the changes of this joint use.</source>
        <translation>遅滞なく変更を通知し、その日付をこの共同利用の変更履歴に記録してください。</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>ユーザー管理</translation>
    </message>
    <message>
        <source>Accounts are never deleted: the audit trail names who did what. Disable an account that should no longer sign in.</source>
        <translation>アカウントは削除しません。監査ログが誰が何をしたかを記録しているためです。サインインさせないアカウントは無効にしてください。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Name shown</source>
        <translation>表示名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>empty: the user name is shown</source>
        <translation>空欄ならユーザー名を表示します</translation>
    </message>
    <message>
        <source>Change the na&amp;me shown</source>
        <translation>表示名を変更(&amp;M)</translation>
    </message>
    <message>
        <source>Name s&amp;hown:</source>
        <translation>表示名(&amp;H):</translation>
    </message>
    <message>
        <source>Change the &amp;role</source>
        <translation>役割を変更(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>無効にする(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>有効にする(&amp;E)</translation>
    </message>
    <message>
        <source>Set a new &amp;password…</source>
        <translation>パスワードを再設定(&amp;P)…</translation>
    </message>
    <message>
        <source>Ro&amp;le:</source>
        <translation>役割(&amp;L):</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>アカウントの追加</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>ユーザー名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Name (optional)</source>
        <translation>表示名（任意）(&amp;N)</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>役割(&amp;O)</translation>
    </message>
    <message>
        <source>Pass&amp;word (8 characters or more)</source>
        <translation>パスワード（8文字以上）(&amp;W)</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>パスワード（確認）(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>自分のアカウントは無効にできません。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>2つのパスワードが一致しません。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change the password</source>
        <translation>パスワードの変更</translation>
    </message>
    <message>
        <source>New password for %1 (%2).</source>
        <translation>%1（%2）の新しいパスワード。</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>現在のパスワード(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New password (8 characters or more)</source>
        <translation>新しいパスワード（8文字以上）(&amp;N)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>パスワード（確認）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>変更(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>2つのパスワードが一致しません。</translation>
    </message>
</context>
<context>
    <name>DemoAccountsDialog</name>
    <message>
        <source>Demo accounts</source>
        <translation>デモ用アカウント</translation>
    </message>
    <message>
        <source>The demo data comes with the accounts staff (担当者) and auditor (監査担当), as itaku-cli demo creates them, with your password. Type your password to create them.</source>
        <translation>デモデータには、itaku-cli demo と同じく、担当者（staff）と監査担当（auditor）のアカウントが付きます。パスワードはあなたと同じです。作成するには、あなたのパスワードを入力してください。</translation>
    </message>
    <message>
        <source>Your &amp;password</source>
        <translation>あなたのパスワード(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;reate the accounts</source>
        <translation>アカウントを作成(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>作成しない(&amp;S)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Created the accounts %1. They sign in with your password.</source>
        <translation>アカウント %1 を作成しました。パスワードはあなたと同じです。</translation>
    </message>
    <message>
        <source>The demo accounts exist already.</source>
        <translation>デモ用アカウントは既にあります。</translation>
    </message>
    <message>
        <source>Demo accounts</source>
        <translation>デモ用アカウント</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Account</source>
        <translation>アカウント(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>ユーザー管理(&amp;U)…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>パスワードの変更(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Sign out / switch user…</source>
        <translation>サインアウト・ユーザーの切り替え(&amp;S)…</translation>
    </message>
    <message>
        <source>Only the PI protection officer manages users.</source>
        <translation>ユーザーを管理できるのは個人情報保護責任者だけです。</translation>
    </message>
    <message>
        <source>Close the open forms first, then sign out.</source>
        <translation>開いているフォームを閉じてからサインアウトしてください。</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>サインアウトしました。</translation>
    </message>
</context>
<context>
    <name>ContractorDialog</name>
    <message>
        <source>Imported from a ledger on</source>
        <translation>台帳取込日</translation>
    </message>
    <message>
        <source>The day this contractor came in through a contractor ledger import: nothing before it is on record.</source>
        <translation>この委託先を委託先管理台帳から取り込んだ日です。これより前の記録はありません。</translation>
    </message>
</context>
</TS>
