#pragma once

#include "casefile/CaseFile.h"
#include "util/CancelToken.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <functional>
#include <memory>

// Runs case work off the GUI thread. One worker thread holds its own
// connection to the case: read-only for queries (the default), or read-write
// for the session's writer (CaseSession::write), whose jobs run one after
// another in submission order. Jobs are numbered per channel: a new job on a
// channel cancels the previous one (a running query is interrupted), and a
// result that arrives after a newer job was submitted on its channel is
// dropped (stale).
class BackgroundReader : public QObject
{
    Q_OBJECT
public:
    using Work = std::function<std::shared_ptr<void>(CaseFile &, const CancelToken &)>;
    using Done = std::function<void(std::shared_ptr<void>)>;
    using Failed = std::function<void(const QString &)>;

    explicit BackgroundReader(QObject *parent = nullptr);
    BackgroundReader(CaseFile::Access access, QObject *parent);
    ~BackgroundReader() override;

    // Opens the worker's connection to path (closing any previous one).
    void setCasePath(const QString &path);
    // Hands an open connection to the worker (it moves to the worker thread).
    void adopt(std::unique_ptr<CaseFile> caseFile);
    // Waits until every job submitted so far has run (closing, quitting).
    void drain();
    QString casePath() const { return m_path; }

    // Runs work on the worker thread; done (or failed) runs on the GUI thread
    // in context unless a newer job was submitted on channel meanwhile.
    // Returns the job number.
    quint64 submit(const QString &channel, Work work, QObject *context, Done done, Failed failed = {});

    template<class R>
    quint64 run(const QString &channel, std::function<R(CaseFile &, const CancelToken &)> work, QObject *context,
                std::function<void(const R &)> done, Failed failed = {})
    {
        return submit(
            channel, [work](CaseFile &cf, const CancelToken &c) -> std::shared_ptr<void> { return std::make_shared<R>(work(cf, c)); },
            context, [done](std::shared_ptr<void> p) { done(*static_cast<R *>(p.get())); }, failed);
    }

    void cancel(const QString &channel);
    quint64 latest(const QString &channel) const { return m_latest.value(channel); }
    int pending() const { return m_pending; }

signals:
    void busyChanged(bool busy);

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr;
    QString m_path;
    quint64 m_next = 0;
    int m_pending = 0;
    QHash<QString, quint64> m_latest;
    QHash<QString, CancelToken> m_tokens;
};
