#include "BackgroundReader.h"

#include "casefile/CaseFile.h"
#include "util/CaseError.h"

#include <QCoreApplication>
#include <exception>

class BackgroundReader::Worker : public QObject
{
public:
    explicit Worker(CaseFile::Access a) : access(a) {}
    const CaseFile::Access access;
    std::unique_ptr<CaseFile> caseFile;
    QString path;

    CaseFile &connection()
    {
        if (!caseFile)
            caseFile = CaseFile::open(path, access, CaseFileValidator::Integrity::Never);
        return *caseFile;
    }
};

BackgroundReader::BackgroundReader(QObject *parent) : BackgroundReader(CaseFile::Access::ReadOnly, parent)
{
}

BackgroundReader::BackgroundReader(CaseFile::Access access, QObject *parent) : QObject(parent), m_worker(new Worker(access))
{
    m_thread.setObjectName(access == CaseFile::Access::ReadOnly ? QStringLiteral("casebook-reader")
                                                                : QStringLiteral("casebook-writer"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

BackgroundReader::~BackgroundReader()
{
    for (const CancelToken &t : std::as_const(m_tokens))
        t.cancel();
    drain(); // a write submitted before must reach the case
    Worker *w = m_worker;
    QMetaObject::invokeMethod(w, [w] { w->caseFile.reset(); }, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void BackgroundReader::setCasePath(const QString &path)
{
    for (const CancelToken &t : std::as_const(m_tokens))
        t.cancel();
    m_tokens.clear();
    for (auto it = m_latest.begin(); it != m_latest.end(); ++it)
        it.value() = ++m_next; // everything in flight is stale now
    m_path = path;
    Worker *w = m_worker;
    QMetaObject::invokeMethod(w, [w, path] {
        w->caseFile.reset();
        w->path = path;
    }, Qt::QueuedConnection);
}

void BackgroundReader::adopt(std::unique_ptr<CaseFile> caseFile)
{
    setCasePath(caseFile->path());
    Worker *w = m_worker;
    CaseFile *handed = caseFile.release(); // owned by the worker from here on
    QMetaObject::invokeMethod(w, [w, handed] { w->caseFile.reset(handed); }, Qt::QueuedConnection);
}

void BackgroundReader::drain()
{
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_worker, [] {}, Qt::BlockingQueuedConnection);
}

quint64 BackgroundReader::submit(const QString &channel, Work work, QObject *context, Done done, Failed failed)
{
    if (m_tokens.contains(channel))
        m_tokens[channel].cancel();
    const CancelToken token;
    m_tokens.insert(channel, token);
    const quint64 job = ++m_next;
    m_latest.insert(channel, job);
    if (m_pending++ == 0)
        emit busyChanged(true);
    QPointer<QObject> ctx(context);
    QPointer<BackgroundReader> self(this);
    Worker *w = m_worker;
    QMetaObject::invokeMethod(w, [=] {
        std::shared_ptr<void> result;
        QString error;
        if (!token.isCancelled()) {
            try {
                CaseFile &cf = w->connection();
                // Cancelling the job (a newer one on the channel) interrupts its query.
                cf.db().setInterruptCheck([token] { return token.isCancelled(); });
                struct ClearCheck
                {
                    CaseFile &cf;
                    ~ClearCheck() { cf.db().setInterruptCheck({}); }
                } clear{cf};
                result = work(cf, token);
            } catch (const CaseError &e) {
                error = e.message();
            } catch (const std::exception &e) {
                error = QString::fromUtf8(e.what());
            }
        }
        QMetaObject::invokeMethod(self ? static_cast<QObject *>(self.data()) : qApp, [=] {
            if (!self)
                return;
            if (--self->m_pending == 0)
                emit self->busyChanged(false);
            if (!ctx || self->m_latest.value(channel) != job || token.isCancelled())
                return; // stale or cancelled: dropped
            if (!error.isEmpty()) {
                if (failed)
                    failed(error);
            } else if (result) {
                done(result);
            }
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
    return job;
}

void BackgroundReader::cancel(const QString &channel)
{
    if (m_tokens.contains(channel))
        m_tokens.take(channel).cancel();
    m_latest.insert(channel, ++m_next);
}
