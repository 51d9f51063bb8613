#include "SftpFileReader.h"

#include "PathConfinement.h"

#include "util/Sha256.h"
#include <QElapsedTimer>
#include <QScopeGuard>

#include <deque>
#include <poll.h>
#include <fcntl.h>
#include <sys/stat.h>

namespace {

constexpr int kInFlight = 16;
constexpr size_t kDefaultChunk = 65536;

QString typeName(sftp_attributes a)
{
    const uint32_t fmt = a->permissions & S_IFMT;
    switch (fmt) {
    case S_IFDIR: return QStringLiteral("a directory");
    case S_IFCHR: return QStringLiteral("a character device");
    case S_IFBLK: return QStringLiteral("a block device");
    case S_IFIFO: return QStringLiteral("a FIFO");
    case S_IFSOCK: return QStringLiteral("a socket");
    case S_IFLNK: return QStringLiteral("a symbolic link");
    default: break;
    }
    if (a->type == SSH_FILEXFER_TYPE_DIRECTORY)
        return QStringLiteral("a directory");
    return QStringLiteral("not a regular file");
}

bool isRegular(sftp_attributes a)
{
    if (a->flags & SSH_FILEXFER_ATTR_PERMISSIONS)
        return (a->permissions & S_IFMT) == S_IFREG;
    return a->type == SSH_FILEXFER_TYPE_REGULAR;
}

bool isSymlink(sftp_attributes a)
{
    if (a->flags & SSH_FILEXFER_ATTR_PERMISSIONS)
        return (a->permissions & S_IFMT) == S_IFLNK;
    return a->type == SSH_FILEXFER_TYPE_SYMLINK;
}

struct AttrsDeleter
{
    void operator()(sftp_attributes a) const { sftp_attributes_free(a); }
};
using Attrs = std::unique_ptr<sftp_attributes_struct, AttrsDeleter>;

}

SftpFileReader::SftpFileReader(ssh_session session, const QString &hostSpec, int aliveIntervalS, int aliveCountMax,
                               int sessionTimeoutS)
    : m_session(session), m_hostSpec(hostSpec), m_aliveIntervalS(qMax(1, aliveIntervalS)), m_aliveCountMax(qMax(1, aliveCountMax)),
      m_sessionTimeoutS(qMax(1, sessionTimeoutS))
{
}

SftpFileReader::~SftpFileReader()
{
    if (m_sftp)
        sftp_free(m_sftp);
}

QString SftpFileReader::start()
{
    m_sftp = sftp_new(m_session);
    if (!m_sftp)
        return QStringLiteral("%1: cannot open an SFTP channel: %2").arg(m_hostSpec, QString::fromUtf8(ssh_get_error(m_session)));
    if (sftp_init(m_sftp) != SSH_OK) {
        const QString error = QStringLiteral("%1: SFTP is not available: %2").arg(m_hostSpec, QString::fromUtf8(ssh_get_error(m_session)));
        sftp_free(m_sftp);
        m_sftp = nullptr;
        return error;
    }
    return {};
}

QString SftpFileReader::sftpError(const QString &path) const
{
    const int code = sftp_get_error(m_sftp);
    QString why;
    switch (code) {
    case SSH_FX_NO_SUCH_FILE: why = QStringLiteral("No such file or directory"); break;
    case SSH_FX_PERMISSION_DENIED: why = QStringLiteral("Permission denied"); break;
    case SSH_FX_EOF: why = QStringLiteral("end of file"); break;
    case SSH_FX_OK:
    case SSH_FX_FAILURE:
    default:
        why = QString::fromUtf8(ssh_get_error(m_session));
        if (!ssh_is_connected(m_session))
            why = QStringLiteral("connection lost: ") + why;
        break;
    }
    return QStringLiteral("%1:%2: %3").arg(m_hostSpec, path, why);
}

