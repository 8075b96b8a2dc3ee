<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ClauseChecklist</name>
    <message>
        <source>  (an NDA carries it by its nature)</source>
        <translation>  （NDA はその性質上この義務を定めます）</translation>
    </message>
    <message>
        <source>This contract binds the contractor to confidentiality: while in force and approved it counts as the NDA, whatever its kind.</source>
        <translation>この契約は秘密保持の義務を定めています。承認され有効な間は、契約種別にかかわらず機密保持契約（NDA）として数えます。</translation>
    </message>
    <message>
        <source>No confidentiality clause: this contract does not count as the NDA. Tick Confidentiality if it has a confidentiality article.</source>
        <translation>秘密保持の条項がないため、この契約は機密保持契約（NDA）としては数えません。秘密保持の条項がある場合は「秘密保持（機密保持）」にチェックを付けてください。</translation>
    </message>
</context>
<context>
    <name>ContractCover</name>
    <message>
        <source>This contractor's approved contracts in force today:</source>
        <translation>この委託先の承認済みで現在有効な契約:</translation>
    </message>
    <message>
        <source>Confidentiality (the NDA): %1</source>
        <translation>秘密保持義務（NDA）: %1</translation>
    </message>
    <message>
        <source>Confidentiality (the NDA): none</source>
        <translation>秘密保持義務（NDA）: なし</translation>
    </message>
    <message>
        <source>It handles no personal information: no PI clause is required.</source>
        <translation>個人情報を取り扱わない委託先のため、個人情報に関する条項は不要です。</translation>
    </message>
    <message>
        <source>PI clauses in: %1</source>
        <translation>個人情報に関する条項を定める契約: %1</translation>
    </message>
    <message>
        <source>PI clauses in no contract in force: %1</source>
        <translation>どの有効な契約にもない個人情報に関する条項: %1</translation>
    </message>
    <message>
        <source>Every PI clause is in a contract in force.</source>
        <translation>個人情報に関する条項はすべて有効な契約に定められています。</translation>
    </message>
</context>
<context>
    <name>ContractorDialog</name>
    <message>
        <source>Co&amp;ntracts</source>
        <translation>契約(&amp;N)</translation>
    </message>
    <message>
        <source>Save the contractor first, then register its contracts.</source>
        <translation>委託先を保存してから、契約を登録してください。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Inferred: Active with a start date or PI items, else Candidate (Ended if its end date has passed)</source>
        <translation>推定: 委託開始日か個人情報の項目があれば委託中、なければ候補（委託終了日を過ぎていれば終了）</translation>
    </message>
    <message>
        <source>S&amp;tatus of contractors the ledger gives none:</source>
        <translation>台帳に状態がない委託先の状態(&amp;T):</translation>
    </message>
    <message>
        <source>Status on import</source>
        <translation>取込後の状態</translation>
    </message>
    <message>
        <source>%1 (inferred)</source>
        <translation>%1（推定）</translation>
    </message>
    <message>
        <source>%1 (chosen)</source>
        <translation>%1（指定）</translation>
    </message>
    <message>
        <source>%1 (as registered)</source>
        <translation>%1（登録済みのまま）</translation>
    </message>
    <message>
        <source>A candidate is outside the checks until its status is set to Active.</source>
        <translation>候補の委託先は、状態を「委託中」にするまで法令チェックの対象外です。</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
</context>
</TS>
