<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <source>Data-subject requests</source>
        <translation />
    </message>
    <message>
        <source>Data-subject requests (policy §9): a reply due or overdue, a disclosure refused without a ground, a reply recorded without its decision.</source>
        <translation />
    </message>
    <message>
        <source>Incidents</source>
        <translation />
    </message>
    <message>
        <source>Incidents: a report to the PPC, the notice to the persons or a report to the Privacy Mark body due or overdue. The re-evaluation an incident calls for is on the Contractors page.</source>
        <translation />
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Data-subject requests</source>
        <translation />
    </message>
    <message>
        <source>Requester or agent</source>
        <translation />
    </message>
    <message>
        <source>Awaiting reply</source>
        <translation />
    </message>
    <message>
        <source>Reply overdue</source>
        <translation />
    </message>
    <message>
        <source>Replied</source>
        <translation />
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <source>Incidents</source>
        <translation />
    </message>
    <message>
        <source>Title or contractor</source>
        <translation />
    </message>
    <message>
        <source>Reports owed</source>
        <translation />
    </message>
    <message>
        <source>All reported</source>
        <translation />
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Reply due</source>
        <translation />
    </message>
    <message>
        <source>Reportable categories</source>
        <translation />
    </message>
    <message>
        <source>Next report due</source>
        <translation />
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>Reply owed</source>
        <translation />
    </message>
    <message>
        <source>Report owed</source>
        <translation />
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Reply due %1 days after the receipt</source>
        <translation />
    </message>
    <message>
        <source>Reply due on %1 (%2 days after the receipt)</source>
        <translation />
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>&amp;Incident</source>
        <translation />
    </message>
    <message>
        <source>Re&amp;portable categories</source>
        <translation />
    </message>
    <message>
        <source>Reports owed and their due dates</source>
        <translation />
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation />
    </message>
    <message>
        <source>Enter the discovery date to see the reports' due dates.</source>
        <translation />
    </message>
    <message>
        <source>Reportable to the PPC: %1</source>
        <translation />
    </message>
    <message>
        <source>Not in the four reportable categories: the Privacy Mark report only.</source>
        <translation />
    </message>
    <message>
        <source>not yet</source>
        <translation />
    </message>
</context>
<context>
    <name>FindingFix</name>
    <message>
        <source>Decide on the request, reply to the person and enter the decision, the reply date and method.</source>
        <translation />
    </message>
    <message>
        <source>Choose the ground of policy §9 the refusal rests on, and tell the person the reason.</source>
        <translation />
    </message>
    <message>
        <source>Enter what was decided and told the person in the reply.</source>
        <translation />
    </message>
    <message>
        <source>Send the preliminary report to the PPC and enter the date.</source>
        <translation />
    </message>
    <message>
        <source>Send the confirmed report to the PPC and enter the date.</source>
        <translation />
    </message>
    <message>
        <source>Notify the persons concerned (or publish the incident where they cannot be reached) and enter the date.</source>
        <translation />
    </message>
    <message>
        <source>Send the preliminary report to the Privacy Mark examination body and enter the date.</source>
        <translation />
    </message>
    <message>
        <source>Send the incident report to the Privacy Mark examination body and enter the date.</source>
        <translation />
    </message>
    <message>
        <source>Evaluate the contractor again in the light of the incident (Evaluations → New).</source>
        <translation />
    </message>
</context>
</TS>