PullResult SftpFileReader::read(const PullRequest &request, const std::function<void(QByteArrayView)> &onData,
                                const CancelToken &cancel)
{
    PullResult r;
    QElapsedTimer clock;
    clock.start();
    const QByteArray path = request.remotePath.toUtf8();
    Attrs link(sftp_lstat(m_sftp, path.constData()));
    if (!link) {
        r.error = sftpError(request.remotePath);
        return r;
    }
    if (isSymlink(link.get()) && !request.followSymlinks) {
        r.error = QStringLiteral("%1:%2: refusing a symbolic link").arg(m_hostSpec, request.remotePath);
        return r;
    }
    char *real = sftp_canonicalize_path(m_sftp, path.constData());
    if (!real) {
        r.error = sftpError(request.remotePath);
        return r;
    }
    const QString resolved = QString::fromUtf8(real);
    ssh_string_free_char(real);
    r.resolvedPath = resolved;
    if (!request.confineTo.isEmpty()) {
        const QByteArray rootPath = request.confineTo.toUtf8();
        char *root = sftp_canonicalize_path(m_sftp, rootPath.constData());
        if (!root) {
            r.error = sftpError(request.confineTo);
            return r;
        }
        const QString rootResolved = QString::fromUtf8(root);
        ssh_string_free_char(root);
        if (!PathConfinement::isInside(resolved, rootResolved)) {
            r.error = QStringLiteral("%1:%2").arg(m_hostSpec, PathConfinement::escapeMessage(request.remotePath, resolved, rootResolved));
            return r;
        }
    }
    const QByteArray resolvedName = resolved.toUtf8();
    Attrs target(sftp_stat(m_sftp, resolvedName.constData()));
    if (!target) {
        r.error = sftpError(request.remotePath);
        return r;
    }
    if (!isRegular(target.get())) {
        r.error = QStringLiteral("%1:%2: refusing %3").arg(m_hostSpec, request.remotePath, typeName(target.get()));
        return r;
    }
    sftp_file file = sftp_open(m_sftp, resolvedName.constData(), O_RDONLY, 0);
    if (!file) {
        r.error = sftpError(request.remotePath);
        return r;
    }
    Attrs opened(sftp_fstat(file));
    if (!opened || !isRegular(opened.get())) {
        sftp_close(file);
        r.error = QStringLiteral("%1:%2: the file changed while it was being opened; refusing").arg(m_hostSpec, request.remotePath);
        return r;
    }

    Sha256 hash;
    size_t chunk = kDefaultChunk;
    if (sftp_limits_t limits = sftp_limits(m_sftp)) {
        if (limits->max_read_length > 0)
            chunk = size_t(qMin<uint64_t>(limits->max_read_length, 256 * 1024));
        sftp_limits_free(limits);
    }
    QByteArray buf(qsizetype(chunk), Qt::Uninitialized);
    std::deque<std::pair<sftp_aio, uint64_t>> inFlight; // request, offset
    uint64_t nextOffset = 0;
    bool eof = false;
    // Waits never block: an unanswered request is polled for, so cancel,
    // the time limit and a stalled server all end the pull.
    sftp_file_set_nonblocking(file);
    const qint64 stallMs = qint64(m_aliveIntervalS) * m_aliveCountMax * 1000;
    // A packet whose start arrived is read to its end by libssh with a
    // blocking read bounded by the session timeout: make that the stall
    // limit too while the data flows, then restore it.
    const long stallS = long(stallMs / 1000);
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &stallS);
    const auto restoreTimeout = qScopeGuard([this] {
        const long s = long(m_sessionTimeoutS);
        ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &s);
    });
    qint64 lastAnswer = clock.elapsed();
    bool stalled = false;
    auto drain = [&] {
        for (auto &[aio, offset] : inFlight) {
            Q_UNUSED(offset);
            if (sftp_aio_wait_read(&aio, buf.data(), size_t(buf.size())) == SSH_AGAIN)
                sftp_aio_free(aio); // its answer, if it ever comes, is dropped
        }
        inFlight.clear();
    };
    const qint64 wantBytes = request.maxBytes >= 0 ? request.maxBytes + 1 : -1; // one more to see truncation
    while (true) {
        if (cancel.isCancelled()) {
            r.cancelled = true;
            break;
        }
        if (request.timeoutMs > 0 && clock.elapsed() >= request.timeoutMs) {
            r.error = QStringLiteral("%1:%2: timed out after %3 s pulling it").arg(m_hostSpec, request.remotePath).arg(clock.elapsed() / 1000);
            break;
        }
        while (!eof && int(inFlight.size()) < kInFlight && (wantBytes < 0 || qint64(nextOffset) < wantBytes)) {
            sftp_aio aio = nullptr;
            if (sftp_aio_begin_read(file, chunk, &aio) == SSH_ERROR) {
                r.error = sftpError(request.remotePath);
                break;
            }
            inFlight.emplace_back(aio, nextOffset);
            nextOffset += chunk;
        }
        if (!r.error.isEmpty() || inFlight.empty())
            break;
        const ssize_t n = sftp_aio_wait_read(&inFlight.front().first, buf.data(), size_t(buf.size()));
        if (n == SSH_AGAIN) {
            if (clock.elapsed() - lastAnswer >= stallMs) {
                stalled = true;
                r.error = QStringLiteral("%1:%2: timed out after %3 s without an answer from the server "
                                         "(ServerAliveInterval %4 s x ServerAliveCountMax %5); the pull stopped at %6 bytes")
                              .arg(m_hostSpec, request.remotePath).arg(stallMs / 1000).arg(m_aliveIntervalS).arg(m_aliveCountMax).arg(r.size);
                break;
            }
            if (!ssh_is_connected(m_session)) {
                r.error = sftpError(request.remotePath);
                break;
            }
            pollfd p{ssh_get_fd(m_session), POLLIN, 0};
            if (p.fd >= 0)
                poll(&p, 1, 100);
            continue;
        }
        const uint64_t offset = inFlight.front().second;
        inFlight.pop_front(); // its aio was freed by the wait
        if (n == SSH_ERROR) {
            if (clock.elapsed() - lastAnswer >= stallMs) {
                stalled = true;
                r.error = QStringLiteral("%1:%2: timed out after %3 s without an answer from the server "
                                         "(ServerAliveInterval %4 s x ServerAliveCountMax %5); the pull stopped at %6 bytes")
                              .arg(m_hostSpec, request.remotePath).arg(stallMs / 1000).arg(m_aliveIntervalS).arg(m_aliveCountMax).arg(r.size);
            } else {
                r.error = sftpError(request.remotePath);
            }
            break;
        }
        lastAnswer = clock.elapsed();
        if (n == 0) {
            eof = true;
            drain();
            break;
        }
        qint64 keep = n;
        if (request.maxBytes >= 0 && r.size + keep > request.maxBytes) {
            keep = request.maxBytes - r.size;
            r.truncated = true;
        }
        if (keep > 0) {
            const QByteArrayView part(buf.constData(), qsizetype(keep));
            hash.addData(part);
            r.size += keep;
            if (onData)
                onData(part);
        }
        if (r.truncated)
            break;
        if (size_t(n) < chunk) {
            // Short read: the requests after it start at the wrong offset.
            drain();
            nextOffset = offset + uint64_t(n);
            sftp_seek64(file, nextOffset);
        }
    }
    if (stalled) {
        // Nothing more will come; what arrived is kept.
        for (auto &[aio, offset] : inFlight) {
            Q_UNUSED(offset);
            sftp_aio_free(aio);
        }
        inFlight.clear();
        // sftp_close would wait for the stalled server: the small handle is
        // left, and the owner cuts the session (stalled()).
        m_stalled = true;
    } else {
        drain();
        sftp_close(file);
    }
    r.sha256 = QString::fromLatin1(hash.result().toHex());
    return r;
}
