#pragma once

#include "Transport.h"

#include <libssh/libssh.h>
#include <libssh/sftp.h>

// Pulls files over one SFTP session of an SSH connection: lstat, resolve
// symlinks with the server's realpath (refusing escapes from confineTo), stat
// and fstat after open so only regular files are read (a FIFO or device is
// never opened), then pipelined AIO reads hashed with SHA-256 as they arrive.
// Short reads (procfs) restart the pipeline at the real offset. Reads never
// block: a server that stops answering is cut after ServerAliveInterval x
// ServerAliveCountMax, keeping what arrived.
class SftpFileReader
{
public:
    // A read request unanswered for stallLimitS (ServerAliveInterval x
    // ServerAliveCountMax) cuts the pull: the server stalled.
    // sessionTimeoutS: the session's SSH_OPTIONS_TIMEOUT, restored after a read.
    SftpFileReader(ssh_session session, const QString &hostSpec, int aliveIntervalS = 15, int aliveCountMax = 3,
                   int sessionTimeoutS = 20);
    ~SftpFileReader();
    SftpFileReader(const SftpFileReader &) = delete;
    SftpFileReader &operator=(const SftpFileReader &) = delete;

    // Opens the SFTP channel; returns an error message or empty.
    QString start();
    PullResult read(const PullRequest &request, const std::function<void(QByteArrayView)> &onData,
                    const CancelToken &cancel);

    // A pull was cut because the server stopped answering: free this reader,
    // then drop the connection (nothing more will come over it).
    bool stalled() const { return m_stalled; }

private:
    QString sftpError(const QString &path) const;

    ssh_session m_session;
    QString m_hostSpec;
    int m_aliveIntervalS;
    int m_aliveCountMax;
    int m_sessionTimeoutS;
    bool m_stalled = false;
    sftp_session m_sftp = nullptr;
};
