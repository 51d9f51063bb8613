#include "CaseSession.h"

#include "casefile/CaseFile.h"
#include "casefile/CaseFileIdentity.h"
#include "casefile/SqliteBusyWait.h"
#include "casefile/SqliteDatabase.h"
#include "util/BackgroundReader.h"

#include "util/CaseError.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace {
// Relays SQLite lock waits (reported on the waiting worker thread) to the
// sessions, on the GUI thread.
class LockWaitRelay : public QObject
{
    Q_OBJECT
public:
    static LockWaitRelay *instance()
    {
        static LockWaitRelay *relay = [] {
            auto *r = new LockWaitRelay(qApp);
            SqliteBusyWait::setReporter([r](const QString &path, qint64 waitedMs) {
                QMetaObject::invokeMethod(r, [r, path, waitedMs] { emit r->waiting(path, waitedMs); }, Qt::QueuedConnection);
            });
            return r;
        }();
        return relay;
    }
signals:
    void waiting(const QString &path, qint64 waitedMs);

private:
    using QObject::QObject;
};
}

CaseSession::CaseSession(QObject *parent)
    : QObject(parent), m_reader(new BackgroundReader(this)), m_writer(new BackgroundReader(CaseFile::Access::ReadWrite, this))
{
    connect(LockWaitRelay::instance(), &LockWaitRelay::waiting, this, [this](const QString &path, qint64 waitedMs) {
        if (m_case && CaseFileIdentity::canonicalPath(path) == CaseFileIdentity::canonicalPath(m_case->path()))
            emit waitingForLock(waitedMs);
    });
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &CaseSession::pollForChanges);
}

CaseSession::~CaseSession()
{
    // Edits submitted reach the case and the writer closes last; nobody is
    // told (the window and its panes are being destroyed too).
    blockSignals(true);
    close();
}

void CaseSession::create(const QString &path, const QString &title)
{
    if (m_opening)
        throw CaseError(tr("Another case is being opened."));
    // Created (schema, first audit entry) and opened read-only on a worker
    // thread, as open() does: no SQL on the GUI thread.
    struct Made
    {
        std::unique_ptr<CaseFile> caseFile;
        std::unique_ptr<CaseFile> readOnly;
        QString error;
    };
    m_opening = true;
    QFuture<std::shared_ptr<Made>> future = QtConcurrent::run([path, title] {
        auto r = std::make_shared<Made>();
        try {
            r->caseFile = CaseFile::create(path, title);
            r->readOnly = CaseFile::open(path, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
        } catch (const CaseError &e) {
            r->error = e.message();
        } catch (const std::exception &e) {
            r->error = QString::fromUtf8(e.what());
        }
        return r;
    });
    QFutureWatcher<std::shared_ptr<Made>> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    m_opening = false;
    const std::shared_ptr<Made> r = future.result();
    if (!r->caseFile)
        throw CaseError(r->error);
    attach(std::move(r->caseFile), std::move(r->readOnly));
}

void CaseSession::open(const QString &path)
{
    if (m_opening)
        throw CaseError(tr("Another case is being opened."));
    // Validation (a full integrity check the first time a file is seen),
    // migration and crash recovery can take seconds on a big case: done on a
    // worker thread while the event loop keeps running. The read-write
    // connection then goes to the writer thread, and the GUI thread gets a
    // read-only one (SQLite connections may change threads when not in use
    // concurrently).
    struct Opened
    {
        std::unique_ptr<CaseFile> caseFile;
        std::unique_ptr<CaseFile> readOnly;
        QString error;
    };
    m_opening = true;
    emit opening(path);
    const bool writable = QFileInfo(path).isWritable();
    QFuture<std::shared_ptr<Opened>> future = QtConcurrent::run([path, writable] {
        auto r = std::make_shared<Opened>();
        try {
            r->caseFile = CaseFile::open(path, writable ? CaseFile::Access::ReadWrite : CaseFile::Access::ReadOnly);
            if (writable)
                r->readOnly = CaseFile::open(path, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
        } catch (const CaseError &e) {
            r->error = e.message();
        } catch (const std::exception &e) {
            r->error = QString::fromUtf8(e.what());
        }
        return r;
    });
    QFutureWatcher<std::shared_ptr<Opened>> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    m_opening = false;
    const std::shared_ptr<Opened> r = future.result();
    if (!r->caseFile)
        throw CaseError(r->error);
    const int recovered = r->caseFile->recoveredCollections();
    attach(std::move(r->caseFile), std::move(r->readOnly));
    m_recovered = recovered;
}

void CaseSession::attach(std::unique_ptr<CaseFile> cf, std::unique_ptr<CaseFile> readOnly)
{
    close();
    if (!cf->isReadOnly()) {
        const QString path = cf->path();
        m_writer->adopt(std::move(cf));
        m_writable = true;
        cf = readOnly ? std::move(readOnly) : CaseFile::open(path, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
    }
    m_case = std::move(cf);
    m_reader->setCasePath(m_case->path());
    m_dataVersion = -1; // the first poll (on the reader) sets it
    m_pollPending = false;
    m_poll.start();
    pollForChanges();
    emit opened();
}

void CaseSession::close()
{
    if (!m_case && !m_writable)
        return;
    m_poll.stop();
    m_pollPending = false;
    flushWrites(); // every edit submitted reaches the case before it closes
    // The writer's connection closes last: the last connection to close
    // checkpoints the WAL and returns the case to one self-contained file
    // (see ~CaseFile), which a read-only one cannot.
    m_reader->setCasePath(QString());
    m_reader->drain();
    const bool wasOpen = bool(m_case);
    m_case.reset();
    m_writer->setCasePath(QString());
    m_writer->drain(); // a write queued meanwhile ran before the connection closed
    m_writable = false;
    m_recovered = 0;
    if (m_pendingWrites > 0) {
        m_pendingWrites = 0; // done; their results were for the closed case
        emit writesSettled();
    }
    if (wasOpen)
        emit closed();
}

void CaseSession::flushWrites()
{
    if (m_pendingWrites == 0)
        return;
    m_writer->drain();
    // Deliver their results now, before anything can mark them stale.
    QCoreApplication::sendPostedEvents(m_writer, QEvent::MetaCall);
}

void CaseSession::writeFinished()
{
    if (--m_pendingWrites == 0)
        emit writesSettled();
}

QString CaseSession::path() const
{
    return m_case ? m_case->path() : QString();
}

void CaseSession::notifyChanged()
{
    if (m_case)
        emit dataChanged();
}

void CaseSession::pollForChanges()
{
    // The reader's connection asks SQLite's data_version, which changes when
    // another connection (the writer, casectl, another window) commits: no
    // SQL on the GUI thread. One poll at a time; a busy reader delays it.
    if (!m_case)
        return;
    if (m_pollPending) {
        m_pollAgain = true; // a commit may have come after the pending poll read
        return;
    }
    m_pollPending = true;
    m_pollAgain = false;
    m_reader->run<qint64>(
        QStringLiteral("session-poll"),
        [](CaseFile &cf, const CancelToken &) { return cf.db().queryInt(QStringLiteral("PRAGMA data_version")); }, this,
        [this](const qint64 &v) {
            m_pollPending = false;
            const bool first = m_dataVersion < 0;
            if (v != m_dataVersion) {
                m_dataVersion = v;
                if (!first)
                    emit dataChanged();
            }
            if (m_pollAgain)
                pollForChanges();
        },
        [this](const QString &) { m_pollPending = false; });
}

#include "CaseSession.moc"
