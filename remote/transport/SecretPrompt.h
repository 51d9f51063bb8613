#pragma once

#include <QByteArray>
#include <QString>
#include <functional>
#include <optional>

// A request for something secret: a key passphrase, a password, a
// keyboard-interactive answer, or the password sudo asks for on the host
// (BecomePassword: asked at most once per host and connection).
struct SecretQuestion
{
    enum class Kind { KeyPassphrase, Password, KeyboardInteractive, BecomePassword };
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
