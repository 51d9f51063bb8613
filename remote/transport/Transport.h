#pragma once

#include "BecomeOptions.h"
#include "util/CancelToken.h"

#include <QByteArray>
#include <QString>
#include <functional>

// What every collector needs from a host, whatever carries it (local
// processes or an SSH session). The methods block and are meant to be called on
// a worker thread (each SSH session lives on its own thread); they poll the
// CancelToken and honour every time limit, so they never hang.

struct HostKeyInfo
{
    QString type;        // ssh-ed25519, ecdsa-sha2-nistp256, rsa-sha2-512... empty for local
    QString sha256;      // 'SHA256:base64' as OpenSSH prints it
    bool isEmpty() const { return type.isEmpty(); }
};

// Where a transport is connected: the resolved address actually connected to,
// the port and the login user. Empty address and port for local.
struct HostEndpoint
{
    QString address;
    int port = 0;
    QString user;
};

struct RunRequest
{
    QString command;                   // run by sh -c on the host
    QByteArray stdinData;              // written to stdin, then stdin is closed
    int timeoutMs = 60000;             // whole-command limit; <= 0 means none
    qint64 maxOutputBytes = 64LL << 20; // per stream, sinks too; the rest is discarded and flagged; <= 0: none
};

struct RunResult
{
    int exitCode = -1;
    QString exitSignal;        // "KILL", "TERM"... when killed by a signal
    bool timedOut = false;
    bool cancelled = false;
    bool stdoutTruncated = false;
    bool stderrTruncated = false;
    QByteArray stdoutData;     // collected unless a sink consumed the stream
    QByteArray stderrData;
    QString error;             // transport failure; empty when the command ran
    qint64 durationMs = 0;

    bool ok() const { return error.isEmpty() && !timedOut && !cancelled && exitSignal.isEmpty() && exitCode == 0; }
};

// Receives output as it arrives (on the calling worker thread). When given,
// RunResult::stdoutData/stderrData stay empty.
struct OutputSink
{
    std::function<void(QByteArrayView)> onStdout;
    std::function<void(QByteArrayView)> onStderr;
};

struct PullRequest
{
    QString remotePath;
    qint64 maxBytes = 1LL << 30; // beyond this the pull stops and is flagged truncated
    int timeoutMs = 300000;
    // When non-empty, an absolute directory the file must resolve into: a path
    // whose symlinks lead outside it is refused ("symlink escape").
    QString confineTo;
    // When false, a path whose last component is a symlink is refused.
    bool followSymlinks = true;
};

struct PullResult
{
    qint64 size = 0;
    QString sha256;     // hex of the bytes received
    bool truncated = false;
    bool cancelled = false;
    QString error;      // e.g. "not a regular file", permission denied
    QString resolvedPath; // the path actually read (symlinks resolved)
    bool ok() const { return error.isEmpty() && !cancelled; }
};

class Transport
{
public:
    virtual ~Transport();

    // The host as the user named it ('local', alias, user@host:port).
    virtual QString hostSpec() const = 0;
    // Connects and authenticates; a no-op for local. Throws TransportError.
    virtual void connect(const CancelToken &cancel) = 0;
    virtual HostKeyInfo hostKey() const { return {}; }
    // After connect: where it is connected, as who.
    virtual HostEndpoint endpoint() const { return {}; }
    // After connect: how commands are made to run as root (sudo/doas, as
    // whom); empty when they run as the login account.
    virtual BecomeRecord become() const { return {}; }
    virtual RunResult run(const RunRequest &request, const OutputSink *sink, const CancelToken &cancel) = 0;
    // Streams a regular file; anything else (directory, device, fifo) is refused.
    virtual PullResult pull(const PullRequest &request, const std::function<void(QByteArrayView)> &onData,
                            const CancelToken &cancel) = 0;
};

// Connection-level failure: resolve, connect, host key, authentication.
class TransportError : public std::runtime_error
{
public:
    enum class Kind { Connect, HostKeyUnknown, HostKeyChanged, Auth, Timeout, Cancelled, Protocol };
    TransportError(Kind kind, const QString &message)
        : std::runtime_error(message.toStdString()), m_kind(kind), m_message(message) {}
    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }

private:
    Kind m_kind;
    QString m_message;
};
