<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <source>Every open finding.</source>
        <translation>未対応の指摘事項すべて。</translation>
    </message>
    <message>
        <source>Findings about the contractor itself: data not returned or destroyed, a foreign regime not recorded. Each contractor's row shows all its findings.</source>
        <translation>委託先そのものに関する指摘（返却・廃棄の未確認、外国の制度の記録なし）。各委託先の行には、その委託先の指摘がすべて表示されます。</translation>
    </message>
    <message>
        <source>Findings about evaluations, including contractors handling PI with no evaluation at all: those are listed on the Contractors page and the dashboard.</source>
        <translation>評価に関する指摘。個人情報を取り扱うのに評価が一度もない委託先を含みます（それらは委託先ページとダッシュボードに表示されます）。</translation>
    </message>
    <message>
        <source>Findings about contracts, including contractors with no NDA in force: those are listed on the Contractors page and the dashboard.</source>
        <translation>契約・NDA に関する指摘。有効な NDA のない委託先を含みます（それらは委託先ページとダッシュボードに表示されます）。</translation>
    </message>
    <message>
        <source>Engagements and re-delegations: consent missing, or a re-delegation to a contractor with blocking findings.</source>
        <translation>受託業務・再委託：同意がない、または重大な指摘のある委託先への再委託。</translation>
    </message>
    <message>
        <source>Joint uses: an item ①–⑥ missing, the notice late, or a change not noticed in time.</source>
        <translation>共同利用：①〜⑥の項目の欠落、公表の遅れ、変更の公表の遅れ。</translation>
    </message>
</context>
</TS>
