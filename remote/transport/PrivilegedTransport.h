#pragma once

#include "BecomeOptions.h"
#include "SecretPrompt.h"
#include "Transport.h"

#include <memory>

// Runs everything another transport runs as root, with sudo or doas
// (BecomeOptions). connect() connects the inner transport, then asks the tool
// whether it runs commands without a password (sudo -n); if not, it asks the
// SecretPrompt once (SecretQuestion::Kind::BecomePassword), checks the answer
// with one `sudo -S` run and fails with "sudo on HOST: incorrect password"
// when it is wrong. The password lives only in this object's memory (wiped on
// destruction) and reaches the host only on a command's stdin, as the line
// `sudo -S -p ''` reads: never argv, environment, logs or the case.
// doas has no way to read a password from stdin: only `doas -n` (a "nopass"
// rule in doas.conf) works; otherwise connect() fails saying so.
// Commands run as `sudo ... -- /bin/sh -c COMMAND`; files are pulled by a
// small script run the same way (same refusals as SFTP: not a regular file,
// symlink escape), so files only root may read come too.
class PrivilegedTransport : public Transport
{
public:
    PrivilegedTransport(std::unique_ptr<Transport> inner, const BecomeOptions &become, SecretPrompt passwordPrompt);
    ~PrivilegedTransport() override;

    QString hostSpec() const override { return m_inner->hostSpec(); }
    void connect(const CancelToken &cancel) override;
    HostKeyInfo hostKey() const override { return m_inner->hostKey(); }
    HostEndpoint endpoint() const override { return m_inner->endpoint(); }
    BecomeRecord become() const override { return m_record; }
    RunResult run(const RunRequest &request, const OutputSink *sink, const CancelToken &cancel) override;
    PullResult pull(const PullRequest &request, const std::function<void(QByteArrayView)> &onData,
                    const CancelToken &cancel) override;

private:
    QString toolName() const;
    QString who() const; // "sudo on HOST"
    [[noreturn]] void refuse(TransportError::Kind kind, const QString &why) const;
    void establish(const CancelToken &cancel);
    [[noreturn]] void explainProbeFailure(const RunResult &probe) const;
    void wipePassword();

    std::unique_ptr<Transport> m_inner;
    BecomeOptions m_become;
    SecretPrompt m_prompt;
    bool m_needsPassword = false;
    QByteArray m_password;
    QString m_token;  // framing line after the password (random per connection)
    BecomeRecord m_record;
};
