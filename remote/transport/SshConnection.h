#pragma once

#include "HostSpec.h"
#include "SshHostConfig.h"
#include "SshOptions.h"
#include "Transport.h"

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include <memory>
#include <vector>

class JumpTunnel;

// One authenticated libssh session to one host, plus the jump hosts in front
// of it (ProxyJump: each hop is its own SshConnection, verified against
// known_hosts and authenticated like the target, tunnelled by a JumpTunnel).
// Connect and authentication run non-blocking so that cancel and the connect
// timeout are honoured at every step. Used by one worker thread at a time.
class SshConnection
{
public:
    SshConnection(const QString &hostSpec, const SshOptions &options, bool isJumpHop = false);
    ~SshConnection();
    SshConnection(const SshConnection &) = delete;
    SshConnection &operator=(const SshConnection &) = delete;

    // Resolves ssh_config for the spec as OpenSSH does (the spec's user and
    // port win) and applies the result to the libssh session. Throws
    // TransportError(Connect) for unusable specs or config.
    void configure();
    // Connects (through fd when >= 0), verifies the host key, authenticates.
    void connect(const CancelToken &cancel, int fd = -1);

    ssh_session session() const { return m_session; }
    HostKeyInfo hostKey() const { return m_hostKey; }
    const QString &label() const { return m_label; }  // the spec as given
    const QString &host() const { return m_host; }    // after HostName
    int port() const { return m_port; }
    const QString &user() const { return m_user; }
    int timeoutMs() const { return m_timeoutMs; }
    // ServerAliveInterval (s) and ServerAliveCountMax in effect: from the
    // config, else SshOptions (15 s x 3). Their product is how long a
    // session may give no answer before it is cut as stalled.
    int serverAliveIntervalS() const;
    int serverAliveCountMax() const;
    const SshOptions &options() const { return m_options; }

private:
    void setupJumps(const CancelToken &cancel, const QString &proxyJump, int &fd);
    void connectSession(const CancelToken &cancel);
    void verifyHostKey();
    void authenticate(const CancelToken &cancel);
    // Repeats a non-blocking libssh call while it answers "again".
    int waitFor(const CancelToken &cancel, const std::function<int()> &step, int againCode, const char *what);
    void tuneSocket();
    [[noreturn]] void fail(TransportError::Kind kind, const QString &message);
    static int passphraseCallback(const char *prompt, char *buf, size_t len, int echo, int verify, void *userdata);

    QString m_label;
    SshOptions m_options;
    bool m_isJumpHop;
    HostSpec m_spec;
    ssh_session m_session = nullptr;
    ssh_callbacks_struct m_callbacks{};
    QString m_host;
    int m_port = 22;
    QString m_user;
    int m_timeoutMs = 20000;
    qint64 m_deadline = 0;
    SshHostConfig m_config;
    HostKeyInfo m_hostKey;
    QString m_proxyJump;
    std::vector<std::unique_ptr<JumpTunnel>> m_tunnels; // outermost hop first
};
