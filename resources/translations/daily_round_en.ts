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
        <source>Register the signed non-disclosure agreement (Contracts → New, kind NDA).</source>
        <translation>Register the signed non-disclosure agreement (Contracts → New, kind NDA).</translation>
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
        <source>Record the client's consent to the re-delegation in the consent chain of this engagement.</source>
        <translation>Record the client's consent to the re-delegation in the consent chain of this engagement.</translation>
    </message>
    <message>
        <source>Record the client's consent for the re-delegation in the consent chain of this engagement.</source>
        <translation>Record the client's consent for the re-delegation in the consent chain of this engagement.</translation>
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
</TS>
