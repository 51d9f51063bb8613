#include "CaseChecks.h"

#include "casefile/CaseFile.h"
#include "casefile/CaseVerifier.h"
#include "util/CaseError.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace CaseChecks {

QStringList deletedDescriptors(const QString &casePath)
{
    QStringList deleted;
    const QString base = QFileInfo(casePath).fileName();
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &fd : fds.entryList(QDir::NoDotAndDotDot | QDir::System | QDir::Files)) {
        const QString target = QFile::symLinkTarget(fds.filePath(fd));
        if (target.contains(base) && target.endsWith(QLatin1String(" (deleted)")))
            deleted << target;
    }
    return deleted;
}

QString soundnessProblems(const QString &casePath)
{
    try {
        auto cf = CaseFile::open(casePath, CaseFile::Access::ReadOnly, CaseFileValidator::Integrity::Always);
        const CaseVerifier::Report r = CaseVerifier(cf->db()).verify();
        if (!r.integrityProblems.isEmpty())
            return r.integrityProblems.join(QLatin1Char('\n'));
        if (!r.ok())
            return QStringLiteral("verify failed: %1 artifact mismatches, %2 audit problems, %3 trigger problems")
                .arg(r.mismatches()).arg(r.auditProblems.size()).arg(r.triggerProblems.size());
        return {};
    } catch (const CaseError &e) {
        return e.message();
    }
}

qint64 peakRssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

}
