#include "SqliteBusyWait.h"

#include <QFileInfo>
#include <QMutex>
#include <algorithm>

#include <sqlite3.h>

namespace {
QMutex reporterMutex;
SqliteBusyWait::Reporter &reporterSlot()
{
    static SqliteBusyWait::Reporter r;
    return r;
}
constexpr qint64 kReportAfterMs = 1000;
}

SqliteBusyWait::SqliteBusyWait(sqlite3 *db, QString path) : m_path(std::move(path))
{
    install(db);
}

void SqliteBusyWait::install(sqlite3 *db)
{
    sqlite3_busy_handler(db, &SqliteBusyWait::handler, this);
}

qint64 SqliteBusyWait::limitMs()
{
    static const qint64 limit = [] {
        bool ok = false;
        const qint64 v = qEnvironmentVariable("CASEBOOK_LOCK_WAIT_MS").toLongLong(&ok);
        return ok && v >= 0 ? v : qint64(60000);
    }();
    return limit;
}

void SqliteBusyWait::setReporter(Reporter reporter)
{
    QMutexLocker locker(&reporterMutex);
    reporterSlot() = std::move(reporter);
}

QString SqliteBusyWait::busyMessage(const QString &path)
{
    return QStringLiteral("%1 is locked by another writer (another casectl or Casebook window); waited %2 s without "
                          "getting the lock, nothing was written. Try again when it has finished.")
        .arg(path.isEmpty() ? QStringLiteral("the case") : QFileInfo(path).fileName())
        .arg(limitMs() / 1000.0, 0, 'g', 3);
}

int SqliteBusyWait::handler(void *self, int count)
{
    auto *w = static_cast<SqliteBusyWait *>(self);
    if (count == 0) {
        w->m_waiting.start();
        w->m_reported = false;
    }
    const qint64 waited = w->m_waiting.elapsed();
    if (waited >= limitMs())
        return 0; // give up: SQLITE_BUSY
    if (!w->m_reported && waited >= kReportAfterMs) {
        w->m_reported = true;
        Reporter r;
        {
            QMutexLocker locker(&reporterMutex);
            r = reporterSlot();
        }
        if (r)
            r(w->m_path, waited);
    }
    sqlite3_sleep(int(std::min<qint64>({qint64(count) + 1, 50, limitMs() - waited})));
    return 1;
}
