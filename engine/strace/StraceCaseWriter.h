#pragma once

#include "StraceSink.h"
#include "casefile/SqliteTransaction.h"
#include "StraceStreamParser.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

class SqliteDatabase;
struct sqlite3_stmt;

// Stores what the strace parser emits into a case file: strace_calls rows
// through one prepared statement bound without copies, unparsed lines,
// errno texts, and at the end the processes of the collection. It holds a
// write transaction and commits every kBatchRows rows or kBatchMs, so
// evidence is committed as it arrives (artifact chunks written meanwhile
// ride in the same transactions).
class StraceCaseWriter : public StraceSink
{
public:
    static constexpr int kBatchRows = 50000;
    static constexpr int kBatchMs = 250;
    static constexpr qsizetype kMaxUnparsedBytes = 64 * 1024;
    static constexpr int kCacheKiB = 64 * 1024;
    static constexpr int kSlowestKept = 20;
    static constexpr int kMaxStatKeys = 200000; // flushed to strace_stats beyond this

    StraceCaseWriter(SqliteDatabase &db, qint64 collectionId, qint64 hostId);
    ~StraceCaseWriter() override;
    StraceCaseWriter(const StraceCaseWriter &) = delete;
    StraceCaseWriter &operator=(const StraceCaseWriter &) = delete;

    // Starts a trace (one log file); returns strace_traces.id.
    qint64 beginTrace(const QString &name, qint64 filePid, qint64 artifactId);
    void endTrace(const StraceParseStats &stats, bool complete);
    // Commits if the batch is big or old enough.
    void maybeCommit();
    // Writes the processes table and commits everything.
    void finish();

    // The line the parser is at (StraceParseStats::lines), for the line map
    // (strace_line_map: where each call started and was completed). Without
    // it no line map is written and a search scans the rows instead.
    void setLineCounter(const qint64 *lines) { m_lineCounter = lines; }

    qint64 traceCalls() const { return m_traceCalls; }
    qint64 totalCalls() const { return m_totalCalls; }
    qint64 totalUnfinished() const { return m_totalUnfinished; }
    qint64 processCount() const { return m_procs.size(); }

    void onCall(const StraceCall &call) override;
    void onExit(const StraceExit &exit) override;
    void onUnparsed(qint64 line, QByteArrayView text, qint64 fullLength) override;

private:
    struct Proc
    {
        qint64 traceId = 0;
        qint64 parentPid = 0;
        QByteArray exec;
        bool hasTime = false;
        qint64 firstUs = 0;
        qint64 lastUs = 0;
        qint64 calls = 0;
        bool exited = false;
        int exitCode = 0;
        QByteArray killedBy;
        bool core = false;
    };
    struct Stat
    {
        qint64 calls = 0;
        qint64 errors = 0;
        qint64 totalUs = 0;
        qint64 maxUs = 0;
    };
    Proc &proc(qint64 pid);
    void account(const StraceCall &c, qint64 id);
    void flushStats();
    void touch(Proc &p, bool hasTime, qint64 us);
    void begin();
    void commit();
    void mapCall(qint64 id, qint64 line);
    void flushLineMap();

    SqliteDatabase &m_db;
    qint64 m_collectionId;
    qint64 m_hostId;
    sqlite3_stmt *m_insertCall = nullptr;
    qint64 m_savedCacheSize = -2000;
    std::unique_ptr<SqliteTransaction> m_tx; // the open batch (holds the writer gate)
    int m_rowsInBatch = 0;
    QElapsedTimer m_batchTimer;
    qint64 m_traceId = 0;
    qint64 m_traceCalls = 0;
    qint64 m_traceUnfinished = 0;
    qint64 m_firstCallId = 0;
    qint64 m_lastCallId = 0;
    qint64 m_totalCalls = 0;
    qint64 m_totalUnfinished = 0;
    QHash<qint64, Proc> m_procs;
    QSet<QByteArray> m_errnos;
    QHash<QByteArray, int> m_syscallIds; // interned syscall names
    QList<QByteArray> m_syscallNames;
    QHash<quint64, Stat> m_stats;        // key: pid << 16 | syscall id
    std::vector<std::pair<qint64, qint64>> m_slowest; // min-heap of (duration, call id)
    const qint64 *m_lineCounter = nullptr;
    QByteArray m_lineMap;      // varints of the calls not yet in strace_line_map
    qint64 m_mapFirstId = 0;
    qint64 m_mapCalls = 0;
    qint64 m_mapPrevId = 0;
    qint64 m_mapPrevLine = 0;
};
