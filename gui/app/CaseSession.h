#pragma once

#include "util/BackgroundReader.h"
#include "util/CancelToken.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>

class CaseFile;

// The case open in the window. The GUI thread holds a read-only connection
// and never writes: every edit (metadata, notes, markers, audit entries) is a
// job for the session's writer, a worker thread with the read-write
// connection, run in submission order; the GUI thread never waits for a lock.
// A BackgroundReader serves big queries. Watches the file for commits made by
// other connections (collections, imports, casectl, other windows) and
// announces them with dataChanged() within a second.
class CaseSession : public QObject
{
    Q_OBJECT
public:
    explicit CaseSession(QObject *parent = nullptr);
    ~CaseSession() override;

    // Throw CaseError with a user-presentable message.
    void create(const QString &path, const QString &title);
    void open(const QString &path);
    void close();

    bool isOpen() const { return bool(m_case); }
    // Whether edits are possible (the file was opened read-write).
    bool isWritable() const { return m_writable; }
    // The GUI thread's read-only connection.
    CaseFile *caseFile() const { return m_case.get(); }
    QString path() const;
    BackgroundReader *reader() const { return m_reader; }

    // Runs work on the writer thread's read-write connection; then, on the
    // GUI thread (while context lives), done with its result, or failed with
    // the message, and dataChanged() so every pane refreshes.
    template<class R>
    void write(std::function<R(CaseFile &)> work, QObject *context, std::function<void(const R &)> done,
               BackgroundReader::Failed failed = {})
    {
        const QString channel = QStringLiteral("write-%1").arg(++m_writes);
        ++m_pendingWrites;
        m_writer->run<R>(
            channel, [work](CaseFile &cf, const CancelToken &) { return work(cf); }, context,
            [this, done](const R &r) {
                writeFinished();
                if (done)
                    done(r);
                notifyChanged();
            },
            [this, failed](const QString &e) {
                writeFinished();
                if (failed)
                    failed(e);
            });
    }
    // A job that writes an audit entry when it can (Save a Copy, exporting an
    // artifact): on the writer, in order with the edits, when the case is
    // writable; on the reader otherwise (it sees a read-only CaseFile).
    template<class R>
    void writeIfWritable(const QString &what, std::function<R(CaseFile &)> work, QObject *context,
                         std::function<void(const R &)> done, BackgroundReader::Failed failed = {})
    {
        if (m_writable)
            write<R>(work, context, done, failed);
        else
            m_reader->run<R>(what, [work](CaseFile &cf, const CancelToken &) { return work(cf); }, context, done, failed);
    }
    // Writes submitted and not finished yet.
    int pendingWrites() const { return m_pendingWrites; }
    // Waits until every write submitted so far is in the case (closing).
    void flushWrites();
    // Call after a write that did not go through write() so every pane refreshes.
    void notifyChanged();
    // Checks for commits by other connections now (normally every second).
    void pollForChanges();

    bool isOpening() const { return m_opening; }
    // A case not opened here before shows its data at once, read-only, while
    // the full integrity check runs on a worker thread; it becomes writable
    // (migrated, interrupted collections recovered) only when the check
    // passes. Nothing is written to the file before that.
    bool isCheckingIntegrity() const { return m_checking; }
    // The last check's verdict: empty while none failed.
    QString integrityProblem() const { return m_integrityProblem; }
    // Collections found interrupted (and marked incomplete) when the case opened.
    int recoveredCollections() const { return m_recovered; }

signals:
    void opening(const QString &path); // validation started (off the GUI thread)
    void opened();
    void closed();
    void dataChanged();
    void writesSettled(); // pendingWrites() dropped to 0
    // A write of this process has waited over a second for another
    // process's lock on this case (the wait is bounded; see docs/case-file.md).
    void waitingForLock(qint64 waitedMs);
    void integrityCheckStarted();
    // The background integrity check of an unfamiliar case ended: passed
    // (then the case is writable if its file is) or failed with problem.
    void integrityChecked(bool passed, const QString &problem);

private:
    // Makes cf the open case. A read-write cf goes to the writer thread and the
    // GUI thread reads through readOnly (opened here if not given).
    void attach(std::unique_ptr<CaseFile> cf, std::unique_ptr<CaseFile> readOnly = {});
    void writeFinished();
    qint64 dataVersion() const;

    std::unique_ptr<CaseFile> m_case;
    bool m_writable = false;
    int m_recovered = 0;
    BackgroundReader *m_reader;
    BackgroundReader *m_writer;
    quint64 m_writes = 0;
    int m_pendingWrites = 0;
    QTimer m_poll;
    qint64 m_dataVersion = 0;
    qint64 m_lastChangeCount = 0;
    bool m_opening = false;
    bool m_checking = false;
    QString m_integrityProblem;
    CancelToken m_checkCancel;
    quint64 m_openGeneration = 0;

    void startIntegrityCheck(const QString &path, bool writable);
};
