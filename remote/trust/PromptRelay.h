#pragma once

#include "HostKeyPrompt.h"
#include "transport/SecretPrompt.h"

#include <QObject>
#include <QPointer>

// Makes the prompts GUI-safe. SSH sessions call HostKeyPrompt and SecretPrompt
// on their worker threads; the functions returned here run `ask` on the thread
// of `context` (the GUI thread for a widget) through a blocking queued call and
// hand the answer back. The GUI thread must keep its event loop running while
// a fan-out is active (FleetJob does not block it). If `context` is gone, the
// answer is "no". Called on context's own thread, `ask` runs directly.
namespace PromptRelay {
HostKeyPrompt hostKeyPrompt(QObject *context, std::function<bool(const HostKeyQuestion &)> ask);
SecretPrompt secretPrompt(QObject *context, std::function<std::optional<QByteArray>(const SecretQuestion &)> ask);
}
