#include "CaseFileValidator.h"

#include "CaseSchema.h"
#include "SchemaMigrations.h"
#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "util/CancelToken.h"
#include "util/CaseError.h"

#include <QFileInfo>
#include <QSettings>

#include <sqlite3.h>

namespace {

QString fingerprint(const QString &path)
{
    const QFileInfo fi(path);
    return QStringLiteral("%1:%2").arg(fi.size()).arg(fi.lastModified().toMSecsSinceEpoch());
}

QSettings knownCases()
{
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Casebook"), QStringLiteral("known-cases"));
}

QString settingsKey(const QString &path)
{
    QString canonical = QFileInfo(path).canonicalFilePath();
    return QString::fromLatin1(canonical.toUtf8().toHex());
}

}

bool CaseFileValidator::isFamiliar(const QString &path)
{
    QSettings s = knownCases();
    return s.value(settingsKey(path)).toString() == fingerprint(path);
}

void CaseFileValidator::forget(const QString &path)
{
    QSettings s = knownCases();
    s.remove(settingsKey(path));
}

void CaseFileValidator::rememberSound(const QString &path)
{
    QSettings s = knownCases();
    s.setValue(settingsKey(path), fingerprint(path));
}

CaseFileValidator::Result CaseFileValidator::validate(const QString &path, Integrity integrity, const CancelToken *cancel)
{
    // Everything below reads through SQLite, never through a descriptor of
    // our own: on Linux, closing any descriptor of a file drops every POSIX
    // lock this process holds on it, including those of SQLite connections
    // already open here (a GUI with a case open, a collector thread), and
    // another process could then checkpoint and delete the WAL under them.
    // SQLite shares one descriptor per file among a process's connections
    // and defers closing it while locks are held.
    Result r;
    const QFileInfo fi(path);
    if (!fi.exists()) {
        r.error = QStringLiteral("%1: no such file").arg(path);
        return r;
    }
    if (!fi.isFile()) {
        r.error = QStringLiteral("%1 is not a Casebook case file (not a regular file)").arg(path);
        return r;
    }
    if (!fi.isReadable()) {
        r.error = QStringLiteral("%1: cannot read: permission denied").arg(path);
        return r;
    }
    if (fi.size() < kSqliteHeaderBytes) {
        r.error = QStringLiteral("%1 is not a Casebook case file (not an SQLite database)").arg(path);
        return r;
    }
    try {
        SqliteDatabase db(path, SqliteDatabase::Mode::ReadOnly);
        quint32 appId = 0;
        quint32 userVersion = 0;
        try {
            appId = quint32(db.queryInt(QStringLiteral("PRAGMA application_id")));
            userVersion = quint32(db.queryInt(QStringLiteral("PRAGMA user_version")));
        } catch (const CaseError &) {
            if (sqlite3_errcode(db.handle()) == SQLITE_NOTADB) {
                r.error = QStringLiteral("%1 is not a Casebook case file (not an SQLite database)").arg(path);
                return r;
            }
            throw;
        }
        if (appId != kApplicationId) {
            r.error = QStringLiteral("%1 is an SQLite database but not a Casebook case file (application_id 0x%2)")
                          .arg(path).arg(appId, 8, 16, QLatin1Char('0'));
            return r;
        }
        const int latest = SchemaMigrations::latestVersion();
        if (userVersion > quint32(latest)) {
            r.error = QStringLiteral("%1 was written by a newer Casebook (case schema %2; this version reads up to %3). "
                                     "Update Casebook to open it; the file was not changed.")
                          .arg(path).arg(userVersion).arg(latest);
            return r;
        }
        if (userVersion < 1) {
            r.error = QStringLiteral("%1 is not a valid Casebook case file (schema version 0)").arg(path);
            return r;
        }
        r.schemaVersion = int(userVersion);

        const QStringList foreign = CaseSchema::unexpectedObjects(db, r.schemaVersion);
        if (!foreign.isEmpty()) {
            r.error = QStringLiteral("%1 was refused: its schema holds objects Casebook did not create: %2. "
                                     "A case file is data; the file was not changed.")
                          .arg(path, foreign.mid(0, 5).join(QStringLiteral(", "))
                                         + (foreign.size() > 5 ? QStringLiteral(" and %1 more").arg(foreign.size() - 5) : QString()));
            return r;
        }

        const bool check = integrity == Integrity::Always || (integrity == Integrity::Auto && !isFamiliar(path));
        if (check) {
            if (cancel) {
                const CancelToken token = *cancel;
                db.setInterruptCheck([token] { return token.isCancelled(); });
            }
            SqliteStatement st = db.prepare(QStringLiteral("PRAGMA integrity_check(20)"));
            QStringList problems;
            while (st.step()) {
                const QString line = st.text(0);
                if (line != QLatin1String("ok"))
                    problems << line;
            }
            if (!problems.isEmpty()) {
                r.error = QStringLiteral("%1 is damaged: %2").arg(path, problems.join(QStringLiteral("; ")));
                return r;
            }
            r.integrityChecked = true;
        }
    } catch (const CaseError &e) {
        if (cancel && cancel->isCancelled()) {
            r.cancelled = true;
            r.error = QStringLiteral("%1: the integrity check was cancelled").arg(path);
            return r;
        }
        r.error = QStringLiteral("%1 is damaged or unreadable: %2").arg(path, e.message());
        return r;
    }
    r.ok = true;
    return r;
}
