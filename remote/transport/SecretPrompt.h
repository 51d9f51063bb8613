#pragma once

#include <QByteArray>
#include <QString>
#include <functional>
#include <optional>

// A request for something secret: a key passphrase, a password or a
// keyboard-interactive answer.
struct SecretQuestion
{
    enum class Kind { KeyPassphrase, Password, KeyboardInteractive };
    Kind kind = Kind::Password;
    QString host;
    QString user;
    QString prompt;      // as the server or libssh words it
    bool echo = false;   // keyboard-interactive prompts may allow echo
};

// Returns the answer, or nullopt to give up. Called on the SSH session's
// worker thread (GUI: marshal with Qt::BlockingQueuedConnection). The answer
// is used once, wiped, and never stored.
using SecretPrompt = std::function<std::optional<QByteArray>(const SecretQuestion &)>;
