<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AuditLogPage</name>
    <message>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>すべての記録</translation>
    </message>
    <message>
        <source>any</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>開始日(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>終了日(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>条件をクリア(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Verify the audit trail</source>
        <translation>監査証跡を検証(&amp;V)</translation>
    </message>
    <message>
        <source>Check that no event was altered or removed from the chain</source>
        <translation>記録が改ざん・削除されていないことをハッシュ連鎖で確認します</translation>
    </message>
    <message>
        <source>&amp;Record:</source>
        <translation>記録の種類(&amp;R):</translation>
    </message>
    <message>
        <source>N&amp;o.:</source>
        <translation>番号(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>操作者(&amp;W):</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <source>{0} events; the newest {1} are shown</source>
        <translation>{0} 件（新しい {1} 件を表示）</translation>
    </message>
    <message>
        <source>{0} events</source>
        <translation>{0} 件</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>監査証跡</translation>
    </message>
    <message>
        <source>Verifying the audit trail…</source>
        <translation>監査証跡を検証しています…</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>変更内容</translation>
    </message>
</context>
<context>
    <name>ContractorsPage</name>
    <message>
        <source>Contractors</source>
        <translation>委託先</translation>
    </message>
    <message>
        <source>Name, kana, corporate number or work</source>
        <translation>委託先名・フリガナ・法人番号・委託業務</translation>
    </message>
</context>
<context>
    <name>ContractsPage</name>
    <message>
        <source>Contracts and NDAs</source>
        <translation>契約・NDA</translation>
    </message>
    <message>
        <source>Contractor, title or reference number</source>
        <translation>委託先名・契約名・契約番号</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種別(&amp;K):</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>Evaluation due</source>
        <translation>評価予定</translation>
    </message>
    <message>
        <source>Contract expires</source>
        <translation>契約満了</translation>
    </message>
    <message>
        <source>Notice owed</source>
        <translation>通知・公表</translation>
    </message>
    <message>
        <source>Consent owed</source>
        <translation>委託・再委託の同意</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>指摘事項</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>発生日</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>What</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Blocking findings</source>
        <translation>重大な指摘</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>Deadlines in the next 90 days</source>
        <translation>今後 90 日以内の期限</translation>
    </message>
    <message>
        <source>&amp;Open findings</source>
        <translation>未対応の指摘事項(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Deadlines</source>
        <translation>期限(&amp;D)</translation>
    </message>
    <message numerus="yes">
        <source>Deadlines in the next %n day(s)</source>
        <translation><numerusform>今後 %n 日以内の期限</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Deadlines of the next %n day(s), in date order</source>
        <translation><numerusform>今後 %n 日以内の期限（日付順）(&amp;D)</numerusform></translation>
    </message>
</context>
<context>
    <name>EngagementsPage</name>
    <message>
        <source>Engagements and re-delegation</source>
        <translation>受託業務・再委託</translation>
    </message>
    <message>
        <source>Client, original business or work</source>
        <translation>委託元・当初の取得事業者・業務内容</translation>
    </message>
</context>
<context>
    <name>EvaluationsPage</name>
    <message>
        <source>Evaluations</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>Contractor or evaluator</source>
        <translation>委託先名・評価者</translation>
    </message>
    <message>
        <source>Res&amp;ult:</source>
        <translation>結果(&amp;U):</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Itaku</source>
        <translation>Itaku へようこそ</translation>
    </message>
    <message>
        <source>The database is empty. How would you like to begin?</source>
        <translation>データベースは空です。どのように始めますか？</translation>
    </message>
    <message>
        <source>Start &amp;empty</source>
        <translation>空の状態で始める(&amp;E)</translation>
    </message>
    <message>
        <source>Load &amp;demo data (fictional companies)</source>
        <translation>デモデータを読み込む（架空の会社）(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import an existing Excel ledger…</source>
        <translation>既存の Excel 台帳を取り込む(&amp;I)…</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>デモデータ</translation>
    </message>
    <message>
        <source>Loading the demo data…</source>
        <translation>デモデータを読み込んでいます…</translation>
    </message>
</context>
<context>
    <name>JointUsesPage</name>
    <message>
        <source>Joint use</source>
        <translation>共同利用</translation>
    </message>
    <message>
        <source>Title or responsible party</source>
        <translation>名称・責任者</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>利用中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Contractor and consent registers</source>
        <translation>委託先・同意の台帳</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>データベースを開いています…</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <source>Contractors</source>
        <translation>委託先</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>評価</translation>
    </message>
    <message>
        <source>Contracts and NDAs</source>
        <translation>契約・NDA</translation>
    </message>
    <message>
        <source>Engagements and re-delegation</source>
        <translation>受託業務・再委託</translation>
    </message>
    <message>
        <source>Joint use</source>
        <translation>共同利用</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>最新の情報に更新(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>終了(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Import a contractor ledger…</source>
        <translation>委託先台帳を取り込む(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a third-party &amp;provision register…</source>
        <translation>第三者提供記録簿を取り込む(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export the audit workbook…</source>
        <translation>監査用ワークブックを出力(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Itaku</source>
        <translation>Itaku について(&amp;A)</translation>
    </message>
    <message>
        <source>Database: {0} · User: {1} ({2})</source>
        <translation>データベース: {0} · 利用者: {1}（{2}）</translation>
    </message>
    <message>
        <source>Cannot check the records</source>
        <translation>記録を確認できません</translation>
    </message>
    <message numerus="yes">
        <source>%n open finding(s)</source>
        <translation><numerusform>未対応の指摘 %n 件</numerusform></translation>
    </message>
    <message>
        <source>Cannot open the record</source>
        <translation>記録を開けません</translation>
    </message>
    <message>
        <source>About Itaku</source>
        <translation>Itaku について</translation>
    </message>
    <message>
        <source>Itaku (委託) {0}
Registers of contractors, evaluations, contracts, consent chains and joint uses, checked against APPI and JIS Q 15001.</source>
        <translation>Itaku（委託） {0}
委託先・委託先評価・契約・再委託の同意・共同利用の台帳を、個人情報保護法と JIS Q 15001 に照らして確認します。</translation>
    </message>
    <message>
        <source>Database: {0}

Japanese font: IPAexGothic (IPAexゴシック), © IPA, used under the IPA Font License Agreement v1.0 ({1}).</source>
        <translation>データベース: {0}

日本語フォント: IPAexゴシック（© IPA）、IPAフォントライセンスv1.0 に基づき使用（{1}）。</translation>
    </message>
    <message>
        <source>Rare kanji (𠮷 and others): a subset of Hanazono Mincho (花園明朝), © GlyphWiki Project, used under the Hanazono Font License ({0}).</source>
        <translation>外字（𠮷 など）: 花園明朝（© GlyphWiki Project）のサブセット、花園フォントライセンスに基づき使用（{0}）。</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>Making today's backup…</source>
        <translation>本日のバックアップを作成しています…</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Findings</source>
        <translation>指摘</translation>
    </message>
    <message>
        <source>Open findings: red = blocking, orange = warning</source>
        <translation>未対応の指摘: 赤 = 重大、橙 = 注意</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得点</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Missing clauses</source>
        <translation>不足している条項</translation>
    </message>
    <message>
        <source>Duty carried by</source>
        <translation>義務の担保（委託先）</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Re-delegations</source>
        <translation>再委託</translation>
    </message>
    <message>
        <source>Responsible party</source>
        <translation>責任者</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>変更内容</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>&amp;Search:</source>
        <translation>検索(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>New record (Ctrl+N)</source>
        <translation>新しい記録（Ctrl+N）</translation>
    </message>
    <message>
        <source>Open the selected record (Enter)</source>
        <translation>選択した記録を開く（Enter）</translation>
    </message>
    <message>
        <source>Delete the selected record (Del)</source>
        <translation>選択した記録を削除（Del）</translation>
    </message>
    <message>
        <source>Type to filter</source>
        <translation>入力して絞り込み</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状態(&amp;T):</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>{0} records</source>
        <translation>{0} 件</translation>
    </message>
    <message>
        <source>{0} of {1} records</source>
        <translation>{0} 件 / 全 {1} 件</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete “{0}”? This cannot be undone.</source>
        <translation>「{0}」を削除しますか？ 元に戻すことはできません。</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>削除できません</translation>
    </message>
</context>
</TS>