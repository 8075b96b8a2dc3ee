<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DashboardModel</name>
    <message>
        <source>Provision or receipt record</source>
        <translation />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Third-party provisions</source>
        <translation />
    </message>
    <message>
        <source>Third-party provision records: no basis, a record item missing, provision under opt-out before its notification or after a person's stop request, special-care PI by opt-out, or a record whose retention has ended (it may be deleted).</source>
        <translation />
    </message>
    <message>
        <source>Receipt confirmations</source>
        <translation />
    </message>
    <message>
        <source>Receipt confirmation records: how the provider acquired the data not confirmed, a record item missing, or a record whose retention has ended (it may be deleted).</source>
        <translation />
    </message>
</context>
<context>
    <name>ProvisionsPage</name>
    <message>
        <source>Third-party provision records</source>
        <translation />
    </message>
    <message>
        <source>Recipient, persons or reference</source>
        <translation />
    </message>
    <message>
        <source>Re&amp;tention:</source>
        <translation />
    </message>
    <message>
        <source>Kept</source>
        <translation />
    </message>
    <message>
        <source>Ended (may be deleted)</source>
        <translation />
    </message>
</context>
<context>
    <name>ReceiptsPage</name>
    <message>
        <source>Receipt confirmation records</source>
        <translation />
    </message>
    <message>
        <source>Provider or persons</source>
        <translation />
    </message>
    <message>
        <source>Re&amp;tention:</source>
        <translation />
    </message>
    <message>
        <source>Kept</source>
        <translation />
    </message>
    <message>
        <source>Ended (may be deleted)</source>
        <translation />
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Provided on (from)</source>
        <translation />
    </message>
    <message>
        <source>Last provision</source>
        <translation />
    </message>
    <message>
        <source>Kept until</source>
        <translation />
    </message>
    <message>
        <source>Received on (from)</source>
        <translation />
    </message>
    <message>
        <source>Last receipt</source>
        <translation />
    </message>
</context>
<context>
    <name>_RetentionDialog</name>
    <message>
        <source>Enter the date or the period to see until when it is kept.</source>
        <translation />
    </message>
    <message>
        <source>Provision and basis</source>
        <translation />
    </message>
    <message>
        <source>Persons and items</source>
        <translation />
    </message>
    <message>
        <source>Receipt and confirmation</source>
        <translation />
    </message>
    <message>
        <source>Kept while the provision goes on: the retention counts from its last day.</source>
        <translation />
    </message>
    <message>
        <source>Kept until %1 (%2 year(s) from the last day; Enforcement Rules Art. 21, 25).</source>
        <translation />
    </message>
</context>
<context>
    <name>ProvisionDialog</name>
    <message>
        <source>Enter the date or the period to see until when it is kept.</source>
        <translation />
    </message>
    <message>
        <source>Provision and basis</source>
        <translation />
    </message>
    <message>
        <source>Persons and items</source>
        <translation />
    </message>
    <message>
        <source>Receipt and confirmation</source>
        <translation />
    </message>
    <message>
        <source>Kept while the provision goes on: the retention counts from its last day.</source>
        <translation />
    </message>
    <message>
        <source>Kept until %1 (%2 year(s) from the last day; Enforcement Rules Art. 21, 25).</source>
        <translation />
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Enter the date or the period to see until when it is kept.</source>
        <translation />
    </message>
    <message>
        <source>Provision and basis</source>
        <translation />
    </message>
    <message>
        <source>Persons and items</source>
        <translation />
    </message>
    <message>
        <source>Receipt and confirmation</source>
        <translation />
    </message>
    <message>
        <source>Kept while the provision goes on: the retention counts from its last day.</source>
        <translation />
    </message>
    <message>
        <source>Kept until %1 (%2 year(s) from the last day; Enforcement Rules Art. 21, 25).</source>
        <translation />
    </message>
</context>
<context>
    <name>FindingFix</name>
    <message>
        <source>Choose the legal basis of the provision: the persons' consent, the opt-out arrangement it relies on, or which exemption of policy §5(1)–(6) applies.</source>
        <translation />
    </message>
    <message>
        <source>Fill in the missing record item.</source>
        <translation />
    </message>
    <message>
        <source>The retention period of this record has ended: it may be deleted.</source>
        <translation />
    </message>
    <message>
        <source>Personal data may be provided under opt-out only once the PPC is notified and the persons told: enter the notification dates on the opt-out arrangement, or record another basis.</source>
        <translation />
    </message>
    <message>
        <source>The person asked to stop the provision: stop providing their data and take them out of the provision.</source>
        <translation />
    </message>
    <message>
        <source>Confirm how the provider acquired the data when receiving it, and record what was confirmed, when and how.</source>
        <translation />
    </message>
</context>
</TS>
