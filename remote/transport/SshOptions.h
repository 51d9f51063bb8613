#pragma once

#include "BecomeOptions.h"
#include "SecretPrompt.h"
#include "trust/HostKeyPrompt.h"

#include <QHash>
#include <QString>

// How SSH connections are made. Empty paths mean OpenSSH's defaults
// (~/.ssh/config and /etc/ssh/ssh_config, ~/.ssh/known_hosts and
// /etc/ssh/ssh_known_hosts), found through the passwd database as libssh does.
struct SshOptions
{
    QString configFile;        // like ssh -F: only this file is read
    QString knownHostsFile;    // like -o UserKnownHostsFile=FILE
    QString globalKnownHostsFile;
    bool acceptNew = false;    // like -o StrictHostKeyChecking=accept-new (else the config's)
    bool allowPassword = false; // keyboard-interactive and password auth
    int connectTimeoutMs = 0;  // 0: ConnectTimeout from the config, else 20 s
    int keepaliveIntervalMs = 15000; // keepalive@openssh.com when idle (ServerAliveInterval unless the config sets it)
    int keepaliveCountMax = 3; // unanswered intervals before the peer is dead; a pull without an answer for
                               // interval x count is cut as stalled
    HostKeyPrompt hostKeyPrompt;  // unknown host keys; unset = refuse (unless acceptNew)
    HostKeyNotice hostKeyAdded;   // told when a key was recorded without asking (acceptNew)
    SecretPrompt secretPrompt;    // passphrases and passwords (sudo's too); unset = none
    BecomeOptions become;         // run the host's work as root (--sudo); TransportFactory applies it
    QHash<QString, BecomeOptions> becomeByHost; // per host spec (hosts file "become=..."), wins over become

    BecomeOptions becomeFor(const QString &hostSpec) const { return becomeByHost.value(hostSpec, become); }
};
