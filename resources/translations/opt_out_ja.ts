<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <source>Opt-out provision</source>
        <translation>オプトアウト</translation>
    </message>
    <message>
        <source>Opt-out provision: an item ①–⑤ missing, provision before the PPC notification and the notice to the persons, special-care PI, or a change not notified again in time.</source>
        <translation>オプトアウト：①〜⑤の届出事項の欠落、委員会への届出・本人への通知より前の提供、要配慮個人情報、変更の届出・通知の遅れ。</translation>
    </message>
    <message>
        <source>Stop requests</source>
        <translation>提供停止の求め</translation>
    </message>
    <message>
        <source>The persons' requests to stop the provision under an opt-out arrangement.</source>
        <translation>オプトアウトによる第三者提供の停止を求めた本人の記録。</translation>
    </message>
</context>
<context>
    <name>OptOutsPage</name>
    <message>
        <source>Opt-out provision</source>
        <translation>オプトアウトによる第三者提供</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Current or planned</source>
        <translation>提供中・予定</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>終了</translation>
    </message>
</context>
<context>
    <name>StopRequestsPage</name>
    <message>
        <source>Stop requests</source>
        <translation>提供停止の求め</translation>
    </message>
    <message>
        <source>Person, member number or arrangement</source>
        <translation>本人の氏名・識別番号・オプトアウトの名称</translation>
    </message>
    <message>
        <source>In effect</source>
        <translation>停止済み</translation>
    </message>
    <message>
        <source>Not yet in effect</source>
        <translation>停止前</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Stop requests</source>
        <translation>停止の求め</translation>
    </message>
</context>
<context>
    <name>OptOutDialog</name>
    <message>
        <source>Items ①–⑤</source>
        <translation>届出事項 ①〜⑤</translation>
    </message>
    <message>
        <source>&amp;Notification and period</source>
        <translation>届出・通知と期間(&amp;N)</translation>
    </message>
    <message>
        <source>C&amp;hange history</source>
        <translation>変更履歴(&amp;H)</translation>
    </message>
    <message>
        <source>What the persons are told and the PPC notified</source>
        <translation>本人への通知・委員会への届出の内容</translation>
    </message>
    <message>
        <source>&amp;Add change…</source>
        <translation>変更を追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit change…</source>
        <translation>変更を編集(&amp;E)…</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>未</translation>
    </message>
    <message>
        <source>Save the arrangement first</source>
        <translation>先にこのオプトアウトの記録を保存してください</translation>
    </message>
</context>
<context>
    <name>OptOutChoice</name>
    <message>
        <source>— choose an arrangement —</source>
        <translation>— オプトアウトを選択 —</translation>
    </message>
</context>
<context>
    <name>FindingFix</name>
    <message>
        <source>Fill in the missing item, tell the persons and notify the PPC again.</source>
        <translation>欠けている届出事項を記入し、本人に通知するとともに個人情報保護委員会に届け出てください。</translation>
    </message>
    <message>
        <source>Notify the PPC and tell the persons before the first provision, and enter both dates.</source>
        <translation>最初の提供より前に個人情報保護委員会へ届け出て本人に通知等し、両方の日付を入力してください。</translation>
    </message>
    <message>
        <source>Special-care PI cannot be provided by opt-out: remove it from the items or obtain the persons' consent instead.</source>
        <translation>要配慮個人情報はオプトアウトでは提供できません。項目から外すか、本人の同意を得て提供してください。</translation>
    </message>
    <message>
        <source>Notify the PPC and tell the persons of the change, and record both dates in the change history.</source>
        <translation>変更を個人情報保護委員会に届け出て本人に通知等し、両方の日付を変更履歴に記録してください。</translation>
    </message>
</context>
</TS>
