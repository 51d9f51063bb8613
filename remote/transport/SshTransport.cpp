#include "SshTransport.h"

#include "OutputAccumulator.h"
#include "SftpFileReader.h"
#include "SshConnection.h"

#include <libssh/server.h> // ssh_send_keepalive

#include <QElapsedTimer>

#include <algorithm>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

namespace {
constexpr int kTickMs = 100;

// The IP address at the other end of the session's socket; empty when it is
// no TCP socket (a ProxyJump tunnel).
QString peerAddress(ssh_session session)
{
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    const socket_t fd = ssh_get_fd(session);
    if (fd < 0 || getpeername(fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
        return {};
    char text[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in *>(&addr)->sin_addr, text, sizeof text);
    else if (addr.ss_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6 *>(&addr)->sin6_addr, text, sizeof text);
    return QString::fromLatin1(text);
}
}

SshTransport::SshTransport(const QString &hostSpec, const SshOptions &options)
    : m_hostSpec(hostSpec), m_options(options)
{
}

SshTransport::~SshTransport()
{
    m_sftp.reset();
    m_connection.reset();
}

void SshTransport::connect(const CancelToken &cancel)
{
    m_sftp.reset();
    m_connection.reset();
    auto connection = std::make_unique<SshConnection>(m_hostSpec, m_options);
    connection->connect(cancel);
    m_connection = std::move(connection);
    const QString peer = peerAddress(m_connection->session());
    m_endpoint = {peer.isEmpty() ? m_connection->host() : peer, m_connection->port(), m_connection->user()};
}

HostEndpoint SshTransport::endpoint() const
{
    return m_connection ? m_endpoint : HostEndpoint{};
}

HostKeyInfo SshTransport::hostKey() const
{
    return m_connection ? m_connection->hostKey() : HostKeyInfo{};
}

QString SshTransport::lostMessage() const
{
    return QStringLiteral("%1: connection lost: %2")
        .arg(m_hostSpec, QString::fromUtf8(ssh_get_error(m_connection->session())));
}

RunResult SshTransport::run(const RunRequest &request, const OutputSink *sink, const CancelToken &cancel)
{
    RunResult r;
    QElapsedTimer clock;
    clock.start();
    if (!m_connection) {
        r.error = QStringLiteral("%1: not connected").arg(m_hostSpec);
        return r;
    }
    ssh_session session = m_connection->session();
    if (!ssh_is_connected(session)) {
        r.error = lostMessage();
        return r;
    }
    OutputAccumulator output(r, sink, request.maxOutputBytes);
    ssh_channel ch = ssh_channel_new(session);
    if (!ch || ssh_channel_open_session(ch) != SSH_OK) {
        r.error = QStringLiteral("%1: cannot open a session channel: %2").arg(m_hostSpec, QString::fromUtf8(ssh_get_error(session)));
        if (ch)
            ssh_channel_free(ch);
        return r;
    }
    const QByteArray command = request.command.toUtf8();
    if (ssh_channel_request_exec(ch, command.constData()) != SSH_OK) {
        r.error = QStringLiteral("%1: cannot run the command: %2").arg(m_hostSpec, QString::fromUtf8(ssh_get_error(session)));
        ssh_channel_free(ch);
        return r;
    }
    qsizetype stdinPos = 0;
    bool stdinClosed = false;
    QByteArray buf(64 * 1024, Qt::Uninitialized);
    qint64 lastTraffic = clock.elapsed();
    bool stopped = false;
    for (;;) {
        if (cancel.isCancelled()) {
            r.cancelled = true;
            stopped = true;
            break;
        }
        if (request.timeoutMs > 0 && clock.elapsed() >= request.timeoutMs) {
            r.timedOut = true;
            stopped = true;
            break;
        }
        if (!stdinClosed) {
            if (stdinPos < request.stdinData.size()) {
                const uint32_t window = ssh_channel_window_size(ch);
                const qsizetype chunk = std::min({request.stdinData.size() - stdinPos, qsizetype(window), qsizetype(32768)});
                if (chunk > 0) {
                    const int w = ssh_channel_write(ch, request.stdinData.constData() + stdinPos, uint32_t(chunk));
                    if (w == SSH_ERROR) {
                        r.error = lostMessage();
                        break;
                    }
                    stdinPos += w;
                }
            }
            if (stdinPos >= request.stdinData.size()) {
                ssh_channel_send_eof(ch);
                stdinClosed = true;
            }
        }
        bool got = false, failed = false;
        for (int stream = 0; stream < 2; ++stream) {
            for (int i = 0; i < 16; ++i) {
                const int n = ssh_channel_read_nonblocking(ch, buf.data(), uint32_t(buf.size()), stream);
                if (n > 0) {
                    got = true;
                    const QByteArrayView chunk(buf.constData(), n);
                    stream == 0 ? output.addStdout(chunk) : output.addStderr(chunk);
                    continue;
                }
                if (n == SSH_ERROR)
                    failed = true;
                break;
            }
        }
        if (failed) {
            r.error = lostMessage();
            break;
        }
        if (got) {
            lastTraffic = clock.elapsed();
            continue;
        }
        if (ssh_channel_is_eof(ch) || ssh_channel_is_closed(ch))
            break;
        if (!ssh_is_connected(session)) {
            r.error = lostMessage();
            break;
        }
        if (clock.elapsed() - lastTraffic >= m_options.keepaliveIntervalMs) {
            ssh_send_keepalive(session);
            lastTraffic = clock.elapsed();
        }
        pollfd p{ssh_get_fd(session), POLLIN, 0};
        if (p.fd >= 0)
            poll(&p, 1, kTickMs);
    }
    if (stopped) {
        // Ask sshd to kill the command, then drop the channel.
        ssh_channel_request_send_signal(ch, "KILL");
        ssh_channel_close(ch);
    } else if (r.error.isEmpty()) {
        uint32_t code = 0;
        char *signal = nullptr;
        int core = 0;
        if (ssh_channel_get_exit_state(ch, &code, &signal, &core) == SSH_OK) {
            if (signal) {
                r.exitSignal = QString::fromUtf8(signal);
                ssh_string_free_char(signal);
                r.exitCode = -1;
            } else {
                r.exitCode = int(code);
            }
        } else if (!ssh_is_connected(session)) {
            r.error = lostMessage();
        } else {
            r.error = QStringLiteral("%1: the command ended without an exit status").arg(m_hostSpec);
        }
        ssh_channel_close(ch);
    }
    ssh_channel_free(ch);
    r.durationMs = clock.elapsed();
    return r;
}

PullResult SshTransport::pull(const PullRequest &request, const std::function<void(QByteArrayView)> &onData,
                              const CancelToken &cancel)
{
    PullResult r;
    if (!m_connection) {
        r.error = QStringLiteral("%1: not connected").arg(m_hostSpec);
        return r;
    }
    if (!m_sftp) {
        m_sftp = std::make_unique<SftpFileReader>(m_connection->session(), m_hostSpec, m_connection->serverAliveIntervalS(),
                                                  m_connection->serverAliveCountMax(), qMax(1, m_connection->timeoutMs() / 1000));
        const QString error = m_sftp->start();
        if (!error.isEmpty()) {
            m_sftp.reset();
            r.error = error;
            return r;
        }
    }
    r = m_sftp->read(request, onData, cancel);
    if (m_sftp->stalled()) {
        // Like ssh after ServerAliveCountMax unanswered keepalives: the
        // session is cut (its SFTP channel first), so nothing waits on it.
        m_sftp.reset();
        ssh_silent_disconnect(m_connection->session());
    } else if (!ssh_is_connected(m_connection->session())) {
        m_sftp.reset();
    }
    return r;
}
