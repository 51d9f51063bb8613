#include "CaseSession.h"

#include "casefile/CaseFile.h"
#include "casefile/CaseFileIdentity.h"
#include "casefile/CaseFileValidator.h"
#include "casefile/SchemaMigrations.h"
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
// Runs work on a worker thread while the event loop keeps running (user
// input excluded), and returns its result; a CaseError or other exception
// thrown by work ends up in the result's error.
template<class R>
std::shared_ptr<R> runOffGuiThread(std::function<void(R &)> work)
{
    QFuture<std::shared_ptr<R>> future = QtConcurrent::run([work] {
        auto r = std::make_shared<R>();
        try {
            work(*r);
        } catch (const CaseError &e) {
            r->error = e.message();
        } catch (const std::exception &e) {
            r->error = QString::fromUtf8(e.what());
        }
        return r;
    });
    QFutureWatcher<std::shared_ptr<R>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return future.result();
}
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
    const std::shared_ptr<Made> r = runOffGuiThread<Made>([path, title](Made &m) {
        m.caseFile = CaseFile::create(path, title);
        m.readOnly = CaseFile::open(path, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
    });
    m_opening = false;
    if (!r->caseFile)
        throw CaseError(r->error);
    attach(std::move(r->caseFile), std::move(r->readOnly));
}

void CaseSession::open(const QString &path)
{
    if (m_opening)
        throw CaseError(tr("Another case is being opened."));
    // Validation, migration and crash recovery can take seconds on a big case:
    // done on a worker thread while the event loop keeps running. A familiar
    // case (opened and found sound here before) opens read-write at once: the
    // read-write connection goes to the writer thread, and the GUI thread gets
    // a read-only one (SQLite connections may change threads when not in use
    // concurrently). An unfamiliar one opens read-only after the quick checks
    // (header, application id, schema), so its data shows within a second,
    // and the full integrity check continues in the background.
    struct Opened
    {
        std::unique_ptr<CaseFile> caseFile;
        std::unique_ptr<CaseFile> readOnly;
        bool needsCheck = false;
        QString error;
    };
    m_opening = true;
    emit opening(path);
    const bool writable = QFileInfo(path).isWritable();
    const std::shared_ptr<Opened> r = runOffGuiThread<Opened>([path, writable](Opened &o) {
        if (CaseFileValidator::isFamiliar(path)) {
            o.caseFile = CaseFile::open(path, writable ? CaseFile::Access::ReadWrite : CaseFile::Access::ReadOnly);
            if (writable)
                o.readOnly = CaseFile::open(path, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
        } else {
            o.caseFile = CaseFile::open(path, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
            o.needsCheck = true;
        }
    });
    m_opening = false;
    if (!r->caseFile)
        throw CaseError(r->error);
    const int recovered = r->caseFile->recoveredCollections();
    attach(std::move(r->caseFile), std::move(r->readOnly));
    m_recovered = recovered;
    if (r->needsCheck)
        startIntegrityCheck(path, writable);
}

void CaseSession::startIntegrityCheck(const QString &path, bool writable)
{
    // The check reads the whole file through its own read-only connection; on
    // success the read-write connection is opened (migration, recovery of
    // interrupted collections) on the same worker, then handed to the writer.
    struct Checked
    {
        CaseFileValidator::Result verdict;
        std::unique_ptr<CaseFile> readWrite;
        std::unique_ptr<CaseFile> readOnly; // replaces the GUI's in-memory copy of an older-schema case once migrated
        int recovered = 0;
        QString error;
    };
    m_checking = true;
    m_integrityProblem.clear();
    m_checkCancel = CancelToken();
    const CancelToken cancel = m_checkCancel;
    const quint64 generation = m_openGeneration;
    const bool olderSchema = m_case && m_case->originalSchemaVersion() < SchemaMigrations::latestVersion();
    emit integrityCheckStarted();
    auto *watcher = new QFutureWatcher<std::shared_ptr<Checked>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        std::shared_ptr<Checked> r = watcher->result();
        if (generation != m_openGeneration || !m_case)
            return; // the case was closed (or another opened) meanwhile; the worker dropped its connection
        m_checking = false;
        if (!r->verdict.ok) {
            m_integrityProblem = r->verdict.error;
            emit integrityChecked(false, m_integrityProblem);
            return;
        }
        if (r->readWrite) {
            m_writer->adopt(std::move(r->readWrite));
            m_writable = true;
            m_recovered = r->recovered;
            if (r->readOnly) {
                m_case = std::move(r->readOnly);
                m_dataVersion = -1; // a new connection: every pane reloads
            }
        } else if (!r->error.isEmpty()) {
            m_integrityProblem = r->error; // sound, but could not be opened for writing
        }
        emit integrityChecked(true, m_integrityProblem);
        notifyChanged();
    });
    watcher->setFuture(QtConcurrent::run([path, writable, cancel, olderSchema] {
        auto r = std::make_shared<Checked>();
        r->verdict = CaseFileValidator::validate(path, CaseFileValidator::Integrity::Always, &cancel);
        if (!r->verdict.ok || !writable || cancel.isCancelled())
            return r;
        CaseFileValidator::rememberSound(path);
        try {
            r->readWrite = CaseFile::open(path, CaseFile::Access::ReadWrite, CaseFileValidator::Integrity::Never);
            r->recovered = r->readWrite->recoveredCollections();
            if (olderSchema)
                r->readOnly = CaseFile::open(path, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Never);
        } catch (const CaseError &e) {
            r->error = e.message();
        }
        if (cancel.isCancelled()) {
            r->readOnly.reset(); // closed meanwhile: close them here, not on the GUI thread
            r->readWrite.reset();
        }
        return r;
    }));
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
    m_checkCancel.cancel();
    ++m_openGeneration;
    m_checking = false;
    m_integrityProblem.clear();
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
