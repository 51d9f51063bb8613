#include "LocalFileReader.h"

#include "PathConfinement.h"

#include "util/Sha256.h"
#include <QElapsedTimer>
#include "casefile/OpenCaseRegistry.h"

#include <QFile>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace {

constexpr qsizetype kChunk = 256 * 1024;
constexpr size_t kMaxQueued = 8;

QString fileTypeName(mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("a directory");
    if (S_ISCHR(mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(mode))
        return QStringLiteral("a block device");
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    if (S_ISLNK(mode))
        return QStringLiteral("a symbolic link");
    return QStringLiteral("not a regular file");
}

// State shared between the waiting caller and the reading helper thread; it
// outlives an abandoned helper through the shared_ptr.
struct Shared
{
    std::mutex mutex;
    std::condition_variable cv;
    std::deque<QByteArray> chunks;
    bool done = false;
    bool stop = false;
    QString error;
    QString resolvedPath;
};

QString errnoText()
{
    return QString::fromLocal8Bit(strerror(errno));
}

// Helper thread body: open with every check, then stream chunks.
void readFile(std::shared_ptr<Shared> s, PullRequest request)
{
    auto fail = [&](const QString &message) {
        std::lock_guard lock(s->mutex);
        s->error = message;
        s->done = true;
        s->cv.notify_all();
    };
    const QByteArray path = QFile::encodeName(request.remotePath);
    struct stat st;
    if (lstat(path.constData(), &st) != 0)
        return fail(QStringLiteral("%1: %2").arg(request.remotePath, errnoText()));
    if (S_ISLNK(st.st_mode) && !request.followSymlinks)
        return fail(QStringLiteral("%1: refusing a symbolic link").arg(request.remotePath));
    char *real = realpath(path.constData(), nullptr);
    if (!real)
        return fail(QStringLiteral("%1: %2").arg(request.remotePath, errnoText()));
    const QString resolved = QFile::decodeName(real);
    free(real);
    if (!request.confineTo.isEmpty()) {
        char *root = realpath(QFile::encodeName(request.confineTo).constData(), nullptr);
        if (!root)
            return fail(QStringLiteral("%1: %2").arg(request.confineTo, errnoText()));
        const QString rootPath = QFile::decodeName(root);
        free(root);
        if (!PathConfinement::isInside(resolved, rootPath))
            return fail(PathConfinement::escapeMessage(request.remotePath, resolved, rootPath));
    }
    const QByteArray resolvedName = QFile::encodeName(resolved);
    if (stat(resolvedName.constData(), &st) != 0)
        return fail(QStringLiteral("%1: %2").arg(request.remotePath, errnoText()));
    if (!S_ISREG(st.st_mode))
        return fail(QStringLiteral("%1: refusing %2").arg(request.remotePath, fileTypeName(st.st_mode)));
    if (OpenCaseRegistry::holds(resolved))
        return fail(QStringLiteral("%1: refusing a case file open in Casebook (it is never read through a second "
                                   "descriptor)").arg(request.remotePath));
    // O_NONBLOCK: a FIFO swapped in after the check must not block the open.
    const int fd = open(resolvedName.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return fail(QStringLiteral("%1: %2").arg(request.remotePath, errnoText()));
    struct stat opened;
    if (fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode) || opened.st_ino != st.st_ino || opened.st_dev != st.st_dev) {
        close(fd);
        return fail(QStringLiteral("%1: the file changed while it was being opened; refusing").arg(request.remotePath));
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    {
        std::lock_guard lock(s->mutex);
        s->resolvedPath = resolved;
    }
    for (;;) {
        QByteArray chunk(kChunk, Qt::Uninitialized);
        const ssize_t n = ::read(fd, chunk.data(), size_t(chunk.size()));
        if (n < 0 && errno == EINTR)
            continue;
        std::unique_lock lock(s->mutex);
        if (n < 0) {
            s->error = QStringLiteral("%1: read failed: %2").arg(request.remotePath, errnoText());
            break;
        }
        if (n == 0)
            break;
        chunk.truncate(n);
        s->cv.wait(lock, [&] { return s->stop || s->chunks.size() < kMaxQueued; });
        if (s->stop)
            break;
        s->chunks.push_back(std::move(chunk));
        s->cv.notify_all();
    }
    close(fd);
    std::lock_guard lock(s->mutex);
    s->done = true;
    s->cv.notify_all();
}

}

namespace LocalFileReader {

PullResult read(const PullRequest &request, const std::function<void(QByteArrayView)> &onData, const CancelToken &cancel)
{
    PullResult result;
    QElapsedTimer clock;
    clock.start();
    auto shared = std::make_shared<Shared>();
    std::thread helper(readFile, shared, request);
    Sha256 hash;
    bool abandoned = false;
    for (;;) {
        std::unique_lock lock(shared->mutex);
        shared->cv.wait_for(lock, std::chrono::milliseconds(100),
                            [&] { return shared->done || !shared->chunks.empty(); });
        if (!shared->chunks.empty()) {
            QByteArray chunk = std::move(shared->chunks.front());
            shared->chunks.pop_front();
            shared->cv.notify_all();
            lock.unlock();
            qsizetype keep = chunk.size();
            if (request.maxBytes >= 0 && result.size + keep > request.maxBytes) {
                keep = qsizetype(request.maxBytes - result.size);
                result.truncated = true;
            }
            if (keep > 0) {
                const QByteArrayView part(chunk.constData(), keep);
                hash.addData(part);
                result.size += keep;
                if (onData)
                    onData(part);
            }
            if (result.truncated) {
                abandoned = true;
                break;
            }
            continue;
        }
        if (shared->done) {
            result.error = shared->error;
            break;
        }
        lock.unlock();
        if (cancel.isCancelled()) {
            result.cancelled = true;
            abandoned = true;
            break;
        }
        if (request.timeoutMs > 0 && clock.elapsed() >= request.timeoutMs) {
            result.error = QStringLiteral("%1: timed out after %2 ms").arg(request.remotePath).arg(clock.elapsed());
            abandoned = true;
            break;
        }
    }
    {
        std::lock_guard lock(shared->mutex);
        shared->stop = true;
        shared->cv.notify_all();
        result.resolvedPath = shared->resolvedPath;
        if (!shared->done && abandoned) {
            // Possibly stuck in the kernel (dead NFS): let it finish on its own.
            helper.detach();
        }
    }
    if (helper.joinable())
        helper.join();
    result.sha256 = QString::fromLatin1(hash.result().toHex());
    return result;
}

}
