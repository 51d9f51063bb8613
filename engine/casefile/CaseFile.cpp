#include "CaseFile.h"

#include "AuditLog.h"
#include "CollectionStore.h"
#include "OpenCaseRegistry.h"
#include "SchemaMigrations.h"
#include "SqliteStatement.h"
#include "SqliteTransaction.h"
#include "util/CaseError.h"
#include "util/TimeUtil.h"

#include <QFileInfo>
#include <QUuid>

CaseFile::CaseFile(SqliteDatabase db, QString path, Access access)
    : m_db(std::move(db)), m_path(std::move(path)), m_access(access)
{
    OpenCaseRegistry::add(m_path);
}

CaseFile::~CaseFile()
{
    const bool writer = m_access == Access::ReadWrite && m_db.isOpen();
    if (writer) {
        // Back to one self-contained rollback-journal file (readable from
        // read-only media, copied alone) when no other connection of any
        // process has the case open. SQLite grants the exclusive lock this
        // needs only then, so it is tried once without waiting: while a
        // window or another casectl has the case open it fails at once and
        // the case stays in WAL mode for them. (This is safe because no
        // process here ever drops SQLite's locks by closing a descriptor of
        // its own on the file: see CaseFileValidator and OpenCaseRegistry.)
        m_db.tryWithoutWaiting([this] { m_db.exec(QStringLiteral("PRAGMA journal_mode=DELETE")); });
    }
    const bool remember = writer && m_fullyOpened;
    m_db.close();
    OpenCaseRegistry::remove(m_path);
    if (remember)
        CaseFileValidator::rememberSound(m_path);
}

void CaseFile::saveCopy(const QString &destPath)
{
    if (QFileInfo::exists(destPath))
        throw CaseError(QStringLiteral("%1 already exists; not overwriting it").arg(destPath));
    {
        SqliteDatabase dest(destPath, SqliteDatabase::Mode::Create);
        m_db.backupTo(dest);
        // The copy is ours alone: a single file with a rollback journal.
        dest.exec(QStringLiteral("PRAGMA journal_mode=DELETE"));
    }
    if (!isReadOnly())
        AuditLog(m_db).append(QStringLiteral("save-copy"), QStringLiteral("case"),
                              {{QStringLiteral("path"), QFileInfo(destPath).absoluteFilePath()}});
}

void CaseFile::configureConnection()
{
    m_db.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    if (m_access == Access::ReadWrite) {
        // WAL while open; NORMAL sync is safe against process crashes (kill -9).
        m_db.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        m_db.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    }
}

void CaseFile::migrate(SqliteDatabase &db, int toVersion)
{
    const int from = int(db.queryInt(QStringLiteral("PRAGMA user_version")));
    if (from >= toVersion)
        return;
    SqliteTransaction tx(db);
    for (const SchemaMigration &m : SchemaMigrations::all()) {
        if (m.version <= from || m.version > toVersion)
            continue;
        try {
            db.exec(QString::fromUtf8(m.sql));
        } catch (const CaseError &e) {
            throw CaseError(QStringLiteral("schema migration %1 (%2) failed: %3").arg(m.version).arg(QLatin1String(m.name), e.message()));
        }
        db.exec(QStringLiteral("PRAGMA user_version=%1").arg(m.version));
    }
    if (from > 0)
        AuditLog(db).append(QStringLiteral("migrate"), QStringLiteral("case"),
                            {{QStringLiteral("from"), from}, {QStringLiteral("to"), toVersion}});
    tx.commit();
}

std::unique_ptr<CaseFile> CaseFile::create(const QString &path, const QString &title)
{
    if (QFileInfo::exists(path))
        throw CaseError(QStringLiteral("%1 already exists; not overwriting it").arg(path));
    if (title.trimmed().isEmpty())
        throw CaseError(QStringLiteral("a case needs a title"));
    SqliteDatabase db(path, SqliteDatabase::Mode::Create);
    db.exec(QStringLiteral("PRAGMA application_id=%1").arg(CaseFileValidator::kApplicationId));
    std::unique_ptr<CaseFile> cf(new CaseFile(std::move(db), path, Access::ReadWrite));
    cf->configureConnection();
    SqliteTransaction tx(cf->m_db);
    migrate(cf->m_db, SchemaMigrations::latestVersion());
    const qint64 now = TimeUtil::nowUs();
    SqliteStatement st = cf->m_db.prepare(QStringLiteral(
        "INSERT INTO case_info(id, uuid, title, created_us, modified_us, created_by) VALUES (1,?,?,?,?,?)"));
    st.bind(1, QUuid::createUuid().toString(QUuid::WithoutBraces)).bind(2, title.trimmed()).bind(3, now).bind(4, now)
        .bind(5, AuditLog::currentActor()).exec();
    AuditLog(cf->m_db).append(QStringLiteral("create"), QStringLiteral("case"),
                              {{QStringLiteral("title"), title.trimmed()},
                               {QStringLiteral("schema"), SchemaMigrations::latestVersion()}});
    tx.commit();
    cf->m_originalVersion = SchemaMigrations::latestVersion();
    cf->m_fullyOpened = true;
    return cf;
}

