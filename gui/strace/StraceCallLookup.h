#pragma once

#include <QJsonObject>

class SqliteDatabase;

// One strace call by its row id (strace_calls.id, what a finding's
// 'strace-call' evidence names), with the same fields as StraceQuery's call
// rows so StraceQuery::formatCall prints it. Empty if there is no such call.
class StraceCallLookup
{
public:
    static QJsonObject call(SqliteDatabase &db, qint64 callId);
};
