<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>JointUseChangeDialog</name>
    <message>
        <source>A notice cannot change the PI items or the scope of joint users (PPC Guidelines 3-6-3). Record the basis of this change and why: %1. Without a basis it is a blocking finding.</source>
        <translation>個人情報の項目及び共同利用者の範囲は、公表・通知では変更できません（ガイドライン通則編3-6-3）。この変更の根拠（%1）とその説明を記録してください。根拠がなければ重大な指摘事項になります。</translation>
    </message>
    <message>
        <source>The basis is recorded only for a change of the PI items or the scope of joint users.</source>
        <translation>変更の根拠は、個人情報の項目又は共同利用者の範囲の変更についてだけ記録します。</translation>
    </message>
</context>
<context>
    <name>JointUseDialog</name>
    <message>
        <source>none (required)</source>
        <translation>なし（要記録）</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>Basis of a change owed</source>
        <translation>変更の根拠の記録</translation>
    </message>
</context>
<context>
    <name>FindingFix</name>
    <message>
        <source>A notice cannot change the items or the scope of joint users: in the changes of this joint use, record the basis of the change (the persons' consent, a succession, or a change they could reasonably expect) and why; without one, obtain the persons' consent first.</source>
        <translation>個人情報の項目や共同利用者の範囲は公表では変更できません。この共同利用の変更履歴に、変更の根拠（本人の同意、合併等による承継、本人が通常予期し得る範囲の変更）とその説明を記録してください。根拠がなければ、まず本人の同意を得てください。</translation>
    </message>
</context>
</TS>