std::unique_ptr<CaseFile> CaseFile::open(const QString &path, Access access, CaseFileValidator::Integrity integrity)
{
    const CaseFileValidator::Result v = CaseFileValidator::validate(path, integrity);
    if (!v.ok)
        throw CaseError(v.error);
    try {
        return openValidated(path, access, v);
    } catch (const CaseError &) {
        // A familiar file skips the integrity check, and size + mtime cannot
        // notice a change made within the same clock tick. If opening failed,
        // check thoroughly so a damaged file is reported as damaged.
        if (v.integrityChecked)
            throw;
        const CaseFileValidator::Result thorough = CaseFileValidator::validate(path, CaseFileValidator::Integrity::Always);
        if (!thorough.ok)
            throw CaseError(thorough.error);
        throw;
    }
}

std::unique_ptr<CaseFile> CaseFile::openValidated(const QString &path, Access access, const CaseFileValidator::Result &v)
{
    const int latest = SchemaMigrations::latestVersion();
    std::unique_ptr<CaseFile> cf;
    if (access == Access::ReadWrite) {
        if (!QFileInfo(path).isWritable())
            throw CaseError(QStringLiteral("%1 is read-only; open it read-only instead").arg(path));
        cf.reset(new CaseFile(SqliteDatabase(path, SqliteDatabase::Mode::ReadWrite), path, access));
        cf->configureConnection();
        cf->m_originalVersion = v.schemaVersion;
        migrate(cf->m_db, latest);
        cf->m_recovered = CollectionStore(cf->m_db).recoverInterrupted();
        if (v.integrityChecked)
            CaseFileValidator::rememberSound(path);
    } else if (v.schemaVersion < latest) {
        // Read-only view of an older file: copy it into memory with the backup
        // API and migrate the copy; the file on disk stays as it is.
        SqliteDatabase disk(path, SqliteDatabase::Mode::ReadOnly);
        SqliteDatabase mem(QString(), SqliteDatabase::Mode::Memory);
        disk.backupTo(mem);
        cf.reset(new CaseFile(std::move(mem), path, access));
        cf->configureConnection();
        cf->m_originalVersion = v.schemaVersion;
        migrate(cf->m_db, latest);
    } else {
        cf.reset(new CaseFile(SqliteDatabase(path, SqliteDatabase::Mode::ReadOnly), path, access));
        cf->configureConnection();
        cf->m_originalVersion = v.schemaVersion;
    }
    cf->m_fullyOpened = true;
    return cf;
}

int CaseFile::schemaVersion()
{
    return int(m_db.queryInt(QStringLiteral("PRAGMA user_version")));
}

CaseInfo CaseFile::info()
{
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "SELECT uuid, title, summary, severity, status, incident_start_us, incident_end_us, created_us, modified_us, "
        "created_by FROM case_info WHERE id = 1"));
    CaseInfo i;
    if (!st.step())
        throw CaseError(QStringLiteral("%1 has no case metadata").arg(m_path));
    i.uuid = st.text(0);
    i.title = st.text(1);
    i.summary = st.text(2);
    i.severity = st.text(3);
    i.status = st.text(4);
    i.incidentStartUs = st.int64(5);
    i.incidentEndUs = st.int64(6);
    i.createdUs = st.int64(7);
    i.modifiedUs = st.int64(8);
    i.createdBy = st.text(9);
    return i;
}

void CaseFile::updateInfo(const CaseInfo &n)
{
    if (isReadOnly())
        throw CaseError(QStringLiteral("the case is open read-only"));
    if (n.title.trimmed().isEmpty())
        throw CaseError(QStringLiteral("a case needs a title"));
    if (!CaseInfo::severities().contains(n.severity))
        throw CaseError(QStringLiteral("unknown severity '%1'").arg(n.severity));
    if (!CaseInfo::statuses().contains(n.status))
        throw CaseError(QStringLiteral("unknown status '%1'").arg(n.status));
    if (n.incidentStartUs && n.incidentEndUs && n.incidentEndUs < n.incidentStartUs)
        throw CaseError(QStringLiteral("the incident window ends before it starts"));
    SqliteTransaction tx(m_db);
    const CaseInfo o = info();
    QJsonObject changed;
    auto note = [&](const char *field, const QJsonValue &from, const QJsonValue &to) {
        if (from != to)
            changed.insert(QLatin1String(field), QJsonObject{{QStringLiteral("from"), from}, {QStringLiteral("to"), to}});
    };
    note("title", o.title, n.title.trimmed());
    note("summary", o.summary, n.summary);
    note("severity", o.severity, n.severity);
    note("status", o.status, n.status);
    note("incident_start", TimeUtil::isoUtc(o.incidentStartUs), TimeUtil::isoUtc(n.incidentStartUs));
    note("incident_end", TimeUtil::isoUtc(o.incidentEndUs), TimeUtil::isoUtc(n.incidentEndUs));
    if (changed.isEmpty())
        return;
    SqliteStatement st = m_db.prepare(QStringLiteral(
        "UPDATE case_info SET title = ?, summary = ?, severity = ?, status = ?, incident_start_us = ?, "
        "incident_end_us = ?, modified_us = ? WHERE id = 1"));
    st.bind(1, n.title.trimmed()).bind(2, n.summary.isNull() ? QString(QLatin1String("")) : n.summary)
        .bind(3, n.severity).bind(4, n.status);
    n.incidentStartUs ? st.bind(5, n.incidentStartUs) : st.bindNull(5);
    n.incidentEndUs ? st.bind(6, n.incidentEndUs) : st.bindNull(6);
    st.bind(7, TimeUtil::nowUs()).exec();
    AuditLog(m_db).append(QStringLiteral("edit"), QStringLiteral("case"), changed);
    tx.commit();
}
