<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>JointUseChangeDialog</name>
    <message>
        <source>A notice cannot change the PI items or the scope of joint users (PPC Guidelines 3-6-3). Record the basis of this change and why: %1. Without a basis it is a blocking finding.</source>
        <translation>A notice cannot change the PI items or the scope of joint users (PPC Guidelines 3-6-3). Record the basis of this change and why: %1. Without a basis it is a blocking finding.</translation>
    </message>
    <message>
        <source>The basis is recorded only for a change of the PI items or the scope of joint users.</source>
        <translation>The basis is recorded only for a change of the PI items or the scope of joint users.</translation>
    </message>
</context>
<context>
    <name>JointUseDialog</name>
    <message>
        <source>none (required)</source>
        <translation>none (required)</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>Basis of a change owed</source>
        <translation>Basis of a change owed</translation>
    </message>
</context>
<context>
    <name>FindingFix</name>
    <message>
        <source>A notice cannot change the items or the scope of joint users: in the changes of this joint use, record the basis of the change (the persons' consent, a succession, or a change they could reasonably expect) and why; without one, obtain the persons' consent first.</source>
        <translation>A notice cannot change the items or the scope of joint users: in the changes of this joint use, record the basis of the change (the persons' consent, a succession, or a change they could reasonably expect) and why; without one, obtain the persons' consent first.</translation>
    </message>
</context>
</TS>
