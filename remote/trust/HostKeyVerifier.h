#pragma once

#include "HostKeyPrompt.h"
#include "KnownHosts.h"

// Decides whether to trust a server's host key, as OpenSSH would: a known key
// passes; an unknown host is asked about through the prompt (or accepted and
// recorded with acceptNew, like StrictHostKeyChecking=accept-new); a changed
// key, a key of another type than the one recorded, or a revoked key is
// refused naming the known_hosts file and line, and nothing is written.
struct HostKeyVerifier
{
    QStringList knownHostsFiles;  // user files first, then global
    QString appendFile;           // where accepted keys go (the first UserKnownHostsFile)
    bool hashNames = false;       // HashKnownHosts: record |1|salt|hash, not the name
    bool acceptNew = false;
    HostKeyPrompt prompt;
    HostKeyNotice added;          // told when acceptNew recorded a key

    struct ServerKey
    {
        QString type;    // ssh-ed25519...
        QString base64;  // the public key blob
        QString sha256;  // SHA256:...
    };

    // Returns normally when trusted; throws TransportError (HostKeyUnknown or
    // HostKeyChanged) with an OpenSSH-style message otherwise.
    void verify(const QString &host, int port, const ServerKey &key) const;
};
