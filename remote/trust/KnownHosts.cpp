#include "KnownHosts.h"

#include "util/CaseError.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace {

constexpr qint64 kMaxKnownHostsBytes = 64LL << 20; // a sane bound on a hostile file

bool hashedMatches(const QString &entry, const QString &name)
{
    // |1|base64(salt)|base64(HMAC-SHA1(salt, name))
    const QStringList parts = entry.split(QLatin1Char('|'));
    if (parts.size() != 4 || parts.at(1) != QLatin1String("1"))
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    const QByteArray hash = QByteArray::fromBase64(parts.at(3).toLatin1());
    if (salt.isEmpty() || hash.isEmpty())
        return false;
    return QMessageAuthenticationCode::hash(name.toUtf8(), salt, QCryptographicHash::Sha1) == hash;
}

}

QString KnownHosts::hostName(const QString &host, int port)
{
    if (port <= 0 || port == 22)
        return host;
    return QStringLiteral("[%1]:%2").arg(host).arg(port);
}

QString KnownHosts::shortType(const QString &keyType)
{
    if (keyType == QLatin1String("ssh-ed25519"))
        return QStringLiteral("ED25519");
    if (keyType.startsWith(QLatin1String("ecdsa-")))
        return QStringLiteral("ECDSA");
    if (keyType == QLatin1String("ssh-rsa") || keyType.startsWith(QLatin1String("rsa-")))
        return QStringLiteral("RSA");
    if (keyType == QLatin1String("ssh-dss"))
        return QStringLiteral("DSA");
    if (keyType.startsWith(QLatin1String("sk-ssh-ed25519")))
        return QStringLiteral("ED25519-SK");
    if (keyType.startsWith(QLatin1String("sk-ecdsa")))
        return QStringLiteral("ECDSA-SK");
    return keyType.toUpper();
}

bool KnownHosts::wildcardMatch(const QString &pattern, const QString &text)
{
    // Iterative glob with backtracking on the last '*'.
    qsizetype p = 0, t = 0, star = -1, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern.at(p) == QLatin1Char('?')
                                   || pattern.at(p).toLower() == text.at(t).toLower())) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern.at(p) == QLatin1Char('*')) {
            star = p++;
            mark = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

bool KnownHosts::hostMatches(const QString &patterns, const QString &name)
{
    if (patterns.startsWith(QLatin1Char('|')))
        return hashedMatches(patterns, name);
    bool matched = false;
    for (const QString &raw : patterns.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const bool negated = raw.startsWith(QLatin1Char('!'));
        const QString pattern = negated ? raw.mid(1) : raw;
        if (wildcardMatch(pattern, name)) {
            if (negated)
                return false; // a negated match excludes the line outright
            matched = true;
        }
    }
    return matched;
}

KnownHosts::Match KnownHosts::check(const QString &host, int port, const QString &keyType, const QString &keyBase64) const
{
    const QString name = hostName(host, port);
    Match ok, changed, other, revoked;
    bool haveOk = false, haveChanged = false, haveOther = false, haveRevoked = false;
    QString certAuthority;
    for (const QString &path : m_files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        int lineNo = 0;
        qint64 readBytes = 0;
        while (!f.atEnd() && readBytes < kMaxKnownHostsBytes) {
            const QByteArray raw = f.readLine(1 << 20);
            readBytes += raw.size();
            ++lineNo;
            const QString line = QString::fromUtf8(raw).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            QStringList fields = line.split(QRegularExpression(QStringLiteral("[ \t]+")), Qt::SkipEmptyParts);
            QString marker;
            if (fields.value(0).startsWith(QLatin1Char('@'))) {
                marker = fields.takeFirst();
                if (marker == QLatin1String("@cert-authority")) {
                    if (certAuthority.isEmpty() && fields.size() >= 3 && hostMatches(fields.at(0), name))
                        certAuthority = QStringLiteral("%1:%2").arg(path).arg(lineNo);
                    continue;
                }
            }
            if (fields.size() < 3 || !hostMatches(fields.at(0), name))
                continue;
            const QString type = fields.at(1);
            const bool sameKey = type == keyType && fields.at(2) == keyBase64;
            Match m;
            m.file = path;
            m.line = lineNo;
            m.knownType = type;
            if (marker == QLatin1String("@revoked")) {
                if (sameKey && !haveRevoked) {
                    m.status = Match::Status::Revoked;
                    revoked = m;
                    haveRevoked = true;
                }
                continue;
            }
            if (sameKey && !haveOk) {
                m.status = Match::Status::Ok;
                ok = m;
                haveOk = true;
            } else if (!sameKey && type == keyType && !haveChanged) {
                m.status = Match::Status::Changed;
                changed = m;
                haveChanged = true;
            } else if (type != keyType && !haveOther) {
                m.status = Match::Status::OtherType;
                other = m;
                haveOther = true;
            }
        }
    }
    if (haveRevoked)
        return revoked;
    if (haveOk)
        return ok;
    if (haveChanged)
        return changed;
    if (haveOther)
        return other;
    Match unknown;
    unknown.certAuthority = certAuthority;
    return unknown;
}

QString KnownHosts::hashedName(const QString &name)
{
    QByteArray salt(20, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
    const QByteArray hash = QMessageAuthenticationCode::hash(name.toUtf8(), salt, QCryptographicHash::Sha1);
    return QStringLiteral("|1|%1|%2").arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(hash.toBase64()));
}

void KnownHosts::append(const QString &file, const QString &host, int port, const QString &keyType,
                        const QString &keyBase64, bool hashName)
{
    const QFileInfo info(file);
    if (!QFileInfo::exists(info.absolutePath())) {
        if (!QDir().mkpath(info.absolutePath()))
            throw CaseError(QStringLiteral("cannot create %1").arg(info.absolutePath()));
        QFile::setPermissions(info.absolutePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    QFile f(file);
    const bool existed = f.exists();
    if (!f.open(QIODevice::ReadWrite | QIODevice::Append))
        throw CaseError(QStringLiteral("cannot write %1: %2").arg(file, f.errorString()));
    if (!existed)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    QByteArray line;
    if (f.size() > 0) {
        QFile probe(file);
        if (probe.open(QIODevice::ReadOnly) && probe.seek(f.size() - 1) && probe.read(1) != "\n")
            line += '\n';
    }
    const QString name = hostName(host, port);
    line += (hashName ? hashedName(name) : name).toUtf8() + ' ' + keyType.toLatin1() + ' ' + keyBase64.toLatin1() + '\n';
    if (f.write(line) != line.size() || !f.flush())
        throw CaseError(QStringLiteral("cannot write %1: %2").arg(file, f.errorString()));
}
