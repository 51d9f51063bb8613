#include "ArtifactRedaction.h"

#include "Redactor.h"
#include "casefile/SqliteDatabase.h"
#include "casefile/SqliteStatement.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <tuple>

namespace {
constexpr qsizetype kChunk = 1 << 20;
constexpr qint64 kMaxRedactBytes = 512LL << 20;

bool looksBinary(const QByteArray &head, const QString &kind, const QString &mediaType)
{
    if (kind == QLatin1String("pcap") || mediaType.contains(QLatin1String("pcap")) || mediaType.startsWith(QLatin1String("image/")))
        return true;
    return head.left(64 * 1024).contains('\0');
}
}

template<typename Fn> void ArtifactRedaction::eachArtifact(Fn fn)
{
    QList<std::tuple<qint64, QString, QString, QString>> arts; // id, kind, media_type, name
    {
        SqliteStatement st = m_db.prepare(QStringLiteral("SELECT id, kind, media_type, name FROM artifacts ORDER BY id"));
        while (st.step())
            arts.append({st.int64(0), st.text(1), st.text(2), st.text(3)});
    }
    SqliteStatement chunks = m_db.prepare(QStringLiteral("SELECT data FROM artifact_chunks WHERE artifact_id = ? ORDER BY seq"));
    for (const auto &[id, kind, mediaType, name] : arts) {
        if (m_done.value(id).withheld)
            continue;
        Content c{id, name, {}, false};
        chunks.bind(1, id);
        bool tooBig = false;
        while (chunks.step()) {
            c.bytes += chunks.blobView(0);
            if (c.bytes.size() > kMaxRedactBytes) {
                tooBig = true;
                break;
            }
        }
        chunks.reset();
        c.binary = tooBig || looksBinary(c.bytes, kind, mediaType);
        fn(c);
    }
}

int ArtifactRedaction::run()
{
    int rewritten = 0;
    SqliteStatement del = m_db.prepare(QStringLiteral("DELETE FROM artifact_chunks WHERE artifact_id = ?"));
    SqliteStatement ins = m_db.prepare(QStringLiteral("INSERT INTO artifact_chunks(artifact_id, seq, data) VALUES (?,?,?)"));
    SqliteStatement upd = m_db.prepare(QStringLiteral("UPDATE artifacts SET size = ?, sha256 = ?, truncated = truncated OR ? WHERE id = ?"));
    SqliteStatement sha = m_db.prepare(QStringLiteral("SELECT coalesce(sha256, '') FROM artifacts WHERE id = ?"));
    eachArtifact([&](const Content &c) {
        const QByteArray redacted = c.binary ? QByteArray() : m_redactor.redactBytes(c.bytes);
        if (!c.binary && redacted == c.bytes)
            return;
        if (!m_done.contains(c.id)) {
            sha.bind(1, c.id);
            m_done[c.id].originalSha = sha.step() ? sha.text(0) : QString();
            sha.reset();
        }
        del.bind(1, c.id);
        del.exec();
        for (qsizetype off = 0, seq = 0; off < redacted.size(); off += kChunk, ++seq) {
            ins.bind(1, c.id).bind(2, qint64(seq)).bindBlob(3, QByteArrayView(redacted).mid(off, kChunk));
            ins.exec();
        }
        Done &d = m_done[c.id];
        d.sha = QString::fromLatin1(QCryptographicHash::hash(redacted, QCryptographicHash::Sha256).toHex());
        d.size = redacted.size();
        d.withheld = c.binary;
        upd.bind(1, qint64(redacted.size())).bind(2, d.sha).bind(3, c.binary ? 1 : 0).bind(4, c.id);
        upd.exec();
        ++rewritten;
    });
    return rewritten;
}

QList<ArtifactRedaction::Leftover> ArtifactRedaction::leftovers()
{
    QList<Leftover> out;
    eachArtifact([&](const Content &c) {
        if (c.binary)
            return; // withheld by the next run()
        // A block of whole lines at a time, as Redactor::redactBytes redacts.
        for (qsizetype from = 0; from < c.bytes.size();) {
            qsizetype to = c.bytes.size();
            if (to - from > Redactor::kBlockBytes && m_redactor.linesAreIndependent()) {
                const qsizetype nl = c.bytes.indexOf('\n', from + Redactor::kBlockBytes);
                if (nl >= 0)
                    to = nl + 1;
            }
            for (RedactionScanner::Match m : m_redactor.scanner().findAll(QString::fromLatin1(QByteArrayView(c.bytes).sliced(from, to - from)), true)) {
                m.start += from;
                out.append({c.id, c.name, m});
            }
            from = to;
        }
    });
    return out;
}

int ArtifactRedaction::redacted() const
{
    int n = 0;
    for (const Done &d : m_done)
        n += d.withheld ? 0 : 1;
    return n;
}

int ArtifactRedaction::withheld() const
{
    return int(m_done.size()) - redacted();
}

QJsonArray ArtifactRedaction::log() const
{
    QJsonArray out;
    for (auto it = m_done.constBegin(); it != m_done.constEnd(); ++it)
        out.append(QJsonObject{{QStringLiteral("artifact"), it.key()}, {QStringLiteral("original_sha256"), it->originalSha},
                               {QStringLiteral("sha256"), it->sha}, {QStringLiteral("size"), it->size},
                               {QStringLiteral("content"), it->withheld ? QStringLiteral("withheld (binary or too large to redact)")
                                                                       : QStringLiteral("redacted")}});
    return out;
}
