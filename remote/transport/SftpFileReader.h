#pragma once

#include "Transport.h"

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <mutex>

// Pulls files over one SFTP session of an SSH connection: lstat, resolve
// symlinks with the server's realpath (refusing escapes from confineTo), stat
// and fstat after open so only regular files are read (a FIFO or device is
// never opened), then pipelined AIO reads hashed with SHA-256 as they arrive.
// Short reads (procfs) restart the pipeline at the real offset. read() holds
// sessionMutex for every libssh call and releases it while onData runs, so
// other channels of the same session keep moving during a long pull.
class SftpFileReader
{
public:
    SftpFileReader(ssh_session session, const QString &hostSpec, std::mutex &sessionMutex);
    ~SftpFileReader();
    SftpFileReader(const SftpFileReader &) = delete;
    SftpFileReader &operator=(const SftpFileReader &) = delete;

    // Opens the SFTP channel (the caller holds sessionMutex); returns an error message or empty.
    QString start();
    PullResult read(const PullRequest &request, const std::function<void(QByteArrayView)> &onData,
                    const CancelToken &cancel);

private:
    QString sftpError(const QString &path) const;

    ssh_session m_session;
    QString m_hostSpec;
    std::mutex &m_sessionMutex;
    sftp_session m_sftp = nullptr;
};
