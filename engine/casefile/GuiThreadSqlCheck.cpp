#include "GuiThreadSqlCheck.h"

#include <QCoreApplication>
#include <QMutex>
#include <QThread>
#include <atomic>

namespace {
std::atomic<bool> enabled{false};
QMutex mutex;
QStringList hits;
}

namespace GuiThreadSqlCheck {

void setEnabled(bool on)
{
    enabled.store(on, std::memory_order_relaxed);
}

bool isEnabled()
{
    return enabled.load(std::memory_order_relaxed);
}

void note(const QString &sql)
{
    if (!enabled.load(std::memory_order_relaxed))
        return;
    const QCoreApplication *app = QCoreApplication::instance();
    if (!app || QThread::currentThread() != app->thread())
        return;
    const QMutexLocker lock(&mutex);
    if (hits.size() < 50)
        hits.append(sql.simplified().left(200));
}

QStringList take()
{
    const QMutexLocker lock(&mutex);
    return std::exchange(hits, {});
}

}
