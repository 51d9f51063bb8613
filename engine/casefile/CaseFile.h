#pragma once

#include "CaseFileValidator.h"
#include "CaseInfo.h"
#include "SqliteDatabase.h"

#include <QString>
#include <memory>

// An open *.casebook file: one SQLite database with Casebook's application_id
// and the schema version in user_version. Opening validates the file first and
// never modifies a foreign, damaged or newer file. Read-write opening migrates
// older schemas forward and marks collections interrupted by a crash as
// incomplete. One CaseFile per thread; several may be open on one path (WAL).
class CaseFile
{
public:
    enum class Access { ReadOnly, ReadWrite };

    // Creates a new case file; fails if path exists.
    static std::unique_ptr<CaseFile> create(const QString &path, const QString &title);
    static std::unique_ptr<CaseFile> open(const QString &path, Access access = Access::ReadWrite,
                                          CaseFileValidator::Integrity integrity = CaseFileValidator::Integrity::Auto);
    ~CaseFile();
    CaseFile(const CaseFile &) = delete;
    CaseFile &operator=(const CaseFile &) = delete;

    SqliteDatabase &db() { return m_db; }
    const QString &path() const { return m_path; }
    bool isReadOnly() const { return m_access == Access::ReadOnly; }
    int schemaVersion();
    // Version the file had on disk when opened (before any migration).
    int originalSchemaVersion() const { return m_originalVersion; }
    int recoveredCollections() const { return m_recovered; }

    CaseInfo info();
    // Saves the metadata and records the changed fields in the audit log.
    void updateInfo(const CaseInfo &info);

    // Writes a consistent copy of the case (online backup) to a new file in
    // single-file form, and records it in this case's audit log.
    void saveCopy(const QString &destPath);

    // Applies migrations (from, to] to db. Exposed for tests of old versions.
    static void migrate(SqliteDatabase &db, int toVersion);

private:
    CaseFile(SqliteDatabase db, QString path, Access access);
    static std::unique_ptr<CaseFile> openValidated(const QString &path, Access access,
                                                   const CaseFileValidator::Result &v);
    void configureConnection();

    SqliteDatabase m_db;
    QString m_path;
    Access m_access;
    bool m_fullyOpened = false; // only a file that opened cleanly is remembered as sound
    int m_originalVersion = 0;
    int m_recovered = 0;
};
