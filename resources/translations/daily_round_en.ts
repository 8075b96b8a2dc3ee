<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RecordDialog</name>
    <message>
        <source>This record has unsaved changes.</source>
        <translation>This record has unsaved changes.</translation>
    </message>
    <message>
        <source>Save them before closing the form?</source>
        <translation>Save them before closing the form?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FindingsBanner</name>
    <message numerus="yes">
        <source>This record has %n open finding(s):</source>
        <translation>
            <numerusform>This record has %n open finding:</numerusform>
            <numerusform>This record has %n open findings:</numerusform>
        </translation>
    </message>
    <message>
        <source>To do:</source>
        <translation>To do:</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>A finding opens its record (double-click or Enter): the form lists the record's findings with what to do, and shows the field to fix.</source>
        <translation>A finding opens its record (double-click or Enter): the form lists the record's findings with what to do, and shows the field to fix.</translation>
    </message>
</context>
<context>
    <name>FindingFix</name>
    <message>
        <source>Record an evaluation of this contractor (Evaluations → New) and have it approved.</source>
        <translation>Record an evaluation of this contractor (Evaluations → New) and have it approved.</translation>
    </message>
    <message>
        <source>Have the contractor remedy the failed items and evaluate again, or end the entrustment.</source>
        <translation>Have the contractor remedy the failed items and evaluate again, or end the entrustment.</translation>
    </message>
    <message>
        <source>Follow up the conditions of the last evaluation; record a new evaluation once they are met.</source>
        <translation>Follow up the conditions of the last evaluation; record a new evaluation once they are met.</translation>
    </message>
    <message>
        <source>Record this period's evaluation (Evaluations → New).</source>
        <translation>Record this period's evaluation (Evaluations → New).</translation>
    </message>
    <message>
        <source>Enter the renewed certificate's number and expiry, or evaluate the contractor again.</source>
        <translation>Enter the renewed certificate's number and expiry, or evaluate the contractor again.</translation>
    </message>
    <message>
        <source>Register the signed NDA, or tick Confidentiality on a contract in force that has a confidentiality article (an outsourcing contract or memorandum counts too).</source>
        <translation>Register the signed NDA, or tick Confidentiality on a contract in force that has a confidentiality article (an outsourcing contract or memorandum counts too).</translation>
    </message>
    <message>
        <source>Register a contract in force that contains the personal-information clauses (Contracts → New).</source>
        <translation>Register a contract in force that contains the personal-information clauses (Contracts → New).</translation>
    </message>
    <message>
        <source>Tick the clauses the contract contains, or amend the contract to include them.</source>
        <translation>Tick the clauses the contract contains, or amend the contract to include them.</translation>
    </message>
    <message>
        <source>Renew the contract and enter its new expiry date.</source>
        <translation>Renew the contract and enter its new expiry date.</translation>
    </message>
    <message>
        <source>Confirm that the data was returned or destroyed, and enter how and when.</source>
        <translation>Confirm that the data was returned or destroyed, and enter how and when.</translation>
    </message>
    <message>
        <source>Record the check of the country's data protection regime (APPI Art. 28) in this field.</source>
        <translation>Record the check of the country's data protection regime (APPI Art. 28) in this field.</translation>
    </message>
    <message>
        <source>Record the consent of the original business (or of the party it authorised in writing) for each red link of this engagement's consent chain, naming who gave it and the link.</source>
        <translation>Record the consent of the original business (or of the party it authorised in writing) for each red link of this engagement's consent chain, naming who gave it and the link.</translation>
    </message>
    <message>
        <source>Record the consent of the original business (or of the party it authorised in writing) to this re-delegation in the engagement's consent chain.</source>
        <translation>Record the consent of the original business (or of the party it authorised in writing) to this re-delegation in the engagement's consent chain.</translation>
    </message>
    <message>
        <source>Open each consent listed and choose who gave it and the link it covers from the parties of the chain.</source>
        <translation>Open each consent listed and choose who gave it and the link it covers from the parties of the chain.</translation>
    </message>
    <message>
        <source>Resolve the findings of the re-delegated contractor first (open it from the Contractors page).</source>
        <translation>Resolve the findings of the re-delegated contractor first (open it from the Contractors page).</translation>
    </message>
    <message>
        <source>Fill in the missing notice item and publish the notice again.</source>
        <translation>Fill in the missing notice item and publish the notice again.</translation>
    </message>
    <message>
        <source>Enter the date the notice was published; it must precede the start of the joint use.</source>
        <translation>Enter the date the notice was published; it must precede the start of the joint use.</translation>
    </message>
    <message>
        <source>Record when the change was noticed to the persons concerned (changes of this joint use).</source>
        <translation>Record when the change was noticed to the persons concerned (changes of this joint use).</translation>
    </message>
    <message>
        <source>Notify the change without delay and record the date in the changes of this joint use.</source>
        <translation>Notify the change without delay and record the date in the changes of this joint use.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Accounts are never deleted: the audit trail names who did what. Disable an account that should no longer sign in.</source>
        <translation>Accounts are never deleted: the audit trail names who did what. Disable an account that should no longer sign in.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Name shown</source>
        <translation>Name shown</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>empty: the user name is shown</source>
        <translation>empty: the user name is shown</translation>
    </message>
    <message>
        <source>Change the na&amp;me shown</source>
        <translation>Change the na&amp;me shown</translation>
    </message>
    <message>
        <source>Name s&amp;hown:</source>
        <translation>Name s&amp;hown:</translation>
    </message>
    <message>
        <source>Change the &amp;role</source>
        <translation>Change the &amp;role</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <source>Set a new &amp;password…</source>
        <translation>Set a new &amp;password…</translation>
    </message>
    <message>
        <source>Ro&amp;le:</source>
        <translation>Ro&amp;le:</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Add an account</translation>
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
        <source>R&amp;ole</source>
        <translation>R&amp;ole</translation>
    </message>
    <message>
        <source>Pass&amp;word (8 characters or more)</source>
        <translation>Pass&amp;word (8 characters or more)</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>Password a&amp;gain</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>You cannot disable your own account.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change the password</source>
        <translation>Change the password</translation>
    </message>
    <message>
        <source>New password for %1 (%2).</source>
        <translation>New password for %1 (%2).</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>&amp;Current password</translation>
    </message>
    <message>
        <source>&amp;New password (8 characters or more)</source>
        <translation>&amp;New password (8 characters or more)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>Password &amp;again</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>&amp;Change</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>DemoAccountsDialog</name>
    <message>
        <source>Demo accounts</source>
        <translation>Demo accounts</translation>
    </message>
    <message>
        <source>The demo data comes with the accounts staff (担当者) and auditor (監査担当), as itaku-cli demo creates them, with your password. Type your password to create them.</source>
        <translation>The demo data comes with the accounts staff (担当者) and auditor (監査担当), as itaku-cli demo creates them, with your password. Type your password to create them.</translation>
    </message>
    <message>
        <source>Your &amp;password</source>
        <translation>Your &amp;password</translation>
    </message>
    <message>
        <source>C&amp;reate the accounts</source>
        <translation>C&amp;reate the accounts</translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation>&amp;Skip</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Created the accounts %1. They sign in with your password.</source>
        <translation>Created the accounts %1. They sign in with your password.</translation>
    </message>
    <message>
        <source>The demo accounts exist already.</source>
        <translation>The demo accounts exist already.</translation>
    </message>
    <message>
        <source>Demo accounts</source>
        <translation>Demo accounts</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Users…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Change my &amp;password…</translation>
    </message>
    <message>
        <source>&amp;Sign out / switch user…</source>
        <translation>&amp;Sign out / switch user…</translation>
    </message>
    <message>
        <source>Only the PI protection officer manages users.</source>
        <translation>Only the PI protection officer manages users.</translation>
    </message>
    <message>
        <source>Close the open forms first, then sign out.</source>
        <translation>Close the open forms first, then sign out.</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Signed out.</translation>
    </message>
</context>
<context>
    <name>ContractorDialog</name>
    <message>
        <source>Imported from a ledger on</source>
        <translation>Imported from a ledger on</translation>
    </message>
    <message>
        <source>The day this contractor came in through a contractor ledger import: nothing before it is on record.</source>
        <translation>The day this contractor came in through a contractor ledger import: nothing before it is on record.</translation>
    </message>
</context>
</TS>
