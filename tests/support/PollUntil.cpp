#include "PollUntil.h"

#include <QDeadlineTimer>
#include <QThread>

bool pollUntil(const std::function<bool()> &condition, int timeoutMs, int intervalMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (condition())
            return true;
        QThread::msleep(qMin<qint64>(intervalMs, qMax<qint64>(1, deadline.remainingTime())));
    }
    return condition();
}
