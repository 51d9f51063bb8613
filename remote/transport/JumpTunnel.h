#pragma once

#include <QString>

#include <atomic>
#include <memory>
#include <thread>

class SshConnection;

// One ProxyJump hop: a direct-tcpip channel from an authenticated jump host
// to the next host, relayed to a local socket pair by a thread that owns the
// jump session from then on. The next session connects over fd().
class JumpTunnel
{
public:
    // Opens the channel (throws TransportError naming the hop on failure).
    JumpTunnel(std::unique_ptr<SshConnection> hop, const QString &toHost, int toPort);
    ~JumpTunnel();
    JumpTunnel(const JumpTunnel &) = delete;
    JumpTunnel &operator=(const JumpTunnel &) = delete;

    int fd() const { return m_localFd; }

private:
    void relay();

    std::unique_ptr<SshConnection> m_hop;
    void *m_channel = nullptr; // ssh_channel
    int m_localFd = -1;        // given to the next session
    int m_relayFd = -1;        // the relay thread's end
    std::atomic_bool m_stop{false};
    std::thread m_thread;
};
