#pragma once

#include "SshOptions.h"
#include "Transport.h"

#include <memory>
#include <mutex>

class SshConnection;
class SftpFileReader;

// A host over SSH (libssh): OpenSSH config honoured (HostName, User, Port,
// IdentityFile, IdentitiesOnly, ProxyJump, ConnectTimeout), known_hosts
// checked with OpenSSH semantics, agent/keys then (if allowed) passwords.
// Commands run on exec channels, files come over SFTP. connect() belongs to one
// thread; after it, run() and pull() may be called from several threads at
// once (one host's capture window): each call drives its own channel, and every
// libssh call on the shared session is serialised by m_sessionMutex (libssh
// sessions are not thread-safe); waiting for the socket happens outside it.
// Every blocking step has a timeout and polls the cancel.
class SshTransport : public Transport
{
public:
    SshTransport(const QString &hostSpec, const SshOptions &options);
    ~SshTransport() override;

    QString hostSpec() const override { return m_hostSpec; }
    void connect(const CancelToken &cancel) override;
    HostKeyInfo hostKey() const override;
    HostEndpoint endpoint() const override;
    RunResult run(const RunRequest &request, const OutputSink *sink, const CancelToken &cancel) override;
    PullResult pull(const PullRequest &request, const std::function<void(QByteArrayView)> &onData,
                    const CancelToken &cancel) override;

private:
    QString lostMessage() const;
    HostEndpoint m_endpoint;

    QString m_hostSpec;
    SshOptions m_options;
    std::unique_ptr<SshConnection> m_connection;
    std::unique_ptr<SftpFileReader> m_sftp; // started on the first pull
    std::mutex m_sessionMutex;              // held for every libssh call after connect
    std::mutex m_pullMutex;                 // one SFTP pull at a time (shares one SFTP channel)
};
