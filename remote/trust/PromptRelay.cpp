#include "PromptRelay.h"

#include <QMetaObject>
#include <QThread>

#include <mutex>

namespace {

// One dialog at a time, whatever the number of sessions asking.
std::mutex &promptMutex()
{
    static std::mutex m;
    return m;
}

// Runs call on context's thread (directly when already there). False when
// context is gone or the call could not be delivered.
bool runOn(const QPointer<QObject> &context, const std::function<void()> &call)
{
    std::lock_guard lock(promptMutex());
    QObject *target = context.data();
    if (!target)
        return false;
    if (QThread::currentThread() == target->thread()) {
        call();
        return true;
    }
    return QMetaObject::invokeMethod(target, call, Qt::BlockingQueuedConnection);
}

}

namespace PromptRelay {

HostKeyPrompt hostKeyPrompt(QObject *context, std::function<bool(const HostKeyQuestion &)> ask)
{
    QPointer<QObject> target(context);
    return [target, ask](const HostKeyQuestion &q) {
        bool trust = false;
        runOn(target, [&] { trust = ask(q); });
        return trust;
    };
}

SecretPrompt secretPrompt(QObject *context, std::function<std::optional<QByteArray>(const SecretQuestion &)> ask)
{
    QPointer<QObject> target(context);
    return [target, ask](const SecretQuestion &q) -> std::optional<QByteArray> {
        bool answered = false;
        QByteArray answer;
        runOn(target, [&] {
            if (std::optional<QByteArray> a = ask(q)) {
                answer = std::move(*a);
                answered = true;
            }
        });
        if (!answered)
            return std::nullopt;
        return answer;
    };
}

}
