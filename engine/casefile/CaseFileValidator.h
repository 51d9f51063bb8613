#pragma once

#include <QString>

// Checks a file before Casebook touches it: SQLite header, application_id,
// schema version, no schema objects Casebook did not create (CaseSchema), and
// (for files not opened here before) integrity_check. Reads only, and only
// through SQLite (never a descriptor of its own); never modifies the file.
class CaseFileValidator
{
public:
    struct Result
    {
        bool ok = false;
        QString error;      // user-presentable reason when !ok
        int schemaVersion = 0;
        bool integrityChecked = false;
    };

    static constexpr quint32 kApplicationId = 0x43534231; // "CSB1"
    static constexpr qint64 kSqliteHeaderBytes = 100;

    enum class Integrity { Auto, Always, Never };
    static Result validate(const QString &path, Integrity integrity = Integrity::Auto);

    // Remembers that path (as it is now) was opened and found sound, so Auto
    // skips the full integrity check next time. Stored in the user's config.
    static void rememberSound(const QString &path);
    static bool isFamiliar(const QString &path);
};
