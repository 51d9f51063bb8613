#pragma once

#include "util/CancelToken.h"

#include "strace/StraceQuery.h"

class SqliteDatabase;

// Everything the strace pane shows for one selection (a collection, or all
// strace evidence when collectionId is 0), read on the reader thread through
// StraceQuery. File descriptors scan every call (seconds on millions of
// calls), so they are read in a second job after the rest is shown; search
// results are read separately (grep).
struct StraceViewData
{
    qint64 collectionId = 0;
    QList<StraceTraceRow> traces; // of the whole case, for the selector
    QList<StraceCallRow> hung;
    QList<StraceSummaryRow> summary;           // overall
    QList<StraceSummaryRow> summaryPerProcess; // per pid
    QList<StraceCallRow> slowest;
    QList<StraceErrorRow> errors;
    QList<StraceProcessRow> processes;
    QList<StraceFdRow> fds; // only from loadFds()
    bool cancelled = false;

    static constexpr int kSlowest = 20;
    static StraceViewData load(SqliteDatabase &db, qint64 collectionId, const CancelToken &cancel);
    static QList<StraceFdRow> loadFds(SqliteDatabase &db, qint64 collectionId);
    // A cheap fingerprint of the strace evidence (traces, their calls and
    // status): the pane reloads only when it changes.
    static QString fingerprint(const QList<StraceTraceRow> &traces);
};
