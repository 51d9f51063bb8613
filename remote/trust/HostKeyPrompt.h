#pragma once

#include <QString>
#include <functional>

// What the user is asked when a host's key is not in any known_hosts file.
struct HostKeyQuestion
{
    QString host;           // as it will be written to known_hosts: host or [host]:port
    QString keyType;        // ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa...
    QString sha256;         // SHA256:base64, as OpenSSH prints it
    QString knownHostsFile; // where the key is appended if trusted
};

// Returns true to trust the key (it is then appended to knownHostsFile).
// Called on the SSH session's worker thread: a GUI must marshal it to its own
// thread with a blocking queued call (QMetaObject::invokeMethod with
// Qt::BlockingQueuedConnection) and answer from there.
using HostKeyPrompt = std::function<bool(const HostKeyQuestion &)>;

// Told (on the worker thread) that an unknown key was trusted without asking
// and recorded, e.g. to print OpenSSH's "Permanently added" warning.
using HostKeyNotice = std::function<void(const HostKeyQuestion &)>;
