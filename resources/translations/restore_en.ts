<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>Res&amp;tore from backup…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation />
    </message>
    <message>
        <source>Itaku could not restart by itself. Start it again to open the restored database.</source>
        <translation />
    </message>
    <message>
        <source>Choose the backup to restore. Everything in the current database is replaced by the backup's contents; attached files in the backup are added to the data folder.</source>
        <translation />
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation />
    </message>
    <message>
        <source>What will happen</source>
        <translation />
    </message>
    <message>
        <source>&amp;Restore and restart</source>
        <translation />
    </message>
    <message>
        <source>No daily backups in %1 yet: choose a backup file.</source>
        <translation />
    </message>
    <message>
        <source>Daily backups in %1 (the newest 7 are kept).</source>
        <translation />
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation />
    </message>
    <message>
        <source>Itaku backups and databases (*.zip *.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation />
    </message>
    <message>
        <source>Choose a backup in the list, or a file.</source>
        <translation />
    </message>
    <message>
        <source>・Restored: %1 (made %2%3)</source>
        <translation />
    </message>
    <message>
        <source>・The current database is kept as %1 in %2.</source>
        <translation />
    </message>
    <message>
        <source>・Itaku then restarts to open the restored database.</source>
        <translation />
    </message>
    <message>
        <source>&lt;date-time&gt;</source>
        <translation />
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation />
    </message>
    <message>
        <source>The database was restored.</source>
        <translation />
    </message>
    <message>
        <source>Restored: %1 (made %2)
The database before the restore is kept as: %3

Itaku now restarts to open the restored database.</source>
        <translation />
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>Made at</source>
        <translation />
    </message>
    <message>
        <source>Kind</source>
        <translation />
    </message>
    <message>
        <source>Size</source>
        <translation />
    </message>
    <message>
        <source>File</source>
        <translation />
    </message>
    <message>
        <source>Daily (automatic)</source>
        <translation />
    </message>
    <message>
        <source>Chosen file</source>
        <translation />
    </message>
</context>
</TS>
