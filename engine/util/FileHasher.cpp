#include "FileHasher.h"

#include "Sha256.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <thread>

struct FileHasher::State
{
    QString path;
    QString hex;
    QString error;
    bool changed = false;
    qint64 bytes = 0;
    std::jthread thread;

    void run(const std::stop_token &stop)
    {
        const QFileInfo before(path);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            error = f.errorString();
            return;
        }
        Sha256 h;
        QByteArray block(8 << 20, Qt::Uninitialized);
        for (;;) {
            if (stop.stop_requested()) {
                error = QStringLiteral("cancelled");
                return;
            }
            const qint64 n = f.read(block.data(), block.size());
            if (n < 0) {
                error = f.errorString();
                return;
            }
            if (n == 0)
                break;
            h.addData(QByteArrayView(block.constData(), n));
            bytes += n;
        }
        QFileInfo after(path);
        after.refresh();
        changed = after.size() != before.size() || after.lastModified() != before.lastModified() || bytes != before.size();
        hex = h.hexResult();
    }
};

FileHasher::FileHasher(const QString &path) : m_state(std::make_unique<State>())
{
    m_state->path = path;
    State *s = m_state.get();
    s->thread = std::jthread([s](std::stop_token stop) { s->run(stop); });
}

FileHasher::~FileHasher()
{
    if (m_state->thread.joinable()) {
        m_state->thread.request_stop();
        m_state->thread.join();
    }
}

QString FileHasher::result()
{
    if (m_state->thread.joinable())
        m_state->thread.join();
    return m_state->hex;
}

QString FileHasher::error()
{
    result();
    return m_state->error;
}

bool FileHasher::changed()
{
    result();
    return m_state->changed;
}

qint64 FileHasher::bytes()
{
    result();
    return m_state->bytes;
}
