#include "CaseFileValidator.h"

#include "SchemaMigrations.h"
#include "SqliteDatabase.h"
#include "SqliteStatement.h"
#include "util/CaseError.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QtEndian>

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

void CaseFileValidator::rememberSound(const QString &path)
{
    QSettings s = knownCases();
    s.setValue(settingsKey(path), fingerprint(path));
}

CaseFileValidator::Result CaseFileValidator::validate(const QString &path, Integrity integrity)
{
    Result r;
    QFile f(path);
    if (!f.exists()) {
        r.error = QStringLiteral("%1: no such file").arg(path);
        return r;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        r.error = QStringLiteral("%1: cannot read: %2").arg(path, f.errorString());
        return r;
    }
    const QByteArray header = f.read(100);
    f.close();
    if (header.size() < 100 || !header.startsWith(QByteArrayView("SQLite format 3\0", 16))) {
        r.error = QStringLiteral("%1 is not a Casebook case file (not an SQLite database)").arg(path);
        return r;
    }
    // Header fields are big-endian: user_version at 60, application_id at 68.
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    quint32 userVersion = qFromBigEndian<quint32>(bytes + 60);
    quint32 appId = qFromBigEndian<quint32>(bytes + 68);
    if (QFile::exists(path + QStringLiteral("-wal"))) {
        // Open in WAL mode elsewhere: the newest header may still be in the
        // WAL, so ask SQLite (read-only) rather than trust the bytes on disk.
        try {
            SqliteDatabase db(path, SqliteDatabase::Mode::ReadOnly);
            userVersion = quint32(db.queryInt(QStringLiteral("PRAGMA user_version")));
            appId = quint32(db.queryInt(QStringLiteral("PRAGMA application_id")));
        } catch (const CaseError &e) {
            r.error = QStringLiteral("%1 is damaged or unreadable: %2").arg(path, e.message());
            return r;
        }
    }
    if (appId != kApplicationId) {
        r.error = QStringLiteral("%1 is an SQLite database but not a Casebook case file (application_id 0x%2)")
                      .arg(path).arg(appId, 8, 16, QLatin1Char('0'));
        return r;
    }
    const int latest = SchemaMigrations::latestVersion();
    if (int(userVersion) > latest) {
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

    const bool check = integrity == Integrity::Always || (integrity == Integrity::Auto && !isFamiliar(path));
    if (check) {
        try {
            SqliteDatabase db(path, SqliteDatabase::Mode::ReadOnly);
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
        } catch (const CaseError &e) {
            r.error = QStringLiteral("%1 is damaged or unreadable: %2").arg(path, e.message());
            return r;
        }
        r.integrityChecked = true;
    }
    r.ok = true;
    return r;
}
