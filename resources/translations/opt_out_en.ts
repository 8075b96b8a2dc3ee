<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <source>Opt-out provision</source>
        <translation />
    </message>
    <message>
        <source>Opt-out provision: an item ①–⑤ missing, provision before the PPC notification and the notice to the persons, special-care PI, or a change not notified again in time.</source>
        <translation />
    </message>
    <message>
        <source>Stop requests</source>
        <translation />
    </message>
    <message>
        <source>The persons' requests to stop the provision under an opt-out arrangement.</source>
        <translation />
    </message>
</context>
<context>
    <name>OptOutsPage</name>
    <message>
        <source>Opt-out provision</source>
        <translation />
    </message>
    <message>
        <source>Title</source>
        <translation />
    </message>
    <message>
        <source>Current or planned</source>
        <translation />
    </message>
    <message>
        <source>Ended</source>
        <translation />
    </message>
</context>
<context>
    <name>StopRequestsPage</name>
    <message>
        <source>Stop requests</source>
        <translation />
    </message>
    <message>
        <source>Person, member number or arrangement</source>
        <translation />
    </message>
    <message>
        <source>In effect</source>
        <translation />
    </message>
    <message>
        <source>Not yet in effect</source>
        <translation />
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Stop requests</source>
        <translation />
    </message>
</context>
<context>
    <name>OptOutDialog</name>
    <message>
        <source>Items ①–⑤</source>
        <translation />
    </message>
    <message>
        <source>&amp;Notification and period</source>
        <translation />
    </message>
    <message>
        <source>C&amp;hange history</source>
        <translation />
    </message>
    <message>
        <source>What the persons are told and the PPC notified</source>
        <translation />
    </message>
    <message>
        <source>&amp;Add change…</source>
        <translation />
    </message>
    <message>
        <source>&amp;Edit change…</source>
        <translation />
    </message>
    <message>
        <source>not yet</source>
        <translation />
    </message>
    <message>
        <source>Save the arrangement first</source>
        <translation />
    </message>
</context>
<context>
    <name>OptOutChoice</name>
    <message>
        <source>— choose an arrangement —</source>
        <translation />
    </message>
</context>
<context>
    <name>FindingFix</name>
    <message>
        <source>Fill in the missing item, tell the persons and notify the PPC again.</source>
        <translation />
    </message>
    <message>
        <source>Notify the PPC and tell the persons before the first provision, and enter both dates.</source>
        <translation />
    </message>
    <message>
        <source>Special-care PI cannot be provided by opt-out: remove it from the items or obtain the persons' consent instead.</source>
        <translation />
    </message>
    <message>
        <source>Notify the PPC and tell the persons of the change, and record both dates in the change history.</source>
        <translation />
    </message>
</context>
</TS>
