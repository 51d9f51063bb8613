#include "CaseSession.h"

#include "casefile/CaseFile.h"
#include "casefile/SqliteDatabase.h"
#include "util/BackgroundReader.h"

#include "util/CaseError.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

CaseSession::CaseSession(QObject *parent) : QObject(parent), m_reader(new BackgroundReader(this))
{
    m_poll.setInterval(1000);
    connect(&m_poll, &QTimer::timeout, this, &CaseSession::pollForChanges);
}

CaseSession::~CaseSession() = default;

void CaseSession::checkpoint(CaseFile &cf)
{
    // Other connections (the reader, collectors, importers, casectl) validate
    // the file from its on-disk header; after a create or a migration that
    // header is still in the WAL until a checkpoint.
    if (!cf.isReadOnly())
        cf.db().exec(QStringLiteral("PRAGMA wal_checkpoint(FULL)"));
}

void CaseSession::create(const QString &path, const QString &title)
{
    auto cf = CaseFile::create(path, title);
    checkpoint(*cf); // a new case: small
    attach(std::move(cf));
}

void CaseSession::open(const QString &path)
{
    if (m_opening)
        throw CaseError(tr("Another case is being opened."));
    // Validation (a full integrity check the first time a file is seen),
    // migration and crash recovery can take seconds on a big case: done on a
    // worker thread while the event loop keeps running. The connection is then
    // handed to the GUI thread (SQLite connections may change threads when
    // not in use concurrently).
    struct Opened
    {
        std::unique_ptr<CaseFile> caseFile;
        QString error;
    };
    m_opening = true;
    emit opening(path);
    const bool writable = QFileInfo(path).isWritable();
    QFuture<std::shared_ptr<Opened>> future = QtConcurrent::run([path, writable] {
        auto r = std::make_shared<Opened>();
        try {
            r->caseFile = CaseFile::open(path, writable ? CaseFile::Access::ReadWrite : CaseFile::Access::ReadOnly);
            checkpoint(*r->caseFile); // here, not on the GUI thread: after a migration the WAL can be big
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
    attach(std::move(r->caseFile));
}

void CaseSession::attach(std::unique_ptr<CaseFile> cf)
{
    if (m_case)
        close();
    m_case = std::move(cf);
    m_reader->setCasePath(m_case->path());
    m_dataVersion = dataVersion();
    m_lastChangeCount = m_case->db().queryInt(QStringLiteral("SELECT total_changes()"));
    m_poll.start();
    emit opened();
}

void CaseSession::close()
{
    if (!m_case)
        return;
    m_poll.stop();
    m_reader->setCasePath(QString());
    m_case.reset();
    emit closed();
}

QString CaseSession::path() const
{
    return m_case ? m_case->path() : QString();
}

qint64 CaseSession::dataVersion() const
{
    // Changes when another connection commits (SQLite's data_version).
    return m_case ? m_case->db().queryInt(QStringLiteral("PRAGMA data_version")) : 0;
}

void CaseSession::notifyChanged()
{
    if (m_case)
        emit dataChanged();
}

void CaseSession::pollForChanges()
{
    if (!m_case)
        return;
    const qint64 v = dataVersion();
    if (v != m_dataVersion) {
        m_dataVersion = v;
        emit dataChanged();
    }
}
