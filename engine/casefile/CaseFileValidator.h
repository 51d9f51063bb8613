#pragma once

#include <QString>

class CancelToken;

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
        bool cancelled = false;
    };

    static constexpr quint32 kApplicationId = 0x43534231; // "CSB1"
    static constexpr qint64 kSqliteHeaderBytes = 100;

    enum class Integrity { Auto, Always, Never };
    // cancel (optional) interrupts a running integrity check; the result is
    // then not ok, with cancelled set.
    static Result validate(const QString &path, Integrity integrity = Integrity::Auto, const CancelToken *cancel = nullptr);

    // Remembers that path (as it is now) was opened and found sound, so Auto
    // skips the full integrity check next time. Stored in the user's config.
    static void rememberSound(const QString &path);
    static bool isFamiliar(const QString &path);
    // Forgets path: the next open checks it fully again.
    static void forget(const QString &path);
};
