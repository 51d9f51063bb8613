#pragma once

#include "util/CancelToken.h"

#include <QDate>
#include <QObject>
#include <QStringList>
#include <QThread>

// Imports evidence files (strace logs, captures...) into the open case on a
// worker thread with its own read-write connection, so the window never
// waits on parsing. Progress and the result come back as queued signals.
// casectl import's --host, --tz and --date.
struct ImportOptions
{
    QString hostName;  // empty: not attributed to a host
    QString timeZone;  // zone of times that carry none (strace -t/-tt); empty: UTC
    QDate startDate;   // the day a log without dates starts; null: the file's modification time
};

class ImportRunner : public QObject
{
    Q_OBJECT
public:
    explicit ImportRunner(QObject *parent = nullptr);
    ~ImportRunner() override;

    // hostName may be empty (not attributed to a host). Returns false if busy.
    bool start(const QString &casePath, const QStringList &paths, const QString &hostName = {});
    bool start(const QString &casePath, const QStringList &paths, const ImportOptions &options);
    void cancel();
    bool isRunning() const { return m_thread && m_thread->isRunning(); }
    // Blocks until the worker is done (tests, shutdown).
    void wait();

signals:
    void progress(const QString &message, int percent);
    void finished(bool ok, const QString &message);

private:
    QThread *m_thread = nullptr;
    CancelToken m_cancel;
};
