<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ChecklistScores</name>
    <message>
        <location filename="../../desktop/ui/widgets/checklist_scores.py" line="63" />
        <location filename="../../desktop/ui/widgets/checklist_scores.py" line="124" />
        <source>Mandatory</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/checklist_scores.py" line="99" />
        <source>0: not in place</source>
        <translation>0: 実施していない</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/checklist_scores.py" line="101" />
        <source>%1: fully in place</source>
        <translation>%1: 十分に実施</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/checklist_scores.py" line="102" />
        <source>%1: partly in place</source>
        <translation>%1: 一部実施</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/checklist_scores.py" line="120" />
        <source>✖ Mandatory item scored 0</source>
        <translation>✖ 必須項目が0点</translation>
    </message>
</context>
<context>
    <name>ChecklistTemplateEditor</name>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="68" />
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="68" />
        <source>Group</source>
        <translation>区分</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="68" />
        <source>Item (Japanese)</source>
        <translation>項目（日本語）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="68" />
        <source>Item (English)</source>
        <translation>項目（英語）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="69" />
        <source>Mandatory</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="69" />
        <source>Max score</source>
        <translation>配点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="69" />
        <source>Simplified route</source>
        <translation>簡易評価</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="81" />
        <source>&amp;Add item</source>
        <translation>項目を追加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="82" />
        <source>&amp;Remove item</source>
        <translation>項目を削除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="83" />
        <source>Move &amp;up</source>
        <translation>上へ(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="84" />
        <source>Move do&amp;wn</source>
        <translation>下へ(&amp;W)</translation>
    </message>
</context>
<context>
    <name>ClauseChecklist</name>
    <message>
        <location filename="../../desktop/ui/widgets/clause_checklist.py" line="65" />
        <source>  — required, missing</source>
        <translation>  — 必須・未記載</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/clause_checklist.py" line="68" />
        <source>  (required)</source>
        <translation>  （必須）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/clause_checklist.py" line="74" />
        <source>Choose the kind of contract to see which clauses it needs.</source>
        <translation>契約種別を選ぶと、必要な条項が表示されます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/clause_checklist.py" line="77" />
        <source>%1 required clause(s) missing for this kind of contract.</source>
        <translation>この契約種別に必要な条項が %1 件不足しています。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/clause_checklist.py" line="81" />
        <source>All clauses required for this kind of contract are present.</source>
        <translation>この契約種別に必要な条項はすべて記載されています。</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="60" />
        <source>&amp;Reload (discard my edits)</source>
        <translation>再読み込み（自分の変更を破棄）(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="61" />
        <source>Save &amp;mine over it</source>
        <translation>自分の内容で上書き保存(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="71" />
        <source>Not saved: %1 saved a newer version of this record (version %2 → %3). Your edits are still in the form.</source>
        <translation>保存されませんでした: %1 さんがこの記録の新しい版を保存済みです（版 %2 → %3）。あなたの入力内容はフォームに残っています。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="76" />
        <source>Their version changed:</source>
        <translation>新しい版で変更された項目:</translation>
    </message>
</context>
<context>
    <name>ConsentChainView</name>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="110" />
        <source>→ entrusts
(no consent needed)</source>
        <translation>→ 委託
（同意不要）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="110" />
        <source>→ entrusts</source>
        <translation>→ 委託</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="112" />
        <source>→ consent
%1</source>
        <translation>→ 同意済
%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="114" />
        <source>→ consent late
%1</source>
        <translation>→ 同意が遅延
%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="116" />
        <source>→ no consent</source>
        <translation>→ 同意なし</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="121" />
        <source>%1 → %2: the consent of %3 (%4) is dated after the start (%5).</source>
        <translation>%1 → %2: %3 の同意（%4）が開始日（%5）より後です。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="125" />
        <source>%1 → %2: no consent of %3 dated on or before the start (%4) is recorded.</source>
        <translation>%1 → %2: 開始日（%4）以前の %3 の同意が記録されていません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="142" />
        <source>Original business</source>
        <translation>当初の取得事業者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="146" />
        <source>Client</source>
        <translation>委託元</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="151" />
        <source>Our company</source>
        <translation>当社</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="156" />
        <source>Sub-contractor</source>
        <translation>再委託先</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="158" />
        <source>No re-delegation</source>
        <translation>再委託なし</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/consent_chain.py" line="182" />
        <source>Click to record a consent for this link</source>
        <translation>クリックしてこのつながりの同意を記録します</translation>
    </message>
    <message>
        <source>The consent recorded on %1 does not count: %2.</source>
        <translation>%1 の同意は数えられません：%2。</translation>
    </message>
</context>
<context>
    <name>ConsentHopDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="74" />
        <source>No evidence file attached.</source>
        <translation>証跡ファイルは添付されていません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="76" />
        <source>Attach e&amp;vidence…</source>
        <translation>証跡を添付(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="100" />
        <source>Evidence: %1</source>
        <translation>証跡: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="106" />
        <source>Evidence of the consent</source>
        <translation>同意の証跡</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="113" />
        <source>To attach on save: %1</source>
        <translation>保存時に添付: %1</translation>
    </message>
    <message>
        <source>Only a consent of the original business, or of the party it authorised in writing to consent (recorded on the engagement), counts for a link.</source>
        <translation>委託の同意として数えられるのは、当初の取得事業者、または当初の取得事業者から書面で同意の権限を与えられた者（受託業務に記録）の同意だけです。</translation>
    </message>
    <message>
        <source>Recorded as: %1 → %2. Choose who gave this consent and the link it covers.</source>
        <translation>記録されていた名称: %1 → %2。この同意をした者と対象の委託を選んでください。</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="63" />
        <source>Signed file</source>
        <translation>締結済みの契約書ファイル</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="77" />
        <source>Attach &amp;file…</source>
        <translation>ファイルを添付(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="78" />
        <source>&amp;Open file</source>
        <translation>ファイルを開く(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="113" />
        <source>Attach the signed contract</source>
        <translation>締結済みの契約書を添付</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="114" />
        <source>Documents (*.pdf *.docx *.doc *.xlsx *.png *.jpg);;All files (*)</source>
        <translation>文書 (*.pdf *.docx *.doc *.xlsx *.png *.jpg);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="132" />
        <source>Attached: %1 (%2 bytes)</source>
        <translation>添付: %1（%2 バイト）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="135" />
        <source>No file attached.</source>
        <translation>ファイルは添付されていません。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="137" />
        <source>To attach on save: %1</source>
        <translation>保存時に添付: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="140" />
        <source>⚠ The attached file was changed after it was attached: its SHA-256 no longer matches the one recorded.</source>
        <translation>⚠ 添付ファイルが添付後に変更されています（SHA-256 が記録と一致しません）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contract_form.py" line="142" />
        <source>⚠ The attached file is missing from the data folder.</source>
        <translation>⚠ 添付ファイルがデータフォルダに見つかりません。</translation>
    </message>
</context>
<context>
    <name>ContractorChoice</name>
    <message>
        <location filename="../../desktop/ui/forms/choices.py" line="14" />
        <source>— choose a contractor —</source>
        <translation>— 委託先を選択 —</translation>
    </message>
</context>
<context>
    <name>ContractorDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/contractor_form.py" line="26" />
        <source>&amp;Basic data</source>
        <translation>基本情報(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contractor_form.py" line="27" />
        <source>&amp;Personal information</source>
        <translation>取り扱う個人情報(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/contractor_form.py" line="28" />
        <source>Certificates and &amp;end</source>
        <translation>認証・終了(&amp;E)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../desktop/ui/widgets/date_field.py" line="54" />
        <source>Pick a date from the calendar (Alt+Down)</source>
        <translation>カレンダーから日付を選択（Alt+↓）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/date_field.py" line="61" />
        <source>Clear the date</source>
        <translation>日付を消去</translation>
    </message>
</context>
<context>
    <name>EngagementDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="181" />
        <source>(our company — set it in Settings)</source>
        <translation>（当社 — 設定で会社名を登録してください）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="185" />
        <source>Consent chain</source>
        <translation>同意の連鎖</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="198" />
        <source>&amp;Re-delegations</source>
        <translation>再委託(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="199" />
        <source>Consents recor&amp;ded</source>
        <translation>記録済みの同意(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="211" />
        <source>Sub-contractor</source>
        <translation>再委託先</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="211" />
        <source>Work re-delegated</source>
        <translation>再委託する業務</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="211" />
        <source>Start</source>
        <translation>開始日</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="211" />
        <source>End</source>
        <translation>終了日</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="212" />
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="216" />
        <source>&amp;Add re-delegation…</source>
        <translation>再委託を追加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="217" />
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="218" />
        <source>Dele&amp;te</source>
        <translation>削除(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="239" />
        <source>Edit c&amp;onsent…</source>
        <translation>同意を編集(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="234" />
        <source>Consent given by</source>
        <translation>同意した者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="234" />
        <source>Consent given for</source>
        <translation>委託を受ける者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="234" />
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="234" />
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="235" />
        <source>Reference</source>
        <translation>参照</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="240" />
        <source>Delete co&amp;nsent</source>
        <translation>同意を削除(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="291" />
        <source>Click a link to record a consent for it.</source>
        <translation>つながりをクリックすると同意を記録できます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="292" />
        <source>Save the engagement first; then click a link to record its consent.</source>
        <translation>先に受託業務を保存してください。保存後、つながりをクリックして同意を記録できます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="371" />
        <source>Delete the re-delegation to %1 and the consents recorded for it?</source>
        <translation>%1 への再委託と、その同意の記録を削除しますか？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/engagement_form.py" line="380" />
        <source>Delete the consent of %1 for %2 dated %3?</source>
        <translation>%1 による %2 への同意（%3）を削除しますか？</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>対象の委託</translation>
    </message>
    <message>
        <source>(to complete: %1)</source>
        <translation>（要補完: %1）</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="64" />
        <source>Score and result</source>
        <translation>得点と結果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="83" />
        <source>Checklist (0 = not in place, 1 = partly, 2 = fully)</source>
        <translation>評価項目（0 = 未実施、1 = 一部実施、2 = 十分に実施）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="102" />
        <source>&amp;Approve</source>
        <translation>承認(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="104" />
        <source>Record that the PI protection officer approved this evaluation</source>
        <translation>個人情報保護責任者がこの評価を承認したことを記録します</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="177" />
        <source>Default next due date: %1</source>
        <translation>標準の次回評価予定日: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="179" />
        <source> — changed, so give the reason.</source>
        <translation> — 変更したため理由を入力してください。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="202" />
        <source>Result: %1</source>
        <translation>結果: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="206" />
        <source>Result: — (%1 items not scored yet)</source>
        <translation>結果: —（未採点 %1 項目）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="209" />
        <source>Score: %1 / %2 (%3%)</source>
        <translation>得点: %1 / %2（%3%）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="213" />
        <source>Mandatory items scored 0 (the evaluation fails): %1</source>
        <translation>0点の必須項目（評価は不適合）: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="228" />
        <source>scores of %1 checklist items</source>
        <translation>評価項目 %1 件の採点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/evaluation_form.py" line="239" />
        <source>Approved on %1 by %2</source>
        <translation>%1 に %2 が承認済み</translation>
    </message>
</context>
<context>
    <name>JointUseDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="78" />
        <source>Items ①–⑥</source>
        <translation>公表事項 ①〜⑥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="79" />
        <source>&amp;Notice and period</source>
        <translation>公表・期間(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="80" />
        <source>C&amp;hange history</source>
        <translation>変更履歴(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="82" />
        <source>Preview of the public notice</source>
        <translation>公表文のプレビュー</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="112" />
        <source>&amp;Add change…</source>
        <translation>変更を追加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="113" />
        <source>&amp;Edit change…</source>
        <translation>変更を編集(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="153" />
        <source>not yet</source>
        <translation>未</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/joint_use_form.py" line="160" />
        <source>Save the joint use first</source>
        <translation>先に共同利用を保存してください</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="117" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="118" />
        <source>Save and c&amp;lose</source>
        <translation>保存して閉じる(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="120" />
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="211" />
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="230" />
        <source>Required: %1</source>
        <translation>必須項目が未入力: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/base.py" line="232" />
        <source>Unsaved changes</source>
        <translation>未保存の変更があります</translation>
    </message>
</context>
<context>
    <name>SchemaForm</name>
    <message>
        <location filename="../../desktop/ui/widgets/schema_form.py" line="85" />
        <source>— choose —</source>
        <translation>— 選択してください —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/schema_form.py" line="204" />
        <source>Required</source>
        <translation>必須</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="170" />
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="179" />
        <source>&amp;Company</source>
        <translation>自社情報(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="180" />
        <source>&amp;Warnings and thresholds</source>
        <translation>警告・評価基準(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="182" />
        <source>Evaluation &amp;checklist</source>
        <translation>評価項目(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="183" />
        <source>&amp;Language and database</source>
        <translation>言語・データベース(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="187" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="188" />
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="216" />
        <source>Attachment size limit</source>
        <translation>添付ファイルの上限</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="241" />
        <source>Takes effect when Itaku is started again.</source>
        <translation>次回の起動時に反映されます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="243" />
        <source>Lan&amp;guage</source>
        <translation>言語(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="251" />
        <source>Database in use</source>
        <translation>使用中のデータベース</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="255" />
        <source>SQLite file or postgresql+psycopg://… (empty = default)</source>
        <translation>SQLite ファイル又は postgresql+psycopg://…（空欄 = 既定）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="261" />
        <source>Database at next start</source>
        <translation>次回起動時のデータベース</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="264" />
        <source>A --db option or the ITAKU_DATABASE_URL variable still take precedence. The change takes effect when Itaku is started again.</source>
        <translation>--db オプション又は環境変数 ITAKU_DATABASE_URL の指定が優先されます。変更は次回の起動時に反映されます。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="291" />
        <source>Database file</source>
        <translation>データベースファイル</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="291" />
        <source>SQLite database (*.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite データベース (*.sqlite3 *.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="299" />
        <source>Required: %1</source>
        <translation>必須項目が未入力: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/settings_dialog.py" line="367" />
        <source>Saved.</source>
        <translation>保存しました。</translation>
    </message>
</context>
<context>
    <name>TextListEditor</name>
    <message>
        <location filename="../../desktop/ui/widgets/text_list.py" line="18" />
        <source>One entry per line</source>
        <translation>1行に1項目</translation>
    </message>
</context>
<context>
    <name>AuthorityListEditor</name>
    <message>
        <location filename="../../desktop/ui/widgets/authority_list.py" line="0" />
        <source>Authorised party</source>
        <translation>授権された者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/authority_list.py" line="0" />
        <source>Authorised on</source>
        <translation>付与日</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/authority_list.py" line="0" />
        <source>Written authorisation</source>
        <translation>書面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/authority_list.py" line="0" />
        <source>Add a&amp;uthorisation</source>
        <translation>授権を追加(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/authority_list.py" line="0" />
        <source>Remo&amp;ve authorisation</source>
        <translation>授権を削除(&amp;V)</translation>
    </message>
</context>
</TS>
