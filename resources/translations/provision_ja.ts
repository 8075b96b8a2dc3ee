<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>DashboardModel</name>
    <message>
        <source>Provision or receipt record</source>
        <translation>第三者提供・確認記録</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Third-party provisions</source>
        <translation>第三者提供記録</translation>
    </message>
    <message>
        <source>Third-party provision records: no basis, a record item missing, provision under opt-out before its notification or after a person's stop request, special-care PI by opt-out, or a record whose retention has ended (it may be deleted).</source>
        <translation>第三者提供記録：提供の根拠がない、記録事項の欠落、届出・通知前または提供停止の求めの後のオプトアウトによる提供、要配慮個人情報のオプトアウトによる提供、保存期間の終了（削除可）。</translation>
    </message>
    <message>
        <source>Receipt confirmations</source>
        <translation>確認記録</translation>
    </message>
    <message>
        <source>Receipt confirmation records: how the provider acquired the data not confirmed, a record item missing, or a record whose retention has ended (it may be deleted).</source>
        <translation>確認記録：提供者による取得の経緯の未確認、記録事項の欠落、保存期間の終了（削除可）。</translation>
    </message>
</context>
<context>
    <name>ProvisionsPage</name>
    <message>
        <source>Third-party provision records</source>
        <translation>第三者提供記録</translation>
    </message>
    <message>
        <source>Recipient, persons or reference</source>
        <translation>提供先・本人・識別番号</translation>
    </message>
    <message>
        <source>Re&amp;tention:</source>
        <translation>保存期間(&amp;T):</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保存期間中</translation>
    </message>
    <message>
        <source>Ended (may be deleted)</source>
        <translation>保存期間終了（削除可）</translation>
    </message>
</context>
<context>
    <name>ReceiptsPage</name>
    <message>
        <source>Receipt confirmation records</source>
        <translation>確認記録</translation>
    </message>
    <message>
        <source>Provider or persons</source>
        <translation>提供者・本人</translation>
    </message>
    <message>
        <source>Re&amp;tention:</source>
        <translation>保存期間(&amp;T):</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保存期間中</translation>
    </message>
    <message>
        <source>Ended (may be deleted)</source>
        <translation>保存期間終了（削除可）</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Provided on (from)</source>
        <translation>提供日（開始）</translation>
    </message>
    <message>
        <source>Last provision</source>
        <translation>最終提供日</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>保存期間の終了日</translation>
    </message>
    <message>
        <source>Received on (from)</source>
        <translation>受領日（開始）</translation>
    </message>
    <message>
        <source>Last receipt</source>
        <translation>最終受領日</translation>
    </message>
</context>
<context>
    <name>_RetentionDialog</name>
    <message>
        <source>Enter the date or the period to see until when it is kept.</source>
        <translation>日付または期間を入力すると、保存期間の終了日を表示します。</translation>
    </message>
    <message>
        <source>Provision and basis</source>
        <translation>提供と根拠</translation>
    </message>
    <message>
        <source>Persons and items</source>
        <translation>本人と項目</translation>
    </message>
    <message>
        <source>Receipt and confirmation</source>
        <translation>受領と確認</translation>
    </message>
    <message>
        <source>Kept while the provision goes on: the retention counts from its last day.</source>
        <translation>提供・受領が継続中です。保存期間は最後の提供・受領の日から起算します。</translation>
    </message>
    <message>
        <source>Kept until %1 (%2 year(s) from the last day; Enforcement Rules Art. 21, 25).</source>
        <translation>保存期間: %1まで（最後の提供・受領の日から%2年、施行規則第21条・第25条）。</translation>
    </message>
</context>
<context>
    <name>ProvisionDialog</name>
    <message>
        <source>Enter the date or the period to see until when it is kept.</source>
        <translation>日付または期間を入力すると、保存期間の終了日を表示します。</translation>
    </message>
    <message>
        <source>Provision and basis</source>
        <translation>提供と根拠</translation>
    </message>
    <message>
        <source>Persons and items</source>
        <translation>本人と項目</translation>
    </message>
    <message>
        <source>Receipt and confirmation</source>
        <translation>受領と確認</translation>
    </message>
    <message>
        <source>Kept while the provision goes on: the retention counts from its last day.</source>
        <translation>提供・受領が継続中です。保存期間は最後の提供・受領の日から起算します。</translation>
    </message>
    <message>
        <source>Kept until %1 (%2 year(s) from the last day; Enforcement Rules Art. 21, 25).</source>
        <translation>保存期間: %1まで（最後の提供・受領の日から%2年、施行規則第21条・第25条）。</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Enter the date or the period to see until when it is kept.</source>
        <translation>日付または期間を入力すると、保存期間の終了日を表示します。</translation>
    </message>
    <message>
        <source>Provision and basis</source>
        <translation>提供と根拠</translation>
    </message>
    <message>
        <source>Persons and items</source>
        <translation>本人と項目</translation>
    </message>
    <message>
        <source>Receipt and confirmation</source>
        <translation>受領と確認</translation>
    </message>
    <message>
        <source>Kept while the provision goes on: the retention counts from its last day.</source>
        <translation>提供・受領が継続中です。保存期間は最後の提供・受領の日から起算します。</translation>
    </message>
    <message>
        <source>Kept until %1 (%2 year(s) from the last day; Enforcement Rules Art. 21, 25).</source>
        <translation>保存期間: %1まで（最後の提供・受領の日から%2年、施行規則第21条・第25条）。</translation>
    </message>
</context>
<context>
    <name>FindingFix</name>
    <message>
        <source>Choose the legal basis of the provision: the persons' consent, the opt-out arrangement it relies on, or which exemption of policy §5(1)–(6) applies.</source>
        <translation>提供の根拠を選択してください：本人の同意、根拠とするオプトアウト、または方針5(1)〜(6)のどの適用除外に当たるか。</translation>
    </message>
    <message>
        <source>Fill in the missing record item.</source>
        <translation>欠けている記録事項を入力してください。</translation>
    </message>
    <message>
        <source>The retention period of this record has ended: it may be deleted.</source>
        <translation>この記録の保存期間は終了しました。削除してかまいません。</translation>
    </message>
    <message>
        <source>Personal data may be provided under opt-out only once the PPC is notified and the persons told: enter the notification dates on the opt-out arrangement, or record another basis.</source>
        <translation>オプトアウトによる提供は、個人情報保護委員会への届出と本人への通知等の後でなければできません。オプトアウトの届出日・通知日を入力するか、別の根拠を記録してください。</translation>
    </message>
    <message>
        <source>The person asked to stop the provision: stop providing their data and take them out of the provision.</source>
        <translation>本人が提供の停止を求めています。その本人の個人データの提供を停止し、提供対象から外してください。</translation>
    </message>
    <message>
        <source>Confirm how the provider acquired the data when receiving it, and record what was confirmed, when and how.</source>
        <translation>提供を受ける際に提供者による取得の経緯を確認し、確認した内容・日・方法を記録してください。</translation>
    </message>
</context>
</TS>
