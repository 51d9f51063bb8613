#pragma once

#include <QStringList>

class SqliteDatabase;

// The schema objects Casebook itself creates at each version, compared with
// what a file holds. A case file is data: a trigger, view, table or index that
// Casebook did not create (or one whose SQL was changed) could run code or
// endless queries inside Casebook, so such a file is refused before anything
// else reads it.
class CaseSchema
{
public:
    // Objects in db that Casebook's schema `version` does not have, or has
    // with other SQL: one line each ("trigger x (not created by Casebook)").
    static QStringList unexpectedObjects(SqliteDatabase &db, int version);
    // Objects of schema `version` missing from db (e.g. the audit log's
    // protecting triggers dropped): evidence of tampering for verify.
    static QStringList missingObjects(SqliteDatabase &db, int version);
};
