<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <source>Every open finding.</source>
        <translation />
    </message>
    <message>
        <source>Findings about the contractor itself: data not returned or destroyed, a foreign regime not recorded. Each contractor's row shows all its findings.</source>
        <translation />
    </message>
    <message>
        <source>Findings about evaluations, including contractors handling PI with no evaluation at all: those are listed on the Contractors page and the dashboard.</source>
        <translation />
    </message>
    <message>
        <source>Findings about contracts, including contractors with no NDA in force: those are listed on the Contractors page and the dashboard.</source>
        <translation />
    </message>
    <message>
        <source>Engagements and re-delegations: consent missing, or a re-delegation to a contractor with blocking findings.</source>
        <translation />
    </message>
    <message>
        <source>Joint uses: an item ①–⑥ missing, the notice late, or a change not noticed in time.</source>
        <translation />
    </message>
</context>
</TS>
