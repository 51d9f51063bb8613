#pragma once

#include "transport/SshOptions.h"
#include "transport/Transport.h"

#include <QProcessEnvironment>
#include <QString>
#include <QList>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>
#include <vector>

class QProcess;

// Real OpenSSH servers for tests: N sshd instances on 127.0.0.1, each on its
// own free port, sharing one generated ed25519 host key and one authorized
// client key, with a config isolated from the machine's own. Tests pass
// sshConfigPath() and knownHostsPath() explicitly (--ssh-config,
// --known-hosts): libssh finds ~/.ssh through the passwd database, so the
// environment alone cannot isolate it. Needs root (the build root is).
// Non-root logins: hostSpecFor(user) with an account from ThrowawayUser.
class SshdFixture
{
public:
    SshdFixture();
    ~SshdFixture();
    SshdFixture(const SshdFixture &) = delete;
    SshdFixture &operator=(const SshdFixture &) = delete;

    // Starts count more instances; false with *error set when sshd is missing
    // or will not come up. Rewrites the ssh_config and known_hosts files.
    bool start(int count = 1, QString *error = nullptr);
    // Instances started after this run in a PID namespace of their own (with
    // their own /proc), as separate hosts would: a session there sees only
    // the processes of its own instance. Needs unshare(1) and root.
    void setOwnPidNamespace(bool own) { m_ownPidNamespace = own; }
    // Stops instance i with SIGKILL (its port then refuses connections).
    void kill(int i);
    void stopAll();
    // The per-connection processes of instance i (sshd-session and what it
    // runs): SIGSTOP them to make a server stall mid-transfer.
    QList<qint64> sessionPids(int i = 0) const;

    int count() const { return int(m_instances.size()); }
    int port(int i = 0) const;
    // "sshd-<i>", an alias defined in sshConfigPath().
    QString alias(int i = 0) const;
    // "root@127.0.0.1:<port>" (works with sshConfigPath() too: Host * block).
    QString hostSpec(int i = 0) const;
    // "<user>@127.0.0.1:<port>": another account (e.g. a ThrowawayUser) logs
    // in with the same client key; authorized_keys is readable by every
    // account for that.
    QString hostSpecFor(const QString &user, int i = 0) const;
    // [127.0.0.1]:<port>, as known_hosts names it.
    QString knownHostsName(int i = 0) const;

    QString dir() const { return m_dir.path(); }
    QString sshConfigPath() const;
    // Lists every instance's host key: connections are trusted.
    QString knownHostsPath() const;
    QString identityFile() const;   // authorized client key (no passphrase)
    QString hostKeyLine() const;    // "ssh-ed25519 AAAA..." (no comment)
    QString hostKeyFingerprint() const; // SHA256:...
    QString userName() const;       // the user tests log in as
    QString logPath(int i = 0) const;
    // A fresh key pair in dir(): returns the private key path.
    QString generateKey(const QString &name, const QString &type = QStringLiteral("ed25519"),
                        const QString &passphrase = {}) const;
    // Common casectl arguments: --ssh-config F --known-hosts F.
    QStringList casectlArgs() const;
    // The same for the library: sshConfigPath() and knownHostsPath().
    SshOptions sshOptions() const;
    // A transport to hostSpec(i) with sshOptions(), connected (throws
    // CaseError when it cannot connect).
    std::unique_ptr<Transport> connect(int i = 0) const;
    // The environment for child processes, without an ssh-agent socket.
    QProcessEnvironment environment() const;

    // Writes ssh_config again, inserting extra text before the Host * block.
    void writeSshConfig(const QString &extra = {});

private:
    struct Instance;
    bool startOne(Instance &instance, QString *error);
    void writeKnownHosts();

    QTemporaryDir m_dir;
    QString m_user;
    QString m_hostKeyLine;
    QString m_fingerprint;
    QString m_extraConfig;
    std::vector<std::unique_ptr<Instance>> m_instances;
    bool m_ownPidNamespace = false;
};
