<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Sign in with your Itaku account.</source>
        <translation>Sign in with your Itaku account.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Sign &amp;in</translation>
    </message>
</context>
<context>
    <name>CreateOfficerDialog</name>
    <message>
        <source>Create the officer account</source>
        <translation>Create the officer account</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the account of the PI protection officer (個人情報保護責任者): the officer approves evaluations and contracts and can add accounts for staff and auditors.</source>
        <translation>This database has no accounts yet. Create the account of the PI protection officer (個人情報保護責任者): the officer approves evaluations and contracts and can add accounts for staff and auditors.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Name (optional)</source>
        <translation>&amp;Name (optional)</translation>
    </message>
    <message>
        <source>&amp;Password (8 characters or more)</source>
        <translation>&amp;Password (8 characters or more)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>Password &amp;again</translation>
    </message>
    <message>
        <source>&amp;Create and sign in</source>
        <translation>&amp;Create and sign in</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
</TS>
