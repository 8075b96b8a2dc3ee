<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <source>Data-subject requests</source>
        <translation>本人請求</translation>
    </message>
    <message>
        <source>Data-subject requests (policy §9): a reply due or overdue, a disclosure refused without a ground, a reply recorded without its decision.</source>
        <translation>本人からの請求（方針9）: 回答期限が近い・過ぎた請求、方針9の事由のない開示の拒否、決定の記録がない回答。</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事故</translation>
    </message>
    <message>
        <source>Incidents: a report to the PPC, the notice to the persons or a report to the Privacy Mark body due or overdue. The re-evaluation an incident calls for is on the Contractors page.</source>
        <translation>漏えい等の事案: 個人情報保護委員会への報告、本人への通知、審査機関への報告の期限が近い・過ぎたもの。事故後の委託先の再評価は委託先のページに数えます。</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Data-subject requests</source>
        <translation>本人請求</translation>
    </message>
    <message>
        <source>Requester or agent</source>
        <translation>請求者・代理人</translation>
    </message>
    <message>
        <source>Awaiting reply</source>
        <translation>回答待ち</translation>
    </message>
    <message>
        <source>Reply overdue</source>
        <translation>回答期限超過</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>回答済み</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Incidents</source>
        <translation>事故</translation>
    </message>
    <message>
        <source>Title or contractor</source>
        <translation>件名・委託先</translation>
    </message>
    <message>
        <source>Reports owed</source>
        <translation>報告・通知が未了</translation>
    </message>
    <message>
        <source>All reported</source>
        <translation>報告・通知済み</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Reply due</source>
        <translation>回答期限</translation>
    </message>
    <message>
        <source>Reportable categories</source>
        <translation>報告対象の事態</translation>
    </message>
    <message>
        <source>Next report due</source>
        <translation>次の報告期限</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>Reply owed</source>
        <translation>請求への回答</translation>
    </message>
    <message>
        <source>Report owed</source>
        <translation>事故の報告・通知</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Reply due %1 days after the receipt</source>
        <translation>回答期限: 受付日から %1 日</translation>
    </message>
    <message>
        <source>Reply due on %1 (%2 days after the receipt)</source>
        <translation>回答期限: %1（受付日から %2 日）</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>&amp;Incident</source>
        <translation>事案(&amp;I)</translation>
    </message>
    <message>
        <source>Re&amp;portable categories</source>
        <translation>報告対象の事態(&amp;P)</translation>
    </message>
    <message>
        <source>Reports owed and their due dates</source>
        <translation>必要な報告・通知とその期限</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>報告・通知(&amp;R)</translation>
    </message>
    <message>
        <source>Enter the discovery date to see the reports' due dates.</source>
        <translation>発覚日を入力すると、報告・通知の期限を表示します。</translation>
    </message>
    <message>
        <source>Reportable to the PPC: %1</source>
        <translation>個人情報保護委員会への報告対象: %1</translation>
    </message>
    <message>
        <source>Not in the four reportable categories: the Privacy Mark report only.</source>
        <translation>報告対象の4つの事態に当たりません（審査機関への報告のみ）。</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>未</translation>
    </message>
</context>
<context>
    <name>FindingFix</name>
    <message>
        <source>Decide on the request, reply to the person and enter the decision, the reply date and method.</source>
        <translation>請求について決定し、本人に回答して、決定・回答日・回答方法を入力してください。</translation>
    </message>
    <message>
        <source>Choose the ground of policy §9 the refusal rests on, and tell the person the reason.</source>
        <translation>応じない根拠となる方針9の事由を選び、本人に理由を説明してください。</translation>
    </message>
    <message>
        <source>Enter what was decided and told the person in the reply.</source>
        <translation>回答で本人に伝えた決定を入力してください。</translation>
    </message>
    <message>
        <source>Send the preliminary report to the PPC and enter the date.</source>
        <translation>個人情報保護委員会に速報し、その日付を入力してください。</translation>
    </message>
    <message>
        <source>Send the confirmed report to the PPC and enter the date.</source>
        <translation>個人情報保護委員会に確報し、その日付を入力してください。</translation>
    </message>
    <message>
        <source>Notify the persons concerned (or publish the incident where they cannot be reached) and enter the date.</source>
        <translation>本人に通知し（通知が困難な場合は公表等の代替措置をとり）、その日付を入力してください。</translation>
    </message>
    <message>
        <source>Send the preliminary report to the Privacy Mark examination body and enter the date.</source>
        <translation>審査機関に第一報を送り、その日付を入力してください。</translation>
    </message>
    <message>
        <source>Send the incident report to the Privacy Mark examination body and enter the date.</source>
        <translation>審査機関に事故報告書を提出し、その日付を入力してください。</translation>
    </message>
    <message>
        <source>Evaluate the contractor again in the light of the incident (Evaluations → New).</source>
        <translation>事故を踏まえて委託先を再評価してください（評価 → 新規）。</translation>
    </message>
</context>
</TS>
