<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>バックアップから復元(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <source>Itaku could not restart by itself. Start it again to open the restored database.</source>
        <translation>Itaku を自動で再起動できませんでした。もう一度起動すると、復元したデータベースが開きます。</translation>
    </message>
    <message>
        <source>Choose the backup to restore. Everything in the current database is replaced by the backup's contents; attached files in the backup are added to the data folder.</source>
        <translation>復元するバックアップを選んでください。現在のデータベースの内容はすべてバックアップの内容に置き換わります。バックアップに含まれる添付ファイルはデータフォルダに追加されます。</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>ファイルを選択(&amp;C)…</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>復元の内容</translation>
    </message>
    <message>
        <source>&amp;Restore and restart</source>
        <translation>復元して再起動(&amp;R)</translation>
    </message>
    <message>
        <source>No daily backups in %1 yet: choose a backup file.</source>
        <translation>%1 には毎日の自動バックアップがまだありません。バックアップファイルを選んでください。</translation>
    </message>
    <message>
        <source>Daily backups in %1 (the newest 7 are kept).</source>
        <translation>毎日の自動バックアップ（%1、最新の 7 件を保管）</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>復元するバックアップの選択</translation>
    </message>
    <message>
        <source>Itaku backups and databases (*.zip *.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Itaku のバックアップ・データベース (*.zip *.sqlite3 *.sqlite *.db);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose a backup in the list, or a file.</source>
        <translation>一覧からバックアップを選ぶか、ファイルを選んでください。</translation>
    </message>
    <message>
        <source>・Restored: %1 (made %2%3)</source>
        <translation>・復元するバックアップ: %1（%2 作成%3）</translation>
    </message>
    <message>
        <source>・The current database is kept as %1 in %2.</source>
        <translation>・現在のデータベースは %1 として %2 に残します。</translation>
    </message>
    <message>
        <source>・Itaku then restarts to open the restored database.</source>
        <translation>・復元後、Itaku を再起動して復元したデータベースを開きます。</translation>
    </message>
    <message>
        <source>&lt;date-time&gt;</source>
        <translation>&lt;日時&gt;</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>%1 を復元しています…</translation>
    </message>
    <message>
        <source>The database was restored.</source>
        <translation>データベースを復元しました。</translation>
    </message>
    <message>
        <source>Restored: %1 (made %2)
The database before the restore is kept as: %3

Itaku now restarts to open the restored database.</source>
        <translation>復元したバックアップ: %1（%2 作成）
復元前のデータベースの保管先: %3

Itaku を再起動して、復元したデータベースを開きます。</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>Made at</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Daily (automatic)</source>
        <translation>毎日の自動バックアップ</translation>
    </message>
    <message>
        <source>Chosen file</source>
        <translation>選んだファイル</translation>
    </message>
</context>
</TS>
