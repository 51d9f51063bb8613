#pragma once

#include "Transport.h"

#include <libssh/libssh.h>
#include <libssh/sftp.h>

// Pulls files over one SFTP session of an SSH connection: lstat, resolve
// symlinks with the server's realpath (refusing escapes from confineTo), stat
// and fstat after open so only regular files are read (a FIFO or device is
// never opened), then pipelined AIO reads hashed with SHA-256 as they arrive.
// Short reads (procfs) restart the pipeline at the real offset.
class SftpFileReader
{
public:
    SftpFileReader(ssh_session session, const QString &hostSpec);
    ~SftpFileReader();
    SftpFileReader(const SftpFileReader &) = delete;
    SftpFileReader &operator=(const SftpFileReader &) = delete;

    // Opens the SFTP channel; returns an error message or empty.
    QString start();
    PullResult read(const PullRequest &request, const std::function<void(QByteArrayView)> &onData,
                    const CancelToken &cancel);

private:
    QString sftpError(const QString &path) const;

    ssh_session m_session;
    QString m_hostSpec;
    sftp_session m_sftp = nullptr;
};
