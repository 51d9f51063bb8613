#include "JumpTunnel.h"

#include "SshConnection.h"

#include <libssh/libssh.h>

#include <sys/socket.h>
#include <unistd.h>

JumpTunnel::JumpTunnel(std::unique_ptr<SshConnection> hop, const QString &toHost, int toPort)
    : m_hop(std::move(hop))
{
    ssh_session session = m_hop->session();
    ssh_channel channel = ssh_channel_new(session);
    if (!channel)
        throw TransportError(TransportError::Kind::Connect, QStringLiteral("%1: cannot create a channel").arg(m_hop->label()));
    const QByteArray host = toHost.toUtf8();
    if (ssh_channel_open_forward(channel, host.constData(), toPort, "127.0.0.1", 65535) != SSH_OK) {
        const QString error = QString::fromUtf8(ssh_get_error(session));
        ssh_channel_free(channel);
        throw TransportError(TransportError::Kind::Connect,
                             QStringLiteral("jump host %1 could not open a connection to %2 port %3: %4")
                                 .arg(m_hop->label(), toHost).arg(toPort).arg(error));
    }
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        ssh_channel_free(channel);
        throw TransportError(TransportError::Kind::Connect, QStringLiteral("cannot create a socket pair"));
    }
    m_channel = channel;
    m_localFd = pair[0];
    m_relayFd = pair[1];
    m_thread = std::thread([this] { relay(); });
}

JumpTunnel::~JumpTunnel()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_channel) {
        ssh_channel_close(static_cast<ssh_channel>(m_channel));
        ssh_channel_free(static_cast<ssh_channel>(m_channel));
    }
    if (m_localFd >= 0)
        ::close(m_localFd);
    if (m_relayFd >= 0)
        ::close(m_relayFd);
    m_hop.reset();
}

void JumpTunnel::relay()
{
    auto channel = static_cast<ssh_channel>(m_channel);
    ssh_session session = m_hop->session();
    ssh_event event = ssh_event_new();
    ssh_connector toChannel = ssh_connector_new(session);
    ssh_connector fromChannel = ssh_connector_new(session);
    if (event && toChannel && fromChannel) {
        ssh_connector_set_in_fd(toChannel, m_relayFd);
        ssh_connector_set_out_channel(toChannel, channel, SSH_CONNECTOR_STDINOUT);
        ssh_connector_set_in_channel(fromChannel, channel, SSH_CONNECTOR_STDINOUT);
        ssh_connector_set_out_fd(fromChannel, m_relayFd);
        ssh_event_add_connector(event, toChannel);
        ssh_event_add_connector(event, fromChannel);
        while (!m_stop && ssh_channel_is_open(channel) && !ssh_channel_is_eof(channel)) {
            if (ssh_event_dopoll(event, 100) == SSH_ERROR)
                break;
        }
        ssh_event_remove_connector(event, toChannel);
        ssh_event_remove_connector(event, fromChannel);
    }
    if (toChannel)
        ssh_connector_free(toChannel);
    if (fromChannel)
        ssh_connector_free(fromChannel);
    if (event)
        ssh_event_free(event);
    // The next session sees the tunnel end as a closed connection.
    shutdown(m_relayFd, SHUT_RDWR);
}
